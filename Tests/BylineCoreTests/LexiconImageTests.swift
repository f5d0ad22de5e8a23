import Foundation
import Testing

@testable import BylineCore

/// The mapped lexicon (`Resources/lexicon.bin`) against the text resources it is built from.
///
/// Regenerate the image after changing a text resource with `scripts/build-lexicon.sh` (which
/// runs ``imageIsCurrent()`` with `BYLINE_WRITE_LEXICON=1`).
@Suite struct LexiconImageTests {
  static let resources = TestPaths.packageRoot.appendingPathComponent("Sources/BylineCore/Resources")
  static let text = try! LexiconText(directory: resources)
  static let digest = try! LexiconImage.digest { (name: String) throws(Lexicon.LoadError) -> Int in
    guard let data = try? Data(contentsOf: resources.appendingPathComponent(name)) else {
      throw Lexicon.LoadError(file: name)
    }
    return data.count
  }

  @Test func bundledLexiconIsTheMappedImage() {
    #expect(Lexicon.shared.origin == .mapped, "lexicon.bin is missing or stale: run scripts/build-lexicon.sh")
  }

  @Test func literalLookupsMatchTheTextFiles() {
    let lexicon = Lexicon.shared
    let text = Self.text
    func h(_ s: String) -> ScalarHash { ScalarHash(s) }
    #expect(lexicon.places[h("France")] == .country)
    #expect(lexicon.places[h("Central Asia")] == .region)
    #expect(lexicon.places[h("London")] == .city)
    #expect(lexicon.bigCities.contains(h("London")))
    #expect(!lexicon.bigCities.contains(h("France")))
    #expect(lexicon.places[h("Turkey")] == .country)  // an exonym of "Türkiye"
    #expect(lexicon.places[h("Genève")] == text.places[h("Genève")])
    #expect(lexicon.places[h("france")] == nil)
    #expect(lexicon.places[h("Zqxvbland")] == nil)
    #expect(lexicon.surnames[h("Smith")] == 0)
    #expect(lexicon.surnames[h("Johnson")] == 1)
    #expect(lexicon.surnames[h("Zqxvbson")] == nil)
    #expect(lexicon.firstNames[h("Linda")] == .female)
    #expect(lexicon.firstNames[h("John")] == .male)  // in both census lists, ten times as often a man's
    #expect(lexicon.firstNames[h("Kim")] == .either)  // "u" in firstnames.tsv
    #expect(lexicon.firstNames[h("Aage")] == .male)
    #expect(lexicon.firstNames[h("mary")] == nil)
    #expect(lexicon.words.contains(h("aardvark")))
    #expect(!lexicon.words.contains(h("Aardvark")))
    #expect(!lexicon.words.contains(h("")))
    #expect(lexicon.demonyms.contains(h("Afghan")))
    #expect(!lexicon.demonyms.contains(h("afghan")))
    #expect(lexicon.longestPlaceWords == text.longestPlaceWords)
    for word in ["France", "Central Asia", "London", "Turkey", "Smith", "Mary", "aardvark", "Afghan", "Paris"] {
      #expect(lexicon.places[h(word)] == text.places[h(word)], "\(word)")
      #expect(lexicon.bigCities.contains(h(word)) == text.bigCities.contains(h(word)), "\(word)")
      #expect(lexicon.firstNames[h(word)] == text.firstNames[h(word)], "\(word)")
      #expect(lexicon.surnames[h(word)] == text.surnames[h(word)], "\(word)")
      #expect(lexicon.words.contains(h(word)) == text.words.contains(h(word)), "\(word)")
      #expect(lexicon.demonyms.contains(h(word)) == text.demonyms.contains(h(word)), "\(word)")
    }
  }

  /// Every entry of every text table, and 20,000 absent keys, give the same answer mapped.
  @Test func everyKeyMatchesTheTextFiles() {
    let lexicon = Lexicon.shared
    let text = Self.text
    var mismatches = 0
    for (key, kind) in text.places where lexicon.places[key] != kind { mismatches += 1 }
    for key in text.places.keys where lexicon.bigCities.contains(key) != text.bigCities.contains(key) {
      mismatches += 1
    }
    for (key, gender) in text.firstNames where lexicon.firstNames[key] != gender { mismatches += 1 }
    for (key, rank) in text.surnames where lexicon.surnames[key] != rank { mismatches += 1 }
    for key in text.words where !lexicon.words.contains(key) { mismatches += 1 }
    for key in text.demonyms where !lexicon.demonyms.contains(key) { mismatches += 1 }
    #expect(mismatches == 0)
    var absentHits = 0
    for i in 0..<20_000 {
      let key = ScalarHash("absent \(i)")
      if lexicon.places[key] != nil || lexicon.firstNames[key] != nil || lexicon.surnames[key] != nil
        || lexicon.words.contains(key) || lexicon.demonyms.contains(key) || lexicon.bigCities.contains(key)
      {
        absentHits += 1
      }
    }
    #expect(absentHits == 0)
  }

