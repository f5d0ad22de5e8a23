/// Finds the TOML shapes that make toml++ (the C++ parser under TOMLKit) abort the process
/// with a failed assertion instead of reporting an error, so theme and config files can be
/// refused with a message first.
///
/// Found by the `theme` fuzz target (scripts/fuzz.sh): a table header whose name starts with
/// a character that cannot start a key (`[{`, `[=`, `[[,`) reaches toml++'s `parse_key`, which
/// asserts, and the assertion is compiled into release builds too. The check follows lines the
/// way a header is recognised (first non-blank character `[` outside a multi-line string).
public enum TOMLGuard {
  /// The first such header: its line and column (from 1) and what is wrong; nil when none.
  public static func problem(in text: String) -> (line: Int, column: Int, message: String)? {
    var inBasic = false  // inside """ ... """
    var inLiteral = false  // inside ''' ... '''
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let scalars = Array(line.unicodeScalars)
      var i = 0
      while i < scalars.count, scalars[i] == " " || scalars[i] == "\t" { i += 1 }
      if !inBasic && !inLiteral, i < scalars.count, scalars[i] == "[" {
        var j = i + 1
        if j < scalars.count, scalars[j] == "[" { j += 1 }
        while j < scalars.count, scalars[j] == " " || scalars[j] == "\t" { j += 1 }
        if j < scalars.count, scalars[j] != "]", !startsKey(scalars[j]) {
          return (index + 1, j + 1, "a table name must start with a letter, a digit, _, - or a quote")
        }
        if j == scalars.count {
          return (index + 1, j + 1, "a table header must end on its line with ]")
        }
      }
      let s = String(line)
      if s.components(separatedBy: "\"\"\"").count % 2 == 0, !inLiteral { inBasic.toggle() }
      if s.components(separatedBy: "'''").count % 2 == 0, !inBasic { inLiteral.toggle() }
    }
    return nil
  }

  private static func startsKey(_ s: Unicode.Scalar) -> Bool {
    switch s {
    case "a"..."z", "A"..."Z", "0"..."9", "_", "-", "\"", "'": return true
    default: return false
    }
  }
}
