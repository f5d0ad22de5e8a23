import BylineTerminal
import Testing

// Keeps the BylineTerminalTests target (named in Package.swift) present in a fresh clone.
@Suite("BylineTerminal links")
struct ColourMappingLinkTests {
  @Test func greyscaleIndexIsAGrey() {
    let (r, g, b) = ColourMapping.rgb(ofIndex: 244)
    #expect(r == g && g == b)
  }
}