  /// The committed `lexicon.bin` is what the text resources give now. With
  /// `BYLINE_WRITE_LEXICON=1` (scripts/build-lexicon.sh) it writes it instead.
  @Test func imageIsCurrent() throws {
    let built = LexiconImage.build(from: Self.text, digest: Self.digest)
    let url = Self.resources.appendingPathComponent(LexiconImage.fileName)
    if ProcessInfo.processInfo.environment["BYLINE_WRITE_LEXICON"] == "1" {
      try Data(built).write(to: url)
      return
    }
    let committed = (try? Data(contentsOf: url)).map { [UInt8]($0) } ?? []
    // Compared as a Bool: a failure names the first differing byte, not three megabytes.
    let common = min(committed.count, built.count)
    let firstDifference = (0..<common).first { committed[$0] != built[$0] } ?? common
    let same = committed.count == built.count && firstDifference == built.count
    #expect(
      same,
      """
      Sources/BylineCore/Resources/lexicon.bin (\(committed.count) bytes) differs from what the text \
      resources give (\(built.count) bytes) from byte \(firstDifference): run scripts/build-lexicon.sh and commit it
      """)
  }

  /// The digest covers the files' names and sizes: a size that changes makes the image stale.
  @Test func digestFollowsTheFilesSizes() throws {
    func digest(_ sizes: [String: Int]) throws -> UInt64 {
      try LexiconImage.digest { (name: String) throws(Lexicon.LoadError) -> Int in
        guard let size = sizes[name] else { throw Lexicon.LoadError(file: name) }
        return size
      }
    }
    let sizes = Dictionary(uniqueKeysWithValues: LexiconText.files.enumerated().map { ($0.element, 1000 + $0.offset) })
    #expect(try digest(sizes) == digest(sizes))
    #expect(try digest(sizes) != digest(sizes.merging(["words.txt": 2000]) { $1 }))
    #expect(throws: Lexicon.LoadError.self) { try digest(sizes.filter { $0.key != "words.txt" }) }
  }

  @Test func buildingIsDeterministic() {
    #expect(LexiconImage.build(from: Self.text, digest: 7) == LexiconImage.build(from: Self.text, digest: 7))
  }

  /// A stale, damaged or foreign image is refused, so the text files are parsed instead.
  @Test func staleOrDamagedImagesAreRefused() {
    var small = LexiconText()
    small.places[ScalarHash("Lisbon")] = .city
    small.bigCities.insert(ScalarHash("Lisbon"))
    small.words.insert(ScalarHash("harbour"))
    let image = LexiconImage.build(from: small, digest: 42)
    #expect(Lexicon(image: LexiconBytes(copying: image), expectedDigest: 42) != nil)
    #expect(Lexicon(image: LexiconBytes(copying: image), expectedDigest: 43) == nil)
    #expect(Lexicon(image: LexiconBytes(copying: Array(image.prefix(image.count - 8))), expectedDigest: 42) == nil)
    #expect(Lexicon(image: LexiconBytes(copying: Array(image.prefix(100))), expectedDigest: nil) == nil)
    var otherVersion = image
    otherVersion[8] &+= 1
    #expect(Lexicon(image: LexiconBytes(copying: otherVersion), expectedDigest: 42) == nil)
    var notAnImage = image
    notAnImage[0] = 0
    #expect(Lexicon(image: LexiconBytes(copying: notAnImage), expectedDigest: 42) == nil)
    let lexicon = Lexicon(image: LexiconBytes(copying: image), expectedDigest: 42)!
    #expect(lexicon.places[ScalarHash("Lisbon")] == .city)
    #expect(lexicon.bigCities.contains(ScalarHash("Lisbon")))
    #expect(lexicon.words.contains(ScalarHash("harbour")))
    #expect(!lexicon.words.contains(ScalarHash("Lisbon")))
    #expect(lexicon.firstNames[ScalarHash("Lisbon")] == nil)
    #expect(lexicon.origin == .text)
  }

  @Test func emptyLexiconMissesEverything() {
    let lexicon = Lexicon()
    #expect(lexicon.places[ScalarHash("London")] == nil)
    #expect(!lexicon.words.contains(ScalarHash("the")))
    #expect(lexicon.surnames[ScalarHash("Smith")] == nil)
    #expect(lexicon.origin == .empty)
  }
}
