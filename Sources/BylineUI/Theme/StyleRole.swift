/// What a cell shows, by meaning; a ``Theme`` decides how each role looks.
public enum StyleRole: String, CaseIterable, Sendable, Hashable {
  case text
  case title
  case standfirst
  case meta
  case caption
  case quote
  case quoteFocused = "quote_focused"
  case reportedSpeech = "reported_speech"
  case speaker
  case person
  case place
  case organisation
  case panel
  case panelHeading = "panel_heading"
  case selection
  case status
  case statusAccent = "status_accent"
  case filterBadge = "filter_badge"
  case searchMatch = "search_match"
  case help
  case helpKey = "help_key"
  case warning
  /// A link's number after its text in the body, the link list's addresses.
  case link
}
