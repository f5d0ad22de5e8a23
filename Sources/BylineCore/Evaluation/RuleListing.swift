/// The layout of `byline eval --list-rules` and of the rule column of `--rule-gains`: rule
/// names in a column as wide as the longest name and two spaces, so that no name runs into
/// what follows it (a fixed 36 columns cut `sentence-initial-common-word-dropped` short).
public enum RuleListing {
  /// The named rules of quote finding, attribution and entity typing, in listing order.
  public static var allRules: [(name: String, summary: String)] {
    AttributionRule.allCases.map { ($0.rawValue, $0.summary) } + EntityRule.allCases.map { ($0.rawValue, $0.summary) }
  }

  /// The width of the name column for `names`: the longest name and two spaces.
  public static func nameWidth(_ names: [String]) -> Int {
    (names.map(\.count).max() ?? 0) + 2
  }

  /// `name` padded with spaces to `width` (never cut).
  public static func padded(_ name: String, to width: Int) -> String {
    name.count >= width ? name : name + String(repeating: " ", count: width - name.count)
  }

  /// One line a rule: its name in the name column, then its summary.
  public static func lines(_ rules: [(name: String, summary: String)]) -> [String] {
    let width = nameWidth(rules.map(\.name))
    return rules.map { padded($0.name, to: width) + $0.summary }
  }
}
