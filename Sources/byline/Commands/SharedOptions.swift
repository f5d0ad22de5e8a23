import ArgumentParser
import BylineCore
import BylineUI
import BylineWeb
import Foundation

/// Options every command that analyses an article shares.
struct AnalysisOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "Reading speed in words per minute for the read-time estimate.",
      discussion: "The default, 238, is the mean silent reading rate for non-fiction (Brysbaert 2019)."))
  var wpm: Double = ReadingTime.defaultWordsPerMinute

  func validate() throws {
    guard wpm.isFinite, wpm >= 20, wpm <= 2000 else {
      throw ValidationError("--wpm must be between 20 and 2000 words per minute (got \(wpm)).")
    }
  }
}

/// Errors the commands report on standard error before exiting.
enum CommandError: Error, CustomStringConvertible {
  case pageOutOfRange(page: Int, pages: Int, width: Int, height: Int)

  var description: String {
    switch self {
    case .pageOutOfRange(let page, let pages, let width, let height):
      return "page \(page) does not exist: the article has \(pages) page\(pages == 1 ? "" : "s") at \(width)x\(height)"
    }
  }
}

/// Loads an article (a file, `-` for standard input, or an http(s) URL) or exits with a
/// one-line error naming it. Standard input is read against the file limit (50 MB): reading
/// stops past it, so an endless input is refused.
func loadArticleOrExit(_ path: String) throws -> Article {
  var input: Data?
  if path == "-" {
    switch BoundedRead.read(FileHandle.standardInput, limit: ArticleLoader.maximumBytes) {
    case .success(let data): input = data
    case .failure(let failure):
      reportError("standard input \(failure)")
      throw ExitCode.badInput
    }
  }
  do throws(ArticleSourceError) {
    if let input {
      do { return try ArticleLoader.load(data: input, name: "-") } catch { throw .file(error) }
    }
    return try ArticleSource.load(path)
  } catch {
    reportError(error.description)
    throw ExitCode.badInput
  }
}

/// A feed or an article from a path, `-` or a URL, or exit 1 with a one-line error.
func loadFeedOrArticleOrExit(_ path: String) throws -> FeedOrArticle {
  guard path != "-" else {
    switch BoundedRead.read(FileHandle.standardInput, limit: ArticleLoader.maximumBytes) {
    case .success(let data):
      guard FeedParser.looksLikeFeed(data) else {
        do { return .article(try ArticleLoader.load(data: data, name: "-")) } catch {
          reportError(error.description)
          throw ExitCode(1)
        }
      }
      do { return .feed(try FeedParser.parse(data, url: nil)) } catch {
        reportError("standard input: \(error.description)")
        throw ExitCode(1)
      }
    case .failure(let failure):
      reportError("standard input \(failure)")
      throw ExitCode(1)
    }
  }
  do throws(ArticleSourceError) {
    return try ArticleSource.loadFeedOrArticle(path)
  } catch {
    reportError(error.description)
    throw ExitCode(1)
  }
}

/// Whether colour is allowed: `NO_COLOR` set to anything non-empty turns it off.
var colourAllowed: Bool {
  let value = ProcessInfo.processInfo.environment["NO_COLOR"] ?? ""
  return value.isEmpty
}

/// `--theme`, shared by the reader and `byline render`.
struct ThemeOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The theme: a name (see `byline themes`) or a path to a .toml file.",
      discussion:
        "Themes are looked for in $XDG_CONFIG_HOME/byline/themes (~/.config/byline/themes), then the installed share folder, then ./themes. A broken or missing theme is reported and the built-in default is used.",
      valueName: "name|path"))
  var theme: String?

  /// The themes found and the one asked for. A theme that cannot be used is reported on
  /// standard error here, once, and the selection falls back to the default.
  func selectTheme() -> ThemeCatalog.Selection {
    let selection = ThemeCatalog.standard().select(theme)
    if let error = selection.error {
      reportError(error.description + "; using the default theme")
    }
    return selection
  }

  /// Reports on standard error, as ``selectTheme()`` does, a theme asked for that cannot be
  /// used, reading no other theme (for commands that show none).
  func checkTheme() {
    if let error = ThemeCatalog.standard().error(for: theme) {
      reportError(error.description + "; using the default theme")
    }
  }
}
