import BylineCore
import Foundation
import Testing

@testable import BylineWeb

/// A page with enough prose for the extractor's 500-character threshold.
func page(head: String = "", body: String) -> Data {
  Data("<!DOCTYPE html><html><head>\(head)</head><body>\(body)</body></html>".utf8)
}

let prose = [
  "The harbour authority said on Tuesday that talks with the union would resume next week, after a night of strikes that left cranes idle and ships waiting offshore.",
  "Members voted by 87 per cent to 13 per cent last month to reject a pay offer of 4 per cent, well below inflation, and a proposal to cut night shifts.",
  "\u{201C}Nobody here wanted to be standing in the rain at five in the morning,\u{201D} said Moira Keane, the union\u{2019}s branch secretary at Port Ellery.",
  "Keane said the night-shift proposal was the main sticking point, and that crews were already too small during bad weather, she said, in a statement.",
]

func paragraphs(_ article: Article) -> [String] { article.paragraphs.map { article.text(of: $0) } }

@Suite("Reading web pages into articles")
struct HTMLReaderTests {
  @Test func articleNotPage() throws {
    let html = page(
      head: """
        <title>Dockers strike at Port Ellery | The Coastal Times</title>
        <meta property="og:title" content="Dockers strike at Port Ellery">
        <meta name="description" content="A night of strikes leaves the port idle.">
        <meta name="author" content="Jane Smith">
        <meta property="article:published_time" content="2024-03-05T06:00:00+00:00">
        <script>var tracking = "not text";</script><style>p { color: red }</style>
        """,
      body: """
        <nav class="menu"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
        <div class="cookie-banner">We use cookies. Accept all cookies to continue reading.</div>
        <article><h1>Dockers strike at Port Ellery</h1>
        <p>\(prose[0])</p><p>\(prose[1])</p>
        <figure><img src="cranes.jpg" alt="Cranes"><figcaption>Idle cranes on Tuesday <span class="credit">Getty Images</span></figcaption></figure>
        <p>\(prose[2])</p><h2>What comes next</h2><p>\(prose[3])</p>
        <ul><li>Talks resume Monday</li><li>Ships wait offshore</li></ul></article>
        <div class="comments"><p>First comment, a long one that goes on and on about nothing, really nothing, at all, here.</p></div>
        <footer>Copyright The Coastal Times, all rights reserved, 2024.</footer>
        """)
    let article = try HTMLArticleReader.read(html, source: "strike.html")
    #expect(article.title == "Dockers strike at Port Ellery")
    #expect(article.standfirst == "A night of strikes leaves the port idle.")
    #expect(article.author == "Jane Smith")
    #expect(article.date == ArticleDate(year: 2024, month: 3, day: 5))
    #expect(
      paragraphs(article) == [
        prose[0], prose[1], prose[2], "What comes next", prose[3], "• Talks resume Monday", "• Ships wait offshore",
      ])
    let caption = try #require(article.captions.first)
    #expect(article.text(of: caption) == "Idle cranes on Tuesday Getty Images")
    #expect(caption.creditRange.map { article.text(in: $0) } == "Getty Images")
    #expect(caption.captionTextRange.map { article.text(in: $0) } == "Idle cranes on Tuesday")
    // The list's second item is drawn under the first.
    #expect(article.paragraphs.last?.continuesGroup == true)
    // Offsets are offsets into the text Byline shows.
    #expect(article.sourceText == article.text)
    #expect(article.sourceMap.sourceOffset(42) == 42)
    #expect(article.blocks.first?.kind == .title)
    #expect(!article.text.contains("cookie") && !article.text.contains("comment") && !article.text.contains("tracking"))
  }

  /// Neighbouring elements with no space between them, a caption's sentence, its label and
  /// its credit set apart by the page's style: read apart, not as one word ("CreditChang W.
  /// Lee" was a person). A word split by markup keeps together.
  @Test func neighbouringElementsAgainstACapitalAreReadApart() throws {
    let html = page(
      body: """
        <article><p>\(prose[0])</p><p>\(prose[1])</p>
        <figure><figcaption><span>Cables under Flushing.</span><span itemprop="copyrightHolder"><span>Credit</span><span>Chang W. Lee/The Times</span></span></figcaption></figure>
        <p>\(prose[2])</p><p>Rock <b>salt</b>s and <i>wa</i>ter, the <b>Mc</b>donald case.</p></article>
        """)
    let article = try HTMLArticleReader.read(html, source: "cables.html")
    let caption = try #require(article.captions.first)
    #expect(article.text(of: caption) == "Cables under Flushing. Credit Chang W. Lee/The Times")
    #expect(caption.creditRange.map { article.text(in: $0) } == "Credit Chang W. Lee/The Times")
    #expect(paragraphs(article).last == "Rock salts and water, the Mcdonald case.")
    #expect(HTMLTree.needsSpace(between: "Credit", and: "Chang"))
    #expect(HTMLTree.needsSpace(between: "flushing.", and: "Credit"))
    #expect(!HTMLTree.needsSpace(between: "Credit ", and: "Chang"))
    #expect(!HTMLTree.needsSpace(between: "wa", and: "ter"))
    #expect(!HTMLTree.needsSpace(between: "(", and: "Chang"))
  }

  /// The author is a byline line of the article, as in a text file's header: the analysis
  /// lists the person it names, with a mention in that line.
  @Test func authorIsABylineLine() throws {
    let html = page(
      head: "<title>Dockers strike</title><meta name=\"author\" content=\"Jane Smith\">",
      body: "<article><p>\(prose[0])</p><p>\(prose[1])</p><p>\(prose[2])</p></article>")
    let article = try HTMLArticleReader.read(html, source: "strike.html")
    #expect(article.blocks.map(\.kind) == [.title, .byline, .paragraph, .paragraph, .paragraph])
    #expect(article.text(of: article.blocks[1]) == "By Jane Smith")
    #expect(paragraphs(article) == Array(prose[0...2]))
    let analysis = ArticleAnalysis(article: article)
    let jane = try #require(analysis.entities.first { $0.name == "Jane Smith" })
    #expect(jane.kind == .person)
    #expect(jane.mentions.map { article.text(in: $0) } == ["Jane Smith"])
  }

  @Test func titleWithoutTheSiteNameAndBylineFromThePage() throws {
    let html = page(
      head: "<title>Dockers walk out as pay talks collapse at the port - The Coastal Times</title>",
      body: """
        <div id="story"><p class="byline">By Tom Jones</p><p>\(prose[0])</p><p>\(prose[1])</p><p>\(prose[2])</p><p>\(prose[3])</p></div>
        """)
    let article = try HTMLArticleReader.read(html, source: "p.html")
    #expect(article.title == "Dockers walk out as pay talks collapse at the port")
    #expect(article.author == "Tom Jones")
    #expect(paragraphs(article) == prose)
  }

  @Test func jsonLDMetadata() throws {
    let html = page(
      head: """
        <title>Site</title><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Coastal"},
        {"@type":"NewsArticle","headline":"Port strike enters second week","author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Chan"}],
        "datePublished":"2023-11-02","description":"Talks stall.","publisher":{"name":"Coastal Times"}}]}</script>
        """,
      body: "<main>\(prose.map { "<p>\($0)</p>" }.joined())</main>")
    let article = try HTMLArticleReader.read(html, source: "p.html")
    #expect(article.title == "Port strike enters second week")
    #expect(article.author == "Ann Lee, Bo Chan")
    #expect(article.date == ArticleDate(year: 2023, month: 11, day: 2))
    #expect(article.standfirst == "Talks stall.")
  }

  /// A description the body repeats after a kicker or a date line is no standfirst (it would
  /// be read twice); one the body does not repeat is.
  @Test func aDescriptionTheBodyRepeatsIsNoStandfirst() throws {
    let head = "<title>Dockers strike</title><meta name=\"description\" content=\"\(prose[1])\">"
    let repeated = try HTMLArticleReader.read(
      page(
        head: head,
        body: "<article><p>Business \u{2014}</p><p>\(prose[1])</p><p>\(prose[0])</p><p>\(prose[2])</p></article>"),
      source: "p.html")
    #expect(repeated.standfirst == nil)
    #expect(paragraphs(repeated) == ["Business \u{2014}", prose[1], prose[0], prose[2]])
    let distinct = try HTMLArticleReader.read(
      page(head: head, body: "<article><p>\(prose[0])</p><p>\(prose[2])</p><p>\(prose[3])</p></article>"),
      source: "p.html")
    #expect(distinct.standfirst == prose[1])
  }

  @Test func entitiesAndLineBreaks() throws {
    let html = page(
      head: "<title>Entities and breaks in a page</title>",
      body: """
        <div class="content"><p>\(prose[0]) Caf&eacute; &amp; bar &#8217;s &lt;b&gt; &nbsp;end.</p>
        <p>\(prose[1])</p><p>First line<br>second line<br><br>New paragraph after two breaks, which is long enough to count.</p>
        <p>\(prose[2])</p></div>
        """)
    let article = try HTMLArticleReader.read(html, source: "p.html")
    let texts = paragraphs(article)
    #expect(texts[0] == prose[0] + " Café & bar \u{2019}s <b> end.")
    #expect(texts[2] == "First line")
    #expect(texts[3] == "second line")
    #expect(texts[4] == "New paragraph after two breaks, which is long enough to count.")
    let blocks = article.paragraphs
    #expect(blocks[3].continuesGroup && !blocks[4].continuesGroup)
  }

  @Test func linksKeepTextAndDropScriptsAndData() throws {
    let html = page(
      head: "<title>Links in an article page</title>",
      body: """
        <article><p>\(prose[0]) See <a href="/report.pdf">the report</a>, <a href="javascript:alert(1)">click</a>,
        <a href="data:text/html,hi">data</a> and <a href="mailto:desk@example.org">the desk</a>.</p>
        <p>\(prose[1])</p><p>\(prose[2])</p></article>
        """)
    let article = try HTMLArticleReader.read(html, source: "https://news.example.org/2024/strike.html")
    #expect(
      article.links == [
        ArticleLink(text: "the report", url: "https://news.example.org/report.pdf"),
        ArticleLink(text: "the desk", url: "mailto:desk@example.org"),
      ])
    #expect(paragraphs(article)[0].hasSuffix("See the report, click, data and the desk."))
  }

  @Test func escapeSequencesAndBidiControlsAreRemoved() throws {
    let html = page(
      head:
        "<title>Evil \u{1B}]0;owned\u{07}title \u{202E}here</title><meta name=\"author\" content=\"Eve\u{1B}[31m Red\">",
      body:
        "<article><p>\(prose[0]) \u{1B}[2J\u{1B}[31mRed text\u{202E} and &#x1b;[0m more.</p><p>\(prose[1])</p><p>\(prose[2])</p></article>"
    )
    let article = try HTMLArticleReader.read(html, source: "p.html")
    #expect(article.title == "Evil title here")
    #expect(article.author == "Eve Red")
    #expect(paragraphs(article)[0] == prose[0] + " Red text and [0m more.")
    #expect(!article.text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E })
  }

  @Test func charsets() throws {
    // Windows-1252 bytes with a <meta charset>: curly quotes and é.
    var latin = Array("<html><head><meta charset=\"windows-1252\"><title>Caf".utf8)
    latin += [0xE9, 0x20, 0x93, 0x71, 0x94]
    latin += Array("</title></head><body><p>\(prose[0])</p></body></html>".utf8)
    #expect(try HTMLArticleReader.read(Data(latin), source: "p.html").title == "Café \u{201C}q\u{201D}")
    // ISO-8859-1 is read as Windows-1252, as browsers do.
    let label = Charset.decode(
      Data("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">".utf8 + [0x80]))
    #expect(String(decoding: label.bytes.suffix(3), as: UTF8.self) == "€")
    // A UTF-8 BOM, and bytes that are not UTF-8 with no label.
    let bom = Data([0xEF, 0xBB, 0xBF] + Array("<title>Zoë</title><p>\(prose[0])</p>".utf8))
    #expect(try HTMLArticleReader.read(bom, source: "p.html").title == "Zoë")
    let unlabelled = Data(Array("<title>Zo".utf8) + [0xEB] + Array("</title><p>\(prose[0])</p>".utf8))
    #expect(try HTMLArticleReader.read(unlabelled, source: "p.html").title == "Zoë")
    // The HTTP header's charset wins over the page's.
    let header = Data(
      Array("<meta charset=\"utf-8\"><title>Zo".utf8) + [0xEB] + Array("</title><p>\(prose[0])</p>".utf8))
    #expect(try HTMLArticleReader.read(header, source: "p.html", httpCharset: "iso-8859-1").title == "Zoë")
    #expect(Charset.charset(fromContentType: "text/html; charset=\"Shift_JIS\"") == "shift_jis")
  }

  @Test func badPages() throws {
    #expect(throws: ArticleLoadError.empty(path: "e.html")) {
      try HTMLArticleReader.read(Data("  \n".utf8), source: "e.html")
    }
    #expect(throws: ArticleLoadError.binary(path: "b.html")) {
      try HTMLArticleReader.read(Data([0x3C, 0x68, 0x00, 0x01, 0xFF, 0xD8]), source: "b.html")
    }
    // Truncated mid-tag: the text before is read.
    let truncated = Data(
      "<html><head><title>Cut short</title></head><body><p>\(prose[0])</p><p>\(prose[1])</p><p class=\"x".utf8)
    #expect(try paragraphs(HTMLArticleReader.read(truncated, source: "t.html")) == [prose[0], prose[1]])
    // Deeply nested markup: no stack overflow, the text is kept (below 400 levels Byline
    // merges elements into their ancestor).
    func nested(_ depth: Int) -> Data {
      page(
        body: String(repeating: "<div>", count: depth) + "<p>\(prose[0])</p>"
          + String(repeating: "</div>", count: depth))
    }
    #expect(try paragraphs(HTMLArticleReader.read(nested(2000), source: "n.html")) == [prose[0]])
    #expect(try paragraphs(HTMLArticleReader.read(nested(20_000), source: "n.html")) == [prose[0]])
    // A page of links and no article: the best that can be read, not a crash.
    let links = (1...30).map { "<li><a href=\"/\($0)\">Story number \($0)</a></li>" }.joined()
    let list = try HTMLArticleReader.read(
      page(head: "<title>Index</title>", body: "<ul>\(links)</ul>"), source: "l.html")
    #expect(list.title == "Index")
    #expect(paragraphs(list).count == 30)
    // Only markup, no text at all.
    #expect(throws: ArticleLoadError.empty(path: "m.html")) {
      try HTMLArticleReader.read(Data("<html><body><div></div></body></html>".utf8), source: "m.html")
    }
  }

  @Test func aShortArticleStillLosesItsNavigationAndComments() throws {
    let html = page(
      head: "<title>A short one</title>",
      body: """
        <nav class="menu"><a href="/">Home</a> <a href="/sport">Sport</a></nav>
        <article><p>\(prose[0])</p><p>\(prose[2])</p></article>
        <div class="comments"><p>Comments are closed.</p></div>
        """)
    #expect(try paragraphs(HTMLArticleReader.read(html, source: "s.html")) == [prose[0], prose[2]])
  }

  @Test func hiddenAndEventHandlerContent() throws {
    let html = page(
      head: "<title>Hidden parts of a page here</title>",
      body: """
        <article><p onclick="steal()">\(prose[0])</p><p style="display: none">Hidden text.</p>
        <div hidden>Also hidden.</div><p aria-hidden="true">Screen readers skip this.</p>
        <p>\(prose[1])</p><p>\(prose[2])</p><template><p>Template text</p></template></article>
        """)
    let article = try HTMLArticleReader.read(html, source: "p.html")
    #expect(paragraphs(article) == [prose[0], prose[1], prose[2]])
  }
}

