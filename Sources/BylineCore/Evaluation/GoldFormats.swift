import Foundation

/// Gold annotations Byline can be scored against, in the three shapes it reads.
public enum Gold: Sendable {
  /// Byline's own `*.gold.json` (the reference article's shape): people, places and
  /// organisations by name with their forms, quotes with speaker.
  case byline(BylineGold)
  /// CoNLL-2003 entities rebuilt over an article: typed spans with zones.
  case conll(CoNLLGold)
  /// PolNeAR attributions: quotes with source, cue and content spans.
  case polnear(PolNeARGold)
}

/// Why a gold file could not be read.
public struct GoldReadError: Error, CustomStringConvertible, Sendable {
  public var path: String
  public var reason: String
  public var description: String { "\(path): \(reason)" }
}

/// Byline's own gold shape.
public struct BylineGold: Decodable, Sendable {
  public struct Person: Decodable, Sendable {
    public var name: String
    public var role: String?
    public var forms: [String]?
    public var bodyMentions: Int?
    enum CodingKeys: String, CodingKey { case name, role, forms, bodyMentions = "body_mentions" }
  }
  public struct Named: Decodable, Sendable {
    public var name: String
    public var forms: [String]?
  }
  /// One quote: by its text (gold over our own articles), or by its offsets where the text
  /// is not ours to copy (web gold), with the quote's FNV-1a hash to tell that the text
  /// under the offsets is still the one annotated.
  public struct GoldQuote: Decodable, Sendable {
    public var text: String?
    public var start: Int?
    public var end: Int?
    /// 32-bit FNV-1a of the quote's UTF-8 text, eight hex digits.
    public var fnv1a: String?
    /// "full quote", "partial quote", "scare quote", "title" or "not speech".
    public var kind: String?
    public var speaker: String?
    /// "person", "organisation" or "description".
    public var speakerKind: String?
    public var cue: String?
    enum CodingKeys: String, CodingKey {
      case text, start, end, fnv1a, kind, speaker, cue, speakerKind = "speaker_kind"
    }
  }
  public var article: String?
  /// The readability page a web gold file annotates ("bbc-1").
  public var page: String?
  /// The length in Unicode scalars of the article text the offsets point into (web gold).
  public var textLength: Int?
  public var people: [Person]
  /// Names that are neither required nor wrong as people (fictional characters, a name
  /// inside an institution's name).
  public var optionalPeople: [String]?
  public var places: [Named]?
  public var organisations: [Named]?
  public var quotes: [GoldQuote]?
  public var notEntities: [String]?
  enum CodingKeys: String, CodingKey {
    case article, page, people, places, organisations, quotes, notEntities = "not_entities"
    case textLength = "text_length", optionalPeople = "optional_people"
  }

  /// Whether the quotes are given by offsets (web gold) rather than by text.
  public var quotesByOffset: Bool { quotes?.contains { $0.start != nil } ?? false }
}

/// CoNLL entity gold over one article.
public struct CoNLLGold: Decodable, Sendable {
  public struct Row: Decodable, Sendable {
    public var type: String
    public var text: String
    public var spans: [[Int]]
    public var zones: [String]
  }
  public var entities: [Row]
}

/// PolNeAR attribution gold over one article.
public struct PolNeARGold: Decodable, Sendable {
  public struct Attribution: Decodable, Sendable {
    public var kind: String
    public var content: String?
    public var contentSpans: [[Int]]?
    public var source: String?
    public var sourceSpans: [[Int]]?
    public var sourceIsPronoun: Bool?
    public var cue: String?
    public var cueSpans: [[Int]]?
    enum CodingKeys: String, CodingKey {
      case kind, content, source, cue
      case contentSpans = "content_spans", sourceSpans = "source_spans", cueSpans = "cue_spans"
      case sourceIsPronoun = "source_is_pronoun"
    }
  }
  public var quotes: [Attribution]
}

extension Gold {
  /// Reads a gold file, telling its shape by name and content. Returns the gold and the path
  /// of the article text it annotates.
  public static func read(path: String) throws(GoldReadError) -> (gold: Gold, textPath: String) {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw GoldReadError(path: path, reason: "cannot be read")
    }
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent()
    let name = url.lastPathComponent
    let decoder = JSONDecoder()
    func textPath(stem: String, extensions: [String]) throws(GoldReadError) -> String {
      for ext in extensions {
        let candidate = folder.appendingPathComponent(stem + ext).path
        if FileManager.default.fileExists(atPath: candidate) { return candidate }
      }
      throw GoldReadError(
        path: path, reason: "no article text beside it (looked for \(stem) with \(extensions.joined(separator: ", ")))")
    }
    do {
      if name.hasSuffix(".quotes.json") {
        let gold = try decoder.decode(PolNeARGold.self, from: data)
        return (.polnear(gold), try textPath(stem: String(name.dropLast(".quotes.json".count)), extensions: [".txt"]))
      }
      guard name.hasSuffix(".gold.json") else {
        throw GoldReadError(path: path, reason: "not a gold file (expected *.gold.json or *.quotes.json)")
      }
      let stem = String(name.dropLast(".gold.json".count))
      let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
      if object?["entities"] != nil && object?["people"] == nil {
        let gold = try decoder.decode(CoNLLGold.self, from: data)
        return (.conll(gold), try textPath(stem: stem, extensions: [".txt"]))
      }
      let gold = try decoder.decode(BylineGold.self, from: data)
      if let article = gold.article {
        let candidate = folder.appendingPathComponent(article).path
        if FileManager.default.fileExists(atPath: candidate) { return (.byline(gold), candidate) }
        // Web gold points outside the repository (../shared); say so rather than look beside it.
        if article.hasPrefix("../") {
          throw GoldReadError(
            path: path, reason: "its article \(article) is not there (is ../shared beside the package?)")
        }
      }
      return (.byline(gold), try textPath(stem: stem, extensions: [".txt", ".md", ".markdown", ".html"]))
    } catch let error as GoldReadError {
      throw error
    } catch {
      throw GoldReadError(path: path, reason: "not valid gold JSON (\(error.localizedDescription))")
    }
  }

  /// Every gold file under the given files and folders (recursively), sorted; the `.txt`
  /// articles of a folder that holds no gold, to be scored on their quote boundaries.
  public static func files(in paths: [String]) -> [String] {
    var result: [String] = []
    for path in paths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
      if !isDirectory.boolValue {
        result.append(path)
        continue
      }
      var gold: [String] = []
      var texts: [String] = []
      let enumerator = FileManager.default.enumerator(atPath: path)
      while let item = enumerator?.nextObject() as? String {
        let full = (path as NSString).appendingPathComponent(item)
        if item.hasSuffix(".gold.json") || item.hasSuffix(".quotes.json") {
          gold.append(full)
        } else if item.hasSuffix(".txt") {
          texts.append(full)
        }
      }
      // A folder with no gold at all (the BBC library) is scored on its quote boundaries.
      result += gold.isEmpty ? texts : gold
    }
    return result.sorted()
  }
}
