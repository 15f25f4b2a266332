import Foundation
import ScanModel
import Testing

@testable import Deduplication

/// A practice set from Fixtures/practice-sets: groups that must merge, look-alike pairs that must stay
/// apart, and single statements that must stay on their own.
struct PracticeSet: Decodable, Sendable, CustomTestStringConvertible {
  struct Group: Decodable, Sendable {
    var name: String
    var statements: [String]
  }

  var description: String
  var groups: [Group]
  var lookalikes: [Group]
  var singles: [String]
  var file: String = ""

  enum CodingKeys: String, CodingKey {
    case description, groups, lookalikes, singles
  }

  var testDescription: String { file }

  /// The statements with ids that say where they come from: `g-<group>-<n>`, `l-<pair>-<n>`, `s-<n>`.
  var inputs: [DeduplicationInput] {
    var inputs: [DeduplicationInput] = []
    for group in groups {
      for (number, text) in group.statements.enumerated() {
        inputs.append(
          DeduplicationInput(id: "g-\(group.name)-\(number)", framework: "set-\(number)", text: text))
      }
    }
    for pair in lookalikes {
      for (number, text) in pair.statements.enumerated() {
        inputs.append(
          DeduplicationInput(id: "l-\(pair.name)-\(number)", framework: "set-\(number)", text: text))
      }
    }
    for (number, text) in singles.enumerated() {
      inputs.append(DeduplicationInput(id: "s-\(number)", text: text))
    }
    return inputs
  }

  /// Every practice set; a folder or file that cannot be read or decoded fails `PracticeSetTests`'
  /// `everyPracticeSetIsRead` rather than being left out.
  static let loaded = Result { () throws -> [PracticeSet] in
    let directory = Fixtures.directory.appendingPathComponent("practice-sets")
    let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
      .filter { $0.hasSuffix(".json") }.sorted()
    return try names.map { name in
      let data = try Data(contentsOf: directory.appendingPathComponent(name))
      var set = try JSONDecoder().decode(PracticeSet.self, from: data)
      set.file = name
      return set
    }
  }

  static var all: [PracticeSet] {
    guard case .success(let sets) = loaded else { return [] }
    return sets
  }
}
