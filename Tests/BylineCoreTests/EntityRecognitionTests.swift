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

  @Test func surnameAndPossessiveMergeIntoTheFullName() {
    let a = analyse("""
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
    let a = analyse("""
      Nursultan Nazarbayev ruled for decades.

      A long-time Nazarbayev ally was arrested, and the Nazerbayev clan lost influence.
      """)
    let person = people(a).first { $0.name == "Nursultan Nazarbayev" }
    #expect(person?.mentions.count == 3)
    #expect(person?.aliases.contains("Nazerbayev") == true)
    #expect(people(a).count == 1)
  }

  @Test func appositiveAndSentenceInitialRoles() {
    let a = analyse("""
      Gulshara Belgibayeva, a 57-year-old postal worker, said she was there.

      Pensioner Aiman Ispolova said she had come to demand justice.
      """)
    #expect(people(a).first { $0.name == "Gulshara Belgibayeva" }?.role == "postal worker")
    #expect(people(a).first { $0.name == "Aiman Ispolova" }?.role == "pensioner")
  }

  @Test func sentenceInitialCapitalsDaysAndMonthsMakeNoPeople() {
    let a = analyse("""
      Hundreds rallied on Sunday. Riot police stood by in January.

      Protesters also demanded answers. Police did not move.
      """)
    #expect(people(a).isEmpty)
    #expect(a.entities.allSatisfy { !["Sunday", "January", "Riot", "Police", "Hundreds"].contains($0.name) })
  }

  @Test func placesInCompoundsPossessivesAndLandmarks() {
    let a = analyse("""
      Troops from a Russia-led bloc arrived in Almaty's Republic Square, in Central Asia's richest country, Kazakhstan.
      """)
    #expect(names(a, .place).isSuperset(of: ["Russia", "Almaty", "Republic Square", "Central Asia", "Kazakhstan"]))
    #expect(people(a).isEmpty)
  }

  @Test func organisationsByShape() {
    let a = analyse("""
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
    let article = ArticleParser.parse("""
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
}
