import KGModel
import Testing

@testable import KGRender

@Suite struct DOTWriterTests {
  @Test func wholeSmallGraph() {
    let dot = DOTWriter().write(SampleGraphs.small())
    assertGolden(dot, named: "wholeSmallGraph")
    for svg in assertParses(dot) {
      // 5 entities + the legend; 4 lines, because edges 1 and 2 are merged.
      #expect(
        svg.nodeIDs.sorted() == ["e-isis", "e-russia", "e-syria", "e-syrian-arab-army", "e-tiger-forces", "legend"])
      #expect(svg.edgeIDs.sorted() == ["r1", "r3", "r4", "r5"])
    }
  }

  @Test func clusteredByPartOf() {
    let dot = DOTWriter(clusterByPartOf: true, legend: false).write(SampleGraphs.small())
    assertGolden(dot, named: "clusteredByPartOf")
    #expect(dot.contains("subgraph \"cluster_syria\""))
    #expect(dot.contains("subgraph \"cluster_syrian-arab-army\""))
    for svg in assertParses(dot) {
      #expect(svg.nodeIDs.count == 5)
      #expect(svg.edgeIDs.count == 4)
    }
  }

  @Test func focusOnOneEntity() {
    var graph = SampleGraphs.small()
    graph.edges = graph.edges.filter { $0.source == "isis" || $0.target == "isis" }
    let dot = DOTWriter(scope: .focus(entity: "isis"), title: "ISIS within 1 hop").write(graph)
    assertGolden(dot, named: "focusOnOneEntity")
    #expect(dot.contains("\"isis\" [id=\"e-isis\"") && dot.contains("peripheries=2"))
    assertParses(dot)
  }

  @Test func focusWithoutEdgesDrawsTheEntity() {
    var graph = SampleGraphs.small()
    graph.edges = []
    let dot = DOTWriter(scope: .focus(entity: "syria")).write(graph)
    #expect(dot.contains("\"syria\" [id=\"e-syria\""))
    for svg in assertParses(dot) { #expect(svg.nodeIDs.count == 2 && svg.edgeIDs.isEmpty) }
  }

  @Test func highlightedPath() {
    let dot = DOTWriter(scope: .paths([[5, 1]]), legend: false).write(SampleGraphs.small())
    assertGolden(dot, named: "highlightedPath")
    for svg in assertParses(dot) {
      #expect(svg.nodeIDs.sorted() == ["e-isis", "e-russia", "e-syrian-arab-army"])
      #expect(svg.edgeIDs.sorted() == ["r1", "r5"])
    }
  }

  @Test func pathEndsAreTheOuterEntities() {
    let g = SampleGraphs.small()
    let byID = Dictionary(uniqueKeysWithValues: g.edges.map { ($0.id, $0) })
    #expect(DOTWriter.ends(of: [byID[5]!, byID[1]!]) == ["russia", "isis"])
    #expect(DOTWriter.ends(of: [byID[1]!, byID[5]!]) == ["isis", "russia"])
    #expect(DOTWriter.ends(of: [byID[3]!]) == ["russia", "syria"])
    #expect(DOTWriter.ends(of: []) == [])
  }

  @Test func awkwardNamesAndQuotes() {
    let dot = DOTWriter().write(SampleGraphs.awkward())
    assertGolden(dot, named: "awkwardNamesAndQuotes")
    for svg in assertParses(dot) {
      #expect(svg.texts.contains("The \"Quoted\" Front"))
      #expect(svg.texts.contains("Back\\slash <Brigade> & Co"))
      #expect(svg.texts.contains("جبهة النصرة"))
      #expect(svg.texts.contains("Forces armées d’Élite"))
      #expect(
        svg.tooltips.contains {
          $0.contains("“They said: \"C:\\Temp\\N is <ours>\" & left.\nSecond line with tab bell.”")
        })
      #expect(svg.tooltips.contains { $0.contains("also: Front \\N alias") })
      #expect(svg.tooltips.contains { $0.contains("— dir \"x\"/a.txt, sentence 1") })
      #expect(svg.edgeIDs.sorted() == ["r7", "r8"])
    }
  }

  @Test func emptyGraphIsValid() {
    let dot = DOTWriter().write(KnowledgeGraph())
    #expect(
      dot == """
        digraph "kg" {
          graph [rankdir=LR, overlap=false, splines=true, fontname="Helvetica"];
          node [style=filled, fontname="Helvetica", fontsize=10];
          edge [fontname="Helvetica", fontsize=8, arrowsize=0.7];
        }

        """)
    for svg in assertParses(dot) { #expect(svg.nodeIDs.isEmpty && svg.edgeIDs.isEmpty) }
  }

  @Test func endpointMissingFromEntitiesIsStillDrawn() {
    let graph = KnowledgeGraph(edges: [
      SampleGraphs.edge(9, "ghost", .kill, "isis", [SampleGraphs.evidence("a.txt", 0, "x")])
    ])
    let dot = DOTWriter(legend: false).write(graph)
    #expect(dot.contains("\"ghost\" [id=\"e-ghost\", label=\"ghost\""))
    for svg in assertParses(dot) { #expect(svg.nodeIDs.count == 2 && svg.edgeIDs.sorted() == ["r9"]) }
  }
}

