import BylineCore
import Foundation

/// A feed as read, before it becomes a ``Feed``: its text fields keep the HTML they came
/// from, and dates stay apart (published, updated), for the evaluation against feedparser's
/// expectations.
struct FeedDocument {
  enum Kind: String { case rss, rdf, atom, cdf }

  var kind: Kind
  var title: FeedText?
  var link: String?
  var subtitle: FeedText?
  var author: String?
  var people: [FeedPerson] = []
  var published: Date?
  var updated: Date?
  var items: [Entry] = []

  struct Entry {
    var id: String?
    var title: FeedText?
    var link: String?
    var author: String?
    var people: [FeedPerson] = []
    var published: Date?
    var updated: Date?
    var summary: FeedText?
    var content: FeedText?
    var enclosures: [FeedEnclosure] = []
  }
}

/// An author as the feed names them.
struct FeedPerson: Equatable {
  var name: String
  var email: String

  /// `Name (email)`, the name, or the email.
  var display: String {
    switch (name.isEmpty, email.isEmpty) {
    case (false, false): return "\(name) (\(email))"
    case (false, true): return name
    default: return email
    }
  }

  /// An RSS author: `me@example.com (Name)`, `Name (me@example.com)`, `Name <me@example.com>`,
  /// an address or a name alone.
  static func rss(_ text: String) -> FeedPerson {
    var rest = text
    var email = ""
    if let at = text.firstIndex(of: "@") {
      let stops: Set<Character> = [" ", "(", ")", "<", ">", "[", "]", ","]
      var start = at
      while start > text.startIndex, !stops.contains(text[text.index(before: start)]) {
        start = text.index(before: start)
      }
      var end = at
      while end < text.endIndex, !stops.contains(text[end]) { end = text.index(after: end) }
      email = String(text[start..<end])
      if email.lowercased().hasPrefix("mailto:") { email = String(email.dropFirst(7)) }
      rest = String(text[..<start]) + String(text[end...])
    }
    let name = HTMLTree.collapse(rest.replacingOccurrences(of: "()", with: "").replacingOccurrences(of: "<>", with: ""))
      .trimmingCharacters(in: CharacterSet(charactersIn: " ()<>[]"))
    return FeedPerson(name: name, email: email)
  }
}

/// Reads the elements of RSS 0.9x/1.0/2.0, RDF, Atom 0.3/1.0 (and Microsoft's CDF, which
/// costs little) from a ``FeedXML`` tree.
struct FeedReader {
  let xml: FeedXML

  typealias NS = FeedNamespace

  /// The feed in the tree, or nil when its root is not a feed's.
  func read() -> FeedDocument? {
    guard let root = xml.root else { return nil }
    let node = xml[root]
    switch node.name {
    case "rss":
      let channel = xml.child(of: root, named: "channel", in: NS.rss) ?? root
      var items = xml.children(of: channel, named: "item", in: NS.rss)
      if channel != root { items += xml.children(of: root, named: "item", in: NS.rss) }
      return channelDocument(.rss, channel: channel, items: items)
    case "rdf":
      let channel = xml.child(of: root, named: "channel", in: NS.rss) ?? root
      var items = xml.children(of: root, named: "item", in: NS.rss)
      if channel != root { items += xml.children(of: channel, named: "item", in: NS.rss) }
      return channelDocument(.rdf, channel: channel, items: items)
    case "feed":
      return atomDocument(root)
    case "channel":
      let items = xml.children(of: root, named: "item", in: NS.rss)
      return channelDocument(node.localName == "CHANNEL" ? .cdf : .rss, channel: root, items: items)
    default:
      return nil
    }
  }

  // MARK: - RSS and RDF

