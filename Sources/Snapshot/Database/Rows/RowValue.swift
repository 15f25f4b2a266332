/// Turns stored text back into model values, naming the column when the text does not fit, so that a
/// hand-edited or damaged database gives a message a person can act on.
enum RowValue {
  struct Mismatch: Error, CustomStringConvertible {
    var column: String
    var value: String

    var description: String { "column \(column) holds \(value.debugDescription), which evscan cannot read" }
  }

  static func enumeration<Value: RawRepresentable>(_ raw: String, column: String) throws -> Value
  where Value.RawValue == String {
    guard let value = Value(rawValue: raw) else { throw Mismatch(column: column, value: raw) }
    return value
  }

  static func json<Value: Decodable>(_ type: Value.Type, _ text: String, column: String) throws -> Value {
    do {
      return try SnapshotJSON.decode(type, from: text)
    } catch {
      throw Mismatch(column: column, value: String(text.prefix(80)))
    }
  }
}
