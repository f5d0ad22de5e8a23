import Foundation
import Testing

@testable import BylineCore

/// Web gold: quotes given by offsets and a hash, scored on speakers, scare quotes and people.
/// The analysis is set by hand so that these tests check the scorer, not the rules.
@Suite struct WebGoldScoringTests {
  static let text =
    "Headline here\n\n\u{201C}We will win,\u{201D} Maria Santos said. The \u{201C}Iron Lady\u{201D} nickname stuck, and \u{201C}we lost\u{201D} was never heard."

  static func gold(hash: String = "3d3c8d8f", length: Int = 111) throws -> BylineGold {
    let json = """
      {"page": "test", "text_length": \(length),
       "people": [{"name": "Maria Santos", "forms": ["Santos"]}, {"name": "Jon Reyes"}],
       "optional_people": ["Lady Iron"],
       "quotes": [
         {"start": 16, "end": 28, "kind": "full quote", "speaker": "Maria Santos", "speaker_kind": "person", "fnv1a": "\(hash)"},
         {"start": 54, "end": 63, "kind": "title", "speaker": null, "fnv1a": "dbf08671"},
         {"start": 86, "end": 93, "kind": "partial quote", "speaker": "a spokeswoman", "speaker_kind": "description", "fnv1a": "4deeef59"}
       ]}
      """
    return try JSONDecoder().decode(BylineGold.self, from: Data(json.utf8))
  }

  static func analysis() -> ArticleAnalysis {
    var a = ArticleAnalysis(article: parse(text))
    a.quotes = [
      Quote(range: 16..<28, segments: [16..<28], kind: .full, speaker: "Santos"),
      Quote(range: 54..<63, segments: [54..<63], kind: .fragment, speaker: "Maria Santos"),
      Quote(range: 86..<93, segments: [86..<93], kind: .partial, speaker: "spokeswoman"),
    ]
    a.entities = [
      Entity(kind: .person, name: "Maria Santos", mentions: [30..<42]),
      Entity(kind: .person, name: "Lady Iron", mentions: [54..<63]),
      Entity(kind: .person, name: "Nick Name", mentions: [65..<73]),
    ]
    return a
  }

  @Test func theTextIsTheOneTheOffsetsCount() {
    #expect(parse(Self.text).text == Self.text)
    #expect(Self.text.unicodeScalars.count == 111)
  }

  @Test func fnv1aKnownAnswers() {
    #expect(Evaluator.fnv1a("") == "811c9dc5")
    #expect(Evaluator.fnv1a("a") == "e40c292c")
    #expect(Evaluator.fnv1a("We will win,") == "3d3c8d8f")
  }

  @Test func quotesByOffsetAreScored() throws {
    let gold = try Self.gold()
    #expect(gold.quotesByOffset)
    let scores = Evaluator.score(Self.analysis(), webGold: gold)
    #expect(scores.errors.isEmpty, "\(scores.errors)")
    #expect(scores.shapes == [Evaluator.webGoldShape])
    #expect(scores.directQuotesFound == ratio(1, 1))
    // "Santos" is Maria Santos: a surname no other gold person bears.
    #expect(scores.speakersRight == ratio(1, 1))
    // "spokeswoman" is the head of "a spokeswoman".
    #expect(scores.mixedQuotesFound == ratio(1, 1))
    #expect(scores.partialSpeakersRight == ratio(1, 1))
    // The title got a speaker: counted and listed.
    #expect(scores.scareWithSpeaker == ratio(1, 1))
    #expect(scores.misses.contains("speaker on a title at 54 (title): Maria Santos cue -"))
    // Maria Santos found, Jon Reyes missed, Nick Name false, Lady Iron optional.
    let people = scores.entities[.person]
    #expect(people?.truePositives == 1 && people?.falseNegatives == 1 && people?.falsePositives == 1)
    #expect(scores.misses.contains("missed person: Jon Reyes"))
    #expect(scores.misses.contains("false person: Nick Name"))
  }

