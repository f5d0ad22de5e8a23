import BylineCore
import BylineUI
import Testing

@Suite("Reader state: pages, quotes and resizing")
struct ReaderStateTests {
  @Test func pageKeysMoveWithinBounds() {
    var state = readerState(width: 40, height: 12)
    state.apply(.previousPage)
    #expect(state.pageIndex == 0)
    #expect(state.message == "first page")
    state.apply(.lastPage)
    #expect(state.pageIndex == 3)
    state.apply(.nextPage)
    #expect(state.pageIndex == 3)
    #expect(state.message == "last page")
    state.apply(.firstPage)
    #expect(state.pageIndex == 0)
  }

  @Test func quoteJumpsTurnPagesAndStopAtTheEnds() {
    var state = readerState(width: 40, height: 12)
    state.apply(.nextQuote)
    #expect(state.focusedQuote == 0)
    #expect(state.pageIndex == 1)
    state.apply(.nextQuote)
    #expect(state.focusedQuote == 1)
    #expect(state.pageIndex == 2)
    state.apply(.nextQuote)
    state.apply(.nextQuote)
    #expect(state.focusedQuote == 2)
    #expect(state.message == "no more quotes after this one")
    state.apply(.previousQuote)
    state.apply(.previousQuote)
    #expect(state.focusedQuote == 0)
    #expect(state.pageIndex == 1)
  }

  @Test func turningAwayFromTheFocusedQuoteClearsTheFocus() {
    var state = readerState(width: 40, height: 12)
    state.apply(.nextQuote)
    state.apply(.lastPage)
    #expect(state.focusedQuote == nil)
    state.apply(.previousQuote)
    #expect(state.focusedQuote == 2)
  }

  @Test func resizeKeepsTheFirstWordOnScreen() {
    for (w1, h1, w2, h2) in [(40, 12, 80, 24), (80, 24, 30, 8), (30, 8, 50, 10), (100, 30, 24, 6)] {
      var state = readerState(width: w1, height: h1)
      for _ in 0..<2 { state.apply(.nextPage) }
      let anchor = state.anchorOffset
      state.apply(.resize(width: w2, height: h2))
      let visible = state.visibleRange
      #expect(visible.contains(anchor) || visible.lowerBound == anchor, "\(w1)x\(h1) -> \(w2)x\(h2)")
    }
  }

  @Test func tooSmallAndBackAgain() {
    var state = readerState(width: 80, height: 24)
    state.apply(.resize(width: 10, height: 3))
    #expect(state.isTooSmall)
    state.apply(.resize(width: 80, height: 24))
    #expect(!state.isTooSmall)
    #expect(state.pageIndex == 0)
  }

  @Test func keyMapCoversTheDocumentedKeys() {
    let expected: [(Key, ReaderAction)] = [
      (.character(" "), .nextPage), (.character("f"), .nextPage), (.pageDown, .nextPage),
      (.right, .nextPage), (.character("b"), .previousPage), (.pageUp, .previousPage),
      (.left, .previousPage), (.character("g"), .firstPage), (.character("G"), .lastPage),
      (.character("]"), .nextQuote), (.character("n"), .nextMatchOrQuote), (.character("["), .previousQuote),
      (.character("N"), .previousMatchOrQuote), (.character("e"), .togglePanel), (.tab, .switchFocus),
      (.character("/"), .startSearch), (.character("p"), .openPicker), (.character("x"), .clearFilter),
      (.character("?"), .toggleHelp), (.character("q"), .quit),
    ]
    for (key, action) in expected { #expect(ReaderKeyMap.action(for: key) == action) }
    #expect(ReaderKeyMap.action(for: .wheelDown) == .nextPage)
    #expect(ReaderKeyMap.action(for: .resize(width: 3, height: 4)) == .resize(width: 3, height: 4))
  }
}
