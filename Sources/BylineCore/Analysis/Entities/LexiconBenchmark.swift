import Foundation

/// Lexicon lookup speed for `byline bench`: the mapped tables of ``Lexicon/shared`` against
/// the Swift Dictionaries and Sets the text parser builds (what the lexicon was before it was
/// mapped), over the same keys in the same run.
public enum LexiconBenchmark {
  public struct Rates: Sendable {
    /// Lookups made in each pass.
    public var lookups: Int
    /// Million lookups a second through ``Lexicon/shared``.
    public var mappedMillionsPerSecond: Double
    /// Million lookups a second through the parsed Dictionaries and Sets.
    public var dictionaryMillionsPerSecond: Double
    /// Where ``Lexicon/shared`` came from (a stale image is parsed text too).
    public var origin: Lexicon.Origin
  }

  /// Looks every word of `text` (as written, lowercased and capitalised) up in every table,
  /// `passes` times, both ways; nil if the text resources cannot be read.
  public static func measure(text: String, passes: Int = 20) -> Rates? {
    guard let parsed = try? LexiconText(read: Lexicon.bundledData) else { return nil }
    let lexicon = Lexicon.shared
    var keys: [ScalarHash] = []
    for word in text.split(whereSeparator: { !$0.isLetter }) {
      keys.append(ScalarHash(word))
      keys.append(ScalarHash(word.lowercased()))
      keys.append(ScalarHash(word.prefix(1).uppercased() + word.dropFirst().lowercased()))
    }
    guard !keys.isEmpty else { return nil }
    var found = 0
    let mappedStart = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<passes {
      for key in keys {
        if lexicon.places[key] != nil { found &+= 1 }
        if lexicon.firstNames[key] != nil { found &+= 1 }
        if let rank = lexicon.surnames[key] { found &+= Int(rank) }
        if lexicon.words.contains(key) { found &+= 1 }
        if lexicon.demonyms.contains(key) { found &+= 1 }
        if lexicon.bigCities.contains(key) { found &+= 1 }
      }
    }
    let mappedSeconds = Double(DispatchTime.now().uptimeNanoseconds - mappedStart) / 1e9
    var foundText = 0
    let textStart = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<passes {
      for key in keys {
        if parsed.places[key] != nil { foundText &+= 1 }
        if parsed.firstNames[key] != nil { foundText &+= 1 }
        if let rank = parsed.surnames[key] { foundText &+= Int(rank) }
        if parsed.words.contains(key) { foundText &+= 1 }
        if parsed.demonyms.contains(key) { foundText &+= 1 }
        if parsed.bigCities.contains(key) { foundText &+= 1 }
      }
    }
    let textSeconds = Double(DispatchTime.now().uptimeNanoseconds - textStart) / 1e9
    // The two must agree; this also keeps the loops from being optimised away.
    precondition(found == foundText || lexicon.origin == .empty, "mapped and parsed lexicons disagree")
    let lookups = keys.count * 6 * passes
    return Rates(
      lookups: lookups, mappedMillionsPerSecond: Double(lookups) / max(mappedSeconds, 1e-9) / 1e6,
      dictionaryMillionsPerSecond: Double(lookups) / max(textSeconds, 1e-9) / 1e6, origin: lexicon.origin)
  }
}
