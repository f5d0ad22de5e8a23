/// The XML namespaces feeds use, grouped as the reader matches them.
enum FeedNamespace {
  static let atom10 = "http://www.w3.org/2005/Atom"
  static let atom03 = "http://purl.org/atom/ns#"
  static let rss090 = "http://my.netscape.com/rdf/simple/0.9/"
  static let rss10 = "http://purl.org/rss/1.0/"
  static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
  static let dc = "http://purl.org/dc/elements/1.1/"
  static let dcterms = "http://purl.org/dc/terms/"
  static let content = "http://purl.org/rss/1.0/modules/content/"
  static let xhtml = "http://www.w3.org/1999/xhtml"
  static let itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd"
  static let media = "http://search.yahoo.com/mrss/"
  static let feedburner = "http://rssnamespace.org/feedburner/ext/1.0"

  /// RSS's own elements: no namespace, RSS 0.90's and 1.0's, and the namespaces some
  /// publishers put on RSS 2.0 (Userland's, Harvard's).
  static let rss: Set<String> = [
    "", rss090, rss10, "http://backend.userland.com/rss2", "http://blogs.law.harvard.edu/tech/rss",
    "http://backend.userland.com/rss", "http://purl.org/net/rss1.1#", "http://channel.netscape.com/rdf/simple/0.9/",
  ]
  /// A namespace URI as the reader matches it: RSS's own variants (Userland's `rss2`,
  /// `rss2.1`...) as no namespace, iTunes' in any case as one.
  static func canonical(_ uri: String) -> String {
    if uri.hasPrefix("http://backend.userland.com/rss") || uri == "http://blogs.law.harvard.edu/tech/rss" { return "" }
    if uri.count == itunes.count, uri.lowercased() == itunes { return itunes }
    if uri == "http://search.yahoo.com/mrss" { return media }
    return uri
  }

  /// Atom's elements: 1.0, 0.3, and none (an Atom feed that forgot its namespace).
  static let atom: Set<String> = [atom10, atom03, ""]
  /// Atom elements inside RSS (`atom:link`), where no namespace would mean RSS.
  static let atomOnly: Set<String> = [atom10, atom03]
  static let dublinCore: Set<String> = [dc, dcterms]
}
