import BylineUI
import CNCursesw

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The ncursesw backend (``TerminalBackend``): draws ``Frame``s and reads keys, mouse wheel and
/// resizes. No application logic: the app loop (BylineUI's `App`) decides what they mean.
///
/// The only type in Byline that talks to curses. All calls happen on the thread that started
/// it (ncurses is not thread-safe). ``stop()`` (also run on deinit) restores the terminal;
/// ``TerminalRestorer`` does the same on signals and crashes.
public final class CursesTerminal: TerminalBackend {
  private var stopped = false
  private let colour: Bool
  private let colourCount: Int
  /// The colours in use: truecolour, 256, 16, 8 or none.
  public let colourDepth: ColourDepth
  /// Truecolour through packed RGB colour numbers (a direct-colour terminal description).
  private let directColour: Bool
  /// Truecolour through redefined palette entries (COLORTERM=truecolor, can_change_color()).
  private var slots = ColourSlots()
  private var pairs: [ColourPair: Int32] = [:]
  private var lastThemeName: String?

  private struct ColourPair: Hashable {
    var foreground: Int32
    var background: Int32
  }

  /// Starts curses on standard input and output.
  ///
  /// - Parameter allowColour: false for monochrome (as with `NO_COLOR`).
  /// - Throws: ``TerminalError`` when stdin/stdout is not a terminal or `TERM` is unusable.
  public init(allowColour: Bool) throws(TerminalError) {
    guard isatty(STDOUT_FILENO) != 0 else { throw .notATerminal }
    if isatty(STDIN_FILENO) == 0 {
      // The article came on standard input (`byline - < file`): read keys from the terminal.
      let tty = open("/dev/tty", O_RDONLY)
      guard tty >= 0, dup2(tty, STDIN_FILENO) >= 0 else { throw .notATerminal }
      close(tty)
    }
    CursesTerminal.chooseUTF8Locale()
    TerminalRestorer.install()
    guard nc_newterm_stdio() != nil else {
      throw .cannotStart(term: CursesTerminal.environment("TERM") ?? "")
    }
    cbreak()
    noecho()
    nonl()
    keypad(nc_stdscr(), true)
    curs_set(0)
    set_escdelay(25)
    mousemask(nc_wheel_mask(), nil)
    mouseinterval(0)
    var useColour = false
    if allowColour, has_colors() {
      start_color()
      use_default_colors()
      useColour = true
    }
    colourCount = useColour ? Int(nc_colors()) : 0
    let depth =
      useColour
      ? ColourMapping.depth(
        colours: colourCount,
        colorTerm: CursesTerminal.environment("COLORTERM"), canChangeColour: can_change_color())
      : .monochrome
    colourDepth = depth
    colour = depth != .monochrome
    directColour = depth == .truecolour && colourCount >= 0x100_0000
    slots = ColourSlots(first: 16, limit: min(colourCount, 256))
  }

  deinit { stop() }

  /// Leaves curses mode and restores the terminal. Safe to call more than once.
  public func stop() {
    guard !stopped else { return }
    stopped = true
    if !isendwin() { endwin() }
  }

  /// The window's size in columns and rows.
  public var size: (width: Int, height: Int) {
    var y: Int32 = 0
    var x: Int32 = 0
    nc_getmaxyx(nc_stdscr(), &y, &x)
    return (Int(x), Int(y))
  }

  /// Whether colours are in use (false under `NO_COLOR` or on a terminal without colour).
  public var usesColour: Bool { colour }

