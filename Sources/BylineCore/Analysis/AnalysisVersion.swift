/// The version of Byline's answers about a text: its quotes, speakers, names and read time.
///
/// Bump it in any change that gives another answer for some text (a rule, a word list, the
/// gazetteer, the parser), so that a library cache made with older answers is analysed again
/// rather than listing old people and counts beside a reader that shows new ones.
/// `AnalysisVersionTests` keeps a digest of the analyses of the sample articles and the gold
/// fixtures for this version, and fails when a change alters them without a bump.
public enum AnalysisVersion {
  public static let current = 13
}
