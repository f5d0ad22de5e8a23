import Foundation

/// Hand-written word lists the entity recogniser and the attributor use. Closed-class words
/// and name-shape keywords only: the open lists (places, names) come from ``Lexicon``.
enum WordLists {
  /// The lines of a word-list resource file, its `#` header and blank lines left out.
  static func resourceLines(_ name: String) -> [Substring] {
    let url =
      Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Resources")
      ?? Bundle.module.url(forResource: name, withExtension: nil)
    guard let url, let data = try? Data(contentsOf: url) else { return [] }
    return String(decoding: data, as: UTF8.self).split(separator: "\n").filter {
      !$0.isEmpty && !$0.hasPrefix("#")
    }
  }

  static func set(_ words: String) -> Set<ScalarHash> {
    Set(words.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { ScalarHash($0) })
  }

  /// Titles and honorifics that stand before a name and are not part of it.
  static let titles = set(
    """
    President Vice Prime Minister Mr Mr. Mrs Mrs. Ms Ms. Miss Dr Dr. Sen Sen. Senator Rep Rep.
    Representative Gov Gov. Governor Gen Gen. General Judge Justice King Queen Prince Princess
    Pope Chancellor Secretary Chairman Chairwoman Chair Chief Coach Captain Capt Capt. Sheikh
    Ayatollah Mayor Lord Lady Sir Dame Sgt Sgt. Lt Lt. Col Col. Colonel Lieutenant Sergeant
    Major Maj. Officer Detective Deputy Foreign Defence Defense Interior Finance Economy Trade
    Health Education Executive Commissioner Ambassador Archbishop Bishop Cardinal Rev Rev.
    Reverend Father Brother Sister Professor Prof Prof. Speaker Leader Premier Emir Sultan
    Crown Opposition Former Acting Interim Attorney Inspector Superintendent Constable Commander
    Admiral Marshal Field Agent Director Manager Spokesman Spokeswoman Dictator Chancellor
    Striker Midfielder Defender Goalkeeper Champion Veteran Rabbi Imam Pastor Saint
    Congressman Congresswoman Councillor Councilman Councilwoman Assemblyman Presidents
    Senators Governors Republican Democratic Democrat Republicans Democrats GOP Labour Tory
    Datuk Dato Datin Tunku Haji CEO CFO COO CTO Founder Co-founder Cofounder MP MPs MEP MEPs MSP MSPs
    Attorney-General Solicitor-General Secretary-General Director-General Governor-General
    Major-General Lieutenant-General Lieutenant-Colonel Brigadier-General Vice-President
    Vice-Admiral Rear-Admiral Vice-Chancellor Vice-Premier Deputy-Governor
    """)

  /// Words that make a capitalised phrase an organisation ("Foreign Ministry", "X Party").
  static let organisationHeads = set(
    """
    Ministry Ministries Party Bank Inc Inc. Corp Corp. Corporation Ltd Ltd. Co Co. Group Holdings
    United FC Club Council Court Agency Association University Committee Commission Organisation
    Organization Department Institute Foundation Fund Federation Union League Army Navy Police
    Service Services Times Post News Journal Airlines Airways Motors Company Exchange Office
    Parliament Congress Senate Assembly Cabinet Board Authority Network Television Radio Press
    Church Systems Technologies International Industries Reserve Trust Coalition Front Movement
    Brigade Brigades Forces Guard Bureau College School Hospital Academy Museum Society Alliance
    Force Command Chamber Secretariat Administration Government Tribunal Commons Lords Party's
    Telegraph Herald Tribune Gazette Magazine Review Daily Weekly Broadcasting Communications
    Partners Capital Securities Investments Insurance Energy Petroleum Oil Airlines Rail
    Railways Pharmaceuticals Labs Laboratories Electric Steel Mining Foods Brands Stores
    Group's Council's Institution Institutions Caucus Campaign Collective Cooperative Studios
    Records Entertainment Media Publishing Centre Center Team Rovers Athletic
    Wanderers Albion Hotspur Villa Rangers Celtic Bulls Lakers Yankees Giants Jets
    Democrats Republicans Socialists Greens Conservatives Liberals Nationalists Communists
    Unit Taskforce Watch Initiative Project Programme Program Fed OPEC NATO Convention
    """)

  /// Words that make a capitalised phrase a named place ("Republic Square", "Grace Road").
  static let placeHeads = set(
    """
    Square Street St Road Avenue Ave Boulevard Lane Bridge Park Palace Airport Station Tower
    Towers Building Mountain Mountains Mount Mt River Lake Island Islands Bay Valley Sea Ocean
    Desert Canal Strait Straits Peninsula Gulf Highway Plaza Gate Cathedral Mosque Temple Hill
    Hills Heights Coast Beach Falls Forest Province Region District County State Oblast Prefecture
    Republic Territory Territories Harbour Harbor Port Arena Circuit Stadium Ground Oval Quay
    Field Fields Crossing Pass Basin Delta Plain Plains Strip Bank Wall Gardens Garden Zone
    Prison Jail Camp Base
    """)

