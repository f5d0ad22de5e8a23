/// For each block, the first or the last quote noted in it: where a quote without a cue of its
/// own finds the quote it takes its speaker from (the first of its paragraph with a speaker
/// and a cue, or the last of the paragraph before with a speaker) in constant time, instead of
/// scanning every quote of the article for each (which cost quotes², minutes on a flood of
/// quotes).
struct QuoteIndexByBlock {
  enum Kind {
    /// Keeps the lowest quote index noted in a block.
    case first
    /// Keeps the highest.
    case last
  }

  let kind: Kind
  private var byBlock: [Int: Int] = [:]

  init(kind: Kind) { self.kind = kind }

  /// Notes that quote `quote` of block `block` qualifies.
  mutating func note(_ quote: Int, block: Int) {
    if let known = byBlock[block] {
      byBlock[block] = kind == .first ? min(known, quote) : max(known, quote)
    } else {
      byBlock[block] = quote
    }
  }

  /// The first (or last) quote noted in `block`, if any.
  subscript(block: Int) -> Int? { byBlock[block] }
}
