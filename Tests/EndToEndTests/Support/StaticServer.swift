import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Python's `http.server` on 127.0.0.1 (a free port), serving a folder of files, started and
/// stopped by the test: files as `python3 -m http.server` serves them (with `Last-Modified`,
/// and 304 to a matching `If-Modified-Since`). Paths under `/slow/` are answered after
/// `slowSeconds`, so that a test can see a refresh under way.
final class StaticServer {
  let pid: pid_t
  let port: Int
  let folder: String

  static let script = """
    import functools, http.server, sys, time
    class Handler(http.server.SimpleHTTPRequestHandler):
        def do_GET(self):
            if self.path.startswith('/slow/'):
                time.sleep(float(sys.argv[2]))
            super().do_GET()
        def log_message(self, *args):
            pass
    server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), functools.partial(Handler, directory=sys.argv[1]))
    print('port', server.server_address[1], flush=True)
    server.serve_forever()
    """

  init?(serving files: [String: String], slowSeconds: Double = 1.5) {
    folder = NSTemporaryDirectory() + "byline-web-e2e-\(UUID().uuidString)"
    for (name, text) in files {
      let path = "\(folder)/\(name)"
      try? FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    }
    guard
      let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first(where: FileManager.default.isExecutableFile)
        ?? ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").map({ "\($0)/python3" })
        .first(where: FileManager.default.isExecutableFile)
    else { return nil }
    let log = folder + ".log"
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let arguments = [python, "-u", "-c", StaticServer.script, folder, String(slowSeconds)]
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
    var found: Int?
    for _ in 0..<100 where found == nil {
      usleep(100_000)
      let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
      if let range = text.range(of: "port ") {
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
