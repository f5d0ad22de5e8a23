import Testing

@testable import BylineCore

/// The TOML syntax check that runs before toml++ (which aborts on some malformed input).
@Suite("TOML syntax check")
struct TOMLGuardTests {
  /// Well-formed TOML 1.0, one feature a line, passes.
  @Test func wellFormedDocumentsPass() {
    let documents = [
      "",
      "# only a comment\n",
      "name = \"default\"\r\ndescription = 'dark'\n",
      "[styles.quote]\nfg = 222 # amber\nmono = [\"bold\", \"reverse\",]\n",
      "[[feeds]]\nurl = \"http://127.0.0.1/a.xml\"\ntags = [\n  \"news\", # first\n  \"world\"\n]\n",
      "feeds = [ { url = \"a\", name = \"A\" }, {} ]\n",
      "\"quoted key\" = 1\na.b . c = 2\n'lit' = 3\n-_9 = 4\n",
      "s = \"tab\\tquote\\\" \\u00E9 \\U0001F600\"\n",
      "m = \"\"\"\nline \\\n    joined\"\"\"\"\n",
      "l = '''\n[{ not a header }\n'''''\n",
      "n = [0, +17, -1_000, 0xDEAD_beef, 0o755, 0b1101, 3.14, -2E-2, 6.626e-34, 1e06, inf, -nan]\n",
      "d = [1979-05-27, 07:32:00.999, 1979-05-27T07:32:00Z, 1979-05-27 07:32:00-07:00, 1979-05-27t07:32:00]\n",
      "b = [true, false]\n",
    ]
    for text in documents {
      #expect(TOMLGuard.problem(in: text) == nil, "\(text)")
    }
  }

  /// Each malformed shape is refused at its line and column with what is wrong. The first
  /// two abort toml++ (found by the `theme` fuzz target).
  @Test func malformedDocumentsAreRefusedWhereTheyGoWrong() throws {
    let cases: [(String, Int, Int, String)] = [
      ("g=[}", 1, 4, "expected a value (a string, number, true, false, date, array or table), found '}'"),
      ("[{", 1, 2, "expected a key (letters, digits, _, - or a quoted name), found '{'"),
      ("name = \"x\"\n  [[ =a]]\n", 2, 6, "expected a key (letters, digits, _, - or a quoted name), found '='"),
      ("[styles.quote\nbold = true\n", 1, 14, "a table header must end with ], found the end of the line"),
      ("fg = amber\n", 1, 6, "'amber' is not a TOML value (strings need quotes)"),
      ("a = 1 2\n", 1, 7, "expected the end of the line, found '2'"),
      ("a = \"open\n", 1, 10, "a string is not closed on its line"),
      ("a = \"\\q\"\n", 1, 7, "unknown escape \\q in a string"),
      ("a = \"\\u12\"\n", 1, 10, "\\u needs 4 hexadecimal digits"),
      ("a = \"\\uD800\"\n", 1, 12, "\\u names no Unicode scalar value"),
      ("a = [1, 2\n", 2, 1, "expected , or ] in the array, found the end of the file"),
      ("a = { b = 1, }\n", 1, 14, "an inline table cannot end with a comma"),
      ("a = 012\n", 1, 5, "'012' is not a TOML value (strings need quotes)"),
      ("a = 1__0\n", 1, 5, "'1__0' is not a TOML value (strings need quotes)"),
      ("a = 1979-13-27T25\n", 1, 5, "'1979-13-27T25' is not a TOML value (strings need quotes)"),
      ("# bell \u{07}\n", 1, 8, "a comment holds a control character"),
      ("a = 1\rb = 2\n", 1, 6, "a carriage return must be followed by a line feed"),
      ("= 1\n", 1, 1, "expected a key (letters, digits, _, - or a quoted name), found '='"),
      ("a = \"\"\"never closed\n", 2, 1, "a multi-line string is not closed (\"\"\")"),
      ("\"\"\"k\"\"\" = 1\n", 1, 1, "a key cannot be a multi-line string"),
    ]
    for (text, line, column, message) in cases {
      let found = try #require(TOMLGuard.problem(in: text), "\(text)")
      #expect(found.line == line && found.column == column && found.message == message, "\(text): \(found)")
    }
  }

  /// Nesting deeper than the limit is refused before toml++ recurses into it.
  @Test func deepNestingIsRefused() throws {
    let deep = "a = " + String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + "\n"
    let found = try #require(TOMLGuard.problem(in: deep))
    #expect(found.message == "arrays and tables nest deeper than 32 levels")
    #expect(found.column == 37)
    let fine = "a = " + String(repeating: "[", count: 32) + String(repeating: "]", count: 32) + "\n"
    #expect(TOMLGuard.problem(in: fine) == nil)
  }
}
