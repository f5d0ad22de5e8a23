/// Verbs that report speech ("said", "pledged", "tweeted"), in their usual written forms.
enum ReportingVerbs {
  static let stems = """
    say said says saying tell told tells telling add added adds claim claimed claims pledge
    pledged pledges insist insisted insists warn warned warns write wrote writes written argue
    argued argues explain explained explains note noted notes state stated states declare
    declared declares announce announced announces ask asked asks reply replied replies respond
    responded responds answer answered answers continue continued continues recall recalled
    recalls remark remarked remarks observe observed observes suggest suggested suggests
    acknowledge acknowledged acknowledges admit admitted admits concede conceded concedes
    complain complained complains stress stressed stresses emphasise emphasised emphasises
    emphasize emphasized emphasizes urge urged urges vow vowed vows promise promised promises
    predict predicted predicts tweet tweeted tweets post posted posts shout shouted shouts
    cry cried cries whisper whispered whispers testify testified testifies allege alleged
    alleges maintain maintained maintains contend contended contends counter countered counters
    confirm confirmed confirms deny denied denies report reported reports estimate estimated
    conclude concluded concludes joke joked jokes quip quipped quips boast boasted boasts
    lament lamented laments muse mused muses agree agreed agrees object objected objects
    caution cautioned cautions threaten threatened threatens demand demanded demands assert
    asserted asserts reiterate reiterated reiterates predicted told tells recounted recounts
    describe described describes charge charged charges accuse accused accuses blast blasted
    blasts praise praised praises reckon reckoned reckons announce declared yelled yell yells
    exclaimed exclaims exclaim wondered wonders wonder pointed points point snapped snaps
    retorted retorts retort added adds proclaimed proclaims proclaim surmised indicated
    indicates indicate revealed reveals reveal disclosed discloses explained
    """
  static let set: Set<ScalarHash> = WordLists.set(stems)

  /// Verbs that take their speaker as object in "according to X".
  static let according = ScalarHash("according")
}
