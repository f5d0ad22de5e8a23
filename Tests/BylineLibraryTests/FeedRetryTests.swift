import BylineCore
import Foundation
import Synchronization
import TestHTTPServer
import Testing

@testable import BylineLibrary

/// A clock the tests move on, for the refresher's back-off.
final class TestClock: Sendable {
  let time = Mutex(1_800_000_000.0)
  func advance(minutes: Double) { time.withLock { $0 += minutes * 60 } }
  var now: @Sendable () -> Double { { [self] in time.withLock { $0 } } }
}

/// Failed page fetches of summary-only items, tried again by later refreshes within bounds.
@Suite("Feeds: failed page fetches are retried, bounded, with back-off")
struct FeedRetryTests {
  static func library(_ feeds: ThreeFeeds, clock: TestClock, change: (inout FeedRefresher) -> Void = { _ in })
    -> Library
  {
    let library = Library(
      paths: [], feeds: [FeedSubscription(location: feeds.server.url("/harbour.rss"))],
      cacheDirectory: feeds.folder.path + "/cache")
    var refresher = library.refresher
    refresher.now = clock.now
    change(&refresher)
    library.refresher = refresher
    return library
  }

  static func gateNote(_ library: Library) -> String? {
    library.snapshot().entries.first { $0.title == "Gate closed" }?.note
  }

  @Test func aFailedPageIsTriedAgainAfterItsBackOffEvenWhenTheFeedAnswers304() {
    let feeds = try! ThreeFeeds()
    let clock = TestClock()
    let library = Self.library(feeds, clock: clock)
    #expect(
      library.refreshFeedsAndWait().map(\.line) == [
        "Harbour Times: 2 new items (2 in the feed), 1 full article fetched, 1 kept as summary (page fetch failed)"
      ])
    #expect(feeds.server.count("/gone.html") == 1)
    // At once: the back-off (15 minutes) is not over.
    #expect(library.refreshFeedsAndWait().map(\.line) == ["Harbour Times: unchanged"])
    #expect(feeds.server.count("/gone.html") == 1)
    // 16 minutes on: tried again, on a feed that answers 304.
    clock.advance(minutes: 16)
    #expect(library.refreshFeedsAndWait().map(\.line) == ["Harbour Times: unchanged, 1 page fetch failed again"])
    #expect(feeds.server.count("/gone.html") == 2)
    #expect(feeds.server.notModifiedCount("/harbour.rss") == 2)
    #expect(Self.gateNote(library) == "summary only: 404 Not Found")
    // The next wait is 30 minutes: 16 more are not enough, and a new process on the same cache
    // knows it (the count and the time are stored).
    clock.advance(minutes: 16)
    library.close()
    let reopened = Self.library(feeds, clock: clock)
    #expect(reopened.refreshFeedsAndWait().map(\.line) == ["Harbour Times: unchanged"])
    #expect(feeds.server.count("/gone.html") == 2)
    // The page is there now: fetched, and never again.
    feeds.server.set("/gone.html", TestHTTPServer.Response(body: ThreeFeeds.nightPage))
    clock.advance(minutes: 16)
    #expect(reopened.refreshFeedsAndWait().map(\.line) == ["Harbour Times: unchanged, 1 full article fetched"])
    #expect(Self.gateNote(reopened) == nil)
    #expect(reopened.snapshot().entries.first { $0.title == "Gate closed" }?.listing?.quoteCount == 1)
    clock.advance(minutes: 60 * 24 * 3)
    _ = reopened.refreshFeedsAndWait()
    #expect(feeds.server.count("/gone.html") == 3)
    #expect(feeds.server.count("/night.html") == 1)
    reopened.close()
  }

  @Test func retriesStopAfterTheMaximumAndAreFewPerRefresh() {
    let feeds = try! ThreeFeeds()
    feeds.server.set(
      "/harbour.rss",
      TestHTTPServer.Response(
        type: "application/rss+xml", body: feeds.rss(items: [feeds.gone, feeds.dawn]), etag: "\"r1\""))
    let clock = TestClock()
    let library = Self.library(feeds, clock: clock) {
      $0.maximumAttempts = 3
      $0.retriesPerFeed = 1
    }
    _ = library.refreshFeedsAndWait()
    #expect(feeds.server.count("/gone.html") == 2, "both new items fetched once")
    // One retry per refresh for this feed, whatever is due.
    clock.advance(minutes: 16)
    #expect(library.refreshFeedsAndWait().map(\.line) == ["Harbour Times: unchanged, 1 page fetch failed again"])
    #expect(feeds.server.count("/gone.html") == 3)
    clock.advance(minutes: 16)
    _ = library.refreshFeedsAndWait()
    #expect(feeds.server.count("/gone.html") == 4)
    // Each has had two tries or three; days later, what is left of the three tries is used,
    // then no more.
    for _ in 0..<4 {
      clock.advance(minutes: 60 * 24)
      _ = library.refreshFeedsAndWait()
    }
    #expect(feeds.server.count("/gone.html") == 6, "three tries each, in all")
    let notes = library.snapshot().entries.compactMap(\.note)
    #expect(notes == Array(repeating: "summary only: 404 Not Found (gave up after 3 tries)", count: 2))
    library.close()
  }
}
