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
  /// The quote noted for each block up to the last block noted, -1 for none: 4 bytes a block
  /// where a dictionary of `Int`s took about 40 a quote (1.3 MB for 2 MB of news).
  private var byBlock: [Int32] = []

  init(kind: Kind) { self.kind = kind }

  /// Notes that quote `quote` of block `block` qualifies.
  mutating func note(_ quote: Int, block: Int) {
    if block >= byBlock.count { byBlock.append(contentsOf: repeatElement(-1, count: block + 1 - byBlock.count)) }
    let known = Int(byBlock[block])
    byBlock[block] = Int32(known < 0 ? quote : kind == .first ? min(known, quote) : max(known, quote))
  }

  /// The first (or last) quote noted in `block`, if any.
  subscript(block: Int) -> Int? {
    guard block >= 0, block < byBlock.count, byBlock[block] >= 0 else { return nil }
    return Int(byBlock[block])
  }
}
