import Foundation
import ScanModel
import Testing

@testable import Normalization

@Suite("Reading coded examples")
struct CodedExampleReaderTests {
  let reader = CodedExampleReader(taxonomy: Support.taxonomy.mitigation)

  @Test(arguments: ["five-column.csv", "four-column.csv"])
  func bothShapesAreRead(_ name: String) throws {
    let examples = try reader.read(path: Support.fixture("training/\(name)"))
    #expect(examples.count >= 2)
    #expect(examples.allSatisfy { !$0.text.isEmpty && !$0.name.isEmpty && $0.code.contains(".") })
    #expect(examples.first?.origin == "\(name):2")
  }

  struct BadFile: CustomTestStringConvertible, Sendable {
    var name: String
    var line: String
    var words: String
    var testDescription: String { name }
  }

  /// The table of bad files; one that cannot be read fails `theExpectationTableIsRead` instead of leaving
  /// the parameterised test with nothing to run.
  static let loadedBadFiles = Result { () throws -> [BadFile] in
    let text = try String(contentsOfFile: Support.fixture("training/expectations.tsv"), encoding: .utf8)
    return try text.split(separator: "\n").map { row in
      let fields = row.split(separator: "\t").map(String.init)
      guard fields.count == 3 else { throw ExpectationLineError(row: String(row)) }
      return BadFile(name: fields[0], line: fields[1], words: fields[2])
    }
  }
  static var badFiles: [BadFile] {
    guard case .success(let files) = loadedBadFiles else { return [] }
    return files
  }

  struct ExpectationLineError: Error { var row: String }

  @Test func theExpectationTableIsRead() throws {
    #expect(try Self.loadedBadFiles.get().count == 7)
  }

  @Test("bad training files give a clear error with the file and line", arguments: badFiles)
  func badFileIsRefused(_ bad: BadFile) throws {
    do {
      _ = try reader.read(path: Support.fixture("training/\(bad.name)"))
      Issue.record("\(bad.name) was accepted")
    } catch let error as InputError {
      #expect(error.location.file.hasSuffix(bad.name))
      if let line = Int(bad.line) { #expect(error.location.line == line, "\(error)") }
      #expect(error.message.contains(bad.words), "\(error)")
    }
  }
}
