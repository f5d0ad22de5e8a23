import CLibXML2

/// libxml2's one-time global set-up, done once before the first parse from any thread:
/// libxml2 asks programs that parse on several threads (the library refreshes feeds and
/// reads pages a few at a time) to call `xmlInitParser` first, as its own lazy set-up is not
/// guarded in the 2.9 series.
enum LibXML {
  private static let initialized: Void = xmlInitParser()

  static func ready() {
    _ = initialized
  }
}
