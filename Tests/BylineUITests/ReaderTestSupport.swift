import BylineCore
import BylineUI

/// A short article written for the UI tests: header, caption, furniture, three quotes.
let readerTestArticle = """
  Lighthouse keeper retires after forty years

  Lighthouse keeper retires after forty years
  The last keeper of the Skerry light hands over the keys on Friday.
  2 min read
  8 March, 2024
  The Skerry light at dusk [source: Harbour Press]

  Ewan Tarbet climbed the 112 steps of the Skerry light every evening for forty years.

  "I never once missed a night," he said, standing at the foot of the tower.

  Live Story

  The harbour board called him "irreplaceable" and said the light would now run itself.

  His daughter, Isla Tarbet, said the family would miss the view.

  "We grew up with the sea in the window. It is hard to give that back."

  Mr Tarbet plans to move inland, to a village with no view of the water at all.

  """

/// A reader state over the test article.
func readerState(width: Int, height: Int) -> ReaderState {
  let article = ArticleParser.parse(readerTestArticle, source: "lighthouse.txt")
  return ReaderState(analysis: ArticleAnalysis(article: article), width: width, height: height)
}
