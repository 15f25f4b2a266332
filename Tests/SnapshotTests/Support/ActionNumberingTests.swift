import ScanModel
import Testing

@testable import Snapshot

@Suite("Action numbers")
struct ActionNumberingTests {
  func statement(_ id: String, framework: String, line: Int) -> Statement {
    Statement(
      id: id, framework: framework, label: nil, title: nil, sectionPath: [], text: "text of \(id)",
      locator: "/x",
      line: line, sourceSHA256: String(repeating: "0", count: 64), rule: "units")
  }

  @Test func aFirstRunNumbersFrameworksFrontToBack() {
    let statements = [
      statement("b:2", framework: "b", line: 5), statement("a:9", framework: "a", line: 30),
      statement("a:1", framework: "a", line: 10),
    ]
    let (numbers, highest) = ActionNumbering.assign(statements, previous: [:], highestIssued: 0)
    #expect(numbers == ["a:1": 1, "a:9": 2, "b:2": 3])
    #expect(highest == 3)
  }

  @Test func numbersAreKeptAndNeverReused() {
    let previous = ["a:1": 1, "a:9": 2, "gone": 3]
    let statements = [statement("a:1", framework: "a", line: 10), statement("a:5", framework: "a", line: 20)]
    let (numbers, highest) = ActionNumbering.assign(statements, previous: previous, highestIssued: 3)
    #expect(numbers["a:1"] == 1)
    #expect(numbers["a:5"] == 4, "a new statement takes a number above every number issued")
    #expect(numbers["gone"] == 3, "a statement that left keeps its number on record")
    #expect(highest == 4)
  }
}
