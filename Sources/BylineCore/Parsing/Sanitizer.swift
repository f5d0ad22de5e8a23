/// Makes untrusted article text safe to show in a terminal.
///
/// Article text never reaches the terminal raw: the sanitiser removes C0 and C1 control
/// characters (a tab becomes a space), whole ANSI escape sequences (CSI, OSC, DCS and
/// two-character escapes), bidirectional overrides and isolates, soft hyphens, zero-width
/// spaces and byte-order marks. Everything else, including zero-width joiners inside emoji
/// sequences and combining marks, is kept.
public enum Sanitizer {
  /// Whether a scalar is dropped from article text.
  public static func isRemoved(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x08, 0x0B...0x1F, 0x7F...0x9F: return true  // controls (not \t, \n)
    case 0x00AD: return true  // soft hyphen
    case 0x200B, 0x2060, 0xFEFF: return true  // zero-width space, word joiner, BOM
    case 0x200E, 0x200F, 0x061C: return true  // directional marks
    case 0x202A...0x202E, 0x2066...0x2069: return true  // bidi embeddings, overrides, isolates
    case 0xFFF9...0xFFFB: return true  // interlinear annotation controls
    default: return false
    }
  }

  /// The sanitised scalars of `input`, each paired with its offset in `input`.
  ///
  /// Escape sequences are dropped whole, so "\u{1B}[31mred" keeps only "red".
  public static func sanitize<C: RandomAccessCollection>(
    _ input: C
  ) -> [(scalar: Unicode.Scalar, offset: Int)] where C.Element == Unicode.Scalar, C.Index == Int {
    var output: [(Unicode.Scalar, Int)] = []
    output.reserveCapacity(input.count)
    var i = input.startIndex
    let end = input.endIndex
    while i < end {
      let scalar = input[i]
      if scalar.value == 0x1B {
        i = endOfEscapeSequence(input, from: i)
        continue
      }
      if scalar.value == 0x9B {  // C1 CSI
        i = endOfControlSequence(input, from: i + 1)
        continue
      }
      if scalar == "\t" {
        output.append((" ", i - input.startIndex))
      } else if !isRemoved(scalar) {
        output.append((scalar, i - input.startIndex))
      }
      i += 1
    }
    return output
  }

  /// Sanitises a string (no offsets), for metadata fields such as the title.
  public static func clean(_ text: String) -> String {
    let scalars = Array(text.unicodeScalars)
    var view = String.UnicodeScalarView()
    for (scalar, _) in sanitize(scalars) { view.append(scalar) }
    return String(view)
  }

  private static func endOfEscapeSequence<C: RandomAccessCollection>(
    _ input: C, from start: Int
  ) -> Int where C.Element == Unicode.Scalar, C.Index == Int {
    var i = start + 1
    guard i < input.endIndex else { return i }
    switch input[i] {
    case "[":
      return endOfControlSequence(input, from: i + 1)
    case "]", "P", "X", "^", "_":
      // OSC / DCS / SOS / PM / APC: up to BEL or ST (ESC \), bounded to stay linear.
      i += 1
      let limit = min(input.endIndex, i + 4096)
      while i < limit {
        if input[i].value == 0x07 { return i + 1 }
        if input[i].value == 0x1B {
          return i + 1 < input.endIndex && input[i + 1] == "\\" ? i + 2 : i
        }
        if input[i] == "\n" { return i }
        i += 1
      }
      return i
    default:
      // Two-character escape (ESC c, ESC 7, ...), with intermediates 0x20-0x2F.
      while i < input.endIndex, (0x20...0x2F).contains(input[i].value) { i += 1 }
      return i < input.endIndex && input[i] != "\n" ? i + 1 : i
    }
  }

  private static func endOfControlSequence<C: RandomAccessCollection>(
    _ input: C, from start: Int
  ) -> Int where C.Element == Unicode.Scalar, C.Index == Int {
    var i = start
    let limit = min(input.endIndex, start + 256)
    while i < limit {
      let v = input[i].value
      if (0x40...0x7E).contains(v) { return i + 1 }  // final byte
      if !(0x20...0x3F).contains(v) { return i }  // malformed: stop before it
      i += 1
    }
    return i
  }
}
