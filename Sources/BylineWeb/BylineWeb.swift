import BylineCore
import Foundation

/// The web formats and fetching, installed into BylineCore's format registry at start-up.
public enum BylineWeb {
  /// Web pages (`.html`, `.htm`, `.xhtml`, or any name whose first bytes look like HTML).
  public static let htmlFormat = ArticleFormat(
    name: "html", extensions: HTMLArticleReader.extensions, sniff: looksLikeHTML,
    parse: { data, source throws(ArticleLoadError) in try HTMLArticleReader.read(data, source: source) })

  /// Registers the HTML format with ``ArticleFormats`` (idempotent). The executable calls it
  /// first thing; the library calls it too, so any program using it reads pages.
  public static func install() {
    ArticleFormats.register(htmlFormat)
  }

  /// Whether the first bytes are an HTML page: after an optional BOM and white space (and
  /// comments), `<!DOCTYPE html`, `<html`, `<head`, `<body` or `<meta`, in any case.
  @Sendable public static func looksLikeHTML(_ head: Data) -> Bool {
    var bytes = [UInt8](head.prefix(1024))
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    var text = String(decoding: bytes, as: UTF8.self).lowercased()
    while true {
      text = String(text.drop { $0.isWhitespace })
      if text.hasPrefix("<!--"), let end = text.range(of: "-->") {
        text = String(text[end.upperBound...])
      } else if text.hasPrefix("<?xml"), let end = text.firstIndex(of: ">") {
        text = String(text[text.index(after: end)...])
      } else {
        break
      }
    }
    return ["<!doctype html", "<html", "<head", "<body", "<meta", "<title"].contains { text.hasPrefix($0) }
  }
}
