import Foundation

/// Parses the timestamps feeds carry, RFC 822 (RSS) and RFC 3339 / ISO 8601 (Atom), with
/// the variants real feeds write, into instants.
///
/// ISO forms: `2003-12-31T10:14:55Z`, `2003-12-31T10:14:55.123-08:00`, `2003-12-31 10:14:55`,
/// `20031231T101455Z`, `2003-12-31`, `2003-12`, `2003`; `+0800`, `+08` and `z` zones too.
/// RFC 822 forms: `Wed, 31 Dec 2003 10:14:55 GMT` with or without the weekday, seconds or
/// zone, two-digit years (`31 Dec 03`), full or dotted month names (`December`, `Dec.`),
/// zone names (`UT`, `EST`, `PDT`, `CEST`...) or offsets (`-0500`, `+05:00`, `GMT+1`),
/// month first (`Dec 31 2003`), asctime (`Wed Dec 31 10:14:55 2003`), `31-Dec-2003`,
/// `31.12.2003` (day first), `2003/12/31`, separators (`December 31, 2003 - 10:14`,
/// `... at 10:14`) and 12-hour times (`10:14 pm`). A timestamp without a zone is read as UTC.
public enum TimestampParser {
  public static func parse(_ raw: String) -> Date? {
    var text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !text.isEmpty, text.utf8.count <= 80 else { return nil }
    // 2026/11/30 is ISO's order with slashes (year first, so never ambiguous).
    if text.utf8.count >= 10, text.utf8.prefix(4).allSatisfy({ (0x30...0x39).contains($0) }),
      Array(text.utf8)[4] == UInt8(ascii: "/")
    {
      text = String(text.prefix(10)).replacingOccurrences(of: "/", with: "-") + text.dropFirst(10)
    }
    return iso(text) ?? rfc822(text)
  }

  // MARK: - ISO 8601 / RFC 3339

  static func iso(_ text: String) -> Date? {
    var scanner = Digits(Array(text.utf8))
    guard let year = scanner.number(4) else { return nil }
    var month = 1
    var day = 1
    let dashed = scanner.skip("-")
    if let value = scanner.number(2) {
      month = value
      if !dashed || scanner.skip("-") {
        if let value = scanner.number(2) { day = value } else if !dashed { return nil }
      }
    } else if dashed || !scanner.atEnd {
      return nil
    }
    var hour = 0
    var minute = 0
    var second = 0
    var offset = 0
    if scanner.skip("T") || scanner.skip("t") || scanner.skip(" ") {
      guard let h = scanner.number(2) else { return nil }
      hour = h
      let colon = scanner.skip(":")
      guard let m = scanner.number(2) else { return nil }
      minute = m
      if !colon || scanner.skip(":") { second = scanner.number(2) ?? 0 }
      if scanner.skip(".") || scanner.skip(",") { while scanner.digit() != nil {} }
      while scanner.skip(" ") {}
      if scanner.skip("Z") || scanner.skip("z") {
        offset = 0
      } else if !scanner.atEnd {
        guard let zone = zoneOffset(String(decoding: scanner.rest, as: UTF8.self)) else { return nil }
        offset = zone
        scanner.position = scanner.bytes.count
      }
    }
    guard scanner.atEnd else { return nil }
    return instant(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offset: offset)
  }

  // MARK: - RFC 822 and friends

