// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "EvidenceScan",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "evscan", targets: ["evscan"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
  ],
  targets: [
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),
    .target(name: "Markup", dependencies: ["CLibXML2"]),
    .target(name: "ScanModel"),
    .executableTarget(
      name: "evscan",
      dependencies: [
        "Markup", "ScanModel",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "MarkupTests", dependencies: ["Markup"], resources: [.copy("Fixtures")]),
    .testTarget(name: "ScanModelTests", dependencies: ["ScanModel"]),
  ]
)
