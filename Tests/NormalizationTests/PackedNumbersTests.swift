import Foundation
import TestSupport
import Testing

@testable import Normalization

@Suite("Numbers packed in a model file")
struct PackedNumbersTests {
  private struct Holder: Codable, Equatable {
    @PackedNumbers var doubles: [Double]
    @PackedNumbers var indices: [Int32]
  }

  static let awkwardLists: [[Double]] = [
    [],
    [0.315241, -1.25, 0, -0.0],
    [.pi, -.pi, 1e-310, .leastNonzeroMagnitude, .greatestFiniteMagnitude, -.infinity, 0.1 + 0.2],
  ]

  @Test(arguments: awkwardLists)
  func everyBitSurvivesTheRoundTrip(doubles: [Double]) throws {
    let holder = Holder(doubles: doubles, indices: [0, 7, .max, .min])
    let data = try JSONEncoder().encode(holder)
    let back = try JSONDecoder().decode(Holder.self, from: data)
    #expect(back.doubles.map(\.bitPattern) == doubles.map(\.bitPattern))
    #expect(back.indices == [0, 7, .max, .min])
  }

  @Test func theyAreWrittenAsLittleEndianBase64() throws {
    let data = try JSONEncoder().encode(Holder(doubles: [1], indices: [1, 256]))
    // 1.0 is 0x3FF0000000000000; little-endian its bytes are 00 00 00 00 00 00 F0 3F.
    let text = try #require(String(data: data, encoding: .utf8))
    #expect(text.contains("\"AAAAAAAA8D8=\""))
    #expect(text.contains("\"AQAAAAABAAA=\""))
  }

  @Test func listsWrittenAsJSONArraysAreStillRead() throws {
    let json = #"{"doubles":[0.5,-1.25,3],"indices":[2,4]}"#
    let holder = try JSONDecoder().decode(Holder.self, from: Data(json.utf8))
    #expect(holder == Holder(doubles: [0.5, -1.25, 3], indices: [2, 4]))
  }

  @Test(arguments: [#""not base64!""#, #""AAAA""#])
  func aDamagedListIsRefused(doubles: String) {
    let json = #"{"doubles":\#(doubles),"indices":[]}"#
    #expect(throws: DecodingError.self) { try JSONDecoder().decode(Holder.self, from: Data(json.utf8)) }
  }

  @Test func theShippedModelIsInTheCurrentFormat() throws {
    let model = try ClassifierModel.load(path: Support.shippedModel.path)
    #expect(model.format == ClassifierModel.currentFormat)
    #expect(try model.encoded() == Data(contentsOf: Support.shippedModel))
  }

  /// A model trained before the weights were packed is read, and scores exactly as the packed one.
  @Test func aFormat2ModelIsReadWithTheSameNumbers() throws {
    let model = try ClassifierModel.load(path: Support.shippedModel.path)
    var object = try #require(
      JSONSerialization.jsonObject(with: model.encoded()) as? [String: Any])
    object["format"] = 2
    object["weights"] = model.weights
    object["examples"] = model.examples.map { example -> [String: Any] in
      [
        "id": example.id, "code": example.code, "origin": example.origin,
        "vector": ["indices": example.vector.indices.map(Int.init), "values": example.vector.values],
      ]
    }
    let folder = try TemporaryFolder("format-2-model")
    let path = folder.path("model.json")
    try JSONSerialization.data(withJSONObject: object).write(to: path)

    var old = try ClassifierModel.load(path: path.path)
    #expect(old.format == 2)
    #expect(old.weights.joined().map(\.bitPattern) == model.weights.joined().map(\.bitPattern))
    old.format = model.format
    #expect(old == model)
  }

  @Test func aModelOfAnotherFormatIsRefusedWithAdvice() throws {
    let folder = try TemporaryFolder("format-9-model")
    let path = folder.path("model.json")
    let text = try #require(String(data: Data(contentsOf: Support.shippedModel), encoding: .utf8))
    try Data(text.replacingOccurrences(of: "\"format\":3", with: "\"format\":9").utf8).write(to: path)
    #expect {
      try ClassifierModel.load(path: path.path)
    } throws: { error in
      "\(error)".contains("format 9") && "\(error)".contains("reads formats 2 to 3; retrain it")
    }
  }
}
