import Testing

@testable import BylineWeb

/// The tree's changes as the extractor makes them: a detached node leaves its parent's
/// children at once for every reader, however many are detached (they are dropped from the
/// list when it is next read, not one shift of the list each).
@Suite("Changing a page's tree")
struct HTMLTreeChangesTests {
  private func tree(_ html: String) -> (HTMLTree, body: Int) {
    let tree = HTMLTree(bytes: Array(html.utf8), encoding: "UTF-8")
    return (tree, tree.first(named: "body")!)
  }

  @Test func aRemovedChildIsGoneForEveryReader() {
    let (tree, body) = tree("<html><body><p>One.</p><div>Two.</div><p>Three.</p></body></html>")
    let div = tree[body].children[1]
    tree.remove(div)
    #expect(tree[body].children.map { tree[$0].name } == ["p", "p"])
    #expect(tree.children(of: body).count == 2)
    #expect(tree.text(of: body) == "One. Three.")
    #expect(tree.descendants(of: body, named: ["div"]).isEmpty)
    #expect(tree[div].parent == -1)
  }

  @Test func aRemovedNodeAppendedAgainIsListedOnce() {
    let (tree, body) = tree("<html><body><p>one</p><p>two</p></body></html>")
    let first = tree[body].children[0]
    tree.remove(first)
    tree.wrapChildren(append: first, to: body)
    #expect(tree[body].children.map { tree.text(of: $0) } == ["two", "one"])
  }

  @Test func manyEmptySiblingsAreRemovedOneByOne() {
    let divs = String(repeating: "<div></div>", count: 20_000)
    let (tree, body) = tree("<html><body>\(divs)<p>kept</p></body></html>")
    for child in tree[body].children where tree[child].name == "div" { tree.remove(child) }
    #expect(tree[body].children.map { tree[$0].name } == ["p"])
    #expect(tree.text(of: body) == "kept")
  }

  @Test func aNodeReplacedByItsDescendant() {
    let (tree, body) = tree("<html><body><div><p>Inner.</p></div><p>After.</p></body></html>")
    let div = tree[body].children[0]
    let inner = tree[div].children[0]
    tree.replace(div, with: inner)
    #expect(tree[body].children == [inner, tree[body].children[1]])
    #expect(tree[div].children.isEmpty)
    #expect(tree.text(of: body) == "Inner. After.")
  }
}
