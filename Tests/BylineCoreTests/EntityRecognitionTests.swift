import Foundation
import Testing

@testable import BylineCore

/// Small literal articles with exact expectations for people, places and organisations.
@Suite struct EntityRecognitionTests {
  func analyse(_ body: String) -> ArticleAnalysis {
    ArticleAnalysis(article: ArticleParser.parse("A headline for the test\n\n" + body, source: "test"))
  }

  func people(_ a: ArticleAnalysis) -> [Entity] { a.entities.filter { $0.kind == .person } }
  func names(_ a: ArticleAnalysis, _ kind: Entity.Kind) -> Set<String> {
    Set(a.entities.filter { $0.kind == kind }.map(\.name))
  }

  /// "Mr. Trump", "Sen. Chuck Schumer": a title's full stop does not cut the name off; an
  /// initial before a first name opens it ("C. Eugene Steuerle").
  @Test func titlesAndInitialsWithFullStopsKeepTheirName() {
    let a = analyse(
      "On Monday Sen. Chuck Schumer spoke. Later Mr. Trump replied, and said C. Eugene Steuerle was right.")
    #expect(names(a, .person) == ["Chuck Schumer", "Trump", "C. Eugene Steuerle"])
    #expect(people(a).first { $0.name == "Chuck Schumer" }?.role == "Sen")
    #expect(a.entities.allSatisfy { $0.kind == .person })
  }

  /// An award's name is no one's, like an event's (`event-names-no-one`); a first name alone
  /// that is an award's word (`Oscar`) is left to the merge.
  @Test func awardsNameNoOne() {
    let a = analyse(
      "Mira Nair was nominated for the Best Foreign Language Oscar and won the Booker Prize. Oscar said she was happy.")
    #expect(names(a, .person) == ["Mira Nair", "Oscar"])
    #expect(a.entities.count == 2)
  }

  /// A faith's name is no one's (`WordLists.peoples`), but after a courtesy title it is a
  /// surname (`titled-person`).
  @Test func faithsNameNoOneButAfterATitleAreSurnames() {
    let a = analyse("On Monday Mr Islam denied the charge. Critics of Islam and Christianity spoke.")
    #expect(names(a, .person) == ["Islam"])
    #expect(a.entities.count == 1)
    #expect(a.entities.first?.mentions.count == 1)
  }

  /// `MP`, `MSP`, `MEP` are titles, no part of the name; a title that ends a sentence (not an
  /// abbreviation such as `Sen.`) does not run on to the next sentence's first word.
  @Test func parliamentaryTitlesStayOffTheNameAndEndTheirSentence() {
    let a = analyse(
      "Labour MP Barry Sheerman spoke. The ban would cost jobs, he told MSPs. He said the Department of Health. He left."
    )
    #expect(names(a, .person) == ["Barry Sheerman"])
    #expect(people(a).first?.role == "Labour MP")
  }

  /// "on" joins an organisation's head to the rest of its name, but not to a day.
  @Test func onAfterAnOrganisationHeadJoinsItsName() {
    let a = analyse("A report by the Council on Foreign Relations came out. A rival Institute on Monday replied.")
    #expect(names(a, .organisation).contains("Council on Foreign Relations"))
    #expect(!a.entities.contains { $0.name.contains("Monday") })
  }

  /// A legal form's full stop belongs to the firm's name inside a sentence, but at the end of
  /// a paragraph it is the sentence's.
  @Test func legalFormStopAtAParagraphsEndIsTheSentences() {
    let a = analyse("Shares of Norwest Corp. rose on Monday.\n\nThe seats are made by Lear Corp.")
    let mentions = a.entities.flatMap { e in e.mentions.map { a.article.text(in: $0) } }
    #expect(mentions.contains("Norwest Corp."))
    #expect(mentions.contains("Lear Corp"))
    #expect(!mentions.contains("Lear Corp."))
  }

  /// A one-word institution before an event's word names the event: no organisation.
  @Test func institutionBeforeAnEventWordNamesTheEvent() {
    let a = analyse("Spain won the Fed Cup final on Sunday.")
    #expect(!a.entities.contains { $0.name.contains("Fed") })
  }

