// swift-tools-version: 6.0
import PackageDescription

// Dependencies point one way:
//   byline -> BylineTerminal -> BylineUI -> BylineLibrary -> BylineWeb -> BylineCore
// Only BylineTerminal imports ncurses (through CNCursesw); only BylineLibrary imports GRDB;
// only BylineWeb imports libxml2 (through CLibXML2) and touches the network.
let package = Package(
  name: "Byline",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "byline", targets: ["byline"])
  ],
  dependencies: [
    // Command-line parsing with generated help, subcommands and typed validation errors.
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    // Theme files (themes/*.toml); used only by BylineUI's theme loader.
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    // SQLite (with FTS5) for the library's cache and full-text index.
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
  ],
  targets: [
    // ncursesw (wide-character) as a system library: a module map and a shim header of
    // static inline wrappers for the macros and globals Swift cannot import.
    .systemLibrary(
      name: "CNCursesw",
      providers: [.apt(["libncursesw5-dev"]), .brew(["ncurses"])]
    ),
    // libxml2 as a system library: its HTML parser (the one lxml and so trafilatura use)
    // reads saved pages and fetched URLs into a tree, whatever their markup's state.
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
    ),
    // The article model, parsing, quotes, entities and read time. Foundation only.
    .target(
      name: "BylineCore",
      resources: [.copy("Resources")]
    ),
    // Web pages into Articles (libxml2's HTML parser, main-text extraction) and fetching
    // pages over HTTP (FoundationNetworking). Installs the HTML format in BylineCore's registry.
    .target(name: "BylineWeb", dependencies: ["BylineCore", "CLibXML2"]),
    // Terminal-independent UI: state, actions, layout, views rendered into a Frame.
    // A library of articles: scanning, the SQLite cache and full-text index (GRDB), people
    // across articles, background analysis. The only module that imports GRDB.
    .target(
      name: "BylineLibrary",
      dependencies: [
        "BylineCore", "BylineWeb", .product(name: "GRDB", package: "GRDB.swift"),
        // SQLite's C API, for the one query that reads every row of a large library at start.
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ]
    ),
    .target(name: "BylineUI", dependencies: ["BylineCore", "BylineLibrary", "TOMLKit"]),
    // The ncursesw backend: draws Frames, reads keys, restores the terminal.
    .target(name: "BylineTerminal", dependencies: ["BylineUI", "CNCursesw"]),
    .executableTarget(
      name: "byline",
      dependencies: [
        "BylineTerminal", "BylineUI", "BylineCore", "BylineLibrary", "BylineWeb",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        // The config file (config.toml).
        "TOMLKit",
      ]
    ),
    // Fixtures/gold-articles: gold files the tests read by path, not resources.
    .testTarget(name: "BylineCoreTests", dependencies: ["BylineCore"], exclude: ["Fixtures"]),
    .testTarget(name: "BylineUITests", dependencies: ["BylineUI"]),
    // Fixtures/web-gold: gold files the tests read by path, not resources.
    .testTarget(
      name: "BylineWebTests", dependencies: ["BylineWeb", "BylineCore", "TestHTTPServer"], exclude: ["Fixtures"]),
    // GRDB too, to find where a table lies in the cache file and damage it there.
    .testTarget(
      name: "BylineLibraryTests",
      dependencies: ["BylineLibrary", "TestHTTPServer", .product(name: "GRDB", package: "GRDB.swift")]),
    // The tests' HTTP server on 127.0.0.1 (page, feed and refresh tests); no product uses it.
    .target(name: "TestHTTPServer", path: "Tests/TestHTTPServer"),
    .testTarget(name: "BylineTerminalTests", dependencies: ["BylineTerminal"]),
    // Drives the built `byline` binary in tmux, as a person would.
    .testTarget(name: "EndToEndTests"),
  ]
)
