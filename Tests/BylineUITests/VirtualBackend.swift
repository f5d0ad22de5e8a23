import BylineUI
import Foundation

/// A terminal for tests: it types a script of keys, keeps every Frame the app draws and the
/// theme it was drawn in, and reports the terminal closed when the script runs out (so a test
/// that forgets to quit ends instead of hanging).
final class VirtualBackend: TerminalBackend {
  enum Step {
    case key(Key)
    case resize(width: Int, height: Int)
    /// A time-out: the app's tick.
    case tick
    /// Ticks until the last frame passes the check (10 s at most), for the library's
    /// background work.
    case waitFor((Frame) -> Bool)
    /// The terminal goes away.
    case close
  }

  private(set) var size: (width: Int, height: Int)
  var usesColour = true
  private(set) var frames: [Frame] = []
  private(set) var themeNames: [String] = []
  private(set) var suspended = false
  private var script: [Step]
  private var waitingSince: Date?

  init(width: Int, height: Int, script: [Step]) {
    size = (width, height)
    self.script = script
  }

  /// The last frame drawn.
  var screen: Frame { frames.last ?? Frame(width: 0, height: 0) }
  /// The last frame's status bar.
  var status: String { screen.text(row: screen.height - 1) }

  func draw(_ frame: Frame, theme: Theme) {
    frames.append(frame)
    themeNames.append(theme.name)
  }

  func nextEvent(timeoutMilliseconds: Int?) -> BackendInput {
    guard !script.isEmpty else { return .closed }
    switch script[0] {
    case .waitFor(let check):
      if let last = frames.last, check(last) {
        script.removeFirst()
        waitingSince = nil
        return nextEvent(timeoutMilliseconds: timeoutMilliseconds)
      }
      let since = waitingSince ?? Date()
      waitingSince = since
      if Date().timeIntervalSince(since) > 10 {
        script.removeFirst()
        waitingSince = nil
      }
      usleep(2_000)
      return .timeout
    default:
      break
    }
    switch script.removeFirst() {
    case .key(let key): return .event(.key(key))
    case .resize(let w, let h):
      size = (w, h)
      return .event(.resize(width: w, height: h))
    case .tick: return .timeout
    case .close: return .closed
    case .waitFor: return .timeout
    }
  }

  /// How many times the app gave the terminal away (to run `$BROWSER`).
  private(set) var suspensions = 0
  /// What the app asked to put on the clipboard, in order.
  private(set) var clipboard: [String] = []

  func suspend() {
    suspended = true
    suspensions += 1
  }
  func resume() { suspended = false }
  func copyToClipboard(_ text: String) { clipboard.append(text) }
}

/// Keys for a script: each character typed.
func typing(_ text: String) -> [VirtualBackend.Step] {
  text.map { .key(.character($0)) }
}
