import BylineCore
import Foundation

// The only ways the commands write: every text goes through `TerminalSafe`, so nothing from a
// file, a file name, a theme or an error message reaches the terminal raw.

/// Prints text on standard output, newlines kept and every other control made visible.
func emit(_ text: String, terminator: String = "\n") {
  print(TerminalSafe.block(text), terminator: terminator)
}

/// Prints JSON on standard output with DEL, C1 and bidi controls escaped (`\u009b`).
func emitJSON(_ json: String) {
  print(TerminalSafe.json(json))
}

/// Writes bytes (JSON already made terminal-safe) straight to standard output: the streaming
/// JSON of `analyze`. Stops quietly if the reader has gone (a closed pipe).
func writeStandardOutput(_ bytes: [UInt8]) {
  bytes.withUnsafeBufferPointer { buffer in
    var offset = 0
    while offset < buffer.count {
      let n = write(1, buffer.baseAddress! + offset, buffer.count - offset)
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { return }
      offset += n
    }
  }
}

/// Prints `byline: message` on one line of standard error, controls and newlines made visible.
func reportError(_ message: String) {
  FileHandle.standardError.write(Data("byline: \(TerminalSafe.line(message))\n".utf8))
}

/// Prints one more line of a message on standard error (a list under a ``reportError(_:)``
/// line), controls and newlines made visible.
func reportDetail(_ line: String) {
  FileHandle.standardError.write(Data("\(TerminalSafe.line(line))\n".utf8))
}
