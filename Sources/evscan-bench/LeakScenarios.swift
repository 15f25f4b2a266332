import ArgumentParser
import Foundation
import Markup

/// The Markup test suite's parse scenarios, single-threaded, for valgrind's leak checker (the Swift Testing
/// bundle itself runs threads that valgrind 3.19 cannot follow). scripts/leak-check runs it.
struct Leaks: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Parse every Markup fixture, query it and take every error path, for a leak checker.")

  @Argument(help: "The Markup test fixtures folder.") var fixtures: String
  @Option var rounds = 3

  func run() throws {
    let folder = URL(fileURLWithPath: fixtures)
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    var parsed = 0
    var refused = 0
    for _ in 0..<rounds {
      for name in names where name.hasSuffix(".html") || name.hasSuffix(".xml") {
        let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
        let format: MarkupFormat = name.hasSuffix(".xml") ? .xml : .html
        do {
          let document = try Document.parse(bytes, options: ParseOptions(format: format, sourceName: name))
          parsed += 1
          exercise(document)
        } catch {
          refused += 1
        }
      }
      for input in hostileInputs() {
        do {
          _ = try Document.parse(input.bytes, options: ParseOptions(format: input.format, sizeLimit: 4096))
          parsed += 1
        } catch {
          refused += 1
        }
      }
      for expression in ["//p[", "count(//p", "///", "//undeclared:p"] {
        do {
          let query = try XPathQuery(expression)
          let document = try Document.parse(
            Array("<r><p>x</p></r>".utf8), options: ParseOptions(format: .xml))
          _ = try document.select(query.expression)
        } catch {
          refused += 1
        }
      }
    }
    print("{\"parsed\": \(parsed), \"refused\": \(refused)}")
  }

  private func exercise(_ document: Document) {
    let namespaces = ["tei": "http://www.tei-c.org/ns/1.0"]
    let queries = ["//*", "//p", "//li", "//tei:p", "//*[contains(@class,'x')]", "count(//p)"].compactMap {
      try? XPathQuery($0)
    }
    let all = queries.filter { $0.expression != "count(//p)" }.map {
      (try? $0.select(in: document, context: nil, namespaces: namespaces)) ?? []
    }
    let skip = NodeSet(all.first?.prefix(3) ?? [])
    for nodes in all {
      for node in nodes.prefix(50) {
        _ = node.text(skipping: skip)
        _ = node.locator(namespaces: namespaces)
        _ = node.attributes
        _ = node.children.count
        _ = node.parent?.name
        _ = try? node.select("./*")
      }
    }
    for query in queries {
      _ = try? query.select(in: document, context: nil, namespaces: namespaces)
    }
    // Predicates, one failing, and the per-unit forms.
    let predicates = [
      "//p[preceding-sibling::p]", "//*[p='x' or starts-with(p,'y')]", "//p[normalize-space(.)='x']",
      "//p[undeclared:q]",
    ].compactMap { try? XPathQuery($0) }
    for query in predicates { _ = try? query.select(in: document, context: nil, namespaces: namespaces) }
    let relative = ["(.//*[contains(@class,'x')])[1]", "p[2] | self::r", "."].compactMap {
      try? XPathQuery($0)
    }
    for node in (all.first ?? []).prefix(20) {
      for query in relative { _ = try? node.first(query, namespaces: namespaces) }
    }
    _ = document.locators(of: Array((all.first ?? []).prefix(20)), namespaces: namespaces)
    _ = Node.joinedText(of: Array((all.first ?? []).prefix(5)), skipping: skip)
    _ = document.encoding
    _ = document.diagnostics.count
  }

  private func hostileInputs() -> [(bytes: [UInt8], format: MarkupFormat)] {
    [
      ([], .html), (Array("%PDF-1.7 binary".utf8), .html), ([0x50, 0x4B, 0x03, 0x04, 0, 0], .xml),
      (Array(repeating: 0x61, count: 8192), .html), (Array("<r><p>open</r>".utf8), .xml),
      (Array("<html><body><p>nul\u{0}byte</p></body></html>".utf8), .html),
      (Array("<r>".utf8) + Array(repeating: 0xFF, count: 64) + Array("</r>".utf8), .xml),
    ]
  }
}
