/// The shipped themes other than the default (which is ``Theme/builtInDefault``), compiled in
/// so that they are there wherever the binary runs, not only beside the repository's
/// `themes/` folder. Each text is the file in `themes/` as it is: a test compares them, so
/// they never drift apart. A theme file of the same name in the search path comes first.
public enum ShippedThemes {
  public static let files: [(name: String, text: String)] = [
    (
      "light",
      #"""
      # Light: dark ink on white paper (every element sets its background, so it reads the same
      # on a dark terminal). 256-colour indices, with a small palette.
      name = "light"
      description = "For light backgrounds, 256 colours"

      [palette]
      paper  = 231
      ink    = 235
      quote  = 88
      paper2 = 254
      bar    = 252

      [styles.text]
      fg = "ink"
      bg = "paper"
      mono = []

      [styles.title]
      fg = "ink"
      bg = "paper"
      bold = true
      mono = ["bold"]

      [styles.standfirst]
      fg = 240
      bg = "paper"
      italic = true
      mono = ["italic"]

      [styles.meta]
      fg = 244
      bg = "paper"
      mono = ["dim"]

      [styles.caption]
      fg = 24
      bg = "paper"
      italic = true
      mono = ["italic", "dim"]

      [styles.quote]
      fg = "quote"
      bg = "paper"
      mono = ["underline"]

      [styles.quote_focused]
      fg = 231
      bg = "quote"
      bold = true
      mono = ["bold", "reverse"]

      [styles.reported_speech]
      fg = 95
      bg = "paper"
      mono = ["italic"]

      [styles.speaker]
      fg = 130
      bg = "paper"
      bold = true
      underline = true
      mono = ["bold", "underline"]

      [styles.person]
      fg = 25
      bg = "paper"
      mono = ["bold"]

      [styles.place]
      fg = 28
      bg = "paper"
      mono = []

      [styles.organisation]
      fg = 90
      bg = "paper"
      mono = []

      [styles.panel]
      fg = "ink"
      bg = "paper2"
      mono = []

      [styles.panel_heading]
      fg = "quote"
      bg = "paper2"
      bold = true
      mono = ["bold"]

      [styles.selection]
      fg = 231
      bg = 25
      mono = ["reverse"]

      [styles.status]
      fg = "ink"
      bg = "bar"
      mono = ["reverse"]

      [styles.status_accent]
      fg = "quote"
      bg = "bar"
      bold = true
      mono = ["bold", "reverse"]

      [styles.filter_badge]
      fg = 231
      bg = 130
      bold = true
      mono = ["bold"]

      [styles.search_match]
      fg = "ink"
      bg = 228
      mono = ["reverse"]

      [styles.help]
      fg = "ink"
      bg = "paper2"
      mono = []

      [styles.help_key]
      fg = "quote"
      bg = "paper2"
      bold = true
      mono = ["bold"]

      [styles.warning]
      fg = "red"
      bg = "paper"
      bold = true
      mono = ["bold"]

      [styles.link]
      fg = 26
      bg = "paper"
      underline = true
      mono = ["underline"]
      """#
    ),
    (
      "solarized-dark",
      #"""
      # Solarized dark (Ethan Schoonover's palette) in #rrggbb colours: exact on truecolour
      # terminals, the nearest entries on 256, 16 and 8 colours. Every element sets its background,
      # so the page is Solarized whatever the terminal's own background is.
      name = "solarized-dark"
      description = "Solarized dark palette, truecolour"

      [palette]
      base03  = "#002b36"
      base02  = "#073642"
      base01  = "#586e75"
      base00  = "#657b83"
      base0   = "#839496"
      base1   = "#93a1a1"
      base3   = "#fdf6e3"
      yellow  = "#b58900"
      orange  = "#cb4b16"
      red     = "#dc322f"
      magenta = "#d33682"
      violet  = "#6c71c4"
      blue    = "#268bd2"
      cyan    = "#2aa198"
      green   = "#859900"

      [styles.text]
      fg = "base0"
      bg = "base03"
      mono = []

      [styles.title]
      fg = "base1"
      bg = "base03"
      bold = true
      mono = ["bold"]

      [styles.standfirst]
      fg = "base1"
      bg = "base03"
      italic = true
      mono = ["italic"]

      [styles.meta]
      fg = "base01"
      bg = "base03"
      mono = ["dim"]

      [styles.caption]
      fg = "cyan"
      bg = "base03"
      italic = true
      mono = ["italic", "dim"]

      [styles.quote]
      fg = "yellow"
      bg = "base03"
      mono = ["underline"]

      [styles.quote_focused]
      fg = "base03"
      bg = "yellow"
      bold = true
      mono = ["bold", "reverse"]

      [styles.reported_speech]
      fg = "base00"
      bg = "base03"
      italic = true
      mono = ["italic"]

      [styles.speaker]
      fg = "orange"
      bg = "base03"
      bold = true
      underline = true
      mono = ["bold", "underline"]

      [styles.person]
      fg = "blue"
      bg = "base03"
      mono = ["bold"]

      [styles.place]
      fg = "green"
      bg = "base03"
      mono = []

      [styles.organisation]
      fg = "violet"
      bg = "base03"
      mono = []

      [styles.panel]
      fg = "base0"
      bg = "base02"
      mono = []

      [styles.panel_heading]
      fg = "yellow"
      bg = "base02"
      bold = true
      mono = ["bold"]

      [styles.selection]
      fg = "base03"
      bg = "blue"
      mono = ["reverse"]

      [styles.status]
      fg = "base1"
      bg = "base02"
      mono = ["reverse"]

      [styles.status_accent]
      fg = "yellow"
      bg = "base02"
      bold = true
      mono = ["bold", "reverse"]

      [styles.filter_badge]
      fg = "base03"
      bg = "orange"
      bold = true
      mono = ["bold"]

      [styles.search_match]
      fg = "base03"
      bg = "cyan"
      mono = ["reverse"]

      [styles.help]
      fg = "base0"
      bg = "base02"
      mono = []

      [styles.help_key]
      fg = "yellow"
      bg = "base02"
      bold = true
      mono = ["bold"]

      [styles.warning]
      fg = "red"
      bg = "base03"
      bold = true
      mono = ["bold"]

      [styles.link]
      fg = "violet"
      bg = "base03"
      underline = true
      mono = ["underline"]
      """#
    ),
    (
      "high-contrast",
      #"""
      # High contrast: the 16 ANSI colours at full brightness, bold and solid backgrounds.
      # Works on any 16-colour terminal; on 8 colours the bright colours lose their brightness.
      name = "high-contrast"
      description = "Bright ANSI colours on black, bold; 16 colours"

      [styles.text]
      fg = "bright-white"
      bg = "black"
      mono = []

      [styles.title]
      fg = "bright-white"
      bg = "black"
      bold = true
      underline = true
      mono = ["bold"]

      [styles.standfirst]
      fg = "bright-white"
      bg = "black"
      bold = true
      mono = ["italic"]

      [styles.meta]
      fg = "white"
      bg = "black"
      mono = ["dim"]

      [styles.caption]
      fg = "bright-cyan"
      bg = "black"
      mono = ["italic", "dim"]

      [styles.quote]
      fg = "bright-yellow"
      bg = "black"
      bold = true
      mono = ["underline"]

      [styles.quote_focused]
      fg = "black"
      bg = "bright-yellow"
      bold = true
      mono = ["bold", "reverse"]

      [styles.reported_speech]
      fg = "bright-white"
      bg = "black"
      underline = true
      mono = ["italic"]

      [styles.speaker]
      fg = "bright-magenta"
      bg = "black"
      bold = true
      underline = true
      mono = ["bold", "underline"]

      [styles.person]
      fg = "bright-cyan"
      bg = "black"
      bold = true
      mono = ["bold"]

      [styles.place]
      fg = "bright-green"
      bg = "black"
      bold = true
      mono = []

      [styles.organisation]
      fg = "bright-magenta"
      bg = "black"
      bold = true
      mono = []

      [styles.panel]
      fg = "bright-white"
      bg = "black"
      mono = []

      [styles.panel_heading]
      fg = "black"
      bg = "bright-white"
      bold = true
      mono = ["bold"]

      [styles.selection]
      fg = "black"
      bg = "bright-cyan"
      bold = true
      mono = ["reverse"]

      [styles.status]
      fg = "black"
      bg = "bright-white"
      mono = ["reverse"]

      [styles.status_accent]
      fg = "black"
      bg = "bright-yellow"
      bold = true
      mono = ["bold", "reverse"]

      [styles.filter_badge]
      fg = "black"
      bg = "bright-green"
      bold = true
      mono = ["bold"]

      [styles.search_match]
      fg = "black"
      bg = "bright-magenta"
      bold = true
      mono = ["reverse"]

      [styles.help]
      fg = "bright-white"
      bg = "black"
      mono = []

      [styles.help_key]
      fg = "bright-yellow"
      bg = "black"
      bold = true
      mono = ["bold"]

      [styles.warning]
      fg = "bright-white"
      bg = "red"
      bold = true
      mono = ["bold"]

      [styles.link]
      fg = "bright-cyan"
      bg = "black"
      bold = true
      underline = true
      mono = ["bold", "underline"]
      """#
    ),
    (
      "mono",
      #"""
      # Mono: no colours at all, only bold, underline, reverse, italic and dim, in colour terminals
      # too. The same attributes are used when the terminal has no colour or NO_COLOR is set.
      name = "mono"
      description = "Attributes only, no colour"

      [styles.text]
      mono = []

      [styles.title]
      bold = true
      mono = ["bold"]

      [styles.standfirst]
      italic = true
      mono = ["italic"]

      [styles.meta]
      dim = true
      mono = ["dim"]

      [styles.caption]
      italic = true
      dim = true
      mono = ["italic", "dim"]

      [styles.quote]
      underline = true
      mono = ["underline"]

      [styles.quote_focused]
      bold = true
      reverse = true
      mono = ["bold", "reverse"]

      [styles.reported_speech]
      italic = true
      mono = ["italic"]

      [styles.speaker]
      bold = true
      underline = true
      mono = ["bold", "underline"]

      [styles.person]
      bold = true
      mono = ["bold"]

      [styles.place]
      mono = []

      [styles.organisation]
      mono = []

      [styles.panel]
      mono = []

      [styles.panel_heading]
      bold = true
      mono = ["bold"]

      [styles.selection]
      reverse = true
      mono = ["reverse"]

      [styles.status]
      reverse = true
      mono = ["reverse"]

      [styles.status_accent]
      bold = true
      reverse = true
      mono = ["bold", "reverse"]

      [styles.filter_badge]
      bold = true
      mono = ["bold"]

      [styles.search_match]
      reverse = true
      mono = ["reverse"]

      [styles.help]
      mono = []

      [styles.help_key]
      bold = true
      mono = ["bold"]

      [styles.warning]
      bold = true
      mono = ["bold"]

      [styles.link]
      underline = true
      mono = ["underline"]
      """#
    ),
  ]
}
