import Foundation

/// What a page says about its article in `<meta>` tags, JSON-LD and `<title>`: title, author,
/// description, site name, publication time.
///
/// The order of preference is Readability's: JSON-LD (schema.org `Article` and kin), then
/// Dublin Core, Open Graph and Twitter properties, then plain `<meta name>`; the `<title>`
/// element only when none names a title (and then without the site name).
struct PageMetadata {
  var title: String?
  var author: String?
  var description: String?
  var siteName: String?
  var published: String?
  /// The document's `<title>`, as written.
  var documentTitle: String?
  /// `<base href>`, for links.
  var baseHref: String?
  var language: String?
  /// JSON-LD's `name` and `headline` when both are given and differ: one may be the site's
  /// name or a description, so the one like the `<title>` wins.
  var jsonLDAlternatives: (name: String, headline: String)?

  init(tree: HTMLTree) {
    let elements = tree.elementsByName(["meta", "script", "title", "time", "base"])
    var values: [String: String] = [:]
    for meta in elements["meta"] ?? [] {
      let attributes = tree[meta].attributes
      guard let content = attributes["content"]?.trimmingCharacters(in: .whitespacesAndNewlines),
        !content.isEmpty
      else { continue }
      var matched = false
      if let property = attributes["property"] {
        // "og:article:author" holds "article:author": any prefix:name pair inside counts.
        for name in property.lowercased().split(separator: " ") {
          let parts = name.split(separator: ":").map { $0.trimmingCharacters(in: .whitespaces) }
          for k in parts.indices.dropLast() {
            guard ["article", "dc", "dcterm", "og", "twitter"].contains(parts[k]),
              ["author", "creator", "description", "published_time", "title", "site_name"].contains(parts[k + 1])
            else { continue }
            values[parts[k] + ":" + parts[k + 1]] = content
            matched = true
          }
        }
      }
      if !matched, let name = attributes["name"]?.lowercased().trimmingCharacters(in: .whitespaces) {
        let key = name.replacingOccurrences(of: ".", with: ":").replacingOccurrences(of: " ", with: "")
        if PageMetadata.metaNames.contains(key) { values[key] = content }
      }
      if attributes["itemprop"]?.lowercased() == "datepublished", values["itemprop:datepublished"] == nil {
        values["itemprop:datepublished"] = content
      }
    }
    let jsonLD = JSONLD(tree: tree, scripts: elements["script"] ?? [])
    if let name = jsonLD.name, let headline = jsonLD.headline, name != headline {
      jsonLDAlternatives = (name, headline)
    }
    documentTitle = elements["title"]?.first.map { tree.text(of: $0) }.flatMap { $0.isEmpty ? nil : $0 }
    func first(_ keys: String...) -> String? {
      keys.lazy.compactMap { values[$0] }.first { !$0.isEmpty }
    }
    title =
      jsonLD.title
      ?? first(
        "dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title", "title", "twitter:title",
        "parsely-title")
    var author = jsonLD.author ?? first("dc:creator", "dcterm:creator", "author", "parsely-author")
    if author == nil, let articleAuthor = values["article:author"], !PageMetadata.looksLikeURL(articleAuthor) {
      author = articleAuthor
    }
    self.author = author.flatMap { PageMetadata.looksLikeURL($0) ? nil : $0 }
    description =
      jsonLD.description
      ?? first(
        "dc:description", "dcterm:description", "og:description", "weibo:article:description",
        "weibo:webpage:description", "description", "twitter:description")
    siteName = jsonLD.siteName ?? first("og:site_name")
    published =
      jsonLD.datePublished
      ?? first(
        "article:published_time", "dc:date", "dcterm:date", "parsely-pub-date", "itemprop:datepublished", "pubdate",
        "date")
    if published == nil, let time = (elements["time"] ?? []).first(where: { tree[$0].attributes["datetime"] != nil }) {
      published = tree[time].attributes["datetime"]
    }
    baseHref = elements["base"]?.first.flatMap { tree[$0].attributes["href"] }
    language = tree[tree.root].attributes["lang"]
  }