  @Test func aWrongSpeakerAndAMissingQuoteAreMisses() throws {
    var analysis = Self.analysis()
    analysis.quotes[0].speaker = "Jon Reyes"
    analysis.quotes.remove(at: 2)
    let scores = Evaluator.score(analysis, webGold: try Self.gold())
    #expect(scores.speakersRight == ratio(0, 1))
    #expect(scores.mixedQuotesFound == ratio(0, 1))
    #expect(scores.partialSpeakersRight == ratio(0, 1))
    #expect(scores.misses.contains("wrong speaker at 16 (full quote): Jon Reyes cue - for Maria Santos"))
    #expect(scores.misses.contains("quote not found at 86 (partial quote): gold speaker a spokeswoman"))
  }

  @Test func driftIsAnErrorNotAScore() throws {
    let byHash = Evaluator.score(Self.analysis(), webGold: try Self.gold(hash: "00000000"))
    #expect(
      byHash.errors == [
        "test: the text at 16..<28 is not the annotated quote (hash differs): re-annotate or fix the reader"
      ])
    #expect(byHash.speakersRight.total == 0)
    let byLength = Evaluator.score(Self.analysis(), webGold: try Self.gold(length: 112))
    #expect(
      byLength.errors.first?.hasPrefix("test: the article text is 111 scalars long, the gold was made on 112") == true)
  }

  @Test func aMissingCorpusIsNamed() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("byline-webgold-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    try #"{"article": "../nowhere/expected.html", "people": [], "quotes": [{"start": 0, "end": 1}]}"#
      .write(to: dir.appendingPathComponent("p.gold.json"), atomically: true, encoding: .utf8)
    let scores = Evaluator.evaluate(paths: [dir.path])
    #expect(scores.errors.count == 1)
    #expect(
      scores.errors.first?.hasSuffix(
        "its article ../nowhere/expected.html is not there (is ../shared beside the package?)") == true)
  }

  func ratio(_ hits: Int, _ total: Int) -> Ratio {
    var r = Ratio()
    r.hits = hits
    r.total = total
    return r
  }
}

/// The lenient parts of name matching, each with a case that must not match.
@Suite struct WebGoldNameMatchingTests {
  @Test func twoOrMoreWordsInARowArePartOfAName() {
    #expect(Evaluator.isNamePart("eugene steuerle", of: "c. eugene steuerle"))
    #expect(Evaluator.isNamePart("te kaurinui robert", of: "te kaurinui robert parata"))
    #expect(!Evaluator.isNamePart("steuerle", of: "c. eugene steuerle"))
    #expect(!Evaluator.isNamePart("margaret hamilton lego", of: "margaret hamilton"))
    #expect(!Evaluator.isNamePart("eugene c.", of: "c. eugene steuerle"))
  }

  @Test func aDescriptionIsMatchedOnItsHeadNoun() throws {
    let gold = try JSONDecoder().decode(
      BylineGold.self, from: Data(#"{"people": [{"name": "Hori Parata"}, {"name": "Te Kaurinui Parata"}]}"#.utf8))
    func right(_ predicted: String, _ goldSpeaker: String, _ kind: String) -> Bool {
      Evaluator.speakerMatches(
        Quote(range: 0..<1, segments: [0..<1], kind: .full, speaker: predicted), gold: goldSpeaker, kind: kind, gold)
    }
    #expect(right("notes", "the explanatory notes of the British Bill", "description"))
    #expect(!right("explanatory", "the explanatory notes of the British Bill", "description"))
    #expect(right("Whole Foods", "Whole Foods", "organisation"))
    #expect(!right("Dana F. Besecker Company", "Whole Foods", "organisation"))
    // "Parata" could be either of two gold people: not enough.
    #expect(!right("Parata", "Hori Parata", "person"))
    #expect(right("Hori Parata", "Hori Parata", "person"))
  }
}
