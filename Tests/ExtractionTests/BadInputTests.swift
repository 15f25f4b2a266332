import Extraction
import Foundation
import ScanModel
import Testing

@Suite("Bad manifests and documents")
struct BadInputTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var folder: String
    var element: String
    var message: String
    var testDescription: String { folder }
  }

  static let cases: [Case] = {
    let table =
      (try? String(contentsOf: Paths.fixtures.appendingPathComponent("bad/expectations.tsv"), encoding: .utf8))
      ?? ""
    return table.split(separator: "\n").map { line in
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      return Case(folder: fields[0], element: fields[1], message: fields[2])
    }
  }()

  @Test("each bad input gets a clear error naming the file and the field", arguments: cases)
  func refused(_ testCase: Case) throws {
    let directory = Paths.fixtures.appendingPathComponent("bad/\(testCase.folder)")
    do {
      let folder = try FrameworkFolder(directory: directory)
      _ = try folder.extract()
      Issue.record("\(testCase.folder) was accepted")
    } catch let error as InputError {
      let text = error.description
      #expect(text.contains(testCase.folder), "the message names the file: \(text)")
      #expect(text.contains(testCase.element), "the message names \(testCase.element): \(text)")
      #expect(text.contains(testCase.message), "\(text)")
    }
  }

  @Test func everyBadFixtureHasAnExpectation() throws {
    let folders = try FileManager.default.contentsOfDirectory(
      atPath: Paths.fixtures.appendingPathComponent("bad").path
    )
    .filter { !$0.hasSuffix(".tsv") }
    #expect(Set(folders) == Set(Self.cases.map(\.folder)))
  }

  @Test func yamlSyntaxErrorsCarryLineAndColumn() throws {
    let directory = Paths.fixtures.appendingPathComponent("bad/yaml-syntax")
    #expect {
      _ = try FrameworkFolder(directory: directory)
    } throws: { error in
      guard let error = error as? InputError else { return false }
      return error.location.line != nil && error.location.column != nil
    }
  }
}
