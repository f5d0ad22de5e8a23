import BylineCore
import BylineWeb
import Foundation

/// A feed in `byline export`'s three formats: the feed's title and link, then its items.
enum FeedExport {
  /// The feed as JSON, keys sorted, written by ``JSONWriter`` as it goes: JSONSerialization
  /// built it as a tree of dictionaries and sorted each one's keys by locale (two thirds of
  /// exporting a feed of 12,500 items).
  static func json(_ feed: Feed) -> String {
    var bytes: [UInt8] = []
    var writer = JSONWriter { bytes.append(contentsOf: $0) }
    writer.beginObject()
    writer.key("items")
    writer.beginArray()
    for item in feed.items { write(item, to: &writer) }
    writer.endArray()
    writer.key("link")
    writer.value(feed.link)
    writer.key("subtitle")
    writer.value(feed.subtitle)
    writer.key("title")
    writer.value(feed.title)
    writer.key("updated")
    writer.value(feed.updated.map(iso))
    writer.endObject()
    writer.finish()
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func write(_ item: FeedItem, to writer: inout JSONWriter) {
    writer.beginObject()
    writer.key("author")
    writer.value(item.author)
    writer.key("content")
    writer.value(item.content)
    writer.key("enclosures")
    writer.beginArray()
    for enclosure in item.enclosures {
      writer.beginObject()
      writer.key("length")
      writer.value(enclosure.length)
      writer.key("type")
      writer.value(enclosure.type)
      writer.key("url")
      writer.value(enclosure.url)
      writer.endObject()
    }
    writer.endArray()
    writer.key("hasFullContent")
    writer.value(item.hasFullContent)
    writer.key("id")
    writer.value(item.id)
    writer.key("link")
    writer.value(item.link)
    writer.key("published")
    writer.value(item.published.map(iso))
    writer.key("summary")
    writer.value(item.summary)
    writer.key("title")
    writer.value(item.title)
    writer.endObject()
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
