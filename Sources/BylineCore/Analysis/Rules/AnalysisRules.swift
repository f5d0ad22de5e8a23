/// Which rules apply to one analysis: all of them, unless the evaluator switches some off to
/// measure what they add (`byline eval --ablate RULE`, `--rule-gains`).
public struct AnalysisRules: Sendable, Equatable {
  /// Rules of quote finding and attribution switched off.
  public var disabled: Set<AttributionRule>
  /// Rules of entity typing switched off.
  public var disabledEntityRules: Set<EntityRule>

  public init(disabled: Set<AttributionRule> = [], disabledEntityRules: Set<EntityRule> = []) {
    self.disabled = disabled
    self.disabledEntityRules = disabledEntityRules
  }

  /// Whether `rule` applies.
  @inline(__always)
  public func on(_ rule: AttributionRule) -> Bool { disabled.isEmpty || !disabled.contains(rule) }

  /// Whether `rule` applies.
  @inline(__always)
  public func on(_ rule: EntityRule) -> Bool { disabledEntityRules.isEmpty || !disabledEntityRules.contains(rule) }
}
