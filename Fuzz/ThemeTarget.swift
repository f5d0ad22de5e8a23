import Foundation

/// Fuzz target `theme`: any bytes as a theme file (the NUL and UTF-8 checks, the TOML
/// parser, every key and value check, the line finder), and the error's messages through
/// TerminalSafe. Traps when a message keeps a control or names a line outside the file.
func fuzzTheme(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  let data = Data(bytes: bytes, count: count)
  do {
    let text = try ThemeFile.decode(data, file: "fuzz.toml")
    _ = try ThemeFile.parse(text, name: "fuzz", file: "fuzz.toml")
  } catch {
    let lines = data.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    if let line = error.line, line < 1 || line > lines {
      fatalError("error at line \(line) of a file of \(lines) lines")
    }
    checkTerminalSafe(error.description)
    checkTerminalSafe(error.shortDescription)
  }
  return 0
}