  private func channelDocument(_ kind: FeedDocument.Kind, channel: Int, items: [Int]) -> FeedDocument {
    var document = FeedDocument(kind: kind)
    document.title = rssText(channel, "title") ?? dcText(channel, "title") ?? atomText(channel, "title", NS.atomOnly)
    document.link = rssLink(channel)
    document.subtitle =
      rssText(channel, "description") ?? dcText(channel, "description") ?? rssText(channel, "abstract")
      ?? atomText(channel, "subtitle", NS.atomOnly) ?? atomText(channel, "tagline", NS.atomOnly)
      ?? element(channel, "subtitle", [NS.itunes]).map(plain) ?? element(channel, "summary", [NS.itunes]).map(plain)
    if case (let author, let people)? = rssAuthor(channel) ?? rssAuthor(channel, named: "managingeditor") {
      (document.author, document.people) = (author, people)
    }
    document.published = date(channel, [("pubdate", NS.rss), ("date", NS.dublinCore), ("issued", NS.dublinCore)])
    document.updated =
      date(
        channel, [("lastbuilddate", NS.rss), ("modified", NS.dublinCore), ("updated", NS.atomOnly)])
      ?? xml[channel].attribute("lastmod").flatMap(TimestampParser.parse)
    document.items = items.map(rssEntry)
    return document
  }

  private func rssEntry(_ item: Int) -> FeedDocument.Entry {
    var entry = FeedDocument.Entry()
    entry.title =
      rssText(item, "title") ?? dcText(item, "title") ?? atomText(item, "title", NS.atomOnly)
      ?? mediaText(item, "title")
    entry.link = rssLink(item)
    let guid = element(item, "guid", NS.rss)
    if let guid {
      let value = xml.text(of: guid).trimmingCharacters(in: .whitespacesAndNewlines)
      if !value.isEmpty {
        entry.id = Sanitizer.clean(value)
        let permalink = xml[guid].attribute("ispermalink")?.lowercased() != "false"
        if entry.link == nil, permalink,
          value.hasPrefix("http://") || value.hasPrefix("https://") || value.hasPrefix("/")
        {
          entry.link = resolve(value, at: guid)
        }
      }
    }
    if entry.id == nil, let id = element(item, "id", NS.atomOnly) {
      entry.id = Sanitizer.clean(trimmed(xml.text(of: id)))
    }
    if entry.id == nil, let about = xml[item].attribute("about", namespace: NS.rdf), !about.isEmpty {
      entry.id = Sanitizer.clean(about)
    }
    if case (let author, let people)? = rssAuthor(item) { (entry.author, entry.people) = (author, people) }
    entry.published = date(
      item,
      [
        ("pubdate", NS.rss), ("date", NS.dublinCore), ("issued", NS.dublinCore), ("created", NS.dublinCore),
        ("published", NS.atomOnly), ("issued", NS.atomOnly),
      ])
    entry.updated =
      date(item, [("modified", NS.dublinCore), ("updated", NS.atomOnly), ("modified", NS.atomOnly)])
      ?? xml[item].attribute("lastmod").flatMap(TimestampParser.parse)
    let description = rssText(item, "description")
    // An RSS <summary> is the summary, or the content beside a <description>.
    let rssSummary = element(item, "summary", [""]).map(guessed)
    entry.summary =
      description ?? rssSummary ?? dcText(item, "description") ?? atomText(item, "summary", NS.atomOnly)
      ?? rssText(item, "abstract") ?? element(item, "summary", [NS.itunes]).map(plain) ?? mediaText(item, "description")
    if let encoded = element(item, "encoded", [NS.content]) {
      entry.content = .html(htmlSource(encoded))
    } else if let body = element(item, "body", [NS.xhtml, ""]) ?? element(item, "div", [NS.xhtml]) {
      entry.content = .html(xml.innerMarkup(of: body, escapeText: true))
    } else if let content = element(item, "content", NS.atomOnly) {
      entry.content = atomConstruct(content)
    } else if let full = element(item, "fullitem", [""]) {
      entry.content = guessed(full)
    } else if let description, let rssSummary {
      // Both: the first is the summary, the other the content (feedparser's rule).
      let summaryFirst = (element(item, "summary", [""]) ?? 0) < (element(item, "description", NS.rss) ?? 0)
      (entry.summary, entry.content) = summaryFirst ? (rssSummary, description) : (description, rssSummary)
    }
    entry.enclosures = enclosures(item)
    return entry
  }

  /// An RSS text element: HTML when it holds markup or entities, plain text otherwise.
  private func rssText(_ parent: Int, _ name: String) -> FeedText? {
    element(parent, name, NS.rss).map(guessed)
  }

  private func dcText(_ parent: Int, _ name: String) -> FeedText? {
    element(parent, name, NS.dublinCore).map(guessed)
  }

