import Foundation
import ScanModel
import Testing

@testable import PDFLayout

/// Every PDF here is built by `TestPDF`; what each hostile one does to poppler 22.12 was measured, and
/// each test states it. Serialized: the bombs each hold a core for seconds, and the machine has two.
@Suite(.serialized)
struct PDFConverterTests {
  static let file = "frameworks/example/document.pdf"

  @Test func convertsATextPage() throws {
    let pdf = TestPDF.text(["Developers should document (and test) their models."])
    let xml = String(decoding: try PDFConverter.positionedText(pdf: pdf, file: Self.file), as: UTF8.self)
    #expect(xml.contains("<pdf2xml"))
    #expect(xml.contains("<page number=\"1\""))
    #expect(xml.contains(">Developers should document (and test) their models.</text>"))
  }

  @Test func writesOnePageElementPerPageAndOneTextPerLine() throws {
    let xml = String(
      decoding: try PDFConverter.positionedText(
        pdf: TestPDF.text(["One", "Two"], pages: 3), file: Self.file),
      as: UTF8.self)
    #expect(xml.ranges(of: "<page number=").count == 3)
    #expect(xml.ranges(of: "<text top=").count == 6)
  }

  struct Refusal: Sendable, CustomTestStringConvertible {
    var name: String
    var pdf: [UInt8]
    var kind: String
    /// What the message must say for the user to know what to do.
    var advice: [String]
    var testDescription: String { name }
  }

  /// Refused from the bytes alone: no process runs, which the missing tools prove (they would be
  /// reported first otherwise).
  static let refusedBeforeRunning = [
    Refusal(
      name: "empty file", pdf: [], kind: "empty", advice: ["empty (0 bytes)", "fetch the document again"]),
    Refusal(
      name: "HTML bytes", pdf: Array("<!DOCTYPE html><html><body><p>Hello</p></body></html>".utf8),
      kind: "notPDF", advice: ["not a PDF", "%PDF-", "<!DOCTYPE html>", "document.format"]),
    Refusal(
      name: "PDF header after 1024 bytes", pdf: Array(repeating: 0x20, count: 1024) + TestPDF.text(["Hi"]),
      kind: "notPDF", advice: ["not a PDF"]),
  ]

