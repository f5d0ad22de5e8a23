import BylineCore
import Testing

@testable import BylineUI

@Suite("The status bar keeps what matters when it is short")
struct StatusBarTests {
  /// The reader over the test article, filtered to Isla Tarbet with her quote focused.
  func filteredAndFocused(width: Int) -> ReaderState {
    var state = readerState(width: width, height: 12)
    state.apply(.filterByName("Isla Tarbet"))
    state.apply(.nextQuote)
    return state
  }

  func status(_ state: ReaderState) -> String {
    ReaderView.render(state).text(row: state.screenHeight - 1)
  }

  @Test func theQuoteAndSpeakerComeBeforeTheFilterAndShortenLast() {
    #expect(
      status(filteredAndFocused(width: 120))
        == " page 1/1 · 0% · quote 1/1 — Isla Tarbet (said) · filtered: Isla Tarbet, 2 of 6 paragraphs, x clears         1 min left"
    )
    #expect(
      status(filteredAndFocused(width: 80))
        == " page 1/1 · 0% · quote 1/1 — Isla Tarbet (said) · filter 2/6         1 min left")
    // The filter badge before the time left; the cue before the filter.
    #expect(status(filteredAndFocused(width: 60)) == " page 2/2 · 41% · quote 1/1 — Isla Tarbet · filter 2/6")
    // The speaker, cut, before the filter; the number alone only when nothing else fits.
    #expect(status(filteredAndFocused(width: 40)) == " page 2/2 · 0% · quote 1/1 — Isla…")
    #expect(status(filteredAndFocused(width: 28)) == " page 2/2 · 0% · 1/1")
  }

  @Test func fitShortensTheLeastImportantFirstAndNeverCutsANumber() {
    let parts = [
      StatusFit.Part(
        forms: ["quote 12/30 — Kassym-Jomart Tokayev (said)", "quote 12/30 — Kassym-Jom…", "12/30"],
        role: .statusAccent, priority: 4, preferred: 2),
      StatusFit.Part(
        forms: ["filtered: Nursultan Nazarbayev, 4/14 ¶", "filter 4/14"], role: .filterBadge, priority: 1),
    ]
    #expect(
      StatusFit.fit(parts, width: 100).map(\.text) == [
        "quote 12/30 — Kassym-Jomart Tokayev (said)", "filtered: Nursultan Nazarbayev, 4/14 ¶",
      ])
    #expect(
      StatusFit.fit(parts, width: 60).map(\.text) == ["quote 12/30 — Kassym-Jomart Tokayev (said)", "filter 4/14"])
    #expect(StatusFit.fit(parts, width: 45).map(\.text) == ["quote 12/30 — Kassym-Jom…", "filter 4/14"])
    #expect(
      StatusFit.fit(parts, width: 40).map(\.text) == ["quote 12/30 — Kassym-Jom…"], "the filter goes before the name")
    #expect(StatusFit.fit(parts, width: 10).map(\.text) == ["12/30"], "the bare number when nothing else fits")
    #expect(StatusFit.fit(parts, width: 5).map(\.text) == [])
    #expect(StatusFit.cut("Kassym-Jomart Tokayev", width: 10) == "Kassym-Jo…")
    #expect(StatusFit.cut("Tokayev", width: 10) == "Tokayev")
  }
}
