// Temporary wiring on the analysis branch: the lead's root command registers `Eval` and
// `Bench` as subcommands when merging, and replaces this file.
import ArgumentParser

struct BylineAnalysisTools: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "byline", subcommands: [Eval.self, Bench.self])
}

BylineAnalysisTools.main()
