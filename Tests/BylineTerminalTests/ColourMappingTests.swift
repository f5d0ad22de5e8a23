import BylineUI
import Testing

@testable import BylineTerminal

@Suite("Colour mapping")
struct ColourMappingTests {
  @Test func depthFromWhatTheTerminalHas() {
    #expect(ColourMapping.depth(colours: 0, colorTerm: nil, canChangeColour: false) == .monochrome)
    #expect(ColourMapping.depth(colours: 8, colorTerm: nil, canChangeColour: false) == .eight)
    #expect(ColourMapping.depth(colours: 16, colorTerm: "truecolor", canChangeColour: true) == .sixteen)
    #expect(ColourMapping.depth(colours: 256, colorTerm: nil, canChangeColour: true) == .indexed256)
    // COLORTERM alone is not enough: ncurses must be able to define colours.
    #expect(ColourMapping.depth(colours: 256, colorTerm: "truecolor", canChangeColour: false) == .indexed256)
    #expect(ColourMapping.depth(colours: 256, colorTerm: "24bit", canChangeColour: true) == .truecolour)
    #expect(ColourMapping.depth(colours: 256, colorTerm: "TrueColor", canChangeColour: true) == .truecolour)
    #expect(ColourMapping.depth(colours: 256, colorTerm: "yes", canChangeColour: true) == .indexed256)
    // A direct-colour terminal description (xterm-direct) is truecolour whatever COLORTERM says.
    #expect(ColourMapping.depth(colours: 0x100_0000, colorTerm: nil, canChangeColour: false) == .truecolour)
  }

  @Test func nearestAt256() {
    #expect(ColourMapping.number(for: .indexed(222), depth: .indexed256) == 222)
    #expect(ColourMapping.number(for: .ansi(12), depth: .indexed256) == 12)
    // Exact cube and grey entries map to themselves.
    #expect(ColourMapping.number(for: .rgb(0xff, 0xd7, 0x87), depth: .indexed256) == 222)
    #expect(ColourMapping.number(for: .rgb(0x30, 0x30, 0x30), depth: .indexed256) == 236)
    // Solarized base03 (#002b36) is nearest the cube's 17... or the dark greys: check it is dark.
    let base03 = ColourMapping.number(for: .rgb(0x00, 0x2b, 0x36), depth: .indexed256)
    let (r, g, b) = ColourMapping.rgb(ofIndex: Int(base03))
    #expect(r + g + b < 150)
    #expect(ColourMapping.number(for: .rgb(0xfd, 0xf6, 0xe3), depth: .indexed256) == 230)
  }

  @Test func nearestAt16And8() {
    // 256-palette entries fall to the nearest ANSI colour.
    #expect(ColourMapping.number(for: .indexed(196), depth: .sixteen) == 9)  // bright red
    #expect(ColourMapping.number(for: .indexed(196), depth: .eight) == 1)  // red
    #expect(ColourMapping.number(for: .indexed(16), depth: .sixteen) == 0)
    #expect(ColourMapping.number(for: .indexed(231), depth: .sixteen) == 15)
    #expect(ColourMapping.number(for: .indexed(231), depth: .eight) == 7)
    #expect(ColourMapping.number(for: .rgb(0, 0, 0xee), depth: .eight) == 4)
    #expect(ColourMapping.number(for: .rgb(0x20, 0xd0, 0xd0), depth: .eight) == 6)
    // Bright ANSI names lose their brightness on 8 colours.
    #expect(ColourMapping.number(for: .ansi(12), depth: .sixteen) == 12)
    #expect(ColourMapping.number(for: .ansi(12), depth: .eight) == 4)
  }

  @Test func directColourPacksRGB() {
    #expect(ColourMapping.directNumber(for: .rgb(0x12, 0x34, 0x56)) == 0x123456)
    #expect(ColourMapping.directNumber(for: .ansi(3)) == 3)
    #expect(ColourMapping.directNumber(for: .indexed(222)) == 0xffd787)
    #expect(ColourMapping.directNumber(for: .ansi(15)) == 0xffffff)
  }

  @Test func cursesComponentsScaleTo1000() {
    #expect(ColourMapping.cursesComponents((255, 0, 128)) == (1000, 0, 502))
  }

  @Test func slotsDefineEachColourOnceAndFallBackWhenFull() {
    var slots = ColourSlots(first: 16, limit: 18)
    #expect(slots.assign(.ansi(4)) == .init(number: 4, define: nil))
    let first = slots.assign(.rgb(1, 2, 3))
    #expect(first.number == 16)
    #expect(first.define.map { [$0.0, $0.1, $0.2] } == [1, 2, 3])
    #expect(slots.assign(.rgb(1, 2, 3)) == .init(number: 16, define: nil))
    #expect(slots.assign(.indexed(222)).number == 17)
    // Full: the nearest ANSI colour stands in.
    #expect(slots.assign(.rgb(255, 0, 0)) == .init(number: 9, define: nil))
    slots.reset()
    #expect(slots.assign(.rgb(255, 0, 0)).number == 16)
  }
}
