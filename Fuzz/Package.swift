// swift-tools-version: 6.0
import PackageDescription

// One libFuzzer executable per entry point of the root package's FuzzTargets, which holds their bodies so
// that `swift test` replays the same code (RobustnessTests). Build and run them with scripts/fuzz, which
// passes -sanitize=fuzzer,address to every target, dependencies included (a manifest cannot).
let entryPoints = [
  "html", "xml", "latexml", "govuk", "eu-code-of-practice", "nist-actions", "leginfo", "tei", "generic",
]

let package = Package(
  name: "EvidenceScanFuzz",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(name: "EvidenceScan", path: "..")
  ],
  targets: [
    .target(name: "LibFuzzerDriver"),
    .target(
      name: "FuzzDriver",
      dependencies: ["LibFuzzerDriver", .product(name: "FuzzTargets", package: "EvidenceScan")]),
  ]
    + entryPoints.map { name in
      .executableTarget(
        name: "fuzz-\(name)",
        dependencies: ["FuzzDriver", .product(name: "FuzzTargets", package: "EvidenceScan")],
        path: "Sources/fuzz-\(name)")
    }
)
