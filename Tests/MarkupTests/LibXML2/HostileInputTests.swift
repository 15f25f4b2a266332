import Foundation
import Markup
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite("Hostile input", .serialized)
struct HostileInputTests {
  @Test func externalEntityDoesNotReadLocalFiles() throws {
    let secret = FixtureLoader.url("secret.txt").path
    let xml = """
      <?xml version="1.0"?>
      <!DOCTYPE r [ <!ENTITY leak SYSTEM "file://\(secret)"> <!ENTITY passwd SYSTEM "file:///etc/passwd"> ]>
      <r><p>start &leak; &passwd; end</p></r>
      """
    let document = try Document.parse(
      Array(xml.utf8), options: ParseOptions(format: .xml, sourceName: "xxe.xml"))
    let text = try #require(document.root).text()
    #expect(!text.contains("TOP-SECRET"))
    #expect(!text.contains("root:"))
    #expect(text.hasPrefix("start"))
  }

  @Test func externalEntityFixtureStaysUnexpanded() throws {
    let document = try FixtureLoader.parse("external-entity.xml")
    let text = try #require(document.root).text()
    #expect(!text.contains("root:"))
    #expect(!text.contains("TOP-SECRET"))
  }

  @Test func billionLaughsDoesNotExpand() throws {
    do {
      let document = try FixtureLoader.parse("billion-laughs.xml")
      let text = try #require(document.root).text()
      #expect(text.utf8.count < 100, "the entity bomb must stay a reference, got \(text.utf8.count) bytes")
    } catch let error as MarkupError {
      #expect(error.description.hasPrefix("billion-laughs.xml"))
      #expect(error.description.contains("entity"), "\(error.description)")
    }
  }

  @Test func networkIsNeverTouched() throws {
    let listener = try LoopbackListener()
    defer { listener.close() }
    let base = "http://127.0.0.1:\(listener.port)"
    let xml = """
      <?xml version="1.0"?>
      <!DOCTYPE r SYSTEM "\(base)/r.dtd" [ <!ENTITY remote SYSTEM "\(base)/e.xml"> ]>
      <r xmlns:xi="http://www.w3.org/2001/XInclude"><p>a &remote; b</p><xi:include href="\(base)/i.xml"/></r>
      """
    _ = try? Document.parse(Array(xml.utf8), options: ParseOptions(format: .xml, sourceName: "net.xml"))
    let html = """
      <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "\(base)/xhtml1-strict.dtd">
      <html><head><link rel="stylesheet" href="\(base)/s.css"><script src="\(base)/s.js"></script></head>
      <body><img src="\(base)/i.png"><iframe src="\(base)/f.html"></iframe><p>text</p></body></html>
      """
    _ = try Document.parse(Array(html.utf8), options: ParseOptions(format: .html, sourceName: "net.html"))
    #expect(listener.acceptedConnection(waitingMilliseconds: 300) == false)
  }

  @Test func oversizedDocumentIsRefused() throws {
    #expect(ParseOptions.defaultSizeLimit == 64 * 1024 * 1024)
    let bytes = Array(repeating: UInt8(ascii: "a"), count: 4096)
    let options = ParseOptions(format: .html, sourceName: "big.html", sizeLimit: 1024)
    #expect(throws: MarkupError.tooLarge(file: "big.html", size: 4096, limit: 1024)) {
      try Document.parse(bytes, options: options)
    }
    let message = MarkupError.tooLarge(file: "big.html", size: 4096, limit: 1024).description
    #expect(message.contains("big.html") && message.contains("limit"))
  }

  struct RefusedCase: CustomTestStringConvertible, Sendable {
    var name: String
    var bytes: [UInt8]
    var format: MarkupFormat
    var expectedWords: [String]
    var testDescription: String { name }
  }

  static let refused: [RefusedCase] = [
    RefusedCase(name: "empty", bytes: [], format: .html, expectedWords: ["empty"]),
    RefusedCase(
      name: "whitespace only", bytes: Array(" \n\t\n".utf8), format: .html, expectedWords: ["empty"]),
    RefusedCase(
      name: "PDF as HTML", bytes: Array("%PDF-1.7\n%\u{E2}\u{E3}\n1 0 obj\n".utf8), format: .html,
      expectedWords: ["PDF"]),
    RefusedCase(
      name: "PNG as HTML", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13],
      format: .html,
      expectedWords: ["PNG"]),
    RefusedCase(
      name: "ZIP as XML", bytes: [0x50, 0x4B, 0x03, 0x04, 20, 0, 0, 0], format: .xml, expectedWords: ["ZIP"]),
    RefusedCase(
      name: "random binary", bytes: (0..<2048).map { UInt8(truncatingIfNeeded: $0 &* 7 % 3) }, format: .html,
      expectedWords: ["binary"]),
    RefusedCase(
      name: "XML that is not well formed", bytes: Array("<r><p>open</r>".utf8), format: .xml,
      expectedWords: ["error"]),
  ]

  @Test("input that is not a document gets a clear error", arguments: refused)
  func refusedInput(_ testCase: RefusedCase) throws {
    do {
      _ = try Document.parse(
        testCase.bytes, options: ParseOptions(format: testCase.format, sourceName: "doc.in"))
      Issue.record("\(testCase.name) was accepted")
    } catch let error as MarkupError {
      let message = error.description
      #expect(message.hasPrefix("doc.in"), "the message names the file: \(message)")
      for word in testCase.expectedWords {
        #expect(message.contains(word), "\(message)")
      }
    }
  }

  @Test func nulBytesAreRemovedWithAWarning() throws {
    let html = Array("<html><body><p>one\u{0}two</p></body></html>".utf8)
    let document = try Document.parse(html, options: ParseOptions(format: .html, sourceName: "nul.html"))
    #expect(try document.select("//p").first?.text() == "onetwo")
    #expect(document.diagnostics.contains { $0.severity == .warning && $0.message.contains("NUL") })
  }

  @Test func malformedXMLNamesTheLine() throws {
    let xml = Array("<r>\n<p>fine</p>\n<p>broken</q>\n</r>".utf8)
    do {
      _ = try Document.parse(xml, options: ParseOptions(format: .xml, sourceName: "broken.xml"))
      Issue.record("malformed XML was accepted")
    } catch let error as MarkupError {
      #expect(error.description.hasPrefix("broken.xml:3:"), "\(error.description)")
    }
  }
}

/// A TCP listener on 127.0.0.1 that records whether anything connected to it.
final class LoopbackListener {
  private let socketDescriptor: Int32
  let port: UInt16

  init() throws {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
    }
    guard bound == 0, listen(descriptor, 8) == 0 else {
      _ = Glibc.close(descriptor)
      throw POSIXError(.EADDRINUSE)
    }
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
    }
    socketDescriptor = descriptor
    port = UInt16(bigEndian: address.sin_port)
  }

  func acceptedConnection(waitingMilliseconds: Int32) -> Bool {
    var descriptor = pollfd(fd: socketDescriptor, events: Int16(POLLIN), revents: 0)
    return poll(&descriptor, 1, waitingMilliseconds) > 0
  }

  func close() {
    _ = Glibc.close(socketDescriptor)
  }
}
