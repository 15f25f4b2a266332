import ScanModel
import Testing

@Test func toolVersionIsSemantic() {
  let parts = ToolVersion.current.split(separator: ".")
  #expect(parts.count == 3 && parts.allSatisfy { Int($0) != nil })
}