@Suite("The article format registry")
struct ArticleFormatTests {
  init() { BylineWeb.install() }

  @Test func formatsByExtensionAndSniff() {
    let html = Data("<!DOCTYPE html><html>".utf8)
    #expect(ArticleFormats.format(forName: "a/page.HTML", head: Data()).name == "html")
    #expect(ArticleFormats.format(forName: "page.htm", head: Data()).name == "html")
    #expect(ArticleFormats.format(forName: "notes.md", head: html).name == "markdown")
    #expect(ArticleFormats.format(forName: "story.txt", head: html).name == "text")
    #expect(ArticleFormats.format(forName: "-", head: html).name == "html")
    #expect(
      ArticleFormats.format(forName: "saved-page", head: Data("\u{FEFF}  <!-- saved --> <HTML lang=en>".utf8)).name
        == "html")
    #expect(ArticleFormats.format(forName: "-", head: Data("Title\n\nText <html> later.".utf8)).name == "text")
    #expect(ArticleFormats.extensions.isSuperset(of: ["txt", "md", "markdown", "html", "htm"]))
  }

  @Test func loaderReadsAPageFromAFile() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("byline-\(UUID().uuidString).htm").path
    try page(head: "<title>A saved page about the strike</title>", body: "<p>\(prose[0])</p>").write(
      to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let article = try ArticleLoader.load(path: path)
    #expect(article.title == "A saved page about the strike")
    #expect(paragraphs(article) == [prose[0]])
    // Standard input is sniffed.
    let stdin = try ArticleLoader.load(
      data: page(head: "<title>From standard input</title>", body: "<p>\(prose[1])</p>"), name: "-")
    #expect(stdin.title == "From standard input")
  }
}