  static func rfc822(_ text: String) -> Date? {
    var tokens: [String] = []
    for token in text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\n" }) {
      var word = String(token)
      while word.hasSuffix(".") || word.hasSuffix(",") { word.removeLast() }
      // 31-Dec-2003 (not a zone such as -0500)
      if word.contains("-"), word.first?.isNumber == true, word.contains(where: \.isLetter) {
        tokens.append(contentsOf: word.split(separator: "-").map(String.init))
      } else if word.first?.isNumber == true, word.split(separator: ".").count == 3, !word.contains(":"),
        word.allSatisfy({ $0.isNumber || $0 == "." })
      {
        // 30.11.2026: dotted dates are day first wherever they are written.
        let parts = word.split(separator: ".").map(String.init)
        guard let month = Int(parts[1]), (1...12).contains(month) else { return nil }
        tokens.append(contentsOf: [parts[0], DateParser.monthNames[month - 1], parts[2]])
      } else if ["-", "|", "·", "at", "@"].contains(word.lowercased()) {
        continue  // "November 30, 2026 - 09:15", "30 Nov 2026 at 09:15"
      } else if !word.isEmpty {
        tokens.append(word)
      }
    }
    guard !tokens.isEmpty, tokens.count <= 9 else { return nil }
    var day: Int?
    var month: Int?
    var year: Int?
    var time: (Int, Int, Int)?
    var offset = 0
    var afternoon: Bool?
    for token in tokens {
      let lower = token.lowercased()
      if let value = DateParser.month(lower) {
        month = value
      } else if weekdays.contains(where: { lower.hasPrefix($0) }), lower.allSatisfy(\.isLetter) {
        continue
      } else if lower == "am" || lower == "pm" {
        afternoon = lower == "pm"
      } else if token.contains(":"), token.first?.isNumber == true {
        guard let parsed = clock(token) else { return nil }
        time = (parsed.hour, parsed.minute, parsed.second)
        if let zone = parsed.offset { offset = zone }
      } else if let number = Int(token), token.allSatisfy(\.isNumber) {
        if token.count == 4 || number > 31 {
          year = number
        } else if day == nil {
          day = number
        } else if year == nil {
          year = number < 50 ? 2000 + number : 1900 + number
        } else {
          return nil
        }
      } else if let zone = zoneOffset(token) {
        offset = zone
      } else if lower.hasSuffix("st") || lower.hasSuffix("nd") || lower.hasSuffix("rd") || lower.hasSuffix("th"),
        let number = Int(lower.dropLast(2)), day == nil
      {
        day = number
      } else {
        return nil
      }
    }
    guard let day, let month, var year else { return nil }
    if year < 100 { year += year < 50 ? 2000 : 1900 }
    var (hour, minute, second) = time ?? (0, 0, 0)
    if let afternoon, hour <= 12 {
      if afternoon && hour < 12 { hour += 12 } else if !afternoon && hour == 12 { hour = 0 }
    }
    if second == 60 { second = 59 }
    return instant(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offset: offset)
  }

  private static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

  /// `10:14`, `10:14:55`, `10:14:55.5`, with a zone glued on (`10:14:55Z`, `10:14:55-0500`).
  private static func clock(_ token: String) -> (hour: Int, minute: Int, second: Int, offset: Int?)? {
    var scanner = Digits(Array(token.utf8))
    guard let hour = scanner.number(2, minimum: 1), scanner.skip(":"), let minute = scanner.number(2) else {
      return nil
    }
    var second = 0
    if scanner.skip(":") {
      guard let value = scanner.number(2) else { return nil }
      second = value
      if scanner.skip(".") { while scanner.digit() != nil {} }
    }
    guard hour <= 24, minute <= 59, second <= 60 else { return nil }
    if scanner.atEnd { return (hour, minute, second, nil) }
    guard let zone = zoneOffset(String(decoding: scanner.rest, as: UTF8.self)) else { return nil }
    return (hour, minute, second, zone)
  }

  /// Seconds east of UTC for `Z`, `GMT`, `EST`, `+0500`, `-05:00`, `+05`, `GMT+1`, `(UTC)`.
  static func zoneOffset(_ token: String) -> Int? {
    var zone = token.trimmingCharacters(in: CharacterSet(charactersIn: "()[] ")).uppercased()
    if let named = namedZones[zone] { return named * 3600 }
    for prefix in ["GMT", "UTC", "UT"] where zone.hasPrefix(prefix) && zone.count > prefix.count {
      zone = String(zone.dropFirst(prefix.count))
      break
    }
    guard let sign = zone.first, sign == "+" || sign == "-" || sign == "\u{2212}" else { return nil }
    let digits = zone.dropFirst().filter { $0 != ":" }
    guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy(\.isASCII), let value = Int(digits) else { return nil }
    let (hours, minutes) = digits.count <= 2 ? (value, 0) : (value / 100, value % 100)
    guard hours <= 14, minutes < 60 else { return nil }
    let seconds = hours * 3600 + minutes * 60
    return sign == "+" ? seconds : -seconds
  }

  /// Zone names feeds write, in hours east of UTC (RFC 822's, and common European and
  /// Asian ones).
  private static let namedZones: [String: Int] = [
    "Z": 0, "UT": 0, "UTC": 0, "GMT": 0, "WET": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7,
    "MDT": -6, "PST": -8, "PDT": -7, "AKST": -9, "AKDT": -8, "HST": -10, "AST": -4, "ADT": -3, "BST": 1,
    "CET": 1, "CEST": 2, "MET": 1, "MEST": 2, "EET": 2, "EEST": 3, "WEST": 1, "MSK": 3, "JST": 9, "KST": 9,
    "HKT": 8, "SGT": 8, "AEST": 10, "AEDT": 11, "ACST": 9, "AWST": 8, "NZST": 12, "NZDT": 13, "A": -1, "M": -12,
    "N": 1, "Y": 12,
  ]

  /// The instant of a civil time `offset` seconds east of UTC, when every field is in range
  /// (24:00 is the next day's midnight).
  static func instant(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, offset: Int) -> Date? {
    guard (1...9999).contains(year), (1...12).contains(month), (1...31).contains(day), (0...24).contains(hour),
      (0...59).contains(minute), (0...60).contains(second)
    else { return nil }
    if hour == 24 && (minute != 0 || second != 0) { return nil }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    guard day <= lengths[month - 1] else { return nil }
    // Days from 1970-01-01 (proleptic Gregorian), by the civil-from-days inverse.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    let days = era * 146_097 + dayOfEra - 719_468
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + min(second, 59) - offset
    return Date(timeIntervalSince1970: TimeInterval(seconds))
  }

  /// A cursor over ASCII bytes.
  struct Digits {
    let bytes: [UInt8]
    var position = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }
    var atEnd: Bool { position >= bytes.count }
    var rest: ArraySlice<UInt8> { bytes[min(position, bytes.count)...] }

    mutating func digit() -> Int? {
      guard position < bytes.count, (0x30...0x39).contains(bytes[position]) else { return nil }
      position += 1
      return Int(bytes[position - 1] - 0x30)
    }

    /// Exactly `count` digits (or `minimum`...`count` when a minimum is given).
    mutating func number(_ count: Int, minimum: Int? = nil) -> Int? {
      let start = position
      var value = 0
      var read = 0
      while read < count, let digit = digit() {
        value = value * 10 + digit
        read += 1
      }
      if read < (minimum ?? count) {
        position = start
        return nil
      }
      return value
    }

    mutating func skip(_ character: Character) -> Bool {
      guard position < bytes.count, let ascii = character.asciiValue, bytes[position] == ascii else { return false }
      position += 1
      return true
    }
  }
}
