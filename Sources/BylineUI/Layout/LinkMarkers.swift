import BylineCore

/// The numbers the reader draws after each link's text ("the report[3]"), by the model offset
/// of the last scalar of that text: the layout makes room for them (``TextWrapper`` keeps a
/// number on the line of its link's last character) and the view draws them in the `link`
/// style. Numbers count from 1 in the order of ``BylineCore/Article/links``, as the link list
/// (`l`) shows them.
public struct LinkMarkers: Equatable, Sendable {
  /// The marker text ("[3]") after the scalar at each offset.
  public private(set) var byOffset: [Int: String] = [:]
  /// The offsets of ``byOffset``, ascending.
  private var offsets: [Int] = []

  /// No markers.
  public init() {}

  /// Markers for links at these model ranges (nil: a link whose text was not found, which
  /// gets no marker but keeps its number).
  public init(ranges: [TextRange?]) {
    for (index, range) in ranges.enumerated() {
      guard let range, !range.isEmpty else { continue }
      byOffset[range.upperBound - 1] = "[\(index + 1)]"
    }
    offsets = byOffset.keys.sorted()
  }

  public var isEmpty: Bool { byOffset.isEmpty }

  /// The columns each marker in `range` adds, by offset, for ``TextWrapper/wrap(_:range:width:extra:)``.
  func widths(in range: TextRange) -> [Int: Int] {
    guard !offsets.isEmpty else { return [:] }
    var low = 0
    var high = offsets.count
    while low < high {
      let mid = (low + high) / 2
      if offsets[mid] < range.lowerBound { low = mid + 1 } else { high = mid }
    }
    var result: [Int: Int] = [:]
    var k = low
    while k < offsets.count, offsets[k] < range.upperBound {
      result[offsets[k]] = DisplayWidth.width(of: byOffset[offsets[k]]!)
      k += 1
    }
    return result
  }
}