  private func guessed(_ node: Int) -> FeedText {
    if xml.hasElementChildren(node) { return .html(xml.innerMarkup(of: node, escapeText: false)) }
    let raw = xml.text(of: node)
    return FeedHTML.looksLikeHTML(raw) ? .html(raw) : .plain(raw)
  }

  private func plain(_ node: Int) -> FeedText { .plain(xml.text(of: node)) }

  /// `<link>` (RSS), an `href` attribute (CDF), or an Atom link inside RSS.
  private func rssLink(_ parent: Int) -> String? {
    if let link = element(parent, "link", NS.rss) {
      let value = trimmed(xml.text(of: link))
      if !value.isEmpty { return resolve(value, at: link) }
      if let href = xml[link].attribute("href") { return resolve(href, at: link) }
    }
    if let href = xml[parent].attribute("href"), xml[parent].namespace.isEmpty { return resolve(href, at: parent) }
    return atomLink(parent, NS.atomOnly)
  }

  /// `<author>` (RSS: `me@example.com (Name)`), `dc:creator`, an Atom author, iTunes' author.
  /// Media RSS's title or description, on the item or in its `media:group`.
  private func mediaText(_ item: Int, _ name: String) -> FeedText? {
    if let node = element(item, name, [NS.media]) { return guessed(node) }
    for group in xml.children(of: item, named: "group", in: [NS.media]) {
      if let node = element(group, name, [NS.media]) { return guessed(node) }
    }
    return nil
  }

  private func rssAuthor(_ parent: Int, named authorElement: String = "author") -> (String, [FeedPerson])? {
    for (name, namespaces) in [(authorElement, NS.rss), ("creator", NS.dublinCore), ("author", NS.dublinCore)] {
      let names = xml.children(of: parent, named: name, in: namespaces).filter { !xml.hasElementChildren($0) }
        .map { line(xml.text(of: $0)) }.filter { !$0.isEmpty }
      if !names.isEmpty { return (names.joined(separator: ", "), names.map(FeedPerson.rss)) }
    }
    if let people = atomPeople(parent, NS.atomOnly) { return people }
    for (name, namespaces) in [("author", [NS.itunes]), ("publisher", NS.dublinCore)] {
      if let author = element(parent, name, namespaces), let value = nonEmpty(line(xml.text(of: author))) {
        return (value, [FeedPerson.rss(value)])
      }
    }
    return nil
  }

  // MARK: - Atom

  private func atomDocument(_ root: Int) -> FeedDocument {
    var document = FeedDocument(kind: .atom)
    let namespaces: Set<String> = [xml[root].namespace, ""]
    document.title = atomText(root, "title", namespaces)
    document.link = atomLink(root, namespaces)
    document.subtitle = atomText(root, "subtitle", namespaces) ?? atomText(root, "tagline", namespaces)
    if case (let author, let people)? = atomPeople(root, namespaces) {
      (document.author, document.people) = (author, people)
    }
    document.updated = date(root, [("updated", namespaces), ("modified", namespaces), ("modified", NS.dublinCore)])
    document.published = date(root, [("published", namespaces), ("issued", namespaces)])
    document.items = xml.children(of: root, named: "entry", in: namespaces).map { atomEntry($0, namespaces) }
    return document
  }

  private func atomEntry(_ entry: Int, _ namespaces: Set<String>) -> FeedDocument.Entry {
    var result = FeedDocument.Entry()
    result.title = atomText(entry, "title", namespaces) ?? dcText(entry, "title") ?? mediaText(entry, "title")
    result.link = atomLink(entry, namespaces)
    if let id = element(entry, "id", namespaces), let value = nonEmpty(Sanitizer.clean(trimmed(xml.text(of: id)))) {
      // An id that is a path (`/posts/1`) is resolved as a link is; other ids stay as written.
      result.id = value.hasPrefix("/") ? resolve(value, at: id) ?? value : value
    }
    if case (let author, let people)? = atomPeople(entry, namespaces) ?? dcPeople(entry) {
      (result.author, result.people) = (author, people)
    }
    result.published = date(
      entry,
      [
        ("published", namespaces), ("issued", namespaces), ("created", namespaces), ("date", NS.dublinCore),
        ("issued", NS.dublinCore), ("created", NS.dublinCore), ("pubdate", [""]),
      ])
    result.updated = date(entry, [("updated", namespaces), ("modified", namespaces), ("modified", NS.dublinCore)])
    result.summary =
      atomText(entry, "summary", namespaces) ?? dcText(entry, "description") ?? mediaText(entry, "description")
    if let content = element(entry, "content", namespaces) {
      result.content = atomConstruct(content)
    } else if let encoded = element(entry, "encoded", [NS.content]) {
      result.content = .html(htmlSource(encoded))
    }
    result.enclosures = enclosures(entry)
    return result
  }

