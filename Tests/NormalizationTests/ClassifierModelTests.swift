import Testing

@testable import Normalization

@Suite("The model file")
struct ClassifierModelTests {
  @Test func theShippedModelLoads() throws {
    let model = try ClassifierModel.load(path: Support.shippedModel.path)
    #expect(model.classes.contains("3.1"))
    #expect(model.trainingFiles.first?.attribution?.contains("CC BY 4.0") == true)
    #expect(model.examples.allSatisfy { $0.vector.indices.count == $0.vector.values.count })
  }
}
