import ArgumentParser
import BylineCore
import BylineLibrary
import BylineWeb
import Foundation

/// `byline feed ...`: the feeds the library follows (the `feeds` of config.toml).
struct FeedCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "feed",
    abstract: "Follow RSS and Atom feeds: add, remove, list, import, export and refresh them.",
    discussion: """
      Feeds are kept in the `feeds` of $XDG_CONFIG_HOME/byline/config.toml (~/.config/byline by \
      default), as [[feeds]] tables with url, and optionally name and tags; add, remove and \
      import edit only those tables and leave the rest of the file as it is. Their items are \
      stored in the library's cache with their articles, so a feed's history stays after items \
      leave it. The library (`byline`) shows the feeds and their items; r there refreshes them.
      """,
    subcommands: [
      FeedAdd.self, FeedRemove.self, FeedList.self, FeedImport.self, FeedExportCommand.self, FeedRefresh.self,
    ])

  /// The config, or exit with its error.
  static func config() throws -> BylineConfig {
    do {
      return try BylineConfig.load()
    } catch {
      reportError(error.description)
      throw ExitCode.badInput
    }
  }

  /// Runs an edit of the config's feeds and saves it, or exits with its error.
  static func edit(_ body: (inout FeedConfigEditor) throws(FeedConfigEditor.EditError) -> Void) throws {
    do {
      var editor = try FeedConfigEditor()
      try body(&editor)
      try editor.save()
    } catch {
      reportError(error.description)
      throw ExitCode.badInput
    }
  }
}

/// `byline feed add URL [--name NAME] [--tag TAG...]`.
struct FeedAdd: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: "Follow a feed: add its URL to config.toml.")

  @Argument(help: "The feed's http(s) URL.")
  var url: String

  @Option(help: "A name to show instead of the feed's own title.")
  var name: String?

  @Option(name: .customLong("tag"), help: "A tag for the feed (repeat for several).")
  var tags: [String] = []

  func validate() throws {
    guard PageFetcher.isURL(url), URL(string: url)?.host != nil else {
      throw ValidationError("\(url) is not an http(s) URL (feed files open directly: byline FILE)")
    }
  }

  func run() throws {
    let config = try FeedCommand.config()
    if let known = config.feeds.first(where: { $0.location == url }) {
      reportError("already following \(known.location)\(known.name.map { " (\($0))" } ?? "")")
      throw ExitCode.badInput
    }
    let feed = FeedSubscription(location: url, name: name, tags: tags)
    try FeedCommand.edit { editor throws(FeedConfigEditor.EditError) in try editor.add([feed]) }
    emit(
      "following \(url)\(name.map { " as \($0)" } ?? "") (\(config.feeds.count + 1) feed\(config.feeds.count == 0 ? "" : "s")); byline feed refresh reads it"
    )
  }
}

/// `byline feed remove URL|NAME`.
struct FeedRemove: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "remove",
    abstract: "Stop following a feed (by URL or name). Its stored items stay in the cache.")

  @Argument(help: "The feed's URL or name.")
  var feed: String

  func run() throws {
    let config = try FeedCommand.config()
    var removed: [FeedSubscription] = []
    try FeedCommand.edit { editor throws(FeedConfigEditor.EditError) in
      removed = try editor.remove(feed, among: config.feeds)
    }
    guard !removed.isEmpty else {
      reportError("no feed with the URL or name \(feed) (byline feed list shows them)")
      throw ExitCode.badInput
    }
    for subscription in removed { emit("no longer following \(subscription.location)") }
  }
}

/// `byline feed list`.
struct FeedList: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List the feeds followed, with their stored and unread items.")

  func run() throws {
    let config = try FeedCommand.config()
    guard !config.feeds.isEmpty else {
      emit("no feeds yet: byline feed add URL, or byline feed import FILE.opml")
      return
    }
    let opened = LibraryCache.open(directory: LibraryCache.defaultDirectory())
    let cache = opened.cache
    let locations = config.feeds.map(\.location)
    let records = cache?.feedRecords(locations) ?? [:]
    let items = cache?.storedItems(of: locations) ?? []
    for feed in config.feeds {
      let record = records[feed.location]
      let mine = items.filter { $0.feed == feed.location }
      let name = feed.displayName(title: record?.title)
      var line = name == feed.location ? name : "\(name)  \(feed.location)"
      if !feed.tags.isEmpty { line += "  [\(feed.tags.joined(separator: ", "))]" }
      if record == nil {
        line += "  (not read yet)"
      } else {
        line += "  \(mine.count) item\(mine.count == 1 ? "" : "s"), \(mine.filter { !$0.read }.count) unread"
      }
      if let error = record?.error { line += "  ⚠ \(error)" }
      emit(line)
    }
    cache?.close()
  }
}

