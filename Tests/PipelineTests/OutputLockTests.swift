import Foundation
import ScanModel
import Testing

@testable import Pipeline

@Suite("The output folder's lock", .serialized)
struct OutputLockTests {
  @Test func aSecondScanOfTheSameOutputIsRefusedWithTheHolder() throws {
    let root = try PipelineSupport.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    let output = root.appendingPathComponent("output")
    let first = try OutputLock(output: output, wait: false)
    // flock locks belong to open files, so a second open in this process conflicts like another process would.
    do {
      _ = try OutputLock(output: output, wait: false)
      Issue.record("the second lock was granted")
    } catch let error as InputError {
      #expect(error.message.contains("another scan"))
      #expect(error.message.contains("pid \(ProcessInfo.processInfo.processIdentifier)"))
    }
    first.release()
    let again = try OutputLock(output: output, wait: false)
    again.release()
  }
}
