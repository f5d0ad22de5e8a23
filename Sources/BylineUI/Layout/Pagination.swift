/// Splits laid-out lines into pages of whole lines.
///
/// A page never starts with a blank line. Where the page could take one line less, a
/// paragraph's first line is not left alone at the foot of a page (an orphan) and its last
/// line not alone at the head of the next (a widow).
public enum Pagination {
  /// Pages as ranges of line indices; at least one page, even for no lines.
  public static func pages(of lines: [LayoutLine], height: Int) -> [Range<Int>] {
    let height = max(1, height)
    var pages: [Range<Int>] = []
    var start = 0
    while start < lines.count {
      while start < lines.count, lines[start].content == .blank, start > 0 { start += 1 }
      guard start < lines.count else { break }
      var end = min(start + height, lines.count)
      if end < lines.count, end - start > 2 {
        let last = lines[end - 1]
        let next = lines[end]
        if last.textRange != nil, last.isFirstOfBlock, !last.isLastOfBlock {
          end -= 1  // orphan: take the paragraph's first line to the next page
        } else if next.textRange != nil, next.isLastOfBlock, !next.isFirstOfBlock,
          !last.isFirstOfBlock
        {
          end -= 1  // widow: send one more line along with the last one
        }
      }
      pages.append(start..<end)
      start = end
    }
    if pages.isEmpty { pages.append(0..<0) }
    return pages
  }
}
