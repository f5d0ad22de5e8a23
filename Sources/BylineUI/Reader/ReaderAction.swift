/// What the reader can be asked to do. Keys map to actions through ``ReaderKeyMap``.
public enum ReaderAction: Equatable, Sendable {
  case nextPage
  case previousPage
  case firstPage
  case lastPage
  case nextQuote
  case previousQuote
  case toggleHelp
  /// Switch to the next loaded theme (the session does it: the Frame does not change).
  case cycleTheme
  case resize(width: Int, height: Int)
  case quit
}

/// The reader's keys. One table serves the key handling and the help overlay.
public enum ReaderKeyMap {
  /// A line of the help overlay: the keys as shown, and what they do.
  public struct Binding: Sendable {
    public var keys: [Key]
    public var label: String
    public var action: ReaderAction
  }

  public static let bindings: [Binding] = [
    Binding(keys: [.character(" "), .character("f"), .pageDown, .right, .down, .character("j")],
      label: "Space f PgDn → ↓ j", action: .nextPage),
    Binding(keys: [.character("b"), .pageUp, .left, .up, .character("k"), .backspace],
      label: "b PgUp ← ↑ k", action: .previousPage),
    Binding(keys: [.character("g"), .home], label: "g Home", action: .firstPage),
    Binding(keys: [.character("G"), .end], label: "G End", action: .lastPage),
    Binding(keys: [.character("]"), .character("n")], label: "] n", action: .nextQuote),
    Binding(keys: [.character("["), .character("N")], label: "[ N", action: .previousQuote),
    Binding(keys: [.character("t")], label: "t", action: .cycleTheme),
    Binding(keys: [.character("?"), .function(1)], label: "? F1", action: .toggleHelp),
    Binding(keys: [.character("q"), .character("Q"), .control("c")], label: "q", action: .quit),
  ]

  /// What each action does, in words, for the help overlay.
  public static func describe(_ action: ReaderAction) -> String {
    switch action {
    case .nextPage: return "next page"
    case .previousPage: return "previous page"
    case .firstPage: return "first page"
    case .lastPage: return "last page"
    case .nextQuote: return "next quote"
    case .previousQuote: return "previous quote"
    case .toggleHelp: return "show or hide this help"
    case .cycleTheme: return "next theme"
    case .quit: return "quit"
    case .resize: return "resize"
    }
  }

  private static let table: [Key: ReaderAction] = {
    var table: [Key: ReaderAction] = [:]
    for binding in bindings { for key in binding.keys { table[key] = binding.action } }
    return table
  }()

  /// The action for a key, if it has one.
  public static func action(for key: Key) -> ReaderAction? { table[key] }

  /// The action for an input event, if it has one.
  public static func action(for event: InputEvent) -> ReaderAction? {
    switch event {
    case .key(let key): return action(for: key)
    case .resize(let width, let height): return .resize(width: width, height: height)
    case .wheelDown: return .nextPage
    case .wheelUp: return .previousPage
    }
  }
}