  private func atomText(_ parent: Int, _ name: String, _ namespaces: Set<String>) -> FeedText? {
    element(parent, name, namespaces).flatMap(atomConstruct)
  }

  /// An Atom text construct or content: `type` text, html or xhtml (Atom 1.0) or a media
  /// type with a `mode` of xml, escaped or base64 (Atom 0.3). Out-of-line (`src`) and binary
  /// content has no text.
  private func atomConstruct(_ node: Int) -> FeedText? {
    let element = xml[node]
    if element.attribute("src") != nil, xml.text(of: node).allSatisfy(\.isWhitespace) { return nil }
    let type = (element.attribute("type") ?? "text").lowercased().trimmingCharacters(in: .whitespaces)
    let mode = element.attribute("mode")?.lowercased()
    if mode == "base64" {
      let raw = xml.text(of: node).filter { !$0.isWhitespace }
      guard let data = Data(base64Encoded: raw) else { return nil }
      let decoded = String(decoding: data, as: UTF8.self)
      return type.contains("html") ? .html(decoded) : type.hasPrefix("text") ? .plain(decoded) : nil
    }
    switch type {
    case "xhtml", "application/xhtml+xml":
      if mode == "escaped" { return .html(xml.text(of: node)) }
      return .html(xhtmlMarkup(node))
    case "html", "text/html":
      if mode == "xml" { return .html(xhtmlMarkup(node)) }
      return .html(htmlSource(node))
    case "text", "text/plain", "":
      if xml.hasElementChildren(node) { return .html(xml.innerMarkup(of: node, escapeText: true)) }
      if mode == "escaped" {
        let raw = xml.text(of: node)
        return FeedHTML.looksLikeHTML(raw) ? .html(raw) : .plain(raw)
      }
      return .plain(xml.text(of: node))
    default:
      if type.hasSuffix("+xml") || type.hasSuffix("/xml") {
        return xml.hasElementChildren(node)
          ? .html(xml.innerMarkup(of: node, escapeText: true)) : .plain(xml.text(of: node))
      }
      if type.hasPrefix("text/") { return .plain(xml.text(of: node)) }
      // Other media types are base64 (Atom 1.0): shown when they decode to text.
      let raw = xml.text(of: node).filter { !$0.isWhitespace }
      guard let data = Data(base64Encoded: raw), let text = String(validating: [UInt8](data), as: UTF8.self),
        !text.contains("\0")
      else { return nil }
      return .plain(text)
    }
  }

  /// The markup inside an XHTML construct: the children of its `<div>` wrapper.
  private func xhtmlMarkup(_ node: Int) -> String {
    let elements = xml.elements(of: node)
    let textOutside = xml[node].children.contains { xml[$0].isText && !HTMLTree.isBlank(xml[$0].text) }
    if elements.count == 1, let div = elements.first, xml[div].name == "div", !textOutside {
      return xml.innerMarkup(of: div, escapeText: true)
    }
    return xml.innerMarkup(of: node, escapeText: true)
  }

  /// HTML carried as text (escaped or CDATA); stray unescaped tags are kept as markup.
  private func htmlSource(_ node: Int) -> String {
    xml.hasElementChildren(node) ? xml.innerMarkup(of: node, escapeText: false) : xml.text(of: node)
  }