  /// An acronym after "in" is no place: "in NFL history".
  @Test func acronymAfterInIsNoPlace() {
    let a = analyse("He was one of the best players in NFL history. The NFL said he would retire.")
    #expect(names(a, .organisation).contains("NFL"))
    #expect(!names(a, .place).contains("NFL"))
  }

  /// A lowercase place noun after a name makes it a place: "at Stansted airport".
  @Test func airportAfterANameMakesAPlace() {
    let a = analyse("The plane landed at Stansted airport on Tuesday.")
    #expect(names(a, .place).contains("Stansted"))
  }

  @Test func surnameAndPossessiveMergeIntoTheFullName() {
    let a = analyse(
      """
      President Kassym-Jomart Tokayev spoke on Monday.

      Tokayev's critics met later. The protesters called for Tokayev to go.
      """)
    let tokayev = people(a).first { $0.name == "Kassym-Jomart Tokayev" }
    #expect(tokayev != nil)
    #expect(tokayev?.role == "President")
    #expect(tokayev?.mentions.count == 3)
    #expect(tokayev?.aliases == ["Tokayev"])
    #expect(people(a).count == 1)
  }

  @Test func oneLetterMisspellingAndModifierUseMerge() {
    let a = analyse(
      """
      Nursultan Nazarbayev ruled for decades.

      A long-time Nazarbayev ally was arrested, and the Nazerbayev clan lost influence.
      """)
    let person = people(a).first { $0.name == "Nursultan Nazarbayev" }
    #expect(person?.mentions.count == 3)
    #expect(person?.aliases.contains("Nazerbayev") == true)
    #expect(people(a).count == 1)
  }

  @Test func appositiveAndSentenceInitialRoles() {
    let a = analyse(
      """
      Gulshara Belgibayeva, a 57-year-old postal worker, said she was there.

      Pensioner Aiman Ispolova said she had come to demand justice.
      """)
    #expect(people(a).first { $0.name == "Gulshara Belgibayeva" }?.role == "postal worker")
    #expect(people(a).first { $0.name == "Aiman Ispolova" }?.role == "pensioner")
  }

  @Test func sentenceInitialCapitalsDaysAndMonthsMakeNoPeople() {
    let a = analyse(
      """
      Hundreds rallied on Sunday. Riot police stood by in January.

      Protesters also demanded answers. Police did not move.
      """)
    #expect(people(a).isEmpty)
    #expect(a.entities.allSatisfy { !["Sunday", "January", "Riot", "Police", "Hundreds"].contains($0.name) })
  }

  @Test func placesInCompoundsPossessivesAndLandmarks() {
    let a = analyse(
      """
      Troops from a Russia-led bloc arrived in Almaty's Republic Square, in Central Asia's richest country, Kazakhstan.
      """)
    #expect(names(a, .place).isSuperset(of: ["Russia", "Almaty", "Republic Square", "Central Asia", "Kazakhstan"]))
    #expect(people(a).isEmpty)
  }

  @Test func organisationsByShape() {
    let a = analyse(
      """
      The Ministry of Defence and the Labour Party met officials of Acme Corp and NATO in London.
      """)
    let orgs = names(a, .organisation)
    #expect(orgs.contains("Ministry of Defence"))
    #expect(orgs.contains("Labour Party"))
    #expect(orgs.contains("Acme Corp"))
    #expect(orgs.contains("NATO"))
    #expect(names(a, .place) == ["London"])
  }

  @Test func imageCreditIsAnOrganisation() {
    let article = ArticleParser.parse(
      """
      Title of the piece

      Title of the piece
      A standfirst sentence that sums the story up.
      13 February, 2022
      The crowd in the square [source: Getty]

      Hundreds rallied in Almaty on Sunday.
      """, source: "test")
    let a = ArticleAnalysis(article: article)
    #expect(a.entities.contains { $0.kind == .organisation && $0.name == "Getty" })
  }

