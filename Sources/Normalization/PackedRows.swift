/// A matrix as a model file stores it: one `PackedNumbers` string per row, so each row keeps its length.
@propertyWrapper
struct PackedRows<Number: PackableNumber>: Sendable, Hashable, Codable {
  var wrappedValue: [[Number]]

  init(wrappedValue: [[Number]]) {
    self.wrappedValue = wrappedValue
  }

  init(from decoder: any Decoder) throws {
    wrappedValue = try [PackedNumbers<Number>](from: decoder).map(\.wrappedValue)
  }

  func encode(to encoder: any Encoder) throws {
    try wrappedValue.map(PackedNumbers.init(wrappedValue:)).encode(to: encoder)
  }
}