  /// The `alternate` link (or one with no `rel`), preferring HTML; resolved.
  private func atomLink(_ parent: Int, _ namespaces: Set<String>) -> String? {
    let links = xml.children(of: parent, named: "link", in: namespaces).filter {
      let rel = (xml[$0].attribute("rel") ?? "alternate").lowercased()
      return (rel == "alternate" || rel == "http://www.iana.org/assignments/relation/alternate")
        && xml[$0].attribute("href") != nil
    }
    let chosen =
      links.first { (xml[$0].attribute("type") ?? "text/html").lowercased().contains("html") } ?? links.first
    guard let chosen, let href = xml[chosen].attribute("href") else { return nil }
    return resolve(href, at: chosen)
  }

  /// Atom `author` elements: each `name (email)`, or the name, or the email.
  private func atomPeople(_ parent: Int, _ namespaces: Set<String>) -> (String, [FeedPerson])? {
    var people: [FeedPerson] = []
    for author in xml.children(of: parent, named: "author", in: namespaces) {
      guard xml.hasElementChildren(author) else {
        if let name = nonEmpty(line(xml.text(of: author))) { people.append(FeedPerson.rss(name)) }
        continue
      }
      let name = element(author, "name", namespaces).map { line(xml.text(of: $0)) } ?? ""
      let email = element(author, "email", namespaces).map { line(xml.text(of: $0)) } ?? ""
      if !name.isEmpty || !email.isEmpty { people.append(FeedPerson(name: name, email: email)) }
    }
    return people.isEmpty ? nil : (people.map(\.display).joined(separator: ", "), people)
  }

  private func dcPeople(_ parent: Int) -> (String, [FeedPerson])? {
    let names = xml.children(of: parent, named: "creator", in: NS.dublinCore).map { line(xml.text(of: $0)) }
      .filter { !$0.isEmpty }
    return names.isEmpty ? nil : (names.joined(separator: ", "), names.map(FeedPerson.rss))
  }

  // MARK: - Shared

  /// RSS `<enclosure>`, Atom `link rel="enclosure"`, Media RSS `media:content`.
  private func enclosures(_ item: Int) -> [FeedEnclosure] {
    var result: [FeedEnclosure] = []
    for child in xml.elements(of: item) {
      let node = xml[child]
      var url: String?
      var length: String?
      switch (node.name, node.namespace) {
      case ("enclosure", let ns) where NS.rss.contains(ns):
        url = node.attribute("url") ?? node.attribute("href")
        length = node.attribute("length")
      case ("link", let ns) where NS.atom.contains(ns) && node.attribute("rel")?.lowercased() == "enclosure":
        url = node.attribute("href")
        length = node.attribute("length")
      case ("content", NS.media):
        url = node.attribute("url")
        length = node.attribute("filesize")
      default:
        continue
      }
      guard let url, let resolved = resolve(url, at: child) else { continue }
      let type = node.attribute("type").map { line($0) }.flatMap(nonEmpty)
      let bytes = length.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }.flatMap { $0 >= 0 ? $0 : nil }
      let enclosure = FeedEnclosure(url: resolved, type: type, length: bytes)
      if !result.contains(where: { $0.url == enclosure.url }) { result.append(enclosure) }
    }
    return result
  }

  private func element(_ parent: Int, _ name: String, _ namespaces: Set<String>) -> Int? {
    xml.child(of: parent, named: name, in: namespaces)
  }

  /// The first of `names` that holds a readable date.
  private func date(_ parent: Int, _ names: [(String, Set<String>)]) -> Date? {
    for (name, namespaces) in names {
      // The last of repeated elements wins, as in feedparser.
      for node in xml.children(of: parent, named: name, in: namespaces).reversed() {
        if let date = TimestampParser.parse(xml.text(of: node)) { return date }
      }
    }
    return nil
  }

  /// A reference resolved against the element's `xml:base` (or the feed's URL); only
  /// http(s), mailto and relative references that resolved survive (no `javascript:`).
  private func resolve(_ reference: String, at node: Int) -> String? {
    guard let resolved = FeedXML.resolve(Sanitizer.clean(reference), against: xml[node].base) else { return nil }
    let lower = resolved.lowercased()
    if lower.hasPrefix("javascript:") || lower.hasPrefix("data:") || lower.hasPrefix("vbscript:") { return nil }
    return resolved
  }

  private func trimmed(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
  private func line(_ text: String) -> String { HTMLTree.collapse(Sanitizer.clean(text)) }
  private func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }
}
