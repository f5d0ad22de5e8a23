import ArgumentParser
import BylineCore
import BylineWeb
import Foundation

/// `byline export FILE|URL [--format text|markdown|json]`: the article (or the feed) as Byline
/// reads it.
struct Export: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Print an article or a feed as Byline reads it: text, Markdown or JSON.",
    discussion: """
      SOURCE is a file in any format Byline reads (plain text, Markdown, HTML pages), an RSS, \
      RDF or Atom feed, - for standard input, or an http(s) URL. For an article, JSON holds \
      title, standfirst, author, date, source, captions, paragraphs (a list of strings) and \
      links (text and url). For a feed, JSON holds title, link, subtitle, updated and items, \
      each with id, title, link, author, published (ISO 8601, UTC), summary and content (as \
      text), hasFullContent and enclosures (url, type, length). All text is sanitised (no \
      control characters or escape sequences).
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json
  }

  @Argument(help: "The article or feed: a file, - for standard input, or an http(s) URL.")
  var source: String

  @Option(help: "Output format: text, markdown or json.")
  var format: Format = .text

  func run() throws {
    let article: Article
    switch try loadFeedOrArticleOrExit(source) {
    case .article(let loaded): article = loaded
    case .feed(let feed):
      switch format {
      case .text: emit(FeedExport.text(feed), terminator: "")
      case .markdown: emit(FeedExport.markdown(feed), terminator: "")
      case .json: emitJSON(FeedExport.json(feed))
      }
      return
    }
    switch format {
    case .text: emit(ArticleExport.text(article), terminator: "")
    case .markdown: emit(ArticleExport.markdown(article), terminator: "")
    case .json: emitJSON(ArticleExport.json(article))
    }
  }
}

/// The article's parts in the three export formats.
enum ArticleExport {
  static func text(_ article: Article) -> String {
    var out = ""
    if let title = article.title { out += title + "\n\n" }
    if let standfirst = article.standfirst { out += standfirst + "\n\n" }
    let meta = metaLine(article)
    if !meta.isEmpty { out += meta + "\n\n" }
    out += body(article) { article.text(of: $0) }
    return out
  }

  static func markdown(_ article: Article) -> String {
    var out = ""
    if let title = article.title { out += "# " + escapeMarkdown(title) + "\n\n" }
    if let standfirst = article.standfirst { out += "*" + escapeMarkdown(standfirst) + "*\n\n" }
    let meta = metaLine(article)
    if !meta.isEmpty { out += escapeMarkdown(meta) + "\n\n" }
    out += body(article) { block in
      block.kind == .caption ? "> " + escapeMarkdown(article.text(of: block)) : escapeMarkdown(article.text(of: block))
    }
    if !article.links.isEmpty {
      out += "\n## Links\n\n"
      for link in article.links { out += "- [\(escapeMarkdown(link.text))](<\(link.url)>)\n" }
    }
    return out
  }

  static func json(_ article: Article) -> String {
    var object: [String: Any] = [
      "source": article.source,
      "captions": article.captions.map { article.text(of: $0) },
      "paragraphs": article.paragraphs.map { article.text(of: $0) },
      "links": article.links.map { ["text": $0.text, "url": $0.url] },
    ]
    object["title"] = article.title ?? NSNull()
    object["standfirst"] = article.standfirst ?? NSNull()
    object["author"] = article.author ?? NSNull()
    object["date"] = article.date.map { $0.description } ?? NSNull()
    let data =
      (try? JSONSerialization.data(
        withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self)
  }

  private static func metaLine(_ article: Article) -> String {
    var parts: [String] = []
    if let date = article.date { parts.append(date.longDescription) }
    if let dateline = article.dateline { parts.append(dateline) }
    if let author = article.author { parts.append("By \(author)") }
    return parts.joined(separator: " · ")
  }

  /// Body blocks (captions and paragraphs; lines of one group one under the other).
  private static func body(_ article: Article, render: (Block) -> String) -> String {
    var out = ""
    for block in article.blocks where block.kind == .paragraph || block.kind == .caption {
      if !out.isEmpty { out += block.continuesGroup ? "\n" : "\n\n" }
      out +=
        block.kind == .caption && render(block) == article.text(of: block) ? "[" + render(block) + "]" : render(block)
    }
    return out.isEmpty ? out : out + "\n"
  }

  /// Backslashes before the marks that would make text into Markdown syntax.
  static func escapeMarkdown(_ text: String) -> String {
    var out = ""
    for character in text {
      if "\\`*_[]<>#".contains(character) { out.append("\\") }
      out.append(character)
    }
    return out
  }
}
