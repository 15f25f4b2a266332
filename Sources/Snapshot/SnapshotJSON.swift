import Foundation

/// The one JSON style of every snapshot file and `--json` output: sorted keys so that equal values give
/// equal bytes, pretty for files people diff, compact for values stored in database columns.
public enum SnapshotJSON {
  public static func encode<Value: Encodable>(_ value: Value, pretty: Bool = true) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting =
      pretty
      ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(value)
    if pretty { data.append(0x0A) }
    return data
  }

  /// Compact JSON text, the form of the JSON columns in the database.
  static func text<Value: Encodable>(_ value: Value) throws -> String {
    String(decoding: try encode(value, pretty: false), as: UTF8.self)
  }

  static func decode<Value: Decodable>(_ type: Value.Type, from text: String) throws -> Value {
    try JSONDecoder().decode(type, from: Data(text.utf8))
  }
}
