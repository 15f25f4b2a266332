import Extraction
import Foundation
import FuzzTargets
import Markup
import ScanModel
import TestSupport
import Testing

/// Documents built to crash a parser, exhaust memory or garble text. Each must end in a clear error or a
/// recorded warning, never a crash, and its memory must stay bounded (measured in a child process).
@Suite("Hostile documents", .serialized)
struct HostileDocumentTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var format: MarkupFormat
    var make: @Sendable () -> [UInt8]
    /// Words the error must contain; nil when the document must be accepted.
    var refusal: [String]?
    /// Words one of the warnings must contain, when accepted.
    var warning: [String] = []
    var statements: Int?
    /// Text that must come through intact (no mojibake, no NUL).
    var texts: [String] = []
    /// libxml2 reads the rest of a UTF-8 document as Latin-1 after a bad byte; the warning says so.
    var mayGarbleAfterWarning = false
    var testDescription: String { name }

    var preset: String { format == .xml ? "tei" : "generic" }
  }

  static let cases: [Case] = [
    Case(
      name: "HTML nested 100,000 elements deep", format: .html, make: HostileDocuments.deepHTML,
      refusal: ["256 levels", "refused"]),
    Case(
      name: "XML nested 100,000 elements deep", format: .xml, make: HostileDocuments.deepXML,
      refusal: ["256 levels", "refused"]),
    Case(
      name: "NUL bytes in the text", format: .html, make: HostileDocuments.nulBytes, refusal: nil,
      warning: ["NUL"], statements: 5, texts: ["Statement 3: Providers should document every evaluation"]),
    Case(
      name: "UTF-8 with a Latin-1 byte", format: .html, make: HostileDocuments.mixedUTF8AndLatin1,
      refusal: nil, warning: ["not UTF-8", "may be garbled"], statements: 4,
      texts: ["Statement 1: Café owners", "Statement 3: Café owners"], mayGarbleAfterWarning: true),
    Case(
      name: "a byte the declared charset does not define", format: .html,
      make: HostileDocuments.undefinedByteForCharset, refusal: ["0x81", "would be lost", "refused"]),
    Case(
      name: "UTF-8 byte-order mark against a Latin-1 meta charset", format: .html,
      make: HostileDocuments.bomContradictingMeta, refusal: nil, statements: 2,
      texts: ["Café owners", "naïve providers", "evaluation — always"]),
    Case(
      name: "UTF-16 byte-order mark against a UTF-8 meta charset", format: .html,
      make: HostileDocuments.utf16BOMContradictingMeta, refusal: nil, statements: 1, texts: ["Café owners"]),
    Case(
      name: "HTML truncated inside a tag", format: .html, make: HostileDocuments.truncatedHTML, refusal: nil,
      warning: ["Start Tag"], statements: 3),
    Case(
      name: "XML truncated inside a tag", format: .xml, make: HostileDocuments.truncatedXML,
      refusal: [":6:", "Start Tag"]),
    Case(name: "PDF given as HTML", format: .html, make: HostileDocuments.pdf, refusal: ["PDF"]),
    Case(
      name: "PDF after blank lines given as HTML", format: .html, make: HostileDocuments.pdfAfterJunk,
      refusal: ["PDF"]),
    Case(name: "ZIP given as HTML", format: .html, make: HostileDocuments.zip, refusal: ["ZIP"]),
    Case(name: "ZIP given as XML", format: .xml, make: HostileDocuments.zip, refusal: ["ZIP"]),
  ]

  @Test("a hostile document ends in a clear error or a recorded warning", arguments: cases)
  func clearOutcome(_ testCase: Case) throws {
    let bytes = testCase.make()
    let recipe = try CompiledRecipe(Recipe(preset: testCase.preset), file: "hostile/framework.yaml")
    let extractor = Extractor(framework: "hostile", recipe: recipe, format: testCase.format)
    let file = "hostile/document.\(testCase.format.rawValue)"
    do {
      let result = try extractor.extract(bytes, file: file, sha256: String(repeating: "0", count: 64))
      #expect(testCase.refusal == nil, "\(testCase.name) was accepted")
      #expect(FuzzEntry.accountingViolations(result).isEmpty)
      if let expected = testCase.statements {
        #expect(result.statements.count == expected, "\(result.statements.map(\.text))")
      }
      for words in testCase.warning {
        #expect(result.warnings.contains { $0.message.contains(words) }, "no warning says \(words)")
      }
      #expect(result.warnings.allSatisfy { $0.location.file == file })
      for text in testCase.texts {
        #expect(result.statements.contains { $0.text.contains(text) }, "\(result.statements.map(\.text))")
      }
      #expect(result.statements.allSatisfy { !$0.text.contains("\u{0}") })
      if !testCase.mayGarbleAfterWarning {
        #expect(result.statements.allSatisfy { !$0.text.contains("Ã") }, "\(result.statements.map(\.text))")
      }
    } catch let error as InputError {
      let message = error.description
      let words = try #require(testCase.refusal, "\(testCase.name) was refused: \(message)")
      #expect(message.hasPrefix(file), "the error names the file: \(message)")
      for word in words {
        #expect(message.contains(word), "\(message)")
      }
    }
  }

  @Test func oversizedDocumentIsRefusedBeforeItIsRead() throws {
    let folder = try TemporaryFolder("oversized")
    let directory = try FrameworkFixture.write(
      in: folder.url, slug: "oversized", sparseSize: 200 << 20, format: "html", preset: "generic",
      logs: folder.url)
    #expect {
      _ = try FrameworkFolder(directory: directory)
    } throws: { error in
      let message = "\(error)"
      return message.contains("209715200 bytes") && message.contains("over the limit of 67108864 bytes")
        && message.contains("document.file") && message.contains("not read")
    }
  }

  @Test func specialFilesAreRefusedWithoutBeingRead() throws {
    let folder = try TemporaryFolder("special")
    let fifo = folder.path("pipe.html").path
    #expect(mkfifo(fifo, 0o644) == 0)
    #expect(throws: InputError.self) {
      _ = try DocumentFile.read(fifo, file: fifo)
    }
    #expect(throws: InputError.self) {
      _ = try DocumentFile.read("/dev/zero", file: "/dev/zero")
    }
    let small = folder.path("small.html")
    try Data("<p>twelve bytes</p>".utf8).write(to: small)
    #expect(try DocumentFile.read(small.path, limit: 19, file: "m") == Array("<p>twelve bytes</p>".utf8))
    #expect(throws: InputError.self) {
      _ = try DocumentFile.read(small.path, limit: 18, file: "m")
    }
  }

  // MARK: Peak memory, measured in a child process running `evscan check-framework`

  struct MemoryCase: CustomTestStringConvertible, Sendable {
    var name: String
    var format: String
    var make: @Sendable () -> [UInt8]
    var sparseSize: Int?
    /// Words the error must contain, or nil when the check must pass.
    var refusal: [String]?
    /// What the document costs above the baseline: the bytes that are read, times a factor for the copies
    /// (file, screening, libxml2's tree, flattened text) a parse makes.
    var allowanceMiB: Int
    var testDescription: String { name }
  }

  static let memoryCases: [MemoryCase] =
    cases.map {
      MemoryCase(
        name: $0.name, format: $0.format.rawValue, make: $0.make, refusal: $0.refusal, allowanceMiB: 32)
    } + [
      MemoryCase(
        name: "a 200 MiB document", format: "html", make: { [] }, sparseSize: 200 << 20,
        refusal: ["over the limit", "not read"], allowanceMiB: 16),
      MemoryCase(
        name: "one 50 MiB text node in HTML", format: "html",
        make: { HostileDocuments.hugeTextNode(mebibytes: 50, format: "html") },
        refusal: ["10,000,000 bytes", "refused"], allowanceMiB: 10 * 50),
      // Quadratic work shows as time, which no test asserts on: at this size it would take minutes.
      MemoryCase(
        name: "50,000 sibling units", format: "html", make: { HostileDocuments.wideList(count: 50_000) },
        refusal: nil, allowanceMiB: 256),
      MemoryCase(
        name: "one 50 MiB text node in XML", format: "xml",
        make: { HostileDocuments.hugeTextNode(mebibytes: 50, format: "xml") }, refusal: nil,
        allowanceMiB: 10 * 50),
    ]

  /// What `check-framework` needs for a tiny document: the floor the other peaks are measured from.
  static func baselineKiB(evscan: URL, folder: TemporaryFolder) throws -> Int {
    let directory = try FrameworkFixture.write(
      in: folder.url, slug: "baseline", document: HostileDocuments.html("<ul>\(HostileDocuments.units)</ul>"),
      format: "html", preset: "generic", logs: folder.url)
    let result = try ChildProcess.run(evscan, ["check-framework", directory.path], logs: folder.url)
    try #require(result.succeeded, "\(result)")
    return result.peakKiB
  }

  @Test("memory stays bounded", arguments: memoryCases)
  func boundedMemory(_ testCase: MemoryCase) throws {
    let evscan = try Paths.requireEvscan()
    let folder = try TemporaryFolder("memory")
    let baseline = try Self.baselineKiB(evscan: evscan, folder: folder)
    let slug = "hostile"
    let directory = try FrameworkFixture.write(
      in: folder.url, slug: slug, document: testCase.sparseSize == nil ? testCase.make() : [],
      sparseSize: testCase.sparseSize, format: testCase.format,
      preset: testCase.format == "xml" ? "tei" : "generic", logs: folder.url)
    let result = try ChildProcess.run(evscan, ["check-framework", directory.path], logs: folder.url)
    print(
      "peak RSS of check-framework on \(testCase.name): \(result.peakKiB / 1024) MiB "
        + "(\((result.peakKiB - baseline) / 1024) MiB over the \(baseline / 1024) MiB of a tiny document)")
    #expect(result.signal == nil, "evscan crashed: \(result)")
    if let words = testCase.refusal {
      #expect(result.exitCode == 1, "\(result)")
      for word in words {
        #expect(result.standardError.contains(word), "\(result)")
      }
    } else {
      #expect(result.succeeded, "\(result)")
    }
    #expect(
      result.peakKiB - baseline <= testCase.allowanceMiB << 10,
      "peak \(result.peakKiB / 1024) MiB, baseline \(baseline / 1024) MiB")
  }
}
