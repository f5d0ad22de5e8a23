import BylineCore
import Testing

@testable import BylineUI

/// LayoutLine keeps every field in 16 bytes and gives each back as it was set.
@Suite struct LayoutLineStorageTests {
  @Test func everyFieldComesBackAsSet() {
    let line = LayoutLine(
      content: .text(1200..<1275), role: .caption, blockIndex: 41, isFirstOfBlock: false,
      isLastOfBlock: true, indent: 2)
    #expect(MemoryLayout<LayoutLine>.stride == 16)
    #expect(line.content == .text(1200..<1275))
    #expect(line.textRange == 1200..<1275)
    #expect(line.role == .caption)
    #expect(line.blockIndex == 41)
    #expect(!line.isFirstOfBlock && line.isLastOfBlock)
    #expect(line.indent == 2)
  }

  @Test func syntheticBlankAndRuleLines() {
    let meta = LayoutLine(content: .synthetic(1), role: .meta)
    #expect(meta.content == .synthetic(1))
    #expect(meta.textRange == nil)
    #expect(meta.blockIndex == nil)
    #expect(meta.isFirstOfBlock && meta.isLastOfBlock)
    #expect(meta == LayoutLine(content: .synthetic(1), role: .meta))
    #expect(meta != LayoutLine(content: .synthetic(0), role: .meta))
    #expect(meta != LayoutLine(content: .text(1..<1), role: .meta))
    #expect(LayoutLine(content: .blank, role: .text).content == .blank)
    #expect(LayoutLine(content: .rule, role: .meta).content == .rule)
    #expect(LayoutLine(content: .blank, role: .text) != LayoutLine(content: .rule, role: .text))
  }

  /// The metadata under the headline is kept by the layout, its lines holding their number.
  @Test func theLayoutKeepsTheTextOfItsSyntheticLines() throws {
    let article = ArticleParser.parse(
      "Harbour strike\n\nBy Moira Keane\n\nThe port closed.\n", source: "t.txt")
    let layout = DocumentLayout(analysis: ArticleAnalysis(article: article), width: 60)
    let numbers = layout.lines.compactMap { line -> Int? in
      if case .synthetic(let k) = line.content { return k }
      return nil
    }
    #expect(numbers == [0])
    #expect(layout.syntheticTexts == ["By Moira Keane · 1 min read (3 words)"])
    #expect(layout.syntheticText(0) == "By Moira Keane · 1 min read (3 words)")
    #expect(layout.syntheticText(1) == "")
  }

  @Test func changingTheContentClearsTheOldOne() {
    var line = LayoutLine(content: .synthetic(2), role: .status, blockIndex: 3)
    line.content = .text(5..<9)
    line.role = .quoteFocused
    line.blockIndex = nil
    #expect(line == LayoutLine(content: .text(5..<9), role: .quoteFocused))
  }
}