  @Test func withinOneEditIsStrict() {
    func s(_ x: String) -> ArraySlice<Unicode.Scalar> { ArraySlice(Array(x.unicodeScalars)) }
    #expect(EntityRecognizer.withinOneEdit(s("Nazerbayev"), s("Nazarbayev")))
    #expect(EntityRecognizer.withinOneEdit(s("Smith"), s("Smyth")))
    #expect(!EntityRecognizer.withinOneEdit(s("Smith"), s("Smythe")))
    #expect(!EntityRecognizer.withinOneEdit(s("Nazarbayev"), s("Nazarbayev")))
  }

  @Test func aQuotedNicknameStaysInsideTheNameButOutOfTheCanonicalName() {
    let a = analyse(
      """
      Harold 'Buddy' Marchetti, a drummer, died on Friday. Marchetti played every night for 60 years.
      """)
    let person = people(a).first { $0.name == "Harold Marchetti" }
    #expect(person?.mentions.count == 2)
    #expect(person?.aliases.contains("Harold 'Buddy' Marchetti") == true)
    #expect(a.quotes.isEmpty)
  }

  @Test func aDatelineInCapitalsIsTheSamePlaceAsItsTitleCase() {
    let a = analyse(
      """
      LIMA (AFP) - Bakers in Lima went on strike on Tuesday over the price of flour.
      """)
    let lima = a.entities.filter { $0.name == "Lima" }
    #expect(lima.count == 1)
    #expect(lima.first?.kind == .place)
    #expect(lima.first?.mentions.count == 2)
  }

  @Test func theFirstOfTwoSurnamesAndAMiddleNameFindTheirPerson() {
    let a = analyse(
      """
      Lucía Paredes Ortiz opened her bakery in 1990. Paredes still bakes every morning.

      Ingrid Solveig Aasen, a geologist, joined later. Ingrid Aasen mapped the valley.
      """)
    #expect(people(a).first { $0.name == "Lucía Paredes Ortiz" }?.mentions.count == 2)
    #expect(people(a).first { $0.name == "Ingrid Solveig Aasen" }?.mentions.count == 2)
    #expect(people(a).count == 2)
  }

  @Test func aNameBeforeALowercasePlaceNounIsAPlace() {
    let a = analyse(
      """
      She grew up in the Tolvane district of the city and now lives in Mobile, Alabama.
      """)
    let tolvane = a.entities.first { $0.name == "Tolvane" }
    #expect(tolvane?.kind == .place)
    #expect(tolvane?.aliases == ["Tolvane district"])
    #expect(a.entities.first { $0.name == "Mobile" }?.kind == .place)
  }

  @Test func aNameAfterAFirmNounIsAnOrganisation() {
    let a = analyse(
      """
      Flights resumed on Friday, the airport operator Skyvane said.
      """)
    #expect(a.entities.first { $0.name == "Skyvane" }?.kind == .organisation)
    #expect(people(a).isEmpty)
  }

  @Test func stormsPeoplesAndNationalitiesAreNoEntities() {
    let a = analyse(
      """
      Storm Darragh flooded Native American communities, and Texans gave money to the farmers of Kenya.
      """)
    #expect(names(a, .person).isEmpty)
    #expect(names(a, .organisation).isEmpty)
    #expect(names(a, .place) == ["Kenya"])
  }

  @Test func middleInitialsAndARoleBeforeTheNameInOnePhrase() {
    let a = analyse(
      """
      The case went to US District Judge Miriam T. Okafor, who set a hearing. Okafor did not comment.
      """)
    let judge = people(a).first { $0.name == "Miriam T. Okafor" }
    #expect(judge?.role == "US District Judge")
    #expect(judge?.mentions.count == 2)
    #expect(names(a, .organisation).isEmpty)
  }

  @Test func aStormsNameAloneIsNoPerson() {
    let a = analyse(
      """
      Storm Imelda reached the coast on Thursday. By Friday, Imelda had cut power to 9,000 homes.
      """)
    #expect(people(a).isEmpty)
  }

  @Test func aNationalityAfterAnInstitutionStaysInItsName() {
    let a = analyse("The Ministry of Labour said it would act.")
    #expect(names(a, .organisation) == ["Ministry of Labour"])
  }

