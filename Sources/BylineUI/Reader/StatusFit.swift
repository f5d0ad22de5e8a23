/// Fits the reader's status bar parts into the room there is, keeping what matters.
///
/// Each part has forms from the fullest to the shortest, a priority, and how many of its forms
/// are worth keeping it in (``Part/preferred``: a quote without its speaker is worth less than
/// the filter badge beside it). Parts shorten from the least important: each takes its next
/// form until the whole fits. When the preferred forms cannot fit, the least important parts
/// are left out, one by one, and the rest start again from their fullest forms; only when the
/// most important part alone cannot fit does it take its last forms. Texts are cut with an
/// ellipsis in a name, never in a number: the parts' forms are made that way.
struct StatusFit {
  struct Part {
    /// From the fullest form to the shortest.
    var forms: [String]
    var role: StyleRole
    /// Higher keeps its full form longer.
    var priority: Int
    /// How many of the forms (from the first) are worth more than the parts of lower priority.
    var preferred: Int

    init(forms: [String], role: StyleRole, priority: Int, preferred: Int? = nil) {
      self.forms = forms
      self.role = role
      self.priority = priority
      self.preferred = max(1, min(preferred ?? forms.count, forms.count))
    }
  }

  /// The forms chosen, in the parts' order (parts left out are missing), as wide as `width`
  /// at most with `separator` before each.
  static func fit(_ parts: [Part], width: Int, separator: Int = 3) -> [(text: String, role: StyleRole)] {
    let order = parts.indices.sorted { parts[$0].priority < parts[$1].priority }
    for preferredOnly in [true, false] {
      // The preferred forms never leave out every part: the most important one then shortens.
      for dropCount in 0...(preferredOnly ? max(0, parts.count - 1) : parts.count) {
        let dropped = Set(order.prefix(dropCount))
        var chosen = parts.map { _ in 0 }
        func total() -> Int {
          parts.indices.filter { !dropped.contains($0) }
            .reduce(0) { $0 + separator + DisplayWidth.width(of: parts[$1].forms[chosen[$1]]) }
        }
        func limit(_ i: Int) -> Int { preferredOnly ? parts[i].preferred : parts[i].forms.count }
        while total() > width,
          let i = order.first(where: { !dropped.contains($0) && chosen[$0] + 1 < limit($0) })
        {
          chosen[i] += 1
        }
        if total() <= width {
          return parts.indices.filter { !dropped.contains($0) }.map { (parts[$0].forms[chosen[$0]], parts[$0].role) }
        }
      }
    }
    return []
  }

  /// Text cut to `width` columns with an ellipsis (the whole text when it fits).
  static func cut(_ text: String, width: Int) -> String {
    guard width > 0 else { return "" }
    if DisplayWidth.width(of: text) <= width { return text }
    var out = ""
    var used = 0
    for character in text {
      let w = DisplayWidth.width(of: character)
      if used + w > width - 1 { break }
      out.append(character)
      used += w
    }
    while out.last == " " { out.removeLast() }
    return out + "…"
  }
}