  /// Heads after which "of" continues a name ("Ministry of Defence", "Gulf of Mexico").
  static let ofHeads = set(
    """
    Ministry Department University Bank Republic Gulf Sea Isle Bay Council Court Chamber Church
    Institute Board Office House Federation Union Association Organisation Organization League
    Party Museum College School Academy City Kingdom State States Commonwealth Province Army
    Commission Committee Society Strait Straits Cape Duke Duchess Prince Princess Bishop
    Archbishop Secretary Minister Isle Islands Mouth Port Bureau Federal Reserve Sultanate
    Emirate Emirates Principality Grand Duchy Assembly Tribunal Order Hall Museum Library
    Centre Center Conference Summit Treaty Battle Declaration
    """)

  /// Lowercase connectors inside names ("Charles de Gaulle", "Bank of England").
  static let nameConnectors = set(
    "de del della da das dos du van von der den ter al el bin binti binte bint ibn la le di y")

  /// Capitalised words that never start or make up a name.
  static let neverNames = set(
    """
    I The A An This That These Those There Here It Its He She His Her Him They Them Their We Our
    Us You Your My Me Mine Who What When Where Why How Which Whose Whom If But And Or Nor So Yet
    For In On At By From To Of With Without About After Before During Since Until Under Over
    Into Onto Upon As Than Then Now Also Even Just Only Still However Although Though While
    Because Meanwhile Instead Yes No Not Some Many Most More Much Few All Both Each Every Any
    Other Another Such One Two Three Four Five Six Seven Eight Nine Ten First Second Third Last
    Next New Old Many Several Monday Tuesday Wednesday Thursday Friday Saturday Sunday January
    February March April May June July August September October November December Mon Tue Wed
    Thu Fri Sat Sun Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Today Tomorrow Yesterday
    Tonight Mr Mrs Ms Dr Sir Madam Oh Ah Well Please Thank Thanks Hello Dear OK Okay Let Do Does
    Did Is Are Was Were Be Been Has Have Had Will Would Can Could Should Shall Must Might May
    According Despite Among Between Against Through Throughout Toward Towards Within Like Unlike
    Perhaps Maybe Indeed Already Again Never Always Often Sometimes Once Twice Earlier Later
    Asked Told Said Says Say Speaking Advertisement Photo Image Video Read Watch Share Click
    Live Story Updated Published Copyright Caption Christmas Easter Ramadan
    AM PM GMT EST EDT BST UTC CET
    """)

  /// Surnames that are words never taken for a name alone (of ``neverNames``, the ones
  /// surnames.txt holds, less days, pronouns and function words): a person's surname only
  /// after a first name or where a name stands (``EntityRule/wordSurnameAfterFirstName``).
  static let wordSurnames = set("May June March August Will Read Dear Said")

  /// Peoples, ethnic groups and faiths, which name no single entity.
  static let peoples = set(
    """
    Moslem Muslim Christian Jew Jewish Hindu Buddhist Catholic Protestant Orthodox Sunni Shia
    Shi'ite Shiite Islamic Hutu Tutsi Kurd Kurdish Afrikaner Chechen Pashtun Tajik Uzbek Berber
    Arab Bedouin Roma Sikh Maori Aboriginal Inuit Zulu Xhosa Tamil Sinhalese Serb Croat Bosniak
    Filipino Philippine Basque Catalan Flemish Walloon Sephardic Evangelical Methodist Baptist
    Anglican Lutheran Mormon Zionist Palestinian Israeli Islam Christianity Judaism Hinduism Buddhism
    Sikhism Catholicism Protestantism
    """)

  /// Letters that follow a name and are not part of it.
  static let postNominals = set("KC QC SC MP MEP MSP MLA MBE OBE CBE KBE DBE PhD FRS Jr Sr")

  /// Lowercase words that mark a sports report.
  static let sportsWords = set(
    """
    match matches innings wicket wickets runs goal goals scored striker midfielder defender
    goalkeeper league season cup championship beat beats drew draw halftime half-time points
    champions coach club clubs team teams victory defeat tournament seed seeded semi-final
    quarter-final final penalty penalties inning pitcher homer batsman bowler bowled bowling
    batting unbeaten standings relegation promoted fixture fixtures race races lap laps
    """)

  /// Words that stand in for a speaker: pronouns.
  static let malePronouns = set("he He him his")
  static let femalePronouns = set("she She her")
  static let pluralPronouns = set("they They we We")

  /// Common nouns that name an organisation speaking without a name ("the foreign ministry").
  static let organisationNouns = set(
    """
    ministry government police campaign agency department committee commission council court
    army military party company firm office embassy administration authorities officials
    spokesman spokeswoman spokesperson statement report prosecutors prosecutor group
    organisation organization union board bank regulator watchdog ministry's government's
    """)

  /// Those of ``organisationNouns`` that make an organisation entity when they speak.
  static let organisationOnlyNouns = set(
    """
    ministry government police campaign agency department committee commission council court
    army military party company firm office embassy administration authorities union board
    bank regulator watchdog
    """)
}
