import BylineCore
import Testing

/// Quotes found in a one-paragraph article with this body.
private func quotes(_ body: String) -> [String] {
  ArticleAnalysis(article: parse("Headline\n\n" + body + "\n")).quoteTexts
}

@Suite("Finding direct quotations")
struct QuoteFinderTests {
  /// A no-break space before the opening mark still makes a mid-sentence quote partial.
  @Test func aNoBreakSpaceBeforeTheMarkKeepsAQuotePartial() {
    let article = ArticleParser.parse(
      "A headline for the test\n\nHollande said the nominee\u{A0}\u{201C}makes you want to retch.\u{201D}", source: "t")
    #expect(QuoteFinder.findQuotes(in: article).map(\.kind) == [.partial])
  }

  @Test func curlyAndStraightDoubleQuotes() {
    #expect(quotes("“We stay,” she said. He replied: \"We go.\"") == ["We stay,", "We go."])
  }

  @Test func apostrophesAndSingleQuotesAreNotQuotes() {
    #expect(quotes("The workers' union said it's the '90s again and 'maybe' not.") == [])
  }

  @Test func inchMarksAreNotQuotes() {
    #expect(quotes("He is 5'10\" tall and sells 12\" records.") == [])
    #expect(quotes("A 12\" record, and \"a song\" too.") == ["a song"])
  }

  @Test func nestedSingleQuotesStayInsideTheQuote() {
    #expect(quotes("“She told me ‘never again’ and left,” he said.") == ["She told me ‘never again’ and left,"])
    #expect(quotes("\"He said 'no' twice,\" she said.") == ["He said 'no' twice,"])
  }

  @Test func aQuoteReopenedInTheNextParagraphIsOneQuote() {
    let analysis = ArticleAnalysis(
      article: parse(
        """
        Headline

        “The first part of it.

        “The second part,” she said.

        Then nothing.
        """))
    #expect(analysis.quoteTexts == ["The first part of it.\n\n“The second part,"])
    #expect(analysis.quotes[0].segments.count == 2)
    #expect(
      analysis.quotes[0].segments.map { analysis.article.text(in: $0) } == [
        "The first part of it.", "The second part,",
      ])
  }

  @Test func anUnclosedQuoteEndsWithItsParagraph() {
    let analysis = ArticleAnalysis(article: parse("Headline\n\n“Never closed here.\n\nNew paragraph.\n"))
    #expect(analysis.quoteTexts == ["Never closed here."])
    #expect(analysis.quotes[0].isUnterminated)
  }

  @Test func kindsByShape() {
    let analysis = ArticleAnalysis(
      article: parse(
        """
        Headline

        He blamed "terrorists" for it. The ministry pledged that "every case will be examined". "We are ready. We will act," she said.
        """))
    #expect(analysis.quotes.map(\.kind) == [.fragment, .partial, .full])
  }

  @Test func quotesInHeaderBlocksAreFound() {
    let analysis = ArticleAnalysis(article: parse("“No surrender,” says mayor\n\nBody text.\n"))
    #expect(analysis.quoteTexts == ["No surrender,"])
  }

  @Test func guillemetsAndLowHighQuotes() {
    #expect(quotes("Il a dit « non » puis „ja“ gesagt.") == ["non", "ja"])
  }

  @Test func spacesInsideTheMarksAreNotQuoted() {
    #expect(quotes("“ We stay, ” she said.") == ["We stay,"])
  }

  @Test func aMarkReopenedAfterASentenceStartsANewQuote() {
    let analysis = ArticleAnalysis(
      article: parse(
        """
        Headline

        He said: "We cannot wait. "Nobody will wait for us." Then he left.
        """))
    #expect(analysis.quoteTexts == ["We cannot wait.", "Nobody will wait for us."])
    #expect(analysis.quotes.map(\.closedBy) == [.reopening, .mark])
    #expect(analysis.quotes.map(\.isUnterminated) == [false, false])
  }

  @Test func aCurlyMarkReopenedAfterASentenceStartsANewQuote() {
    #expect(quotes("“We cannot wait. “Nobody will,” she said.") == ["We cannot wait.", "Nobody will,"])
  }

  @Test func aMarkAfterAColonEndsTheOpenQuoteAtItsLastSentence() {
    #expect(
      quotes("Ms Hale said: \"I was there. She added: \"It was late.\" Nothing more.")
        == ["I was there.", "It was late."])
  }

  @Test func aNestedDoubleQuoteMidSentenceStaysInside() {
    #expect(
      quotes("She said: \"They called it \"madness\" and left.\" He agreed.")
        == ["They called it \"madness\" and left."])
  }

  @Test func twoApostrophesCloseAQuote() {
    #expect(quotes("He said “we are done’’ and left. She said ``so be it'' too.") == ["we are done"])
    #expect(quotes("He said \"we are done'' and left.") == ["we are done"])
  }

  @Test func speechOfTwoPeopleIsNeverOneQuote() {
    let analysis = ArticleAnalysis(
      article: parse(
        """
        Headline

        Ann Lee said: "We will win. "The vote is ours." Bob Hart, the party's leader, said: "We will see."
        """))
    #expect(analysis.quoteTexts == ["We will win.", "The vote is ours.", "We will see."])
    #expect(analysis.quotes.map { $0.speaker ?? "-" } == ["Ann Lee", "Ann Lee", "Bob Hart"])
  }
}
