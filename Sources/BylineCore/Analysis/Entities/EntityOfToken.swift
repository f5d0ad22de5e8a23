/// The entity each token names, -1 for none: 2 bytes a token while the article has fewer than
/// 65,535 entities (nearly always), 4 after. The recogniser and the attributor keep one for
/// every token of the article, and a flood of short quotes has a token every 3 bytes of text:
/// 4 bytes a token was 1.5 times the text.
struct EntityOfToken {
  private var narrow: [UInt16]
  private var wide: [Int32]?

  private static let none = UInt16.max

  /// `count` tokens naming nothing.
  init(count: Int) { narrow = Array(repeating: Self.none, count: count) }

  var count: Int { wide?.count ?? narrow.count }

  subscript(token: Int) -> Int32 {
    get {
      if let wide { return wide[token] }
      let value = narrow[token]
      return value == Self.none ? -1 : Int32(value)
    }
    set {
      if wide != nil {
        wide![token] = newValue
      } else if newValue < 0 {
        narrow[token] = Self.none
      } else if newValue < Int32(Self.none) {
        narrow[token] = UInt16(newValue)
      } else {
        // Entity 65,535 or more: every token widened to 4 bytes, once.
        var widened = narrow.map { $0 == Self.none ? Int32(-1) : Int32($0) }
        widened[token] = newValue
        wide = widened
        narrow = []
      }
    }
  }
}
