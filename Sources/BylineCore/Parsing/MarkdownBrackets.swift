/// Where the brackets of one Markdown line close, found in one pass over the line.
///
/// ``MarkdownReader/stripInline(_:)`` asks, at each `[`, `(` and `<`, where it closes. Searched
/// for from each one, a hostile line made that quadratic: 30,000 unclosed `[a](` took 22 s
/// and 50,000 nested `[` more than a minute. Here each answer is a lookup.
struct MarkdownBrackets {
  /// For each `[` and `(`, the index of the bracket that closes it (nested pairs counted and
  /// backslash-escaped characters skipped), or -1.
  private var closer: [Int32]
  /// For each index, the first `]` at or after it, or the line's length.
  private var nextSquare: [Int32]
  /// For each index, the first `>` at or after it, or the line's length.
  private var nextAngle: [Int32]

  init(_ chars: [Character]) {
    let n = chars.count
    closer = Array(repeating: -1, count: n)
    var squares: [Int] = []
    var rounds: [Int] = []
    var k = 0
    while k < n {
      switch chars[k] {
      case "\\":
        k += 2
        continue
      case "[": squares.append(k)
      case "(": rounds.append(k)
      case "]": if let open = squares.popLast() { closer[open] = Int32(k) }
      case ")": if let open = rounds.popLast() { closer[open] = Int32(k) }
      default: break
      }
      k += 1
    }
    nextSquare = Array(repeating: Int32(n), count: n + 1)
    nextAngle = Array(repeating: Int32(n), count: n + 1)
    for i in stride(from: n - 1, through: 0, by: -1) {
      nextSquare[i] = chars[i] == "]" ? Int32(i) : nextSquare[i + 1]
      nextAngle[i] = chars[i] == ">" ? Int32(i) : nextAngle[i + 1]
    }
  }

  /// The index of the bracket that closes the `[` or `(` at `open`.
  func close(of open: Int) -> Int? {
    closer[open] < 0 ? nil : Int(closer[open])
  }

  /// The first `]` at or after `index`.
  func square(from index: Int) -> Int? {
    index < nextSquare.count - 1 && nextSquare[index] < nextSquare.count - 1 ? Int(nextSquare[index]) : nil
  }

  /// The first `>` at or after `index`.
  func angle(from index: Int) -> Int? {
    index < nextAngle.count - 1 && nextAngle[index] < nextAngle.count - 1 ? Int(nextAngle[index]) : nil
  }
}
