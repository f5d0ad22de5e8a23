import BylineCore
import BylineWeb
import Foundation

/// A feed in `byline export`'s three formats: the feed's title and link, then its items.
enum FeedExport {
  static func json(_ feed: Feed) -> String {
    var object: [String: Any] = [
      "title": feed.title,
      "items": feed.items.map(item),
    ]
    object["link"] = feed.link ?? NSNull()
    object["subtitle"] = feed.subtitle ?? NSNull()
    object["updated"] = feed.updated.map(iso) ?? NSNull()
    let data =
      (try? JSONSerialization.data(
        withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]))
      ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self)
  }

  private static func item(_ item: FeedItem) -> [String: Any] {
    [
      "id": item.id,
      "title": item.title,
      "link": item.link ?? NSNull(),
      "author": item.author ?? NSNull(),
      "published": item.published.map(iso) ?? NSNull(),
      "summary": item.summary ?? NSNull(),
      "content": item.content ?? NSNull(),
      "hasFullContent": item.hasFullContent,
      "enclosures": item.enclosures.map { enclosure -> [String: Any] in
        ["url": enclosure.url, "type": enclosure.type ?? NSNull(), "length": enclosure.length ?? NSNull()]
      },
    ]
  }

  static func text(_ feed: Feed) -> String {
    var out = (feed.title.isEmpty ? "(untitled feed)" : feed.title) + "\n"
    if let link = feed.link { out += link + "\n" }
    if let subtitle = feed.subtitle, !subtitle.isEmpty { out += "\n" + subtitle + "\n" }
    out += "\n\(feed.items.count) item\(feed.items.count == 1 ? "" : "s")\n"
    for item in feed.items {
      out += "\n" + String(repeating: "-", count: 40) + "\n"
      out += (item.title.isEmpty ? "(untitled)" : item.title) + "\n"
      let meta = metaLine(item)
      if !meta.isEmpty { out += meta + "\n" }
      if let link = item.link { out += link + "\n" }
      if let text = item.content ?? item.summary, !text.isEmpty { out += "\n" + text + "\n" }
      for enclosure in item.enclosures { out += "\nattached: " + enclosureLine(enclosure) + "\n" }
    }
    return out
  }

  static func markdown(_ feed: Feed) -> String {
    let escape = ArticleExport.escapeMarkdown
    var out = "# " + escape(feed.title.isEmpty ? "(untitled feed)" : feed.title) + "\n\n"
    if let link = feed.link { out += "<\(link)>\n\n" }
    if let subtitle = feed.subtitle, !subtitle.isEmpty { out += "*" + escape(subtitle) + "*\n\n" }
    for item in feed.items {
      let title = escape(item.title.isEmpty ? "(untitled)" : item.title)
      out += "## " + (item.link.map { "[\(title)](<\($0)>)" } ?? title) + "\n\n"
      let meta = metaLine(item)
      if !meta.isEmpty { out += escape(meta) + "\n\n" }
      if let text = item.content ?? item.summary, !text.isEmpty { out += escape(text) + "\n\n" }
      for enclosure in item.enclosures {
        out += "- attached: <\(enclosure.url)>" + escape(enclosureDetails(enclosure)) + "\n"
      }
      if !item.enclosures.isEmpty { out += "\n" }
    }
    return out
  }

  private static func metaLine(_ item: FeedItem) -> String {
    var parts: [String] = []
    if let date = item.published { parts.append(iso(date)) }
    if let author = item.author { parts.append("By \(author)") }
    if !item.hasFullContent && item.summary != nil { parts.append("summary only") }
    return parts.joined(separator: " · ")
  }

  private static func enclosureLine(_ enclosure: FeedEnclosure) -> String {
    enclosure.url + enclosureDetails(enclosure)
  }

  private static func enclosureDetails(_ enclosure: FeedEnclosure) -> String {
    let details = [enclosure.type, enclosure.length.map { "\($0) bytes" }].compactMap { $0 }
    return details.isEmpty ? "" : " (" + details.joined(separator: ", ") + ")"
  }

  /// ISO 8601 in UTC, to the second (`2026-11-30T09:15:00Z`).
  static func iso(_ date: Date) -> String {
    ISO8601DateFormatter.string(from: date, timeZone: .gmt, formatOptions: [.withInternetDateTime])
  }
}
