import Testing

@testable import BylineCore

/// The layout of `byline eval --list-rules`: names in a column as wide as the longest and
/// two spaces, never cut, never touching the summary.
@Suite("Rule listing layout")
struct RuleListingTests {
  @Test func nameColumnFollowsTheLongestName() {
    let lines = RuleListing.lines([
      (name: "short", summary: "one"),
      (name: "sentence-initial-common-word-dropped", summary: "two"),
    ])
    #expect(
      lines == [
        "short                                 one",
        "sentence-initial-common-word-dropped  two",
      ])
  }

  @Test func paddingNeverCutsAName() {
    #expect(RuleListing.padded("abcdef", to: 4) == "abcdef")
    #expect(RuleListing.padded("ab", to: 4) == "ab  ")
    #expect(RuleListing.nameWidth([]) == 2)
  }

  /// Every real rule's line starts with its name and two spaces, and every summary starts in
  /// the same column.
  @Test func everyRuleIsSeparatedFromItsSummary() {
    let rules = RuleListing.allRules
    let lines = RuleListing.lines(rules)
    let width = RuleListing.nameWidth(rules.map(\.name))
    #expect(width == rules.map(\.name.count).max()! + 2)
    for (line, rule) in zip(lines, rules) {
      #expect(line.hasPrefix(rule.name + "  "))
      #expect(String(line.dropFirst(width)) == rule.summary)
    }
  }
}
