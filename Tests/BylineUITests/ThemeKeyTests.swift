import Testing

@testable import BylineUI

@Suite("Theme key and status message")
struct ThemeKeyTests {
  @Test func tCyclesThemesAndHelpListsIt() {
    #expect(ReaderKeyMap.action(for: .character("t")) == .cycleTheme)
    #expect(ReaderKeyMap.bindings.contains { $0.action == .cycleTheme && $0.label == "t" })
    #expect(ReaderKeyMap.bindings.contains { $0.action == .cycleTheme && $0.description == "next theme" })
  }

  @Test func cyclingLeavesTheFrameAsItWas() {
    var state = readerState(width: 80, height: 24)
    state.apply(.nextQuote)
    let before = ReaderView.render(state)
    state.apply(.cycleTheme)
    #expect(ReaderView.render(state) == before)
  }

  @Test func aPostedMessageShowsOnceInTheStatusBar() {
    var state = readerState(width: 100, height: 24)
    state.post(message: "broken.toml line 3: unknown colour")
    #expect(ReaderView.render(state).plainText.contains("broken.toml line 3: unknown colour"))
    state.apply(.nextPage)
    #expect(!ReaderView.render(state).plainText.contains("broken.toml"))
  }
}
