// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [
  .enableUpcomingFeature("InternalImportsByDefault"),
  .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
  name: "kg",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "kg", targets: ["KGCLI"]),
    .executable(name: "kg-bench", targets: ["KGBench"]),
    .executable(name: "kg-language-bench", targets: ["KGLanguageBench"]),
    .library(name: "KGPipeline", targets: ["KGPipeline"]),
  ],
  traits: [
    .trait(name: "Graphviz", description: "In-process SVG through libgraphviz (apt: libgraphviz-dev)."),
    .default(enabledTraits: []),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
  ],
  targets: [
    // Model
    .target(name: "KGModel", swiftSettings: strict),

    // Stages: each sees KGModel and at most one third-party library
    .target(name: "KGIngest", dependencies: ["KGModel"], swiftSettings: strict),
    // Tags, chunks and clauses of a sentence (Brill lexicon and rules from textblob, MIT).
    .target(
      name: "KGLanguage", dependencies: ["KGModel"], resources: [.copy("Resources/Language")],
      swiftSettings: strict),
    .target(
      name: "KGExtract",
      // KGLanguage is the project's own language layer (tags, chunks, clauses, roles), not a stage.
      dependencies: ["KGModel", "KGLanguage", .product(name: "Yams", package: "Yams")],
      resources: [.copy("Resources/Dictionaries")],
      swiftSettings: strict),
    .target(
      name: "KGStore",
      dependencies: [
        "KGModel", .product(name: "GRDB", package: "GRDB.swift"),
        // GRDB's own SQLite module, for binding bulk rows through the C API (one outside library).
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ],
      swiftSettings: strict),
    .target(
      name: "KGQuery",
      dependencies: [
        "KGModel",
        .product(name: "DequeModule", package: "swift-collections"),
        .product(name: "HeapModule", package: "swift-collections"),
      ],
      swiftSettings: strict),
    .target(
      name: "KGRender",
      dependencies: ["KGModel", .target(name: "CGraphviz", condition: .when(traits: ["Graphviz"]))],
      swiftSettings: strict),
    .systemLibrary(name: "CGraphviz", pkgConfig: "libgvc", providers: [.apt(["libgraphviz-dev"])]),
    // The viewer's HTTP layer (`kg serve`): routes, the page and the JSON API over a protocol
    // that KGPipeline implements, so it sees no other stage.
    .target(
      name: "KGServe",
      dependencies: ["KGModel", .product(name: "Hummingbird", package: "hummingbird")],
      resources: [.copy("Resources/Viewer")],
      swiftSettings: strict),

    // Composition
    .target(
      name: "KGPipeline",
      dependencies: ["KGModel", "KGIngest", "KGExtract", "KGStore", "KGQuery", "KGRender", "KGServe"],
      swiftSettings: strict),

    // Executables
    .executableTarget(
      name: "KGCLI",
      dependencies: ["KGPipeline", .product(name: "ArgumentParser", package: "swift-argument-parser")],
      swiftSettings: strict),
    .executableTarget(name: "KGBench", dependencies: ["KGPipeline"], swiftSettings: strict),
    // The language layer's speed on its own (scripts/bench-language); needs only KGLanguage.
    .executableTarget(name: "KGLanguageBench", dependencies: ["KGLanguage"], swiftSettings: strict),
    // In-process SVG against a `dot` subprocess (scripts/bench-render); needs only KGRender.
    .executableTarget(name: "KGRenderBench", dependencies: ["KGModel", "KGRender"], swiftSettings: strict),

    // Tests
    .target(name: "KGTestSupport", dependencies: ["KGModel"], path: "Tests/KGTestSupport", swiftSettings: strict),
    .testTarget(name: "KGModelTests", dependencies: ["KGModel", "KGTestSupport"]),
    .testTarget(name: "KGIngestTests", dependencies: ["KGIngest", "KGTestSupport"]),
    .testTarget(
      name: "KGLanguageTests", dependencies: ["KGLanguage", "KGTestSupport"], resources: [.copy("Goldens")]),
    .testTarget(name: "KGExtractTests", dependencies: ["KGExtract", "KGTestSupport"]),
    .testTarget(name: "KGStoreTests", dependencies: ["KGStore", "KGTestSupport"]),
    .testTarget(name: "KGQueryTests", dependencies: ["KGQuery", "KGTestSupport"]),
    .testTarget(name: "KGRenderTests", dependencies: ["KGRender", "KGTestSupport"], exclude: ["Goldens"]),
    .testTarget(
      name: "KGServeTests",
      dependencies: [
        "KGServe", "KGModel", "KGTestSupport", .product(name: "HummingbirdTesting", package: "hummingbird"),
      ]),
    .testTarget(
      name: "KGPipelineTests",
      dependencies: ["KGPipeline", "KGTestSupport", .product(name: "HummingbirdTesting", package: "hummingbird")]),
    .testTarget(name: "KGCLITests", dependencies: ["KGCLI", "KGPipeline", "KGTestSupport"]),
  ]
)
