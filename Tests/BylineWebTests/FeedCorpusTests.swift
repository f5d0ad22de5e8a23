import BylineCore
import Foundation
import Testing

@testable import BylineWeb

/// `../shared/corpora/feedparser-tests`, or nil when it is absent (a fresh clone).
let feedparserTests: String? = {
  let path = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpora/feedparser-tests").path
  return FileManager.default.fileExists(atPath: path) ? path : nil
}()

/// Floors on feedparser's own test suite: of the expectations about what a reader shows,
/// Byline passes all (1,079 of 1,079 files that apply when this was written).
@Suite("Feeds against feedparser's test suite", .enabled(if: feedparserTests != nil, "../shared is absent"))
struct FeedCorpusTests {
  @Test func floors() {
    let categories = FeedEvaluation.evaluate(folder: feedparserTests!)
    let applicable = categories.reduce(0) { $0 + $1.applicable }
    let passed = categories.reduce(0) { $0 + $1.passed }
    #expect(categories.reduce(0) { $0 + $1.files } == 1768)
    #expect(applicable >= 1070)
    #expect(passed == applicable)
    #expect(categories.allSatisfy { $0.unparsed == 0 })
    for category in categories where category.passed < category.applicable {
      Issue.record("\(category.name): failed \(category.failures.joined(separator: " "))")
    }
  }
}

/// The evaluator itself, on expectations and feeds written here.
@Suite("Feed evaluation")
struct FeedEvaluationTests {
  func check(_ expect: String, _ feed: String) -> FeedEvaluation.Outcome {
    FeedEvaluation.check(Data("<!--\nDescription: t\nExpect:      \(expect)\n-->\n\(feed)".utf8))
  }

  let atom = """
    <feed xmlns="http://www.w3.org/2005/Atom"><title type="html">A &lt;b&gt;bold&lt;/b&gt; title</title>
    <entry><title>T</title><author><name>Ann</name><email>a@x.example</email></author>
    <updated>2003-12-31T10:14:55Z</updated><content type="html">&lt;p&gt;Hi&lt;script&gt;x()&lt;/script&gt;&lt;/p&gt;</content></entry></feed>
    """

  @Test func expressions() throws {
    #expect(
      try PythonExpression.parse("not bozo and entries[0]['title'] == u'caf\\xe9'")
        == .and([
          .not(.name("bozo")),
          .compare(
            .subscriptOf(.subscriptOf(.name("entries"), .number(0)), .string("title")), [("==", .string("café"))]),
        ]))
    #expect(try PythonExpression.parse("a == '''it's'''") == .compare(.name("a"), [("==", .string("it's"))]))
    #expect(
      try PythonExpression.parse("x == 'a' + \"b\"") == .compare(.name("x"), [("==", .add(.string("a"), .string("b")))])
    )
    #expect(throws: PythonExpression.SyntaxError.self) { try PythonExpression.parse("a == 'open") }
  }

  @Test func outcomes() {
    // HTML is compared as the text a reader sees; scripts removed.
    #expect(check("not bozo and feed['title'] == 'A <b>bold</b> title'", atom) == .pass)
    #expect(check("entries[0]['content'][0]['value'] == '<p>Hi</p>'", atom) == .pass)
    #expect(check("entries[0]['summary'] == '<p>Hi</p>'", atom) == .pass)  // content copied to summary
    #expect(check("entries[0]['content'][0]['value'] == '<p>Hi x()</p>'", atom) == .fail)
    #expect(check("entries[0]['author_detail']['email'] == 'a@x.example'", atom) == .pass)
    #expect(check("entries[0]['author'] == 'Ann (a@x.example)'", atom) == .pass)
    #expect(check("entries[0]['updated_parsed'] == (2003, 12, 31, 10, 14, 55, 2, 365, 0)", atom) == .pass)
    #expect(check("entries[0]['updated_parsed'] == (2003, 12, 31, 10, 14, 56, 2, 365, 0)", atom) == .fail)
    #expect(check("entries[0]['link'] == 'http://x.example/'", atom) == .fail)  // no link: missing
    // What a reader does not show does not apply, alone or beside what does.
    #expect(check("not bozo and feed['language'] == 'en'", atom) == .notApplicable)
    #expect(check("bozo and feed['title'] == 'A bold title'", atom) == .pass)
    #expect(check("version == 'atom10'", atom) == .notApplicable)
  }
}