  @Test(arguments: refusedBeforeRunning)
  func refusesBeforeRunningAnything(_ refusal: Refusal) {
    let failure = #expect(throws: PDFConversionFailure.self) {
      try PDFConverter.convert(refusal.pdf, limits: .default, searchPath: "/nonexistent")
    }
    #expect(failure?.kind == refusal.kind)
    expectMessage(for: refusal)
  }

  /// What poppler 22.12 says about each, measured: a cut-off file loses its trailer and xref and
  /// cannot be rebuilt; the security handler with an unknown user password gives "Incorrect password";
  /// a /Count above the number of objects is refused outright.
  static let refusedByPoppler = [
    Refusal(
      name: "truncated (the first half of a valid PDF)", pdf: firstHalf(of: TestPDF.text(["Hi"])),
      kind: "damaged", advice: ["damaged or truncated", "Couldn't find trailer dictionary", "fetch it again"]),
    Refusal(
      name: "encrypted with a user password", pdf: TestPDF.encrypted, kind: "encrypted",
      advice: ["needs a password", "unencrypted copy", "qpdf --decrypt"]),
    Refusal(
      name: "image only", pdf: TestPDF.imageOnly, kind: "noText",
      advice: ["1 page has a text layer", "OCR", "ocrmypdf \(file)"]),
    Refusal(
      name: "a page that draws nothing", pdf: TestPDF.blankPage, kind: "noText", advice: ["ocrmypdf"]),
    Refusal(
      name: "page tree /Count of two billion", pdf: TestPDF.hugeCount(2_000_000_000), kind: "damaged",
      advice: ["Page count (2000000000) larger than number of objects"]),
  ]

  static func firstHalf(of bytes: [UInt8]) -> [UInt8] {
    Array(bytes.prefix(bytes.count / 2))
  }

  @Test(arguments: refusedByPoppler)
  func refusesWithPopplersReason(_ refusal: Refusal) {
    let failure = #expect(throws: PDFConversionFailure.self) {
      try PDFConverter.convert(refusal.pdf, limits: .default)
    }
    #expect(failure?.kind == refusal.kind)
    expectMessage(for: refusal)
  }

  struct Bomb: Sendable, CustomTestStringConvertible {
    var name: String
    var pdf: @Sendable () -> [UInt8]
    var limits: PDFConversionLimits
    var kind: String
    var advice: [String]
    var testDescription: String { name }
  }

  /// Measured without limits: the 16 MiB bomb (a 150 KB file) holds pdftohtml for 13 s at 390 MB, and
  /// the shared-kids page bomb (14 KB) writes 170 MB of XML in 20 s and goes on; small limits stop each.
  /// The clock's case must not depend on the machine's speed: the decompression bomb finished within
  /// 2 s on a quiet machine, while the page bomb's million pages take minutes on any machine and stay
  /// under the default output limit for far longer than a second.
  static let bombs = [
    Bomb(
      name: "a million pages through shared Kids against the clock",
      pdf: { TestPDF.sharedKidsPageBomb(fanOut: 1000) },
      limits: PDFConversionLimits(seconds: 1), kind: "timeLimit",
      advice: ["stopped after 1 s", "time limit", "`pdf.seconds`"]),
    Bomb(
      name: "decompression bomb against memory",
      pdf: { TestPDF.decompressionBomb(inflatedBytes: 16 << 20) },
      limits: PDFConversionLimits(seconds: 120, memoryBytes: 96 << 20), kind: "memoryLimit",
      advice: ["ran out of memory", "96 MiB", "`pdf.memoryMiB`"]),
    Bomb(
      name: "a plain page under a memory limit too small for pdftohtml to load its libraries",
      pdf: { TestPDF.text(["Hi"]) }, limits: PDFConversionLimits(memoryBytes: 16 << 20), kind: "memoryLimit",
      advice: ["ran out of memory", "16 MiB"]),
    Bomb(
      name: "a million pages through shared Kids against the output limit",
      pdf: { TestPDF.sharedKidsPageBomb(fanOut: 1000) },
      limits: PDFConversionLimits(seconds: 120, outputBytes: 1 << 20), kind: "outputLimit",
      advice: ["more than 1 MiB", "output limit", "`pdf.outputMiB`"]),
  ]

  @Test(arguments: bombs)
  func stopsABombAtItsLimit(_ bomb: Bomb) {
    let failure = #expect(throws: PDFConversionFailure.self) {
      try PDFConverter.convert(bomb.pdf(), limits: bomb.limits)
    }
    #expect(failure?.kind == bomb.kind)
    let message = failure?.message(file: Self.file) ?? ""
    for advice in bomb.advice { #expect(message.contains(advice)) }
  }

  struct Survivor: Sendable, CustomTestStringConvertible {
    var name: String
    var pdf: @Sendable () -> [UInt8]
    var pages: Int
    var testDescription: String { name }
  }

  /// poppler copes with these itself, measured: it stops parsing nested objects at a fixed depth
  /// ("Dictionary key must be a name object" and converts the page), and notices the page tree's loop
  /// ("Loop in Pages tree") and keeps the one real page. The result must be the bounded, ordinary one.
  static let survivors = [
    Survivor(name: "arrays nested 100,000 deep", pdf: { TestPDF.deepNesting(depth: 100_000) }, pages: 1),
    Survivor(name: "a page tree whose kid is its own root", pdf: { TestPDF.pageTreeLoop }, pages: 1),
  ]

  @Test(arguments: survivors)
  func survivesWhatPopplerHandles(_ survivor: Survivor) throws {
    let limits = PDFConversionLimits(seconds: 30, memoryBytes: 256 << 20, outputBytes: 1 << 20)
    let xml = String(decoding: try PDFConverter.convert(survivor.pdf(), limits: limits), as: UTF8.self)
    #expect(xml.ranges(of: "<page number=").count == survivor.pages)
    #expect(xml.contains(">Hi</text>"))
  }

  @Test func namesTheMissingConverterAndHowToInstallIt() {
    let failure = #expect(throws: PDFConversionFailure.self) {
      try PDFConverter.convert(TestPDF.text(["Hi"]), limits: .default, searchPath: "/nonexistent")
    }
    #expect(failure == .converterMissing)
    let message = failure?.message(file: Self.file) ?? ""
    #expect(message.contains("scripts/setup"))
    #expect(message.contains("apt-get install poppler-utils"))
  }

  @Test func namesTheMissingLimiter() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("evscan-tools-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let converter = try #require(PopplerTools.locate(searchPath: nil).converter)
    try FileManager.default.createSymbolicLink(
      atPath: folder.appendingPathComponent("pdftohtml").path, withDestinationPath: converter)
    let failure = #expect(throws: PDFConversionFailure.self) {
      try PDFConverter.convert(TestPDF.text(["Hi"]), limits: .default, searchPath: folder.path)
    }
    #expect(failure == .limiterMissing)
  }

  /// Through the public API, the error is an InputError that names the file.
  private func expectMessage(for refusal: Refusal, sourceLocation: Testing.SourceLocation = #_sourceLocation)
  {
    let error = #expect(throws: InputError.self, sourceLocation: sourceLocation) {
      try PDFConverter.positionedText(pdf: refusal.pdf, file: Self.file)
    }
    #expect(error?.location.file == Self.file, sourceLocation: sourceLocation)
    for advice in refusal.advice {
      #expect(error?.message.contains(advice) == true, "\(advice)", sourceLocation: sourceLocation)
    }
  }
}

extension PDFConversionFailure {
  /// The case's name, so that parameterised tests can expect a case without its payload.
  var kind: String {
    String(String(describing: self).prefix { $0.isLetter })
  }
}
