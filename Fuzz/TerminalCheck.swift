/// Traps when TerminalSafe's output holds a scalar a terminal would act on.
func checkTerminalSafe(_ text: String) {
  for form in [TerminalSafe.line(text), TerminalSafe.block(text), TerminalSafe.json(text)] {
    if let bad = form.unicodeScalars.first(where: { TerminalSafe.isUnsafe($0) && $0 != "\n" && $0 != "\t" }) {
      fatalError("TerminalSafe let U+\(String(bad.value, radix: 16)) through")
    }
  }
}
