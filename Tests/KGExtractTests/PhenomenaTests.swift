import KGModel
import KGTestSupport
import Testing

@testable import KGExtract

/// The constructions of conflict reporting that issue 3 lists, each on invented sentences (none
/// copied from the samples): an expected edge, and edges that must not appear.
struct PhenomenaTests {
  struct Triple: Sendable {
    var source: String
    var type: RelationType
    var target: String
    var modality: Modality? = nil
  }

  struct Case: CustomTestStringConvertible, Sendable {
    var id: String
    var sentences: [String]
    var expected: [Triple] = []
    var forbidden: [Triple] = []
    var testDescription: String { id }
  }

  static let cases: [Case] = [
    Case(
      id: "adjectival backing gives support and names the backed group",
      sentences: ["Turkey-backed rebels shelled Tal Rifaat on Monday.", "The US-backed SDF repelled them."],
      expected: [
        Triple(source: "turkey", type: .support, target: "syrian-national-army"),
        Triple(source: "united-states", type: .support, target: "sdf"),
      ]),
    Case(
      id: "unnamed 'X-backed forces' resolve to the group the article names",
      sentences: ["The Syrian Democratic Forces pushed into Hajin.", "ISIS ambushed US-backed forces near the town."],
      expected: [Triple(source: "isis", type: .attack, target: "sdf")]),
    Case(
      id: "a person by title becomes an entity and later acts by surname",
      sentences: ["Turkish Defence Minister Yasar Guler met his Russian counterpart.", "Guler condemned the PKK."],
      expected: [Triple(source: "yasar-guler", type: .condemn, target: "pkk")]),
    Case(
      id: "'the group' refers back to the last armed group",
      sentences: ["Hayat Tahrir al-Sham expanded in Idlib.", "The group attacked Syrian army positions near Saraqib."],
      expected: [Triple(source: "hts", type: .attack, target: "syrian-arab-army")]),
    Case(
      id: "a person reference does not reach three sentences back",
      sentences: [
        "Spokesman Ahmed Khalil spoke on Monday.", "The war continued.", "Fighting spread.", "Aid stopped.",
        "He accused Turkey of shelling Afrin.",
      ],
      forbidden: [Triple(source: "ahmed-khalil", type: .accuse, target: "turkey")]),
    Case(
      id: "nominal event with by-agent and on-target",
      sentences: ["Dozens died in air strikes by Russian warplanes on Maarat al-Numan."],
      expected: [Triple(source: "russia", type: .attack, target: "maarat-al-numan")]),
    Case(
      id: "possessive nominal: their fight against X",
      sentences: ["Washington armed the YPG for their fight against the Islamic State."],
      expected: [
        Triple(source: "united-states", type: .support, target: "ypg"),
        Triple(source: "ypg", type: .attack, target: "isis"),
      ]),
    Case(
      id: "participle with by-agent: both the supported and the supporter act",
      sentences: ["Iraqi troops backed by US-led coalition aircraft repelled an ISIS assault on Mosul."],
      expected: [
        Triple(source: "us-led-coalition", type: .support, target: "iraqi-army"),
        Triple(source: "iraqi-army", type: .attack, target: "isis"),
      ]),
    Case(
      id: "event anaphora: 'repelled the advance' is against the last attacker",
      sentences: [
        "Hurras al-Din fighters attacked Syrian army posts near Jisr al-Shughur.",
        "Syrian troops repelled the advance.",
      ],
      expected: [Triple(source: "syrian-arab-army", type: .attack, target: "hurras-al-din")]),
    Case(
      id: "condemning an attack condemns the attacker of the other side",
      sentences: ["Israeli jets struck the T-4 airbase.", "The Syrian Foreign Ministry condemned the attack."],
      expected: [Triple(source: "syrian-foreign-ministry", type: .condemn, target: "israel")]),
    Case(
      id: "calling an actor illegitimate is condemn",
      sentences: [
        "Damascus repeatedly described the Turkish presence as an illegal occupation, calling it aggression."
      ],
      expected: [Triple(source: "syria", type: .condemn, target: "turkey")]),
    Case(
      id: "clash gives attack both ways",
      sentences: ["Jaish al-Islam clashed with Faylaq al-Rahman in Douma."],
      expected: [
        Triple(source: "jaish-al-islam", type: .attack, target: "faylaq-al-rahman"),
        Triple(source: "faylaq-al-rahman", type: .attack, target: "jaish-al-islam"),
      ]),
    Case(
      id: "cooperation between A and B",
      sentences: ["Reports pointed to coordination between Hezbollah and the IRGC in Qusayr."],
      expected: [Triple(source: "hezbollah", type: .cooperate, target: "irgc")]),
    Case(
      id: "hyphenated parties of a deal cooperate",
      sentences: ["The Russia-Turkey deal on Idlib held for a month."],
      expected: [Triple(source: "russia", type: .cooperate, target: "turkey")]),
    Case(
      id: "an ally apposition",
      sentences: ["Moscow and its ally Tehran rejected the plan."],
      expected: [Triple(source: "russia", type: .cooperate, target: "iran")]),
    Case(
      id: "a backer apposition supports the owner",
      sentences: ["The SNA and its main backer, Turkey, launched the operation."],
      expected: [Triple(source: "turkey", type: .support, target: "syrian-national-army")]),
    Case(
      id: "coordinated objects give one edge each, and 'including' extends the list",
      sentences: ["The Turkish army detained members of Ahrar al-Sham, including its commander Abu Yahya al-Hamawi."],
      expected: [
        Triple(source: "turkish-armed-forces", type: .detain, target: "ahrar-al-sham"),
        Triple(source: "turkish-armed-forces", type: .detain, target: "abu-yahya-al-hamawi"),
      ],
      forbidden: []),
    Case(
      id: "a list of adjectives shares its noun: 'Syrian, Iranian and Russian forces'",
      sentences: ["Syrian, Iranian and Russian forces met up at Palmyra."],
      expected: [
        Triple(source: "syrian-arab-army", type: .cooperate, target: "iran"),
        Triple(source: "iran", type: .cooperate, target: "russia"),
      ]),
    Case(
      id: "'according to X' makes the statement alleged, not X an actor",
      sentences: ["According to the Syrian Observatory, Turkish drones struck Qamishli."],
      expected: [Triple(source: "turkey", type: .attack, target: "qamishli", modality: .alleged)],
      forbidden: [Triple(source: "syrian-observatory-for-human-rights", type: .attack, target: "qamishli")]),
    Case(
      id: "a quoted sentence after 'X said:' is alleged",
      sentences: ["SANA published the ministry's letter:", "\"The Israeli aggression targeted the Mezzeh airbase.\""],
      expected: [Triple(source: "israel", type: .attack, target: "mezzeh-airbase", modality: .alleged)]),
    Case(
      id: "'to halt X's shelling' keeps the shelling asserted",
      sentences: ["Ankara urged Moscow to halt SAA shelling of Idlib."],
      expected: [
        Triple(source: "turkey", type: .demand, target: "russia"),
        Triple(source: "syrian-arab-army", type: .attack, target: "idlib-province", modality: .asserted),
      ]),
    Case(
      id: "a kill also gives attack",
      sentences: ["A Turkish drone killed two PKK commanders in Sinjar."],
      expected: [
        Triple(source: "turkey", type: .kill, target: "pkk"), Triple(source: "turkey", type: .attack, target: "pkk"),
      ]),
    Case(
      id: "'not only' does not negate",
      sentences: ["The Kurdish-led SDF is not only fighting ISIS but also governing Raqqa."],
      expected: [Triple(source: "sdf", type: .attack, target: "isis")]),
    Case(
      id: "a compound modifier is not the object: 'ISIS-held town of X'",
      sentences: ["The army advanced on the ISIS-held town of Mayadin."],
      forbidden: [Triple(source: "syrian-arab-army", type: .attack, target: "isis")]),
    Case(
      id: "'threatened they would not let X' threatens X, not themselves",
      sentences: ["The YPG threatened they would not let Turkish troops enter Manbij."],
      expected: [Triple(source: "ypg", type: .threaten, target: "turkey")]),
    Case(
      id: "a vow to use force is a threat as well as a hypothetical attack",
      sentences: ["Erdogan vowed to crush the YPG east of the Euphrates."],
      expected: [
        Triple(source: "recep-tayyip-erdogan", type: .threaten, target: "ypg", modality: .asserted),
        Triple(source: "recep-tayyip-erdogan", type: .attack, target: "ypg", modality: .hypothetical),
      ]),
    Case(
      id: "'warned X that' threatens, 'urged X to' demands",
      sentences: [
        "Nasrallah warned Israel that any strike on Lebanon would be answered.",
        "Ankara urged Washington to stop arming the YPG.",
      ],
      expected: [
        Triple(source: "hassan-nasrallah", type: .threaten, target: "israel"),
        Triple(source: "turkey", type: .demand, target: "united-states"),
      ],
      forbidden: [Triple(source: "israel", type: .attack, target: "lebanon")]),
    Case(
      id: "'came under fire from X' is X's attack",
      sentences: ["A Russian military police patrol came under fire from HTS near Saraqib."],
      expected: [Triple(source: "hts", type: .attack, target: "russian-military-police")]),
    Case(
      id: "'repelled an X attack' gives attack both ways",
      sentences: ["Kurdish YPG fighters repelled an ISIS attack on Kobani."],
      expected: [
        Triple(source: "ypg", type: .attack, target: "isis"), Triple(source: "isis", type: .attack, target: "ypg"),
      ]),
    Case(
      id: "'they' as subject is the group that opened the previous sentence",
      sentences: ["ISIS fighters overran two villages near Hajin.", "They also ambushed an SDF convoy."],
      expected: [Triple(source: "isis", type: .attack, target: "sdf")]),
    Case(
      id: "a supporter does not take what the supported takes",
      sentences: ["Government forces backed by Russian air strikes retook Palmyra."],
      expected: [
        Triple(source: "syrian-arab-army", type: .capture, target: "palmyra"),
        Triple(source: "russia", type: .support, target: "syrian-arab-army"),
      ],
      forbidden: [Triple(source: "russia", type: .capture, target: "palmyra")]),
    Case(
      id: "a closing report with a speaker attributes; a relative clause does not",
      sentences: [
        "Turkish jets struck Afrin, the Syrian Observatory said.",
        "Jets hit the town in an offensive that Ankara says targets the PKK.",
      ],
      expected: [Triple(source: "turkey", type: .attack, target: "afrin", modality: .alleged)]),
    Case(
      id: "'fired rockets at X' is an attack on X",
      sentences: ["Hezbollah fired rockets at Israeli positions in the Golan."],
      expected: [Triple(source: "hezbollah", type: .attack, target: "israel")]),
    Case(
      id: "'killed in an X strike' names the killer",
      sentences: ["Five PKK fighters were killed in a Turkish drone strike near Sinjar."],
      expected: [Triple(source: "turkey", type: .kill, target: "pkk")]),
    Case(
      id: "parties that reach an agreement cooperate",
      sentences: ["Russia and Turkey reached an agreement on a buffer zone in Idlib."],
      expected: [Triple(source: "russia", type: .cooperate, target: "turkey")]),
    Case(
      id: "exchanged fire with is a clash",
      sentences: ["Turkish troops exchanged fire with the SDF near Tal Abyad."],
      expected: [
        Triple(source: "turkey", type: .attack, target: "sdf"),
        Triple(source: "sdf", type: .attack, target: "turkey"),
      ]),
    Case(
      id: "fire exchanged with a modifier is a clash; exchanged prisoners is none",
      sentences: [
        "Hezbollah and Israel have exchanged near-daily fire since October.",
        "The SDF traded heavy artillery fire with Turkish forces near Manbij.",
        "Egypt and Sudan exchanged prisoners on Sunday.",
      ],
      expected: [
        Triple(source: "hezbollah", type: .attack, target: "israel"),
        Triple(source: "israel", type: .attack, target: "hezbollah"),
        Triple(source: "sdf", type: .attack, target: "turkey"),
        Triple(source: "turkey", type: .attack, target: "sdf"),
      ],
      forbidden: [
        Triple(source: "egypt", type: .attack, target: "sudan"),
        Triple(source: "sudan", type: .attack, target: "egypt"),
      ]),
    Case(
      id: "an appositive name after a described person is the object",
      sentences: ["HTS gunmen killed a local activist, Raed Fares, in Kafranbel."],
      expected: [Triple(source: "hts", type: .kill, target: "raed-fares")]),
    Case(
      id: "'warned X against' demands; no threat or capture against one's own side",
      sentences: ["Moscow warned Ankara against a new offensive.", "Assad vowed to retake every inch of Syria."],
      expected: [Triple(source: "russia", type: .demand, target: "turkey")],
      forbidden: [
        Triple(source: "bashar-al-assad", type: .threaten, target: "syria"),
        Triple(source: "bashar-al-assad", type: .capture, target: "syria"),
      ]),
    Case(
      id: "'denied X and blamed Y' still blames Y",
      sentences: ["Ankara and Tehran denied the reports and blamed the PKK for the bombing."],
      expected: [
        Triple(source: "turkey", type: .accuse, target: "pkk"), Triple(source: "iran", type: .accuse, target: "pkk"),
      ]),
    Case(
      id: "a named operation against X",
      sentences: ["Turkey launched Operation Peace Spring against the SDF in October."],
      expected: [Triple(source: "turkey", type: .attack, target: "sdf")]),
    Case(
      id: "'Syrian rebels' are not Syria",
      sentences: ["Syrian rebels shelled Hezbollah positions in Qusayr."],
      forbidden: [Triple(source: "syria", type: .attack, target: "hezbollah")]),
    Case(
      id: "'X-backed militias' are an armed group, not an army X backs",
      sentences: ["The Syrian army advanced near Mayadin.", "Iranian-backed militias fired rockets at a US base."],
      expected: [Triple(source: "pro-iranian-militias", type: .attack, target: "united-states")],
      forbidden: [Triple(source: "syrian-arab-army", type: .attack, target: "united-states")]),
    Case(
      id: "a vow to retaliate threatens",
      sentences: ["Israel vowed to retaliate against Hezbollah."],
      expected: [Triple(source: "israel", type: .threaten, target: "hezbollah")]),
  ]

  @Test(arguments: cases)
  func phenomenon(_ c: Case) throws {
    let extraction = try ExtractionFixture.extract(c.sentences)
    for t in c.expected {
      let edge = extraction.edge(t.source, t.type, t.target)
      #expect(edge != nil, "expected \(t.source) \(t.type) \(t.target); found \(extraction.edgeSummary)")
      if let modality = t.modality { #expect(edge?.modality == modality, "\(t.source) \(t.type) \(t.target)") }
    }
    for t in c.forbidden {
      #expect(extraction.edge(t.source, t.type, t.target) == nil, "unexpected \(t.source) \(t.type) \(t.target)")
    }
  }
}