  static let metaNames: Set<String> = [
    "author", "creator", "description", "title", "site_name", "pub-date", "pubdate", "date",
    "dc:author", "dc:creator", "dc:description", "dc:title", "dc:date", "dcterm:author", "dcterm:creator",
    "dcterm:description", "dcterm:title", "dcterm:date", "og:author", "og:creator", "og:description",
    "og:title", "og:site_name", "twitter:title", "twitter:description", "twitter:creator",
    "parsely-author", "parsely-title", "parsely-pub-date", "weibo:article:title", "weibo:webpage:title",
    "weibo:article:description", "weibo:webpage:description",
  ]

  static func looksLikeURL(_ text: String) -> Bool {
    let lower = text.lowercased()
    return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.")
  }
}

/// The article facts in a page's `<script type="application/ld+json">` blocks.
struct JSONLD {
  /// `name`, else `headline` (when both are there and differ, ``TitleChooser`` picks).
  var title: String?
  var name: String?
  var headline: String?
  var author: String?
  var description: String?
  var siteName: String?
  var datePublished: String?

  static let articleTypes: Set<String> = [
    "Article", "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle", "AskPublicNewsArticle",
    "BackgroundNewsArticle", "OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle", "Report",
    "SatiricalArticle", "ScholarlyArticle", "MedicalScholarlyArticle", "SocialMediaPosting", "BlogPosting",
    "LiveBlogPosting", "DiscussionForumPosting", "TechArticle", "APIReference",
  ]

  init(tree: HTMLTree, scripts: [Int]) {
    for script in scripts {
      guard tree[script].attributes["type"]?.lowercased() == "application/ld+json" else { continue }
      let raw = tree[script].children.map { tree[$0].text }.joined()
        .replacingOccurrences(of: "<![CDATA[", with: "").replacingOccurrences(of: "]]>", with: "")
      guard raw.utf8.count < 2_000_000,
        let value = try? JSONSerialization.jsonObject(with: Data(raw.utf8), options: [.fragmentsAllowed])
      else { continue }
      if let article = JSONLD.findArticle(value, depth: 0) {
        read(article)
        return
      }
    }
  }

  /// The first object whose `@type` is an article type, in arrays and `@graph`s.
  static func findArticle(_ value: Any, depth: Int) -> [String: Any]? {
    guard depth < 8 else { return nil }
    if let array = value as? [Any] {
      for item in array { if let found = findArticle(item, depth: depth + 1) { return found } }
      return nil
    }
    guard let object = value as? [String: Any] else { return nil }
    let types: [String] = (object["@type"] as? String).map { [$0] } ?? (object["@type"] as? [String]) ?? []
    if types.contains(where: articleTypes.contains) { return object }
    if let graph = object["@graph"] { return findArticle(graph, depth: depth + 1) }
    return nil
  }

  private mutating func read(_ article: [String: Any]) {
    name = (article["name"] as? String).map(HTMLTree.collapse).flatMap { $0.isEmpty ? nil : $0 }
    headline = (article["headline"] as? String).map(HTMLTree.collapse).flatMap { $0.isEmpty ? nil : $0 }
    title = name ?? headline
    author = JSONLD.names(article["author"], depth: 0)
    description = (article["description"] as? String).map(HTMLTree.collapse).flatMap { $0.isEmpty ? nil : $0 }
    if let publisher = article["publisher"] as? [String: Any], let name = publisher["name"] as? String {
      siteName = HTMLTree.collapse(name)
    }
    datePublished = article["datePublished"] as? String
  }

  /// An author as a string: a name, an object's `name`, or the names of a list joined.
  static func names(_ value: Any?, depth: Int) -> String? {
    guard depth < 4, let value else { return nil }
    if let text = value as? String {
      let name = HTMLTree.collapse(text)
      return name.isEmpty || PageMetadata.looksLikeURL(name) ? nil : name
    }
    if let object = value as? [String: Any] { return names(object["name"], depth: depth + 1) }
    if let array = value as? [Any] {
      let all = array.compactMap { names($0, depth: depth + 1) }
      return all.isEmpty ? nil : all.joined(separator: ", ")
    }
    return nil
  }
}
