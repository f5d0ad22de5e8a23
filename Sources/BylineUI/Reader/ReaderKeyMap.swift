/// The reader's keys, by what has the focus. One table serves the key handling and the help
/// overlay, so the help always lists exactly the keys that work.
public enum ReaderKeyMap {
  /// Where keys go.
  public enum Context: Sendable, Hashable {
    /// The article text.
    case text
    /// The entity panel (after Tab).
    case panel
    /// Typing a search or in the person picker.
    case input
    /// The link list (after `l`).
    case links
  }

  /// One line of the help overlay: the keys as shown, what they do, and the action.
  public struct Binding: Sendable {
    public var keys: [Key]
    public var label: String
    public var description: String
    public var action: ReaderAction
    public var contexts: Set<Context>
  }

  public static let bindings: [Binding] = [
    Binding(
      keys: [.character(" "), .character("f"), .pageDown, .right], label: "Space f PgDn →",
      description: "next page", action: .nextPage, contexts: [.text, .panel]),
    Binding(
      keys: [.down, .character("j")], label: "↓ j", description: "next page",
      action: .nextPage, contexts: [.text]),
    Binding(
      keys: [.character("b"), .pageUp, .left, .backspace], label: "b PgUp ←",
      description: "previous page", action: .previousPage, contexts: [.text, .panel]),
    Binding(
      keys: [.up, .character("k")], label: "↑ k", description: "previous page",
      action: .previousPage, contexts: [.text]),
    Binding(
      keys: [.character("g"), .home], label: "g Home", description: "first page",
      action: .firstPage, contexts: [.text, .panel]),
    Binding(
      keys: [.character("G"), .end], label: "G End", description: "last page",
      action: .lastPage, contexts: [.text, .panel]),
    Binding(
      keys: [.character("]")], label: "]", description: "next quote", action: .nextQuote,
      contexts: [.text, .panel]),
    Binding(
      keys: [.character("[")], label: "[", description: "previous quote",
      action: .previousQuote, contexts: [.text, .panel]),
    Binding(
      keys: [.character("n")], label: "n", description: "next search match, or next quote",
      action: .nextMatchOrQuote, contexts: [.text]),
    Binding(
      keys: [.character("N")], label: "N",
      description: "previous search match, or previous quote", action: .previousMatchOrQuote,
      contexts: [.text]),
    Binding(
      keys: [.character("/")], label: "/", description: "search the text",
      action: .startSearch, contexts: [.text, .panel]),
    Binding(
      keys: [.character("e")], label: "e", description: "show or hide the entity panel",
      action: .togglePanel, contexts: [.text, .panel]),
    Binding(
      keys: [.tab, .backTab], label: "Tab", description: "move between text and panel",
      action: .switchFocus, contexts: [.text, .panel]),
    Binding(
      keys: [.down, .character("j")], label: "↓ j", description: "next entity",
      action: .panelDown, contexts: [.panel, .input]),
    Binding(
      keys: [.up, .character("k")], label: "↑ k", description: "previous entity",
      action: .panelUp, contexts: [.panel, .input]),
    Binding(
      keys: [.enter], label: "Enter", description: "show only the paragraphs about it",
      action: .choose, contexts: [.panel, .input]),
    Binding(
      keys: [.character("p")], label: "p", description: "pick a person to filter by",
      action: .openPicker, contexts: [.text, .panel]),
    Binding(
      keys: [.character("x")], label: "x", description: "clear the filter",
      action: .clearFilter, contexts: [.text, .panel]),
    Binding(
      keys: [.character("l")], label: "l", description: "list the links (numbered in the text)",
      action: .openLinks, contexts: [.text, .panel]),
    Binding(
      keys: [.down, .character("j")], label: "↓ j", description: "next link",
      action: .panelDown, contexts: [.links]),
    Binding(
      keys: [.up, .character("k")], label: "↑ k", description: "previous link",
      action: .panelUp, contexts: [.links]),
    Binding(
      keys: [.character(" "), .character("f"), .pageDown], label: "Space PgDn",
      description: "a listful down", action: .nextPage, contexts: [.links]),
    Binding(
      keys: [.character("b"), .pageUp], label: "b PgUp", description: "a listful up",
      action: .previousPage, contexts: [.links]),
    Binding(
      keys: [.character("g"), .home], label: "g Home", description: "first link",
      action: .firstPage, contexts: [.links]),
    Binding(
      keys: [.character("G"), .end], label: "G End", description: "last link",
      action: .lastPage, contexts: [.links]),
    // Digits are typed (see action(for:in:)): this row is for the help.
    Binding(
      keys: [], label: "0-9", description: "go to the link of that number",
      action: .type("0"), contexts: [.links]),
    Binding(
      keys: [.enter, .character("o")], label: "Enter o",
      description: "open the link with $BROWSER (else show it)", action: .openLink, contexts: [.links]),
    Binding(
      keys: [.character("y")], label: "y", description: "copy the address (OSC 52)",
      action: .copyLink, contexts: [.links]),
    Binding(
      keys: [.escape, .character("l"), .character("q")], label: "Esc l q",
      description: "close the list", action: .cancel, contexts: [.links]),
    Binding(
      keys: [.escape], label: "Esc", description: "close, end the search, leave the panel",
      action: .cancel, contexts: [.text, .panel, .input]),
    Binding(
      keys: [.character("t")], label: "t", description: "next theme", action: .cycleTheme,
      contexts: [.text, .panel]),
    Binding(
      keys: [.character("?"), .function(1)], label: "? F1",
      description: "show or hide this help", action: .toggleHelp, contexts: [.text, .panel, .links]),
    Binding(
      keys: [.character("q"), .character("Q")], label: "q", description: "quit",
      action: .quit, contexts: [.text, .panel]),
  ]

  /// The bindings that work in a context, for the help overlay.
  public static func bindings(in context: Context) -> [Binding] {
    bindings.filter { $0.contexts.contains(context) }
  }

  private static let tables: [Context: [Key: ReaderAction]] = {
    var tables: [Context: [Key: ReaderAction]] = [:]
    for binding in bindings {
      for context in binding.contexts {
        for key in binding.keys where tables[context, default: [:]][key] == nil {
          tables[context, default: [:]][key] = binding.action
        }
      }
    }
    return tables
  }()

  /// The action for a key in a context, if it has one. In the input context, printable
  /// characters are typed.
  public static func action(for key: Key, in context: Context = .text) -> ReaderAction? {
    if context == .input {
      switch key {
      case .character(let c): return .type(c)
      case .backspace: return .deleteBackward
      case .control("u"): return .clearInput
      case .enter: return .choose
      case .escape: return .cancel
      case .up: return .panelUp
      case .down: return .panelDown
      default: return nil
      }
    }
    if context == .links {
      switch key {
      case .character(let c) where c.isASCII && c.isNumber: return .type(c)
      case .backspace: return .deleteBackward
      default: break
      }
    }
    return tables[context]?[key]
  }

  /// The action for an input event, if it has one.
  public static func action(for event: InputEvent, in context: Context = .text) -> ReaderAction? {
    switch event {
    case .key(let key): return action(for: key, in: context)
    case .resize(let width, let height): return .resize(width: width, height: height)
    case .wheelDown: return context == .panel || context == .links ? .panelDown : .nextPage
    case .wheelUp: return context == .panel || context == .links ? .panelUp : .previousPage
    }
  }
}
