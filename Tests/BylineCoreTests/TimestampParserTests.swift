import Foundation
import Testing

@testable import BylineCore

/// Feed timestamps: RFC 822, RFC 3339 / ISO 8601, and what real feeds write instead.
@Suite("Timestamp parser")
struct TimestampParserTests {
  /// Seconds since 1970 of a UTC civil time, computed independently of the parser.
  func utc(_ y: Int, _ mo: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Int = 0) -> Double {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    return calendar.date(from: DateComponents(year: y, month: mo, day: d, hour: h, minute: mi, second: s))!
      .timeIntervalSince1970
  }

  func seconds(_ text: String) -> Double? { TimestampParser.parse(text)?.timeIntervalSince1970 }

  @Test func rfc3339() {
    #expect(seconds("2003-12-31T10:14:55Z") == utc(2003, 12, 31, 10, 14, 55))
    #expect(seconds("2003-12-31T10:14:55-08:00") == utc(2003, 12, 31, 18, 14, 55))
    #expect(seconds("2003-12-31T10:14:55.123+01:30") == utc(2003, 12, 31, 8, 44, 55))
    #expect(seconds("2003-12-31t10:14:55z") == utc(2003, 12, 31, 10, 14, 55))
    #expect(seconds("2003-12-31T10:14Z") == utc(2003, 12, 31, 10, 14))
    #expect(seconds("2003-12-31 10:14:55") == utc(2003, 12, 31, 10, 14, 55))
    #expect(seconds("2003-12-31T10:14:55+0100") == utc(2003, 12, 31, 9, 14, 55))
    #expect(seconds("2003-12-31T10:14:55 +01") == utc(2003, 12, 31, 9, 14, 55))
    #expect(seconds("20031231T101455Z") == utc(2003, 12, 31, 10, 14, 55))
    #expect(seconds("2003-12-31") == utc(2003, 12, 31))
    #expect(seconds("2003-12") == utc(2003, 12, 1))
    #expect(seconds("2003") == utc(2003, 1, 1))
    #expect(seconds("2003-12-31T24:00:00Z") == utc(2004, 1, 1))
  }

  @Test func rfc822() {
    #expect(seconds("Wed, 31 Dec 2003 10:14:55 GMT") == utc(2003, 12, 31, 10, 14, 55))
    #expect(seconds("Wed, 31 Dec 2003 10:14:55 +0000") == utc(2003, 12, 31, 10, 14, 55))
    #expect(seconds("Wed, 31 Dec 2003 10:14:55 -0500") == utc(2003, 12, 31, 15, 14, 55))
    #expect(seconds("Wed, 31 Dec 2003 10:14:55 EST") == utc(2003, 12, 31, 15, 14, 55))
    #expect(seconds("Wed, 31 Dec 2003 10:14:55 PDT") == utc(2003, 12, 31, 17, 14, 55))
    #expect(seconds("Wed, 31 Dec 2003 10:14:55 UT") == utc(2003, 12, 31, 10, 14, 55))
    #expect(seconds("31 Dec 2003 10:14:55 Z") == utc(2003, 12, 31, 10, 14, 55))
    #expect(seconds("Wed, 31 Dec 2003 10:14 GMT") == utc(2003, 12, 31, 10, 14))
    #expect(seconds("Wed, 31 Dec 03 10:14:55 GMT") == utc(2003, 12, 31, 10, 14, 55))
    #expect(seconds("Thu, 1 Jan 99 00:00:00 GMT") == utc(1999, 1, 1))
  }

  @Test func realWorldVariants() {
    // No weekday, no zone, full or dotted month names, missing comma.
    #expect(seconds("31 December 2003 10:14:55") == utc(2003, 12, 31, 10, 14, 55))
    #expect(seconds("Wed 31 Dec. 2003 10:14:55 GMT") == utc(2003, 12, 31, 10, 14, 55))
    #expect(seconds("Wednesday, 31 Dec 2003 10:14:55 +01:00") == utc(2003, 12, 31, 9, 14, 55))
    #expect(seconds("Wed, 31 Dec 2003") == utc(2003, 12, 31))
    // Month first, asctime, a glued zone, 12-hour clocks.
    #expect(seconds("Dec 31, 2003 10:14:55 GMT") == utc(2003, 12, 31, 10, 14, 55))
    #expect(seconds("Wed Dec 31 10:14:55 2003") == utc(2003, 12, 31, 10, 14, 55))
    #expect(seconds("Wed Dec 31 10:14:55 PST 2003") == utc(2003, 12, 31, 18, 14, 55))
    #expect(seconds("Wed, 31 Dec 2003 10:14:55GMT") == utc(2003, 12, 31, 10, 14, 55))
    #expect(seconds("31 Dec 2003 10:14 pm") == utc(2003, 12, 31, 22, 14))
    #expect(seconds("31 Dec 2003 12:05 am") == utc(2003, 12, 31, 0, 5))
    #expect(seconds("31-Dec-2003 10:14:55") == utc(2003, 12, 31, 10, 14, 55))
    #expect(seconds("Wed, 31 Dec 2003 10:14:55 GMT+1") == utc(2003, 12, 31, 9, 14, 55))
    #expect(seconds("Wed, 31 Dec 2003 10:14:55 CEST") == utc(2003, 12, 31, 8, 14, 55))
    #expect(seconds("Sept 5 2003") == utc(2003, 9, 5))
    // Separators, dotted day-first dates, slashed year-first dates, a zone name in brackets.
    #expect(seconds("Wednesday, December 31, 2003 - 10:14") == utc(2003, 12, 31, 10, 14))
    #expect(seconds("31 Dec 2003 at 10:14 GMT") == utc(2003, 12, 31, 10, 14))
    #expect(seconds("31.12.2003 10:14") == utc(2003, 12, 31, 10, 14))
    #expect(seconds("2003/12/31 10:14:55") == utc(2003, 12, 31, 10, 14, 55))
    #expect(seconds("Wed, 31 Dec 2003 10:14:55 +0100 (CET)") == utc(2003, 12, 31, 9, 14, 55))
  }

  @Test func rejected() {
    #expect(seconds("") == nil)
    #expect(seconds("yesterday") == nil)
    #expect(seconds("2003-13-01") == nil)
    #expect(seconds("2003-02-29") == nil)
    #expect(seconds("2004-02-29") == utc(2004, 2, 29))
    #expect(seconds("Wed, 32 Dec 2003 10:14:55 GMT") == nil)
    #expect(seconds("Wed, 31 Foo 2003 10:14:55 GMT") == nil)
    #expect(seconds("31 Dec 2003 25:00:00") == nil)
    #expect(seconds("2003-12-31T10:14:55+99:00") == nil)
    #expect(seconds("31.13.2003") == nil)
    #expect(seconds("12/31/2003") == nil)  // month/day order is ambiguous
    #expect(seconds(String(repeating: "9", count: 100)) == nil)
  }
}
