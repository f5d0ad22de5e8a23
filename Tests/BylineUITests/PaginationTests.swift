import BylineUI
import Testing

/// Lines of paragraphs with these line counts, a blank line between paragraphs.
private func lines(_ paragraphs: [Int]) -> [LayoutLine] {
  var result: [LayoutLine] = []
  var offset = 0
  for (p, count) in paragraphs.enumerated() {
    if p > 0 { result.append(LayoutLine(content: .blank, role: .text)) }
    for k in 0..<count {
      result.append(
        LayoutLine(
          content: .text(offset..<offset + 1), role: .text, blockIndex: p,
          isFirstOfBlock: k == 0, isLastOfBlock: k == count - 1))
      offset += 2
    }
  }
  return result
}

@Suite("Pages of whole lines")
struct PaginationTests {
  @Test func fillsPagesAndSkipsBlankLinesAtTheTop() {
    // [a a] _ [b b] _ [c c]: at height 3, the blank lines fall at page tops.
    #expect(Pagination.pages(of: lines([2, 2, 2]), height: 3) == [0..<3, 3..<6, 6..<8])
  }

  @Test func noOrphanAtTheFootOfAPage() {
    // [a a a] _ [b b b b]: at height 5 the first line of b would be alone at the foot; the
    // next page starts at the blank line, which is skipped only when it is at the top.
    #expect(Pagination.pages(of: lines([3, 4]), height: 5) == [0..<4, 4..<8])
  }

  @Test func noWidowAtTheHeadOfAPage() {
    // [a a a a a a]: at height 5 the last line would be alone on the next page.
    #expect(Pagination.pages(of: lines([6]), height: 5) == [0..<4, 4..<6])
  }

  @Test func emptyDocumentHasOnePage() {
    #expect(Pagination.pages(of: [], height: 10) == [0..<0])
  }
}
