import Foundation
import Testing

@testable import BylineCore

/// Floors on the reference article and, when `../shared` is there, on the real corpora.
@Suite struct EvaluationTests {
  /// `../shared` relative to the package root.
  static let shared: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared")

  static func exists(_ path: String) -> Bool {
    FileManager.default.fileExists(atPath: shared.appendingPathComponent(path).path)
  }

  @Test(.enabled(if: exists("reference/000_9ec958a5fda938b3.txt")))
  func referenceArticle() throws {
    let path = Self.shared.appendingPathComponent("reference/000_9ec958a5fda938b3.txt").path
    let a = ArticleAnalysis(article: try ArticleLoader.load(path: path))
    let people = a.entities.filter { $0.kind == .person }
    func body(_ e: Entity) -> Int {
      e.mentions.filter {
        a.article.blockIndex(containing: $0.lowerBound).map { a.article.blocks[$0].kind == .paragraph } ?? false
      }.count
    }
    let expected: [(String, String?, Int)] = [
      ("Kassym-Jomart Tokayev", "President", 6), ("Nursultan Nazarbayev", nil, 3),
      ("Aiman Ispolova", "pensioner", 1), ("Gulshara Belgibayeva", "postal worker", 2),
      ("Karim Masimov", nil, 1),
    ]
    #expect(people.count == 5, "no false person: \(people.map(\.name))")
    for (name, role, count) in expected {
      let person = people.first { $0.name == name }
      #expect(person != nil, "missing \(name)")
      if let role { #expect(person?.role == role) }
      if let person { #expect(body(person) == count, "\(name) mentions") }
    }
    // Roles the article gives in words of its own (the gold paraphrases them).
    #expect(people.first { $0.name == "Nursultan Nazarbayev" }?.role?.contains("predecessor") == true)
    #expect(people.first { $0.name == "Karim Masimov" }?.role?.contains("ally") == true)
    let places = Set(a.entities.filter { $0.kind == .place }.map(\.name))
    #expect(places.isSuperset(of: ["Kazakhstan", "Almaty", "Republic Square", "Central Asia", "Russia"]))
    #expect(a.entities.contains { $0.kind == .organisation && $0.name == "Getty" })
    #expect(a.quotes.map { $0.speaker ?? "-" } == ["Kassym-Jomart Tokayev", "Aiman Ispolova", "foreign ministry"])
    #expect(a.quotes.map(\.kind) == [.fragment, .full, .partial])
  }

  @Test(.enabled(if: exists("reference")))
  func referenceThroughTheEvaluator() {
    let scores = Evaluator.evaluate(paths: [Self.shared.appendingPathComponent("reference").path])
    #expect(scores.articles == 1)
    #expect(scores.entities[.person]?.f1 == 1)
    #expect(scores.speakersRight.value == 1)
  }

  /// Our own gold set: the sample articles and the gold articles written for the tests. It is
  /// in the repository, so this test always runs.
  @Test func ownGoldFloors() {
    let root = TestPaths.packageRoot
    let scores = Evaluator.evaluate(paths: [
      root.appendingPathComponent("sample-articles").path,
      root.appendingPathComponent("Tests/BylineCoreTests/Fixtures/gold-articles").path,
    ])
    #expect(scores.articles >= 30)
    #expect(scores.errors.isEmpty, "\(scores.errors)")
    #expect(scores.directQuotesFound.value == 1)
    // Issue 4 targets: people F1 >= 0.95, places F1 >= 0.90, quote speakers right >= 0.90.
    #expect((scores.mentions[.person]?.f1 ?? 0) >= 0.95)
    #expect((scores.entities[.person]?.f1 ?? 0) >= 0.95)
    #expect((scores.entities[.place]?.f1 ?? 0) >= 0.90)
    #expect(scores.speakersRight.value >= 0.90)
  }

  @Test(.enabled(if: exists("corpora/conll-dev")))
  func conllDevFloors() {
    let scores = Evaluator.evaluate(paths: [Self.shared.appendingPathComponent("corpora/conll-dev").path])
    #expect(scores.articles == 110)
    // Issue 10 floors: people >= 0.93, places >= 0.90, organisations >= 0.78 (mention level,
    // strict spans; headline, byline and dateline included; 0.920, 0.898, 0.727 before it,
    // 0.936, 0.921, 0.772 later, now 0.940, 0.924, 0.804). All three reached on this split
    // (the held-out splits decide); the organisations' floor is a ratchet at today's figure.
    #expect((scores.mentions[.person]?.f1 ?? 0) >= 0.93)
    #expect((scores.mentions[.place]?.f1 ?? 0) >= 0.90)
    #expect((scores.mentions[.organisation]?.f1 ?? 0) >= 0.803)
  }

  @Test(.enabled(if: exists("corpora/polnear-train")))
  func polnearTrainFloors() {
    let scores = Evaluator.evaluate(paths: [Self.shared.appendingPathComponent("corpora/polnear-train").path])
    #expect(scores.directQuotesFound.value >= 0.99)
    // Issue 10 target: named-source speakers right >= 0.90 (0.864 before it, 0.907 after;
    // 0.938 when a firm named inside the source counted, 0.921 once only its head does, 0.927
    // with member-of-an-organisation, 1901 of 2050 with the person of a description's role).
    // Pronoun sources are checked by hand (docs/pronoun-check.md).
    #expect(scores.speakersRight.value >= 0.90)
    // Issue 10 target: partial quotes found with their clause >= 0.75 (0.699 before the
    // cue-verb-clause and full-quote-in-a-clause rules, 0.765 after).
    #expect(scores.mixedQuotesFound.value >= 0.75, "\(scores.mixedQuotesFound)")
    // Issue 10: scare quotes and titles get no speaker. Quoted spans in no attribution's
    // content (scare quotes, titles and names by and large) given a speaker: a ratchet (80 of
    // 411 when the measure came, 70 with nickname-in-a-name, title-after-its-owner,
    // title-after-a-work-noun and known-as-a-name, 53 with noun-after-a-determiner,
    // passive-report-has-no-speaker, title-before-its-author and quote-after-an-inverted-cue,
    // 49 with partial-quotes-inherit-from-before and quoted-name-before-its-noun, 48 with
    // titled-is-a-title); lower it as the rules improve. 49 with in-their-words: `she
    // doesn't like “surprises,” in the words of one top staffer` is the staffer's word, an
    // attribution the annotators left unmarked. 50 with sentence-runs-past-a-fragment: `When
    // Trump incites violence with his “Second Amendment people” remark` is Trump's phrase,
    // also left unmarked; 49 again with subject-before-a-quote (`calling for an “apology”`
    // had `Yorkers`). 50 with the reporting verbs of judging: `The “wise Latina” phrase
    // Grassley cited` is Sotomayor's phrase, now Grassley's; 49 again once a participle's object
    // was no speaker; 48 once `so called` in two words was an adjective (`The so called
    // “Implementation Initiative”` had given `so` a poster's slogan in the next paragraph).
    #expect(scores.unattributedWithSpeaker.total == 411)
    #expect(scores.unattributedWithSpeaker.hits <= 48, "\(scores.unattributedWithSpeaker)")
  }

  /// Issue 10: BBC writers reopen a quote mark without closing the last one, and drop closing
  /// marks; a quote must still end where its speaker's words end.
  @Test(.enabled(if: exists("corpora/bbc")))
  func bbcQuoteBoundaryFloors() {
    let scores = Evaluator.evaluate(paths: [Self.shared.appendingPathComponent("corpora/bbc").path])
    #expect(scores.articles == 2225)
    #expect(scores.errors.isEmpty)
    // Were 12.5 % and 11 % before the reopening rules; 0.08 % and 0.2 % after.
    #expect(scores.quotesHoldingMark.value <= 0.01, "\(scores.quotesHoldingMark)")
    #expect(scores.quotesUnterminated.value <= 0.01, "\(scores.quotesUnterminated)")
  }

  /// The issue's example: in this BBC story five people speak in one paragraph; each piece
  /// of speech is its own quote with its own speaker.
  @Test(.enabled(if: exists("corpora/bbc/politics/405.txt")))
  func bbcPolitics405SpeakersAreTheirOwn() throws {
    let path = Self.shared.appendingPathComponent("corpora/bbc/politics/405.txt").path
    let a = ArticleAnalysis(article: try ArticleLoader.load(path: path))
    let speakers = a.quotes.compactMap(\.speaker)
    // Blair's two sentences, then Kennedy, Smith and Weyman, in that order, at the end.
    #expect(
      Array(speakers.suffix(6)) == [
        "Tony Blair", "Tony Blair", "Tony Blair", "Charles Kennedy", "Peter Smith", "Anne Weyman",
      ])
    #expect(
      a.quotes.allSatisfy { quote in
        quote.segments.allSatisfy { !a.article.text(in: $0).unicodeScalars.contains(where: QuoteFinder.isQuoteMark) }
      })
  }