/// `byline feed import FILE.opml`.
struct FeedImport: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Follow the feeds of an OPML file (newsboat's and every other reader's export).")

  @Argument(help: "The OPML file.")
  var file: String

  func run() throws {
    let data: Data
    switch BoundedRead.read(path: file, limit: OPML.maximumBytes) {
    case .success(let read): data = read
    case .failure(let failure):
      reportError("\(file) \(failure)")
      throw ExitCode.badInput
    }
    let outlines: [OPML.Outline]
    do {
      outlines = try OPML.read(data)
    } catch {
      reportError("\(file) \(error.description)")
      throw ExitCode.badInput
    }
    let config = try FeedCommand.config()
    var known = Set(config.feeds.map(\.location))
    var added: [FeedSubscription] = []
    var skipped = 0
    for outline in outlines {
      guard PageFetcher.isURL(outline.url) else {
        reportError("skipped \(outline.url): not an http(s) URL")
        skipped += 1
        continue
      }
      guard known.insert(outline.url).inserted else { continue }
      added.append(FeedSubscription(location: outline.url, name: outline.title, tags: outline.tags))
    }
    if !added.isEmpty {
      try FeedCommand.edit { editor throws(FeedConfigEditor.EditError) in try editor.add(added) }
    }
    let already = outlines.count - added.count - skipped
    emit(
      "imported \(added.count) feed\(added.count == 1 ? "" : "s") from \(file)"
        + (already > 0 ? " (\(already) already followed)" : ""))
  }
}

/// `byline feed export`.
struct FeedExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export", abstract: "Print the feeds followed as OPML 2.0, for other readers.")

  func run() throws {
    let config = try FeedCommand.config()
    let opened = LibraryCache.open(directory: LibraryCache.defaultDirectory())
    let records = opened.cache?.feedRecords(config.feeds.map(\.location)) ?? [:]
    opened.cache?.close()
    let outlines = config.feeds.map { feed in
      let title = records[feed.location]?.title
      return OPML.Outline(
        url: feed.location, title: feed.name ?? (title?.isEmpty == false ? title : nil), tags: feed.tags)
    }
    emit(OPML.write(outlines), terminator: "")
  }
}

/// `byline feed refresh`: for cron, no screen.
struct FeedRefresh: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "refresh",
    abstract: "Refresh the feeds without a screen (for cron) and print what changed.",
    discussion: """
      Each feed is read with a conditional request (ETag, Last-Modified) and a 15 s time-out, \
      four at a time; the pages of new items that carry only a summary are fetched and their \
      articles extracted (an item whose page fails keeps its summary). One line per feed on \
      standard output; a feed that fails is one line on standard error. The exit status is 0 \
      when at least one feed was read (or there are none), 1 when every feed failed.
      """)

  @Argument(help: "Feeds to refresh (URLs or feed files); the config's feeds when none.")
  var feeds: [String] = []

  func run() throws {
    let subscriptions = feeds.isEmpty ? try FeedCommand.config().feeds : feeds.map { FeedSubscription(location: $0) }
    guard !subscriptions.isEmpty else {
      emit("no feeds to refresh: byline feed add URL, or byline feed import FILE.opml")
      return
    }
    let library = Library(paths: [], feeds: subscriptions)
    let reports = library.refreshFeedsAndWait()
    for message in library.snapshot().messages { reportError(message) }
    for report in reports {
      if report.failed {
        reportError(report.line)
      } else {
        emit(report.line)
      }
    }
    library.cache?.close()
    if !reports.isEmpty, reports.allSatisfy(\.failed) { throw ExitCode(1) }
  }
}
