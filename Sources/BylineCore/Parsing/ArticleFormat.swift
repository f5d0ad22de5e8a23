import Foundation

/// One kind of article file Byline reads: the names it goes by, how to recognise its first
/// bytes, and how to turn its bytes into an ``Article``.
///
/// Every format is one value in ``ArticleFormats``; the loader, standard input, the library
/// scanner and the help text all ask that one list, so a new format is one file and one
/// `register` line. Plain text and Markdown are built in. Formats that need more than
/// Foundation (HTML needs libxml2) live in other modules and register themselves at start-up
/// (`BylineWeb.install()`), which keeps BylineCore free of them: Core knows the registry,
/// never the formats outside it.
public struct ArticleFormat: Sendable {
  /// A short name for help and errors: `text`, `markdown`, `html`.
  public var name: String
  /// File name extensions (lower case, no dot) that mean this format.
  public var extensions: Set<String>
  /// Whether the first bytes of a file (up to ``ArticleFormats/sniffLength``) look like this
  /// format; asked only when the name's extension claims no format (standard input, `page`).
  public var sniff: @Sendable (Data) -> Bool
  /// Parses the whole file's bytes; `source` names it (a path, `-` or a URL).
  public var parse: @Sendable (Data, String) throws(ArticleLoadError) -> Article

  public init(
    name: String, extensions: Set<String>, sniff: @escaping @Sendable (Data) -> Bool,
    parse: @escaping @Sendable (Data, String) throws(ArticleLoadError) -> Article
  ) {
    self.name = name
    self.extensions = extensions
    self.sniff = sniff
    self.parse = parse
  }

  /// Plain text (UTF-8), read by ``ArticleParser``: the fallback for anything unclaimed.
  public static let text = ArticleFormat(
    name: "text", extensions: ["txt", "text"], sniff: { _ in true },
    parse: { data, source throws(ArticleLoadError) in
      ArticleParser.parse(try ArticleLoader.decode(data, path: source), source: source)
    })

  /// Markdown with optional front matter, read by ``MarkdownReader``.
  public static let markdown = ArticleFormat(
    name: "markdown", extensions: MarkdownReader.extensions, sniff: { _ in false },
    parse: { data, source throws(ArticleLoadError) in
      let article = MarkdownReader.parse(try ArticleLoader.decode(data, path: source), source: source)
      // Markup and nothing else (a rule, an empty heading, link definitions) is no article.
      if article.blocks.isEmpty { throw .empty(path: source) }
      return article
    })
}

/// The registry of article formats: one list, in the order they are asked.
public enum ArticleFormats {
  /// How many leading bytes a sniff sees.
  public static let sniffLength = 1024

  private static let lock = NSLock()
  nonisolated(unsafe) private static var formats: [ArticleFormat] = [.markdown]
  nonisolated(unsafe) private static var extensionBytes: [[UInt8]] = utf8(of: [.markdown, .text])

  /// Adds a format, or replaces the one of the same name. Plain text stays the fallback.
  public static func register(_ format: ArticleFormat) {
    lock.lock()
    defer { lock.unlock() }
    formats.removeAll { $0.name == format.name }
    formats.append(format)
    extensionBytes = utf8(of: formats + [.text])
  }

  /// ``extensions`` as UTF-8 bytes, kept ready for the library scanner's per-file check.
  public static var extensionsUTF8: [[UInt8]] {
    lock.lock()
    defer { lock.unlock() }
    return extensionBytes
  }

  private static func utf8(of formats: [ArticleFormat]) -> [[UInt8]] {
    formats.flatMap(\.extensions).map { Array($0.utf8) }
  }

  /// Every format, plain text last.
  public static var all: [ArticleFormat] {
    lock.lock()
    defer { lock.unlock() }
    return formats + [.text]
  }

  /// Every extension a format claims (lower case, no dot): the files a library folder lists.
  public static var extensions: Set<String> {
    all.reduce(into: Set<String>()) { $0.formUnion($1.extensions) }
  }

  /// The format of a file: the one its extension names, else the first whose sniff accepts
  /// the first bytes, else plain text.
  public static func format(forName name: String, head: Data) -> ArticleFormat {
    let formats = all
    if let ext = pathExtension(name), let byName = formats.first(where: { $0.extensions.contains(ext) }) {
      return byName
    }
    let prefix = head.prefix(sniffLength)
    return formats.first { $0.sniff(prefix) } ?? .text
  }

  /// The formats for help text: `markdown (.markdown, .md), ..., text (.text, .txt)`.
  public static var helpList: String {
    all.map { "\($0.name) (.\($0.extensions.sorted().joined(separator: ", .")))" }.joined(separator: ", ")
  }

  /// The lower-cased extension of the last path component, if it has one.
  public static func pathExtension(_ name: String) -> String? {
    let component = name.split(separator: "/", omittingEmptySubsequences: false).last ?? Substring(name)
    guard let dot = component.lastIndex(of: "."), dot != component.startIndex else { return nil }
    let ext = component[component.index(after: dot)...]
    return ext.isEmpty ? nil : ext.lowercased()
  }
}
