import BylineCore
import Testing

@testable import BylineUI

/// LayoutLine keeps every field in 24 bytes and gives each back as it was set.
@Suite struct LayoutLineStorageTests {
  @Test func everyFieldComesBackAsSet() {
    let line = LayoutLine(
      content: .text(1200..<1275), role: .caption, blockIndex: 41, isFirstOfBlock: false,
      isLastOfBlock: true, indent: 2)
    #expect(MemoryLayout<LayoutLine>.stride == 24)
    #expect(line.content == .text(1200..<1275))
    #expect(line.textRange == 1200..<1275)
    #expect(line.role == .caption)
    #expect(line.blockIndex == 41)
    #expect(!line.isFirstOfBlock && line.isLastOfBlock)
    #expect(line.indent == 2)
  }

  @Test func syntheticBlankAndRuleLines() {
    let meta = LayoutLine(content: .synthetic("13 February 2022 · 3 min read"), role: .meta)
    #expect(meta.content == .synthetic("13 February 2022 · 3 min read"))
    #expect(meta.textRange == nil)
    #expect(meta.blockIndex == nil)
    #expect(meta.isFirstOfBlock && meta.isLastOfBlock)
    #expect(meta == LayoutLine(content: .synthetic("13 February 2022 · 3 min read"), role: .meta))
    #expect(meta != LayoutLine(content: .synthetic("14 February 2022 · 3 min read"), role: .meta))
    #expect(LayoutLine(content: .blank, role: .text).content == .blank)
    #expect(LayoutLine(content: .rule, role: .meta).content == .rule)
    #expect(LayoutLine(content: .blank, role: .text) != LayoutLine(content: .rule, role: .text))
  }

  @Test func changingTheContentClearsTheOldOne() {
    var line = LayoutLine(content: .synthetic("x"), role: .status, blockIndex: 3)
    line.content = .text(5..<9)
    line.role = .quoteFocused
    line.blockIndex = nil
    #expect(line == LayoutLine(content: .text(5..<9), role: .quoteFocused))
  }
}