  @Test func aCompanyNamedInFullIsLaterNamedByItsFirstWord() {
    let a = analyse(
      """
      Shares in Dravko SA rose on Monday. Dravko's chief executive said Dravko would grow.
      """)
    let firm = a.entities.first { $0.name == "Dravko SA" }
    #expect(firm?.kind == .organisation)
    #expect(firm?.mentions.count == 3)
    #expect(people(a).isEmpty)
  }

  @Test func aWordInCapitalsIsNoPerson() {
    let a = analyse(
      """
      Vaccines reached the region on Monday, WHO said in a statement.
      """)
    #expect(a.entities.first { $0.name == "WHO" }?.kind == .organisation)
    #expect(people(a).isEmpty)
  }

  @Test func aFollowersWordIsNoPartOfTheName() {
    let a = analyse(
      """
      The veteran Blairite Alan Milburn spoke first.
      """)
    #expect(names(a, .person) == ["Alan Milburn"])
  }

  // MARK: Issue 10: names with connectors, roles from titles and clauses

  @Test func anAndBeforeAnOrganisationsHeadJoinsOneName() {
    let a = ArticleAnalysis(
      article: parse("Headline\n\nThe strike, called by the Harbour and Coastal Workers' Union, began.\n"))
    #expect(a.entities.map(\.name) == ["Harbour and Coastal Workers' Union"])
    #expect(a.entities.first?.kind == .organisation)
  }

  @Test func anAndAfterAPersonsNameJoinsNothing() {
    let a = ArticleAnalysis(
      article: parse("Headline\n\nJohn Bolton and Breitbart News National Security Editor Sam Reed spoke.\n"))
    #expect(a.entities.contains { $0.kind == .person && $0.name == "John Bolton" })
  }

  @Test func rolesFromAPossessiveATitleAndAWhoClause() {
    let a = ArticleAnalysis(
      article: parse(
        """
        Headline

        Its chief executive, Graham Tully, said little. Council leader Priya Raman spoke first.

        Tom Fairlie, who leads the Independent group on the council, said no. "We stay," said Moira Keane, the union's branch secretary at Port Ellery.
        """))
    func role(_ name: String) -> String? { a.entities.first { $0.name == name }?.role }
    #expect(role("Graham Tully") == "chief executive")
    #expect(role("Priya Raman") == "council leader")
    #expect(role("Tom Fairlie") == "leader of the Independent group on the council")
    #expect(role("Moira Keane") == "branch secretary")
  }

  @Test func namesTheBodyGivesAreFoundInTheHeadlineInAnyCase() {
    let a = ArticleAnalysis(
      article: parse(
        """
        TARANGO UPSETS ODESA SEED IN TURKEY

        Jeff Tarango won in straight sets on Thursday. Tarango said he was tired.
        """))
    let tarango = a.entities.first { $0.name == "Jeff Tarango" }
    #expect(tarango?.mentions.count == 3)
    #expect(tarango.map { a.article.text(in: $0.mentions[0]) } == "TARANGO")
    #expect(a.entities.contains { $0.kind == .place && $0.name == "Turkey" })
  }

  @Test func englishNamesOfPlacesListedUnderALocalForm() {
    let a = ArticleAnalysis(article: parse("Headline\n\nTalks moved from Geneva to Cologne and then to Turkey.\n"))
    #expect(Set(a.entities.filter { $0.kind == .place }.map(\.name)) == ["Geneva", "Cologne", "Turkey"])
  }

  @Test func aSingleWordThatSpeaksAndNamesNoOneIsAnOrganisation() {
    let a = ArticleAnalysis(
      article: parse("Headline\n\nThe market grew, Zyntrax said on Monday. Officials said the fair would go on.\n"))
    #expect(a.entities.map(\.name) == ["Zyntrax"])
    #expect(a.entities.first?.kind == .organisation)
  }

  @Test func aBandAfterTheIsAnOrganisation() {
    let a = ArticleAnalysis(article: parse("Headline\n\n\"Come home,\" the Rainmakers sang on the night.\n"))
    #expect(a.entities.first { $0.name == "Rainmakers" }?.kind == .organisation)
  }
}
