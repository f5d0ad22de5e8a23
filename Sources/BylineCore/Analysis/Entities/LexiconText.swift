import Foundation

/// The reference data as read from the text resources (`places.tsv`, `exonyms.tsv`,
/// `firstnames.tsv`, `surnames.txt`, `words.txt`, `demonyms.txt`): the source of truth that
/// `lexicon.bin` is generated from (``LexiconImage``), and the fallback when that file is
/// missing or stale. Parsing it costs most of a second, so commands normally map the image.
struct LexiconText {
  /// The text files the lexicon is built from, in the order the source digest covers them.
  static let files = ["places.tsv", "exonyms.tsv", "firstnames.tsv", "surnames.txt", "words.txt", "demonyms.txt"]

  var places: [ScalarHash: Lexicon.PlaceKind] = [:]
  /// The most words any place name has.
  var longestPlaceWords = 1
  var firstNames: [ScalarHash: Lexicon.Gender] = [:]
  /// Surname frequency rank (0 = most common).
  var surnames: [ScalarHash: Int32] = [:]
  /// Lowercase common words.
  var words: Set<ScalarHash> = []
  var demonyms: Set<ScalarHash> = []
  /// Cities of 300,000 people or more: too well known to be read as a surname.
  var bigCities: Set<ScalarHash> = []

  init() {}

  /// Parses the text files, each read through `read` (by file name).
  init(read: (String) throws(Lexicon.LoadError) -> Data) throws(Lexicon.LoadError) {
    func lines(_ name: String) throws(Lexicon.LoadError) -> [Substring] {
      String(decoding: try read(name), as: UTF8.self).split(separator: "\n")
    }
    for line in try lines("places.tsv") {
      let fields = line.split(separator: "\t")
      guard fields.count >= 2 else { continue }
      let kind: Lexicon.PlaceKind
      switch fields[1] {
      case "country": kind = .country
      case "region": kind = .region
      case "subdivision": kind = .subdivision
      default: kind = .city
      }
      places[ScalarHash(fields[0])] = kind
      if fields.count >= 3, let population = Int(fields[2]), population >= 300_000 {
        bigCities.insert(ScalarHash(fields[0]))
      }
      let wordCount = fields[0].split(separator: " ").count
      longestPlaceWords = max(longestPlaceWords, wordCount)
    }
    // English names of places listed under their local form ("Turkey" for "Türkiye").
    for line in try lines("exonyms.tsv") where !line.hasPrefix("#") {
      let fields = line.split(separator: "\t")
      guard fields.count == 2, let kind = places[ScalarHash(fields[1])] else { continue }
      let english = ScalarHash(fields[0])
      if places[english] == nil { places[english] = kind }
    }
    for line in try lines("firstnames.tsv") {
      let fields = line.split(separator: "\t")
      guard fields.count == 2 else { continue }
      firstNames[ScalarHash(fields[0])] = fields[1] == "m" ? .male : fields[1] == "f" ? .female : .either
    }
    for (rank, line) in try lines("surnames.txt").enumerated() {
      surnames[ScalarHash(line)] = Int32(rank)
    }
    for line in try lines("words.txt") { words.insert(ScalarHash(line)) }
    for line in try lines("demonyms.txt") { demonyms.insert(ScalarHash(line)) }
  }

  /// Parses the text files in `directory` (the resource folder of a checkout).
  init(directory: URL) throws(Lexicon.LoadError) {
    try self.init { (name: String) throws(Lexicon.LoadError) -> Data in
      guard let data = try? Data(contentsOf: directory.appendingPathComponent(name)) else {
        throw Lexicon.LoadError(file: name)
      }
      return data
    }
  }
}
