import Testing

@testable import BylineCore

@Suite("XDG folders")
struct XDGDirectoriesTests {
  @Test func absoluteVariablesWinRelativeOnesAreIgnored() {
    let set = XDGDirectories(environment: [
      "HOME": "/h", "XDG_CONFIG_HOME": "/c", "XDG_CACHE_HOME": "/k", "XDG_STATE_HOME": "/s",
    ])
    #expect([set.config, set.cache, set.state] == ["/c/byline", "/k/byline", "/s/byline"])
    let relative = XDGDirectories(environment: ["HOME": "/h", "XDG_CONFIG_HOME": "c", "XDG_STATE_HOME": ""])
    #expect(
      [relative.config, relative.cache, relative.state] == [
        "/h/.config/byline", "/h/.cache/byline", "/h/.local/state/byline",
      ])
  }
}
