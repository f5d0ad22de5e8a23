import Foundation
import Testing

@testable import BylineCore

/// The PolNeAR measure of quotes that must get no speaker: quoted spans in no attribution's
/// content (Evaluation/UnattributedQuotes.swift).
@Suite struct UnattributedQuotesTests {
  @Test func spansOutsideEveryAttributionAreFoundWithoutSentencesOrMarkup() {
    let text =
      "He said \u{201C}we won\u{201D} on \u{201C}Meet the Press\u{201D}.\n"
      + "\u{201C}We will build it and they will pay.\u{201D} <tweet author=\"@x\">hi</tweet> a \"tax\" plan"
    // The first quote is an attribution's content; the sentence, the markup attribute are left out.
    let spans = Evaluator.unattributedQuotedSpans(text, attributed: [9..<15])
    let scalars = Array(text.unicodeScalars)
    #expect(spans.map { String(String.UnicodeScalarView(scalars[$0])) } == ["Meet the Press", "tax"])
  }

  @Test func aFullSentenceNeedsACapitalFourWordsAndAStop() {
    func sentence(_ s: String) -> Bool { Evaluator.isFullSentence(Array(s.unicodeScalars)[...]) }
    #expect(sentence("We will not move.") == true)
    #expect(sentence("Who is out there?\u{2019}") == true)
    #expect(sentence("The Apprentice.") == false)
    #expect(sentence("no conflict of interest.") == false)
    #expect(sentence("Make America Great Again") == false)
  }

  @Test func aSpeakerOnASpanOutsideTheAttributionsCounts() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("byline-outside-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let text =
      "Headline here\n\n\u{201C}We will win,\u{201D} Maria Santos said in London. "
      + "She spoke on \u{201C}Meet the Press\u{201D} later. Bob Hart said the plan was \u{201C}reckless\u{201D}.\n"
    try text.write(to: dir.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
    try
      #"{"quotes":[{"kind":"direct","content":"x","content_spans":[[15,29]],"source":"Maria Santos","source_spans":[[30,42]],"source_is_pronoun":false,"cue":"said"}]}"#
      .write(to: dir.appendingPathComponent("b.quotes.json"), atomically: true, encoding: .utf8)
    let scores = Evaluator.evaluate(paths: [dir.path])
    #expect(scores.errors.isEmpty, "\(scores.errors)")
    // "Meet the Press" gets no speaker; "reckless", unannotated here, gets Bob Hart.
    #expect(scores.unattributedWithSpeaker.total == 2)
    #expect(scores.unattributedWithSpeaker.hits == 1)
    #expect(scores.misses.contains { $0.contains("\u{201C}reckless\u{201D}: Bob Hart") })
    #expect(scores.table().contains("outside attributions:   0.500 given a speaker (1/2)"))
  }
}
