// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "EvidenceScan",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "evscan", targets: ["evscan"]),
    // For the libFuzzer package in Fuzz/, which can only reach this package's code through a product.
    .library(name: "FuzzTargets", targets: ["FuzzTargets"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
  ],
  targets: [
    // What several test targets need, written once: the package's paths, temporary folders, sample statements.
    .target(name: "TestSupport", dependencies: ["ScanModel"], path: "Tests/TestSupport"),
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),
    .target(name: "Markup", dependencies: ["CLibXML2"]),
    .target(name: "ScanModel"),
    .target(name: "StrictYAML", dependencies: ["ScanModel", .product(name: "Yams", package: "Yams")]),
    .target(name: "TextAnalysis"),
    // Helpers more than one stage needs: work shared across cores, rounding of written figures.
    .target(name: "Utilities"),
    .target(name: "CFileSystem"),
    .target(name: "CSVInput", dependencies: ["ScanModel", .product(name: "CSV", package: "CSV.swift")]),
    .target(name: "ContentHash", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
    .target(
      name: "Taxonomy",
      dependencies: ["ScanModel", "StrictYAML", "ContentHash", .product(name: "Yams", package: "Yams")]),
    .target(name: "PDFLayout", dependencies: ["Markup", "ScanModel"]),
    .target(
      name: "Extraction", dependencies: ["Markup", "PDFLayout", "ScanModel", "StrictYAML", "ContentHash"]),
    // The only module that opens network connections: `evscan fetch` and its downloader.
    .target(
      name: "Retrieval",
      dependencies: [
        "Extraction", "PDFLayout", "ScanModel", "StrictYAML", "ContentHash",
        .product(name: "Yams", package: "Yams"),
      ]),
    .target(
      name: "Normalization",
      dependencies: [
        "ScanModel", "TextAnalysis", "Taxonomy", "ContentHash", "CSVInput", "Utilities",
      ]),
    // Between extraction and coding: which units are mitigation statements, with reasons.
    .target(name: "Screening", dependencies: ["ScanModel", "TextAnalysis", "Utilities"]),
    .target(
      name: "Deduplication",
      dependencies: ["ScanModel", "TextAnalysis", "StrictYAML", "ContentHash", "CSVInput", "Utilities"]),
    .target(
      name: "Snapshot",
      dependencies: [
        "ScanModel", "ContentHash", "Utilities", .product(name: "GRDB", package: "GRDB.swift"),
        // SQLite's own C interface, for `sqlite3_serialize`, which GRDB does not wrap.
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ]),
    // The snapshot as a static website (`evscan site`).
    .target(name: "Site", dependencies: ["ScanModel", "Snapshot"]),
    .target(
      name: "Review",
      dependencies: [
        "ScanModel", "Deduplication", "Normalization", "Taxonomy", "CSVInput", "ContentHash", "Utilities",
      ]),
    .target(
      name: "Pipeline",
      dependencies: [
        "ScanModel", "Markup", "Extraction", "Taxonomy", "Normalization", "Screening", "Deduplication",
        "Snapshot", "ContentHash", "StrictYAML", "CSVInput", "CFileSystem", "Site", "Utilities",
      ]),
    .executableTarget(
      name: "evscan",
      dependencies: [
        "ScanModel", "Extraction", "Taxonomy", "Normalization", "Screening", "Deduplication", "Snapshot",
        "Pipeline", "Retrieval", "Review", "Site", "CSVInput", "ContentHash",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .target(name: "FuzzTargets", dependencies: ["Markup", "Extraction", "ScanModel"]),
    .executableTarget(
      name: "evscan-bench",
      dependencies: [
        "Markup", "ScanModel", "Extraction", "Taxonomy", "Normalization", "Snapshot", "Site",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(
      name: "MarkupTests", dependencies: ["TestSupport", "Markup", "ContentHash"],
      resources: [.copy("Fixtures")]),
    .testTarget(name: "ScanModelTests", dependencies: ["ScanModel"]),
    .testTarget(name: "PDFLayoutTests", dependencies: ["PDFLayout", "Markup", "ScanModel"]),
    .testTarget(
      name: "ExtractionTests",
      dependencies: [
        "TestSupport", "Extraction", "Markup", "ScanModel", .product(name: "Yams", package: "Yams"),
      ],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "TaxonomyTests", dependencies: ["TestSupport", "Taxonomy", "ScanModel"], exclude: ["Fixtures"]),
    .testTarget(
      name: "NormalizationTests",
      dependencies: ["TestSupport", "Normalization", "Taxonomy", "ScanModel"],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "DeduplicationTests",
      dependencies: ["ContentHash", "TestSupport", "Deduplication", "TextAnalysis", "ScanModel"],
      resources: [.copy("Fixtures")]),
    .testTarget(
      name: "SnapshotTests",
      dependencies: [
        "TestSupport",
        "Snapshot", "ScanModel", .product(name: "GRDB", package: "GRDB.swift"),
        // The writers' oracle: the library the delimited-text writer replaced.
        .product(name: "CSV", package: "CSV.swift"),
      ],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "PipelineTests", dependencies: ["TestSupport", "Pipeline", "ScanModel", "Taxonomy"],
      resources: [.copy("Fixtures")]),
    .testTarget(
      name: "RobustnessTests",
      dependencies: [
        "ContentHash", "TestSupport", "FuzzTargets", "Markup", "Extraction", "Pipeline", "Snapshot",
        "ScanModel", "evscan",
      ],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "EndToEndTests", dependencies: ["TestSupport", "Snapshot", "ScanModel", "evscan"],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "RetrievalTests",
      dependencies: ["TestSupport", "Retrieval", "Extraction", "ScanModel", "ContentHash"],
      exclude: ["Fixtures"]),
    .testTarget(name: "CSVInputTests", dependencies: ["CSVInput", "ScanModel"]),
    .testTarget(name: "StrictYAMLTests", dependencies: ["StrictYAML", "ScanModel"]),
    .testTarget(name: "ContentHashTests", dependencies: ["ContentHash"]),
    .testTarget(
      name: "ReviewTests", dependencies: ["TestSupport", "Review", "Deduplication", "CSVInput", "ScanModel"]),
    .testTarget(
      name: "ScreeningTests", dependencies: ["TestSupport", "Screening", "Extraction", "ScanModel"]),
    .testTarget(name: "SiteTests", dependencies: ["TestSupport", "Site", "Snapshot", "ScanModel"]),
    .testTarget(name: "TextAnalysisTests", dependencies: ["TextAnalysis"], resources: [.copy("Fixtures")]),
    .testTarget(
      name: "evscanTests", dependencies: ["TestSupport", "evscan", "Deduplication", "Snapshot", "ScanModel"]),
  ]
)
