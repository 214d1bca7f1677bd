import KGModel
import Testing

@testable import KGExtract

/// The actors of wars beyond Syria (actors.yaml and states.yaml, one section per region), on
/// paragraphs written for these tests: they resolve to their hand-made entities with the right
/// type and `part_of`, and plain clauses about them give their edges.
@Suite struct WorldActorsTests {
  static func dictionary() throws -> ActorDictionary { try ExtractionFixture.extractor().configuration.dictionary }

  /// Expects `id` to be found in `extraction`, an entity of `kind`, part of `partOf` if given.
  static func expectActor(
    _ extraction: DocumentExtraction, _ id: String, _ kind: EntityKind, partOf: String? = nil
  ) throws {
    let dictionary = try Self.dictionary()
    #expect(!extraction.mentions(of: id).isEmpty, "\(id) not found")
    #expect(dictionary.entities[id]?.kind == kind, "\(id) is \(String(describing: dictionary.entities[id]?.kind))")
    if let partOf { #expect(dictionary.entities[id]?.partOf == partOf, "\(id) part of") }
  }

  @Test func libya() throws {
    let extraction = try ExtractionFixture.extract(
      "Haftar's forces shelled Tripoli on Tuesday.",
      "The Libyan National Army accused the Government of National Unity of hiring mercenaries.",
      "Abdul Hamid Dbeibah condemned the LNA, and Khalifa Hifter met Egyptian officials in Cairo.")
    try Self.expectActor(extraction, "libyan-national-army", .armedGroup)
    try Self.expectActor(extraction, "government-of-national-unity", .governmentBody, partOf: "libya")
    try Self.expectActor(extraction, "abdul-hamid-dbeibah", .person, partOf: "government-of-national-unity")
    try Self.expectActor(extraction, "khalifa-haftar", .person, partOf: "libyan-national-army")
    #expect(extraction.edge("libyan-national-army", .attack, "tripoli") != nil, "\(extraction.edgeSummary)")
    #expect(
      extraction.edge("libyan-national-army", .accuse, "government-of-national-unity") != nil,
      "\(extraction.edgeSummary)")
    #expect(
      extraction.edge("abdul-hamid-dbeibah", .condemn, "libyan-national-army") != nil, "\(extraction.edgeSummary)")
  }

  /// The Pakistani Taliban are their own group, not the Afghan Taliban.
  @Test func pakistan() throws {
    let extraction = try ExtractionFixture.extract(
      "Pakistan's army said it killed five militants from the Pakistani Taliban near the Afghan border.",
      "The TTP and the Balochistan Liberation Army attacked a convoy of the Pakistani army.")
    try Self.expectActor(extraction, "tehrik-i-taliban-pakistan", .armedGroup)
    try Self.expectActor(extraction, "pakistan-army", .military, partOf: "pakistan")
    try Self.expectActor(extraction, "balochistan-liberation-army", .armedGroup)
    #expect(extraction.mentions(of: "taliban").isEmpty, "\(extraction.edgeSummary)")
    #expect(extraction.edge("pakistan-army", .kill, "tehrik-i-taliban-pakistan") != nil, "\(extraction.edgeSummary)")
  }

  @Test func drCongo() throws {
    let extraction = try ExtractionFixture.extract(
      "The M23 captured Goma on Monday.",
      "The Congolese army attacked the Rwanda-backed rebels near Sake, officials in Kinshasa said.",
      "Felix Tshisekedi accused Rwanda of sending troops into eastern DRC.",
      "The Allied Democratic Forces killed 40 villagers in Ituri.")
    try Self.expectActor(extraction, "m23", .armedGroup)
    try Self.expectActor(extraction, "fardc", .military, partOf: "democratic-republic-of-the-congo")
    try Self.expectActor(extraction, "felix-tshisekedi", .person, partOf: "democratic-republic-of-the-congo")
    try Self.expectActor(extraction, "allied-democratic-forces", .armedGroup)
    try Self.expectActor(extraction, "democratic-republic-of-the-congo", .state)
    #expect(extraction.edge("m23", .capture, "goma") != nil, "\(extraction.edgeSummary)")
    #expect(extraction.edge("fardc", .attack, "m23") != nil, "\(extraction.edgeSummary)")
    #expect(extraction.edge("felix-tshisekedi", .accuse, "rwanda") != nil, "\(extraction.edgeSummary)")
  }

  @Test func sahel() throws {
    let extraction = try ExtractionFixture.extract(
      "JNIM fighters attacked a Malian army base near Timbuktu on Sunday.",
      "FAMa and Africa Corps troops killed dozens of ISWAP militants, the junta said.",
      "Burkinabe troops clashed with the Islamic State Sahel Province near Djibo.",
      "Assimi Goita and Ibrahim Traore condemned ECOWAS.")
    try Self.expectActor(extraction, "jnim", .armedGroup, partOf: "al-qaeda")
    try Self.expectActor(extraction, "malian-armed-forces", .military, partOf: "mali")
    try Self.expectActor(extraction, "africa-corps", .military, partOf: "russia")
    try Self.expectActor(extraction, "iswap", .armedGroup, partOf: "isis")
    try Self.expectActor(extraction, "islamic-state-sahel-province", .armedGroup, partOf: "isis")
    try Self.expectActor(extraction, "assimi-goita", .person, partOf: "mali")
    try Self.expectActor(extraction, "ibrahim-traore", .person, partOf: "burkina-faso")
    #expect(extraction.mentions(of: "burkina-faso").count >= 1, "Burkinabe troops are Burkina Faso")
    #expect(extraction.edge("jnim", .attack, "malian-armed-forces") != nil, "\(extraction.edgeSummary)")
    #expect(extraction.edge("malian-armed-forces", .kill, "iswap") != nil, "\(extraction.edgeSummary)")
  }

  @Test func myanmar() throws {
    let extraction = try ExtractionFixture.extract(
      "The Arakan Army captured Maungdaw from the Myanmar military in December.",
      "The Ta'ang National Liberation Army and the MNDAA attacked junta positions in Lashio.",
      "Min Aung Hlaing accused the Kachin Independence Army of terrorism.")
    try Self.expectActor(extraction, "arakan-army", .armedGroup)
    try Self.expectActor(extraction, "tatmadaw", .military, partOf: "myanmar")
    try Self.expectActor(extraction, "taang-national-liberation-army", .armedGroup)
    try Self.expectActor(extraction, "mndaa", .armedGroup)
    try Self.expectActor(extraction, "min-aung-hlaing", .person, partOf: "tatmadaw")
    try Self.expectActor(extraction, "kachin-independence-army", .armedGroup)
    #expect(extraction.edge("arakan-army", .capture, "maungdaw") != nil, "\(extraction.edgeSummary)")
    #expect(
      extraction.edge("min-aung-hlaing", .accuse, "kachin-independence-army") != nil, "\(extraction.edgeSummary)")
  }

  @Test func gaza() throws {
    let extraction = try ExtractionFixture.extract(
      "The Qassam Brigades fired rockets at Israel on Saturday.",
      "Islamic Jihad's al-Quds Brigades said they had attacked Israeli troops in Jenin.",
      "Israel Katz threatened Hamas. Yoav Gallant threatened Hezbollah on Sunday.",
      "Israeli tanks shelled the Gaza Strip.",
      "Naim Qassem condemned Israel.")
    try Self.expectActor(extraction, "qassam-brigades", .armedGroup, partOf: "hamas")
    try Self.expectActor(extraction, "al-quds-brigades", .armedGroup, partOf: "palestinian-islamic-jihad")
    try Self.expectActor(extraction, "yisrael-katz", .person, partOf: "israel")
    try Self.expectActor(extraction, "yoav-gallant", .person, partOf: "israel")
    try Self.expectActor(extraction, "naim-qassem", .person, partOf: "hezbollah")
    #expect(extraction.edge("qassam-brigades", .attack, "israel") != nil, "\(extraction.edgeSummary)")
    #expect(extraction.edge("yisrael-katz", .threaten, "hamas") != nil, "\(extraction.edgeSummary)")
    #expect(extraction.edge("yoav-gallant", .threaten, "hezbollah") != nil, "\(extraction.edgeSummary)")
    #expect(extraction.edge("naim-qassem", .condemn, "israel") != nil, "\(extraction.edgeSummary)")
    // Gaza is a place, not the organization the converted Phoenix layer made of it.
    try Self.expectActor(extraction, "gaza", .location)
    #expect(extraction.edge("israel", .attack, "gaza") != nil, "\(extraction.edgeSummary)")
  }

  /// The names that other wars share a spelling with stay what they were: Syria's Liwa al-Quds and
  /// Syrian National Army, the Somali army not being "SNA", al-Aqsa the mosque.
  @Test func sharedSpellingsKeepTheirOwners() throws {
    let dictionary = try Self.dictionary()
    func owner(_ form: String) -> String? {
      dictionary.entry(forTokens: Tokenizer.tokenizePhrase(form).map(\.lower))?.entityID
    }
    #expect(owner("Liwa al-Quds") == "liwa-al-quds")
    #expect(owner("Quds Brigade") == "liwa-al-quds")
    #expect(owner("al-Quds Brigade") == "liwa-al-quds")
    #expect(owner("Saraya al-Quds") == "al-quds-brigades")
    #expect(owner("Quds Force") == "quds-force")
    #expect(owner("SNA") == "syrian-national-army")
    #expect(owner("Somali army") == "somali-national-army")
    #expect(owner("al-Aqsa") == "al-aqsa-mosque")
    #expect(owner("Gaza") == "gaza")
    #expect(owner("Rafah") == "rafah")
    #expect(owner("Congo") == "democratic-republic-of-the-congo")
    #expect(owner("Republic of Congo") == "congo")
    // A hand-made entry reusing a converted id takes its place, not a second entity.
    #expect(owner("Ismail Haniya") == "ismail-haniya")
    #expect(owner("Haniyeh") == "ismail-haniya")
    #expect(dictionary.entities["ismail-haniya"]?.partOf == "hamas")
    #expect(owner("Tigray Peoples Liberation Front") == "tigray-peoples-liberation-front")
    #expect(owner("TPLF") == "tigray-peoples-liberation-front")
  }

  /// The army of a country with a demonym added here is what "the army" means in an article set there.
  @Test func theHostArmyOfTheNewStates() throws {
    let extraction = try ExtractionFixture.extract(
      "Fighting raged in eastern Congo on Monday, residents said.",
      "The army shelled M23 positions near Goma.")
    #expect(extraction.edge("fardc", .attack, "m23") != nil, "\(extraction.edgeSummary)")
  }
}