@Suite struct EdgeBundleTests {
  @Test func parallelsOfOneTypeMergeStrongestFirst() {
    let bundles = EdgeBundle.group(SampleGraphs.small().edges)
    #expect(bundles.map(\.drawingID) == ["r1", "r3", "r4", "r5"])
    let merged = bundles[0]
    #expect(merged.edges.map(\.id) == [1, 2])
    #expect(merged.modality == .asserted)
    #expect(merged.documentCount == 2)
    #expect(merged.statementCount == 3)
    #expect(merged.strongestEvidence?.quote == "The SAA attacked ISIS near Deir Ezzor.")
  }

  @Test func oppositeDirectionsAndOtherTypesStayApart() {
    let p = [SampleGraphs.evidence("a.txt", 0, "q")]
    let edges = [
      SampleGraphs.edge(1, "a", .attack, "b", p), SampleGraphs.edge(2, "b", .attack, "a", p),
      SampleGraphs.edge(3, "a", .kill, "b", p), SampleGraphs.edge(4, "a", .attack, "b", .hypothetical, p),
    ]
    #expect(EdgeBundle.group(edges).map { $0.edges.map(\.id) } == [[1, 4], [2], [3]])
  }

  @Test(arguments: [(0, 1), (1, 1), (2, 2), (5, 5), (40, 5)])
  func penWidthGrowsWithDocuments(documents: Int, width: Int) {
    #expect(DOTStyle.penWidth(documents: documents) == width)
  }
}

@Suite struct ClusterLayoutTests {
  @Test func nestsByPartOfAndBoxesUndrawnParents() {
    let entities = SampleGraphs.small().entityIndex
    let layout = ClusterLayout(nodes: ["isis", "tiger-forces"], entities: entities)
    #expect(layout.looseNodes == ["isis"])
    #expect(layout.rootClusters == ["syria"])
    #expect(layout.children["syria"] == ["syrian-arab-army"])
    #expect(layout.members["syrian-arab-army"] == ["tiger-forces"])
  }

  @Test func aPartOfCycleIsCut() {
    let entities = Dictionary(
      uniqueKeysWithValues: [
        Entity(id: "a", name: "A", kind: .armedGroup, partOf: "b"),
        Entity(id: "b", name: "B", kind: .armedGroup, partOf: "a"),
        Entity(id: "c", name: "C", kind: .armedGroup, partOf: "c"),
      ].map { ($0.id, $0) })
    let layout = ClusterLayout(nodes: ["a", "b", "c"], entities: entities)
    let dot = layout.dot(indent: "  ") { id, indent in "\(indent)\"\(id)\";\n" }
    #expect(dot.components(separatedBy: "\"a\";").count == 2)
    #expect(dot.components(separatedBy: "\"b\";").count == 2)
    #expect(layout.looseNodes == ["c"])
    assertParses("digraph g {\n" + dot + "}\n")
  }
}

@Suite struct LargeDrawingTests {
  @Test func largeDrawingsBoundTheLayoutEffort() {
    let p = [SampleGraphs.evidence("a.txt", 0, "q")]
    let edges = (1...6).map { SampleGraphs.edge(Int64($0), "a", .attack, "n\($0)", p) }
    var writer = DOTWriter(legend: false)
    writer.largeDrawing = 5
    let dot = writer.write(KnowledgeGraph(edges: edges))
    #expect(dot.contains("splines=line, mclimit=0.01"))
    writer.largeDrawing = 6
    #expect(writer.write(KnowledgeGraph(edges: edges)).contains("splines=true"))
  }
}
