/// Parses the dates news articles print, into calendar days.
///
/// A line must be a date and nothing else. Accepted, with an optional leading weekday
/// ("Sunday", "Sun,"), an optional leading "Published"/"Updated"/"Posted" (with "on"), and an
/// optional trailing time ("10:32 GMT", "at 3.15pm", "10:32 BST"):
/// - ISO 8601: `2022-02-13`, `2022-02-13T10:32:00Z`, `2022/02/13`
/// - day first: `13 February 2022`, `13 February, 2022`, `13 Feb 2022`, `13th Feb. 2022`
/// - month first: `February 13, 2022`, `Feb. 13 2022`, `Sunday, February 13, 2022`
/// Numeric dates such as `02/03/2022` are not accepted: day and month order is ambiguous.
public enum DateParser {
  public static func parse(_ line: String) -> ArticleDate? {
    var tokens = line.lowercased()
      .split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\u{A0}" })
      .map { String($0) }
    guard !tokens.isEmpty, tokens.count <= 9 else { return nil }
    while let first = tokens.first,
      ["published", "updated", "posted", "last", "on", "date:", "published:", "updated:"]
        .contains(first)
    {
      tokens.removeFirst()
    }
    if let first = tokens.first, weekday(first) { tokens.removeFirst() }
    while let last = tokens.last, isTimeToken(last) { tokens.removeLast() }
    switch tokens.count {
    case 1:
      return iso(tokens[0])
    case 3:
      if let month = month(tokens[1]), let day = day(tokens[0]), let year = year(tokens[2]) {
        return valid(year, month, day)
      }
      if let month = month(tokens[0]), let day = day(tokens[1]), let year = year(tokens[2]) {
        return valid(year, month, day)
      }
      return nil
    default:
      return nil
    }
  }

  /// The English month names, January first.
  static var monthNames: [String] { months }

  private static let months = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
  ]

  static func month(_ token: String) -> Int? {
    let word = token.hasSuffix(".") ? String(token.dropLast()) : token
    if let index = months.firstIndex(of: word) { return index + 1 }
    if word == "sept" { return 9 }
    guard word.count == 3, let index = months.firstIndex(where: { $0.hasPrefix(word) }) else {
      return nil
    }
    return index + 1
  }

  private static func day(_ token: String) -> Int? {
    var digits = token
    for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) {
      digits = String(digits.dropLast(2))
    }
    guard digits.count <= 2, let value = Int(digits), (1...31).contains(value) else { return nil }
    return value
  }

  private static func year(_ token: String) -> Int? {
    guard token.count == 4, let value = Int(token), (1800...2200).contains(value) else { return nil }
    return value
  }

  private static func weekday(_ token: String) -> Bool {
    let word = token.trimmingSuffix(",").trimmingSuffix(".")
    let days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    return days.contains(word) || days.contains { $0.prefix(3) == word && word.count == 3 }
  }

  private static func isTimeToken(_ token: String) -> Bool {
    if [
      "at", "gmt", "bst", "utc", "cet", "cest", "et", "est", "edt", "pt", "pst", "pdt", "am",
      "pm", "local", "time", "-", "|", "·",
    ].contains(token) {
      return true
    }
    let stripped = token.trimmingSuffix("am").trimmingSuffix("pm")
    guard !stripped.isEmpty, stripped.contains(":") || stripped.contains(".") || stripped != token
    else { return false }
    return stripped.allSatisfy { $0.isNumber || $0 == ":" || $0 == "." }
  }

  /// `2022-02-13`, `2022/02/13`, optionally followed by `T...` time.
  private static func iso(_ token: String) -> ArticleDate? {
    let datePart = token.split(separator: "t", maxSplits: 1).first.map(String.init) ?? token
    let parts = datePart.split(whereSeparator: { $0 == "-" || $0 == "/" })
    guard parts.count == 3, parts[0].count == 4, parts[1].count <= 2, parts[2].count <= 2,
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
    else { return nil }
    return valid(y, m, d)
  }

  private static func valid(_ year: Int, _ month: Int, _ day: Int) -> ArticleDate? {
    guard (1800...2200).contains(year), (1...12).contains(month) else { return nil }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    guard (1...lengths[month - 1]).contains(day) else { return nil }
    return ArticleDate(year: year, month: month, day: day)
  }
}

extension String {
  func trimmingSuffix(_ suffix: String) -> String {
    hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
  }
}