/// Every alias of the entities added for the wars beyond Syria names its own entity: none lost
/// to an earlier owner (a collision) when the dictionaries loaded.
@Suite struct WorldActorsCollisionTests {
  static let ids = [
    "libyan-national-army", "khalifa-haftar", "saddam-haftar", "government-of-national-accord",
    "government-of-national-unity", "abdul-hamid-dbeibah", "fayez-al-sarraj", "fardc", "m23", "alliance-fleuve-congo",
    "corneille-nangaa", "sultani-makenga", "allied-democratic-forces", "wazalendo", "felix-tshisekedi",
    "rwanda-defence-force", "paul-kagame", "malian-armed-forces", "assimi-goita", "burkina-faso-armed-forces",
    "volunteers-for-the-defence-of-the-homeland", "ibrahim-traore", "nigerien-armed-forces", "abdourahamane-tiani",
    "jnim", "islamic-state-sahel-province", "iswap", "boko-haram", "africa-corps", "ethiopian-national-defense-force",
    "abiy-ahmed", "fano", "tigray-peoples-liberation-front", "tigray-defense-forces", "eritrean-defence-forces",
    "isaias-afewerki", "somali-national-army", "african-union", "au-mission-in-somalia", "tatmadaw", "min-aung-hlaing",
    "state-administration-council", "national-unity-government-of-myanmar", "peoples-defence-force", "arakan-army",
    "taang-national-liberation-army", "mndaa", "three-brotherhood-alliance", "kachin-independence-army",
    "karen-national-liberation-army", "united-wa-state-army", "hamas", "qassam-brigades", "yahya-sinwar",
    "ismail-haniya", "mohammed-deif", "khalil-al-hayya", "palestinian-islamic-jihad", "al-quds-brigades",
    "al-aqsa-martyrs-brigades", "yoav-gallant", "yisrael-katz", "herzi-halevi", "eyal-zamir", "daniel-hagari",
    "avichay-adraee", "shin-bet", "naim-qassem", "abdul-malik-al-houthi", "yahya-saree",
    "presidential-leadership-council", "rashad-al-alimi", "oleksandr-syrskyi", "ukrainian-military-intelligence", "sbu",
    "kyrylo-budanov", "andriy-yermak", "rustem-umerov", "andrii-sybiha", "azov-brigade", "valery-gerasimov",
    "andrei-belousov", "russian-general-staff", "eln", "estado-mayor-central", "segunda-marquetalia", "viv-ansanm",
    "jimmy-cherizier", "gaza", "gaza-city", "al-aqsa-mosque", "democratic-republic-of-the-congo", "congo",
    "burkina-faso", "niger", "mali", "myanmar",
  ]

  @Test func everyAliasNamesItsEntity() throws {
    let dictionary = try ExtractionFixture.extractor().configuration.dictionary
    for id in Self.ids {
      let entity = try #require(dictionary.entities[id], "\(id) is not defined")
      for form in [entity.name] + entity.aliases {
        let owner = dictionary.entry(forTokens: Tokenizer.tokenizePhrase(form).map(\.lower))?.entityID
        #expect(owner == id, "'\(form)' of \(id) names \(owner ?? "nothing")")
      }
    }
  }
}
