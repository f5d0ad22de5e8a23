import ArgumentParser
import BylineCore
import Foundation

/// A rule named on the command line: one of quote finding and attribution, or of entity typing.
enum NamedRule: ExpressibleByArgument, Equatable {
  case attribution(AttributionRule)
  case entity(EntityRule)

  init?(argument: String) {
    if let rule = AttributionRule(rawValue: argument) {
      self = .attribution(rule)
    } else if let rule = EntityRule(rawValue: argument) {
      self = .entity(rule)
    } else {
      return nil
    }
  }

  static var allValueStrings: [String] {
    AttributionRule.allCases.map(\.rawValue) + EntityRule.allCases.map(\.rawValue)
  }

  static var all: [NamedRule] {
    AttributionRule.allCases.map(NamedRule.attribution) + EntityRule.allCases.map(NamedRule.entity)
  }

  var name: String {
    switch self {
    case .attribution(let rule): return rule.rawValue
    case .entity(let rule): return rule.rawValue
    }
  }

  var summary: String {
    switch self {
    case .attribution(let rule): return rule.summary
    case .entity(let rule): return rule.summary
    }
  }

  /// The switches with these rules off.
  static func switchedOff(_ rules: [NamedRule]) -> AnalysisRules {
    var switches = AnalysisRules()
    for rule in rules {
      switch rule {
      case .attribution(let r): switches.disabled.insert(r)
      case .entity(let r): switches.disabledEntityRules.insert(r)
      }
    }
    return switches
  }
}

