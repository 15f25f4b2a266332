import Testing

@testable import Normalization

@Suite("Stratified folds")
struct CrossValidationFoldsTests {
  static let codes: [String] = (0..<60).map { ["1.1", "1.2", "3.1", "4.2"][$0 % 4] } + ["2.1", "2.1", "2.1"]

  @Test(arguments: [2, 5, 7])
  func foldsAreStratifiedAndBalanced(count: Int) {
    let folds = Folds.stratified(codes: Self.codes, count: count)
    let sizes = (0..<count).map { fold in folds.indices.filter { $0 == fold }.count }
    #expect(sizes.max()! - sizes.min()! <= 1)
    for code in Set(Self.codes) {
      let perFold = (0..<count).map { fold in
        zip(Self.codes, folds.indices).filter { $0.0 == code && $0.1 == fold }.count
      }
      #expect(perFold.max()! - perFold.min()! <= 1, "code \(code) is spread \(perFold)")
    }
  }

  @Test func foldsRepeatForASeedAndChangeWithIt() {
    let first = Folds.stratified(codes: Self.codes, count: 5, seed: 7).indices
    #expect(first == Folds.stratified(codes: Self.codes, count: 5, seed: 7).indices)
    #expect(first != Folds.stratified(codes: Self.codes, count: 5, seed: 8).indices)
  }
}