  /// Draws a frame, every cell, and shows it.
  public func draw(_ frame: Frame, theme: Theme) {
    if theme.name != lastThemeName {
      // Redefined palette entries belong to one theme: start afresh with the next.
      if lastThemeName != nil, colourDepth == .truecolour, !directColour {
        slots.reset()
        pairs = [:]
      }
      lastThemeName = theme.name
    }
    let (width, height) = size
    var wide = [wchar_t](repeating: 0, count: 9)
    var overlay: [GraphemeOverlay.Cell] = []
    for row in 0..<min(frame.height, height) {
      for column in 0..<min(frame.width, width) {
        let cell = frame[row, column]
        if cell.isContinuation { continue }
        let style = theme.style(cell.role, colour: colour)
        let (attributes, pair, colours) = resolve(style)
        if GraphemeOverlay.needsOverlay(cell.text) {
          // Curses takes the first character; the whole sequence is written over it after the
          // refresh (GraphemeOverlay).
          overlay.append(
            GraphemeOverlay.Cell(
              row: row, column: column, text: cell.text,
              sgr: GraphemeOverlay.sgr(
                style, foreground: colours.foreground, background: colours.background,
                directColour: directColour)))
        }
        var count = 0
        for scalar in cell.text.unicodeScalars where count < 8 {
          // One spacing character per cell: later spacing scalars of a sequence (flags, ZWJ
          // emoji) are left to the overlay; combining marks are kept.
          if count > 0, wcwidth(wchar_t(bitPattern: scalar.value)) > 0 { break }
          wide[count] = wchar_t(bitPattern: scalar.value)
          count += 1
        }
        if count == 0 {
          wide[0] = 32
          count = 1
        }
        wide[count] = 0
        _ = nc_put_cell(Int32(row), Int32(column), &wide, attributes, pair)
        // If curses thinks a character we laid out as wide is narrow, blank the next cell.
        if column + 1 < width, column + 1 < frame.width, frame[row, column + 1].isContinuation,
          wcwidth(wide[0]) < 2
        {
          wide[0] = 32
          wide[1] = 0
          _ = nc_put_cell(Int32(row), Int32(column + 1), &wide, attributes, pair)
        }
      }
    }
    refresh()
    let bytes = Array(GraphemeOverlay.sequence(overlay).utf8)
    if !bytes.isEmpty { _ = bytes.withUnsafeBufferPointer { write(STDOUT_FILENO, $0.baseAddress, $0.count) } }
  }

  /// The longest single wait for a key: between waits the terminal looks whether a signal
  /// ended the session, whichever thread the signal was delivered to.
  static let sliceMilliseconds = 200

  /// Waits for the next key, wheel turn or resize, at most `timeoutMilliseconds` (nil: as
  /// long as it takes).
  ///
  /// Returns ``BackendInput/closed`` when a signal handler ended curses (Ctrl-C, SIGTERM,
  /// SIGHUP) or the terminal is gone: a read that fails at once rather than timing out, with
  /// the input hung up or at its end (a closed terminal under `setsid`, which sends no
  /// SIGHUP), so that no loop polls a dead terminal.
  public func nextEvent(timeoutMilliseconds: Int?) -> BackendInput {
    var left = timeoutMilliseconds
    while true {
      // A signal handler ended curses (and the program went on): the session is over.
      if TerminalRestorer.interruptingSignal != 0 { return .closed }
      let slice = min(left ?? Self.sliceMilliseconds, Self.sliceMilliseconds)
      timeout(Int32(max(0, slice)))
      var character: wint_t = 0
      errno = 0
      let started = CursesTerminal.milliseconds()
      let result = get_wch(&character)
      if result != ERR {
        let event = result == KEY_CODE_YES ? keyCodeEvent(Int32(character)) : characterEvent(character)
        if let event { return .event(event) }
        return .timeout  // a key Byline does not use
      }
      let waited = CursesTerminal.milliseconds() - started
      if errno != EINTR, slice > 0, waited < slice / 2, CursesTerminal.inputIsGone() { return .closed }
      if let total = left {
        left = total - max(waited, slice)
        if left! <= 0 { return .timeout }
      }
    }
  }

  /// Whether standard input is hung up, failed or at its end (asked after a read failed at
  /// once: a live terminal with nothing typed would have waited).
  static func inputIsGone() -> Bool {
    var poller = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
    guard poll(&poller, 1, 0) >= 0 else { return true }
    let gone = Int16(POLLHUP) | Int16(POLLERR) | Int16(POLLNVAL)
    // Readable, yet the read gave nothing: end of file.
    return poller.revents & gone != 0 || poller.revents & Int16(POLLIN) != 0
  }

  /// A monotonic clock in milliseconds.
  static func milliseconds() -> Int {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return now.tv_sec * 1000 + now.tv_nsec / 1_000_000
  }

  /// An environment variable (without Foundation: this module imports BylineUI and curses only).
  static func environment(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
  }

  /// Leaves curses mode for a while; ``resume()`` comes back.
  public func suspend() {
    guard !stopped, !isendwin() else { return }
    def_prog_mode()
    endwin()
  }