  @Test func aFolderWithoutGoldIsScoredOnItsQuoteBoundaries() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("byline-bounds-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try "Headline\n\nShe said: \"We won. \"They lost.\" He said it was \"over.\n".write(
      to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
    let scores = Evaluator.evaluate(paths: [dir.path])
    #expect(scores.articles == 1)
    #expect(scores.quotesHoldingMark.hits == 0 && scores.quotesHoldingMark.total == 3)
    #expect(scores.quotesUnterminated.hits == 1)
  }

  @Test func aGoldSourceIsHeadedByItsLastNounBeforeItsModifiers() {
    func head(_ source: String) -> String? { Evaluator.headWord(of: source)?.word }
    #expect(head("Concord resident Whit Symms") == "symms")
    #expect(head("the chairman of the committee, Labour MP Barry Sheerman") == "chairman")
    #expect(head("Clinton, 35, the daughter of former President Bill Clinton") == "clinton")
    #expect(head("one of those advisers, who spoke on the condition of anonymity") == "advisers")
    #expect(head("a source involved in the super-PAC\u{2019}s creation") == "source")
    #expect(head("Sen. Bernie Sanders (I-Vt.)") == "sanders")
    #expect(head("Mitt Romney\u{2019}s") == "romney")
    #expect(Evaluator.headWord(of: "Pollster Ann Selzer")?.offset == 13)
    // The head's span in the article, when the source is written as one span.
    #expect(Evaluator.headSpan(of: "Concord resident Whit Symms", spans: [[100, 127]]) == 122..<127)
    #expect(Evaluator.headSpan(of: "Concord resident Whit Symms", spans: [[100, 110], [115, 127]]) == nil)
  }

  /// A firm or a place named inside a person's source is not the person; a surname is.
  @Test func aSpeakerMustBeTheSourcesHead() {
    let source = "Concord resident Whit Symms"
    let spans = [[100, 127]]
    let head = Evaluator.headSpan(of: source, spans: spans).map { [[$0.lowerBound, $0.upperBound]] } ?? spans
    let concord = Entity(kind: .place, name: "Concord", mentions: [100..<107])
    let symms = Entity(kind: .person, name: "Whit Symms", mentions: [117..<127])
    let map = SourceMap()
    #expect(!Evaluator.speakerMatches("Concord", entity: concord, goldSource: source, goldSpans: head, map: map))
    #expect(Evaluator.speakerMatches("Concord", entity: concord, goldSource: source, goldSpans: spans, map: map))
    #expect(Evaluator.speakerMatches("Whit Symms", entity: symms, goldSource: source, goldSpans: head, map: map))
    let department = Entity(kind: .organisation, name: "State Department", mentions: [0..<16])
    #expect(
      Evaluator.speakerMatches(
        "State Department", entity: department, goldSource: "the State Department", goldSpans: [[400, 420]],
        map: map))
    #expect(
      !Evaluator.speakerMatches(
        "State Department", entity: department, goldSource: "a State Department official", goldSpans: [[400, 427]],
        map: map))
  }

  @Test func goldShapesAreToldApart() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("byline-gold-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let text = "Headline here\n\n\u{201C}We will win,\u{201D} Maria Santos said in London.\n"
    try text.write(to: dir.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
    try text.write(to: dir.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
    try
      #"{"entities":[{"type":"PER","text":"Maria Santos","count":1,"spans":[[30,42]],"zones":["body"]},{"type":"LOC","text":"London","count":1,"spans":[[51,57]],"zones":["body"]}]}"#
      .write(to: dir.appendingPathComponent("a.gold.json"), atomically: true, encoding: .utf8)
    try
      #"{"quotes":[{"kind":"direct","content":"x","content_spans":[[15,29]],"source":"Maria Santos","source_spans":[[30,42]],"source_is_pronoun":false,"cue":"said"}]}"#
      .write(to: dir.appendingPathComponent("b.quotes.json"), atomically: true, encoding: .utf8)
    let scores = Evaluator.evaluate(paths: [dir.path])
    #expect(scores.errors.isEmpty, "\(scores.errors)")
    #expect(scores.articles == 2)
    #expect(scores.mentions[.person]?.f1 == 1)
    #expect(scores.mentions[.place]?.f1 == 1)
    #expect(scores.speakersRight.value == 1)
    #expect(scores.table().contains("people"))
  }
}