/// `byline eval PATH...`: scores the analysis against gold files and prints a table.
///
/// Reads Byline's own `*.gold.json`, CoNLL entity gold (`NNNN.gold.json` with `entities`) and
/// PolNeAR attribution gold (`*.quotes.json`), each beside its article text, from files or
/// folders (searched recursively); a folder with no gold at all (the BBC library) is scored on
/// its quote boundaries. Each shape is scored and printed on its own. A folder of saved web
/// pages with reference extractions is scored as web extraction (``WebEval``).
struct Eval: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval",
    abstract: "Score people, places, organisations, quotes and speakers against gold annotations.",
    discussion: """
      A folder of feed tests (feedparser's suite) is scored as the share of the expectations \
      about what a reader shows that pass, by category. \
      A folder without gold files (such as a library of plain articles) is scored on its quote \
      boundaries: quotes that still hold a quote mark, and quotes whose end no mark gives.
      Gold whose quotes are given by offset (web gold, docs/web-gold.md) is scored in a table \
      of its own: speakers right, scare quotes and titles given a speaker, people.
      PolNeAR gold (*.quotes.json) also counts the quoted spans that lie in no attribution's \
      content ("outside attributions"), which are scare quotes, titles and names by and large, \
      and how many got a speaker: full sentences and markup are left out; a hand check of 60 \
      found 6 spoken words the annotators left unmarked, so a few speakers there are right.
      --ablate RULE switches a rule of quote finding, attribution or entity typing off; --rule-gains scores \
      the paths once with every rule and once without each rule, and prints what each adds.
      """)

  @Argument(
    help:
      "Gold files or folders holding them (*.gold.json, *.quotes.json), folders of articles, folders of saved web pages (NAME/source.html, expected.html, expected-metadata.json), or feedparser's test suite (KIND/*.xml with Expect: comments)."
  )
  var paths: [String] = []

  @Flag(help: "Also print every miss and false find.")
  var showErrors = false

  @Option(
    name: .customLong("ablate"),
    help: ArgumentHelp(
      "Switch a rule off (repeatable); --list-rules names them.", valueName: "rule"))
  var ablated: [NamedRule] = []

  @Flag(help: "Print what each rule adds: the scores with every rule, less the scores without it.")
  var ruleGains = false

  @Flag(help: "List the rules of quote finding, attribution and entity typing, with their examples.")
  var listRules = false

  func validate() throws {
    if listRules { return }
    guard !paths.isEmpty else { throw ValidationError("give gold files or folders to score") }
    for path in paths where !FileManager.default.fileExists(atPath: path) {
      throw ValidationError("\(path): no such file or folder")
    }
  }

  func run() throws {
    if listRules {
      for line in RuleListing.lines(RuleListing.allRules) { emit(line) }
      return
    }
    let webFolders = WebEval.folders(in: paths)
    for folder in webFolders { WebEval.run(folder: folder, showErrors: showErrors) }
    let feedFolders = FeedEval.folders(in: paths.filter { !webFolders.contains($0) })
    for folder in feedFolders { FeedEval.run(folder: folder, showErrors: showErrors) }
    let otherPaths = paths.filter { !webFolders.contains($0) && !feedFolders.contains($0) }
    if otherPaths.isEmpty && !(webFolders.isEmpty && feedFolders.isEmpty) { return }
    let files = Gold.files(in: otherPaths)
    guard !files.isEmpty else {
      throw ValidationError(
        "no gold files (*.gold.json or *.quotes.json) or articles under \(paths.joined(separator: " "))")
    }
    if ruleGains {
      printRuleGains(files)
      return
    }
    let rules = NamedRule.switchedOff(ablated)
    var byShape: [String: EvaluationScores] = [:]
    for file in files {
      let scores = Evaluator.evaluate(goldPath: file, rules: rules)
      let shape = scores.shapes.sorted().first ?? "errors"
      byShape[shape, default: EvaluationScores()].add(scores)
    }
    if !ablated.isEmpty { emit("rules switched off: \(ablated.map(\.name).joined(separator: ", "))\n") }
    var first = true
    for shape in byShape.keys.sorted() {
      if !first { emit("") }
      first = false
      emit(byShape[shape]!.table())
      if showErrors { emit(byShape[shape]!.misses.joined(separator: "\n")) }
    }
  }

  /// One row a rule: how many more quotes are right with it than without it, per measure.
  func printRuleGains(_ files: [String]) {
    func score(_ rules: AnalysisRules) -> EvaluationScores {
      var total = EvaluationScores()
      for file in files { total.add(Evaluator.evaluate(goldPath: file, rules: rules)) }
      return total
    }
    let all = score(AnalysisRules())
    emit(
      "what each rule adds (hits with every rule minus hits without it; holding/unterminated/scare/outside: quotes fewer;"
    )
    emit("people/places/orgs: correct strict mentions gained, then wrong ones avoided)")
    let width = RuleListing.nameWidth(NamedRule.all.map(\.name))
    emit(
      RuleListing.padded("rule", to: width)
        + ["speakers", "partial", "p.spkrs", "direct", "holding", "untermin.", "scare", "outside"].map {
          $0.leftPaddedTo(10)
        }.joined()
        + ["people", "places", "orgs"].map { $0.leftPaddedTo(12) }.joined())
    for rule in NamedRule.all {
      let without = score(NamedRule.switchedOff([rule]))
      func gain(_ a: Ratio, _ b: Ratio) -> String {
        a.total == 0 && b.total == 0 ? "-" : String(a.hits - b.hits)
      }
      func gain(_ kind: Entity.Kind) -> String {
        let a = all.mentions[kind] ?? PRF()
        let b = without.mentions[kind] ?? PRF()
        if a.isEmpty && b.isEmpty { return "-" }
        return "\(a.truePositives - b.truePositives)/\(b.falsePositives - a.falsePositives)"
      }
      let cells = [
        gain(all.speakersRight, without.speakersRight), gain(all.mixedQuotesFound, without.mixedQuotesFound),
        gain(all.partialSpeakersRight, without.partialSpeakersRight),
        gain(all.directQuotesFound, without.directQuotesFound),
        gain(without.quotesHoldingMark, all.quotesHoldingMark),
        gain(without.quotesUnterminated, all.quotesUnterminated),
        gain(without.scareWithSpeaker, all.scareWithSpeaker),
        gain(without.unattributedWithSpeaker, all.unattributedWithSpeaker),
      ]
      emit(
        RuleListing.padded(rule.name, to: width)
          + cells.map { $0.leftPaddedTo(10) }.joined()
          + [gain(.person), gain(.place), gain(.organisation)].map { $0.leftPaddedTo(12) }.joined())
    }
  }
}

extension String {
  fileprivate func leftPaddedTo(_ width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}