  /// Writes the OSC 52 clipboard sequence after what curses has drawn.
  public func copyToClipboard(_ text: String) {
    guard !stopped else { return }
    refresh()
    let bytes = Array(Clipboard.osc52(text).utf8)
    _ = bytes.withUnsafeBufferPointer { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
  }

  /// Comes back to curses mode after ``suspend()``.
  public func resume() {
    guard !stopped else { return }
    reset_prog_mode()
    refresh()
  }

  private func characterEvent(_ character: wint_t) -> InputEvent? {
    switch character {
    case 10, 13: return .key(.enter)
    case 27: return .key(.escape)
    case 9: return .key(.tab)
    case 8, 127: return .key(.backspace)
    case 1...26:
      return .key(.control(Character(Unicode.Scalar(UInt8(character) + 96))))
    default:
      guard let scalar = Unicode.Scalar(character) else { return nil }
      return .key(.character(Character(scalar)))
    }
  }

  private func keyCodeEvent(_ code: Int32) -> InputEvent? {
    switch code {
    case KEY_RESIZE:
      let (width, height) = size
      return .resize(width: width, height: height)
    case KEY_UP: return .key(.up)
    case KEY_DOWN: return .key(.down)
    case KEY_LEFT: return .key(.left)
    case KEY_RIGHT: return .key(.right)
    case KEY_NPAGE: return .key(.pageDown)
    case KEY_PPAGE: return .key(.pageUp)
    case KEY_HOME: return .key(.home)
    case KEY_END: return .key(.end)
    case KEY_ENTER: return .key(.enter)
    case KEY_BACKSPACE: return .key(.backspace)
    case KEY_BTAB: return .key(.backTab)
    case KEY_MOUSE:
      var event = MEVENT()
      guard getmouse(&event) == OK else { return nil }
      if event.bstate & nc_button4_pressed() != 0 { return .wheelUp }
      if event.bstate & nc_button5_pressed() != 0 { return .wheelDown }
      return nil
    default:
      for n in 1...12 where code == nc_key_f(Int32(n)) { return .key(.function(n)) }
      return nil
    }
  }

  // MARK: - Styles

  private func resolve(_ style: Style) -> (attr_t, Int32, ColourPair) {
    var attributes = nc_a_normal()
    if style.bold { attributes |= nc_a_bold() }
    if style.underline { attributes |= nc_a_underline() }
    if style.reverse { attributes |= nc_a_reverse() }
    if style.italic { attributes |= nc_a_italic() }
    if style.dim { attributes |= nc_a_dim() }
    let none = ColourPair(foreground: -1, background: -1)
    guard colour else { return (attributes, 0, none) }
    let key = ColourPair(
      foreground: style.foreground.map(colourNumber) ?? -1,
      background: style.background.map(colourNumber) ?? -1)
    if key.foreground == -1 && key.background == -1 { return (attributes, 0, none) }
    if let pair = pairs[key] { return (attributes, pair, key) }
    let next = Int32(pairs.count + 1)
    guard next < nc_color_pairs() else { return (attributes, 0, none) }
    _ = nc_init_pair(next, key.foreground, key.background)
    pairs[key] = next
    return (attributes, next, key)
  }

  /// The terminal's number for a theme colour at the depth in use.
  private func colourNumber(_ colour: ThemeColor) -> Int32 {
    guard colourDepth == .truecolour else { return ColourMapping.number(for: colour, depth: colourDepth) }
    if directColour { return ColourMapping.directNumber(for: colour) }
    let assignment = slots.assign(colour)
    if let rgb = assignment.define {
      let (r, g, b) = ColourMapping.cursesComponents(rgb)
      if init_extended_color(assignment.number, r, g, b) != OK {
        return ColourMapping.number(for: colour, depth: .indexed256)
      }
    }
    return assignment.number
  }

  // MARK: - Locale

  /// Uses the environment's locale, or C.UTF-8 when that is not UTF-8 and no locale variable
  /// asks for one (CI, cron and bare containers): without UTF-8, ncursesw draws blanks.
  static func chooseUTF8Locale() {
    setlocale(LC_ALL, "")
    let codeset = String(cString: nc_codeset())
    if codeset.uppercased().replacingOccurrences(of: "-", with: "") != "UTF8" {
      if setlocale(LC_CTYPE, "C.UTF-8") == nil { _ = setlocale(LC_CTYPE, "C.utf8") }
    }
  }
}
