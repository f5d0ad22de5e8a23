import BylineCore
import BylineLibrary
import Foundation

/// Edits the `feeds` of config.toml as text, so that everything else in the file (comments,
/// order, other keys) stays as the person wrote it: a feed is added as a `[[feeds]]` table at
/// the end, and removed by deleting its table's lines. The new text is read back with the
/// config reader before it replaces the file (atomically), so an edit never leaves a file
/// Byline cannot read.
///
/// Feeds written as an inline list (`feeds = [...]`) are left for the person to edit: adding
/// a `[[feeds]]` table after them would define `feeds` twice.
struct FeedConfigEditor {
  var url: URL
  var text: String

  /// Why the config cannot be edited.
  struct EditError: Error, CustomStringConvertible {
    var description: String
  }

  init(url: URL = BylineConfig.defaultURL) throws(EditError) {
    self.url = url
    if FileManager.default.fileExists(atPath: url.path) {
      guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8)
      else {
        throw EditError(description: "\(url.path): cannot be read as UTF-8 text")
      }
      self.text = text
    } else {
      text = ""
    }
  }

  /// Whether the file sets `feeds = [...]` on one key line rather than with `[[feeds]]` tables.
  var hasInlineFeeds: Bool {
    lines.contains { line in
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      guard trimmed.hasPrefix("feeds") else { return false }
      return trimmed.dropFirst("feeds".count).trimmingCharacters(in: .whitespaces).hasPrefix("=")
    }
  }

  var lines: [String] { text.components(separatedBy: "\n") }

  func inlineProblem() -> EditError {
    EditError(
      description:
        "\(url.path) lists its feeds inline (feeds = [...]): edit that list by hand, or write each feed as a [[feeds]] table, which byline feed add and remove edit"
    )
  }

  /// Appends one `[[feeds]]` table per subscription.
  mutating func add(_ feeds: [FeedSubscription]) throws(EditError) {
    guard !feeds.isEmpty else { return }
    if hasInlineFeeds { throw inlineProblem() }
    var addition = text.isEmpty || text.hasSuffix("\n") ? "" : "\n"
    for feed in feeds {
      addition += "\n[[feeds]]\nurl = \(FeedConfigEditor.quoted(feed.location))\n"
      if let name = feed.name { addition += "name = \(FeedConfigEditor.quoted(name))\n" }
      if !feed.tags.isEmpty {
        addition += "tags = [\(feed.tags.map(FeedConfigEditor.quoted).joined(separator: ", "))]\n"
      }
    }
    text += addition
  }

  /// Removes the `[[feeds]]` tables whose URL or name is `which`; returns the removed feeds.
  mutating func remove(_ which: String, among feeds: [FeedSubscription]) throws(EditError) -> [FeedSubscription] {
    let matching = feeds.filter { $0.location == which || $0.name == which }
    guard !matching.isEmpty else { return [] }
    if hasInlineFeeds { throw inlineProblem() }
    // The tables in order: the n-th [[feeds]] header is the n-th feed of the config.
    var kept: [String] = []
    var tableIndex = -1
    var inFeedTable = false
    var removed = false
    for line in lines {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.hasPrefix("[") {
        inFeedTable = trimmed.replacingOccurrences(of: " ", with: "").hasPrefix("[[feeds]]")
        if inFeedTable { tableIndex += 1 }
      }
      let drop = inFeedTable && tableIndex < feeds.count && matching.contains(feeds[tableIndex])
      if drop {
        removed = true
        continue
      }
      kept.append(line)
    }
    guard removed else { return [] }
    // Blank lines left where a table was: at most one in a row.
    var tidy: [String] = []
    for line in kept
    where
      !(line.trimmingCharacters(in: .whitespaces).isEmpty
      && tidy.last?.trimmingCharacters(in: .whitespaces).isEmpty == true)
    {
      tidy.append(line)
    }
    text = tidy.joined(separator: "\n")
    return matching
  }

  /// Checks the new text with the config reader, then replaces the file atomically.
  func save() throws(EditError) {
    let folder = url.deletingLastPathComponent()
    let check = folder.appendingPathComponent(".config.toml.check-\(getpid())")
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try Data(text.utf8).write(to: check)
    } catch {
      throw EditError(description: "\(url.path): cannot be written (\(ErrorWords.describe(error)))")
    }
    defer { try? FileManager.default.removeItem(at: check) }
    do {
      _ = try BylineConfig.load(from: check)
    } catch {
      throw EditError(description: "\(url.path) was left as it was: the edited file would not read (\(error.reason))")
    }
    do {
      try Data(text.utf8).write(to: url, options: .atomic)
    } catch {
      throw EditError(description: "\(url.path): cannot be written (\(ErrorWords.describe(error)))")
    }
  }

  /// A TOML basic string: quotes, backslashes and control characters escaped.
  static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          out += String(format: "\\u%04X", scalar.value)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
