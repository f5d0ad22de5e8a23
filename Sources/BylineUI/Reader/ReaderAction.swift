/// What the reader can be asked to do. Keys map to actions through ``ReaderKeyMap``.
public enum ReaderAction: Equatable, Sendable {
  case nextPage
  case previousPage
  case firstPage
  case lastPage
  /// `]`/`[`: always quotes (within a person filter, that person's quotes).
  case nextQuote
  case previousQuote
  /// `n`/`N`: search matches while a search is active, quotes otherwise.
  case nextMatchOrQuote
  case previousMatchOrQuote
  case toggleHelp
  /// `e`: show or hide the entity panel.
  case togglePanel
  /// Tab: move the focus between the text and the panel.
  case switchFocus
  case panelUp
  case panelDown
  /// Enter in the panel or picker: filter the article to the selected entity.
  case choose
  /// `x`: show the whole article again.
  case clearFilter
  /// `p`: the picker of the article's people.
  case openPicker
  /// `/`: start typing a search.
  case startSearch
  /// A character typed into the search line or the picker.
  case type(Character)
  case deleteBackward
  /// Ctrl-U: empty the search line or the picker's query.
  case clearInput
  /// Esc: close what is open (picker, search line, search highlights), or leave the panel.
  case cancel
  /// Filter to the entity with this name (as `byline render --person` does).
  case filterByName(String)
  /// `l`: the list of the article's links.
  case openLinks
  /// Enter or `o` in the link list: open the chosen link with `$BROWSER`.
  case openLink
  /// `y` in the link list: copy the chosen link's address (OSC 52).
  case copyLink
  /// `t`: switch to the next loaded theme (the session does it: the Frame does not change).
  case cycleTheme
  case resize(width: Int, height: Int)
  case quit
}
