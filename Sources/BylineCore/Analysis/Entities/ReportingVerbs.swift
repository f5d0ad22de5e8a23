import Foundation

/// Verbs that report speech, read from `Resources/reporting-verbs.txt` (every form of each
/// verb), and the naming verbs that put words in someone's mouth (`called them "reckless"`).
enum ReportingVerbs {
  /// Every lowercase form of every reporting verb ("say", "said", "saying", ...).
  static let set: Set<ScalarHash> = {
    var verbs = Set<ScalarHash>()
    for line in WordLists.resourceLines("reporting-verbs.txt") {
      for form in line.split(separator: " ") { verbs.insert(ScalarHash(form)) }
    }
    return verbs
  }()

  /// The base and third-person forms of every reporting verb, the forms that are also nouns
  /// (`a comment`, `his remarks`): the first two of each line.
  static let presentForms: Set<ScalarHash> = {
    var forms = Set<ScalarHash>()
    for line in WordLists.resourceLines("reporting-verbs.txt") {
      for form in line.split(separator: " ").prefix(2) { forms.insert(ScalarHash(form)) }
    }
    return forms
  }()

  /// Verbs that give a thing a name in someone's words: `called them “reckless”`, `dubbed it
  /// “a disaster”`, `branded the plan “a con”`. Their subject speaks the quote that follows,
  /// but they report no speech of their own (no reported-speech clause).
  static let naming: Set<ScalarHash> = WordLists.set(
    """
    call calls called calling dub dubs dubbed dubbing brand brands branded branding label labels
    labeled labelled labeling labelling liken likens likened likening term terms termed
    """)

  /// Verbs that take their speaker as object in "according to X".
  static let according = ScalarHash("according")
}
