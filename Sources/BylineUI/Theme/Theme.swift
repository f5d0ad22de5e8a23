/// A colour as a theme names it.
public enum ThemeColor: Equatable, Sendable, Hashable {
  /// One of the 16 ANSI colours, 0-15 (black, red, green, yellow, blue, magenta, cyan, white,
  /// then their bright forms).
  case ansi(Int)
  /// A colour of the 256-colour palette.
  case indexed(Int)
  /// A 24-bit colour, `#rrggbb`.
  case rgb(UInt8, UInt8, UInt8)

  /// The ANSI colour names, in palette order.
  public static let ansiNames = [
    "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white", "bright-black",
    "bright-red", "bright-green", "bright-yellow", "bright-blue", "bright-magenta", "bright-cyan",
    "bright-white",
  ]
}

/// How one role looks: colours and attributes.
public struct Style: Equatable, Sendable, Hashable {
  public var foreground: ThemeColor?
  public var background: ThemeColor?
  public var bold: Bool
  public var underline: Bool
  public var reverse: Bool
  public var italic: Bool
  public var dim: Bool

  public init(
    foreground: ThemeColor? = nil, background: ThemeColor? = nil, bold: Bool = false,
    underline: Bool = false, reverse: Bool = false, italic: Bool = false, dim: Bool = false
  ) {
    self.foreground = foreground
    self.background = background
    self.bold = bold
    self.underline = underline
    self.reverse = reverse
    self.italic = italic
    self.dim = dim
  }

  /// No colour, no attribute.
  public static let plain = Style()
}

/// A named set of styles, one per ``StyleRole``, with a monochrome variant.
///
/// The colour styles are used where the terminal has colours; the monochrome ones (bold,
/// underline, reverse, italic, dim only) where it has none or `NO_COLOR` is set, so quotes
/// stay distinct either way.
public struct Theme: Equatable, Sendable {
  public var name: String
  public var styles: [StyleRole: Style]
  public var monochrome: [StyleRole: Style]

  public init(name: String, styles: [StyleRole: Style], monochrome: [StyleRole: Style]) {
    self.name = name
    self.styles = styles
    self.monochrome = monochrome
  }

  /// The style of a role, in colour or monochrome.
  public func style(_ role: StyleRole, colour: Bool) -> Style {
    if colour { return styles[role] ?? styles[.text] ?? .plain }
    return monochrome[role] ?? .plain
  }

  /// The built-in dark theme: Byline always has colours, whatever files are missing.
  public static let builtInDefault = Theme(
    name: "default",
    styles: [
      .text: Style(),
      .title: Style(foreground: .ansi(15), bold: true),
      .standfirst: Style(foreground: .indexed(250), italic: true),
      .meta: Style(foreground: .indexed(244)),
      .caption: Style(foreground: .indexed(109), italic: true),
      .quote: Style(foreground: .indexed(222)),
      .quoteFocused: Style(foreground: .indexed(16), background: .indexed(222), bold: true),
      .reportedSpeech: Style(foreground: .indexed(187)),
      .speaker: Style(foreground: .indexed(214), bold: true, underline: true),
      .person: Style(foreground: .indexed(117)),
      .place: Style(foreground: .indexed(114)),
      .organisation: Style(foreground: .indexed(176)),
      .panel: Style(foreground: .indexed(252), background: .indexed(235)),
      .panelHeading: Style(foreground: .indexed(222), background: .indexed(235), bold: true),
      .selection: Style(foreground: .indexed(16), background: .indexed(117)),
      .status: Style(foreground: .indexed(252), background: .indexed(237)),
      .statusAccent: Style(foreground: .indexed(222), background: .indexed(237), bold: true),
      .filterBadge: Style(foreground: .indexed(16), background: .indexed(214), bold: true),
      .searchMatch: Style(foreground: .indexed(16), background: .indexed(148)),
      .help: Style(foreground: .indexed(252), background: .indexed(236)),
      .helpKey: Style(foreground: .indexed(222), background: .indexed(236), bold: true),
      .warning: Style(foreground: .ansi(11), bold: true),
      .link: Style(foreground: .indexed(75), underline: true),
    ],
    monochrome: Theme.monochromeStyles)

  /// Attributes only: quotes underlined, the focused quote reversed, and so on.
  public static let monochromeStyles: [StyleRole: Style] = [
    .title: Style(bold: true),
    .standfirst: Style(italic: true),
    .meta: Style(dim: true),
    .caption: Style(italic: true, dim: true),
    .quote: Style(underline: true),
    .quoteFocused: Style(bold: true, reverse: true),
    .reportedSpeech: Style(italic: true),
    .speaker: Style(bold: true, underline: true),
    .person: Style(bold: true),
    .place: Style(),
    .organisation: Style(),
    .panelHeading: Style(bold: true),
    .selection: Style(reverse: true),
    .status: Style(reverse: true),
    .statusAccent: Style(bold: true, reverse: true),
    .filterBadge: Style(bold: true),
    .searchMatch: Style(reverse: true),
    .help: Style(),
    .helpKey: Style(bold: true),
    .warning: Style(bold: true),
    .link: Style(underline: true),
  ]
}
