import BylineWeb
import Foundation
import Testing

@Suite("OPML: subscriptions in and out, safely")
struct OPMLTests {
  @Test func readsOutlinesAtAnyDepthWithFoldersAndCategoriesAsTags() throws {
    let opml = """
      <?xml version="1.0"?>
      <opml version="1.0">
        <head><title>newsboat - Exported Feeds</title></head>
        <body>
          <outline type="rss" xmlUrl="https://news.example.org/rss" htmlUrl="https://news.example.org" title="Example &amp; Co"/>
          <outline text="World">
            <outline type="rss" text="Harbour Times" xmlUrl="https://harbour.example.com/atom.xml" category="ports,shipping"/>
          </outline>
          <outline text="no feed here"/>
        </body>
      </opml>
      """
    let outlines = try OPML.read(Data(opml.utf8))
    #expect(
      outlines == [
        OPML.Outline(url: "https://news.example.org/rss", title: "Example & Co", tags: []),
        OPML.Outline(
          url: "https://harbour.example.com/atom.xml", title: "Harbour Times", tags: ["World", "ports", "shipping"]),
      ])
  }

  @Test func writesOPML2ThatReadsBack() throws {
    let outlines = [
      OPML.Outline(url: "https://a.example/feed?x=1&y=2", title: "A \"quoted\" <feed>", tags: ["one", "two"]),
      OPML.Outline(url: "https://b.example/rss", title: nil, tags: []),
    ]
    let text = OPML.write(outlines, date: Date(timeIntervalSince1970: 0))
    #expect(text.contains("<opml version=\"2.0\">"))
    #expect(text.contains("<dateCreated>Thu, 01 Jan 1970 00:00:00 GMT</dateCreated>"))
    #expect(text.contains("xmlUrl=\"https://a.example/feed?x=1&amp;y=2\""))
    let back = try OPML.read(Data(text.utf8))
    #expect(
      back == [
        outlines[0],
        OPML.Outline(url: "https://b.example/rss", title: "https://b.example/rss", tags: []),
      ])
  }

  @Test func entitiesAndExternalDocumentsAreRefused() throws {
    let laughs = """
      <?xml version="1.0"?>
      <!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
      <opml version="2.0"><body><outline xmlUrl="https://x.example/&b;"/></body></opml>
      """
    #expect(throws: OPML.ReadError.declaresEntities) { try OPML.read(Data(laughs.utf8)) }
    let external = """
      <?xml version="1.0"?>
      <!DOCTYPE opml SYSTEM "http://127.0.0.1:9/opml.dtd">
      <opml version="2.0"><body><outline xmlUrl="https://x.example/feed"/></body></opml>
      """
    #expect(try OPML.read(Data(external.utf8)) == [OPML.Outline(url: "https://x.example/feed")])
  }

  @Test func otherDocumentsSayWhatTheyAre() {
    #expect(throws: OPML.ReadError.notOPML(root: "rss")) {
      try OPML.read(Data("<rss version=\"2.0\"><channel/></rss>".utf8))
    }
    #expect(throws: OPML.ReadError.notXML) { try OPML.read(Data("just words".utf8)) }
    #expect(OPML.ReadError.notOPML(root: "rss").description == "is not OPML: its root element is <rss>, not <opml>")
  }
}
