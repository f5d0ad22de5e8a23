import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A page of our own with quotes and a speaker, as a newspaper would serve it.
private let storyPage = """
  <!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
  <title>Dockers strike at Port Ellery as pay talks fail - The Coastal Times</title>
  <meta name="author" content="Jane Smith"><meta property="article:published_time" content="2024-03-05T06:00:00Z">
  <script>document.write("\\u001b[31m not text")</script></head><body>
  <nav class="menu"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
  <article><h1>Dockers strike at Port Ellery as pay talks fail</h1>
  <p>Dock workers at Port Ellery walked out at dawn on Tuesday, after talks over pay and night shifts broke down late on Monday evening.</p>
  <p>\u{201C}Nobody here wanted to be standing in the rain at five in the morning,\u{201D} said Moira Keane, the union\u{2019}s branch secretary at the port.</p>
  <p>The harbour authority said it would meet the union again next week, and that ships would wait offshore until then, at some cost.</p>
  </article><div class="comments"><p>Comments are closed.</p></div></body></html>
  """

/// `python3 -m http.server` on 127.0.0.1, serving a folder, started and stopped by the test.
private final class StaticServer {
  let pid: pid_t
  let port: Int
  let folder: String

  init?(serving files: [String: String]) {
    folder = NSTemporaryDirectory() + "byline-web-e2e-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for (name, text) in files { FileManager.default.createFile(atPath: "\(folder)/\(name)", contents: Data(text.utf8)) }
    guard let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first(where: FileManager.default.isExecutableFile)
      ?? ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").map({ "\($0)/python3" })
      .first(where: FileManager.default.isExecutableFile)
    else { return nil }
    let log = folder + ".log"
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let arguments = [python, "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", folder]
    let argv = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    // The test runner's threads block signals; the server must not inherit that, or SIGTERM
    // would never end it.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    for signo in [SIGINT, SIGTERM, SIGHUP, SIGPIPE] { sigaddset(&defaults, signo) }
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var child: pid_t = 0
    guard posix_spawn(&child, python, &actions, &attributes, argv, environ) == 0 else { return nil }
    pid = child
    // "Serving HTTP on 127.0.0.1 port 41234 (http://127.0.0.1:41234/) ..."
    var found: Int?
    for _ in 0..<100 where found == nil {
      usleep(100_000)
      let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
      if let range = text.range(of: " port ") {
        found = Int(text[range.upperBound...].prefix { $0.isNumber })
      }
    }
    guard let found else {
      kill(child, SIGKILL)
      waitpid(child, nil, 0)
      return nil
    }
    port = found
  }

  func url(_ name: String) -> String { "http://127.0.0.1:\(port)/\(name)" }

  func stop() {
    kill(pid, SIGKILL)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    try? FileManager.default.removeItem(atPath: folder)
    unlink(folder + ".log")
  }
}

/// Web pages from a file and from a server on 127.0.0.1, through the real binary.
@Suite("Web pages in a real terminal", .serialized, .enabled(if: E2E.available, "tmux or the byline binary is missing"))
struct WebEndToEndTests {
  @Test func aPageByURLOpensInTheReaderWithItsQuote() throws {
    let server = try #require(StaticServer(serving: ["story.html": storyPage]), "python3 could not serve on 127.0.0.1")
    defer { server.stop() }
    let session = try TmuxSession(arguments: [server.url("story.html")], width: 100, height: 30)
    let screen = session.waitFor("page 1/")
    #expect(screen.contains("Dockers strike at Port Ellery as pay talks fail"))
    #expect(screen.contains("By Jane Smith"))
    #expect(!screen.contains("Sport") && !screen.contains("Comments are closed") && !screen.contains("not text"))
    session.send("]")
    #expect(session.waitFor("Moira Keane (said)").contains("quote 1/1 — Moira Keane (said)"))
    session.send("q")
    #expect(session.exitStatus() == 0)
  }

  @Test func exportAFileAndAURL() throws {
    let binary = try #require(E2E.binary)
    let server = try #require(StaticServer(serving: ["story.html": storyPage]), "python3 could not serve on 127.0.0.1")
    defer { server.stop() }
    let result = run(binary, ["export", "--format", "json", server.url("story.html")])
    #expect(result.status == 0)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(json["title"] as? String == "Dockers strike at Port Ellery as pay talks fail")
    #expect(json["author"] as? String == "Jane Smith")
    #expect(json["date"] as? String == "2024-03-05")
    #expect(json["source"] as? String == server.url("story.html"))
    #expect((json["paragraphs"] as? [String])?.count == 3)
    #expect((json["captions"] as? [String]) == [])
    let missing = run(binary, ["export", server.url("gone.html")])
    #expect(missing.status == 1)
    #expect(missing.stderr == "byline: \(server.url("gone.html")): the server answered 404 Not Found\n")
    let text = run(binary, ["export", server.folder + "/story.html"])
    #expect(text.stdout.hasPrefix("Dockers strike at Port Ellery as pay talks fail\n\n5 March 2024 · By Jane Smith\n\nDock workers"))
  }
}
