import Foundation
import ScanModel
import Utilities

/// The one JSON style of every snapshot file and `--json` output: sorted keys so that equal values give
/// equal bytes, pretty for files people diff and for the terminal, compact for values stored in database
/// columns.
public enum SnapshotJSON {
  /// The bytes of a JSON file: pretty JSON ends with a newline, as a text file does.
  public static func encode<Value: Encodable>(_ value: Value, pretty: Bool = true) throws -> Data {
    var data = try encoder(pretty: pretty).encode(value)
    if pretty { data.append(0x0A) }
    return data
  }

  /// JSON text without a final newline: compact by default, the form of the JSON columns in the database;
  /// pretty for a command's `--json` output, which the console ends with its own newline.
  public static func text<Value: Encodable>(_ value: Value, pretty: Bool = false) throws -> String {
    String(decoding: try encoder(pretty: pretty).encode(value), as: UTF8.self)
  }

  /// `text(strings)`, written directly: the database's JSON columns are thousands of short values, and
  /// `JSONEncoder` spends ten microseconds on each.
  static func columnText(_ strings: [String]) -> String {
    JSONTextWriter.text { $0.array(strings) { $0.string($1) } }
  }

  /// `text(reasons)`, written directly, for the code assignments' reasons column.
  static func columnText(_ reasons: [CodingReason]) -> String {
    JSONTextWriter.text { writer in
      writer.array(reasons) { writer, reason in
        writer.object { object in
          object.field("kind") { $0.string(reason.kind.rawValue) }
          object.field("text") { $0.string(reason.text) }
          if let weight = reason.weight { object.field("weight") { $0.number(weight) } }
        }
      }
    }
  }

  /// `text(numbers)`, written directly, for a map of numbers whose keys are ASCII (an edge's components):
  /// for those, Swift's order of strings is the encoder's.
  static func columnText(_ numbers: [String: Double]) -> String {
    JSONTextWriter.text { writer in
      writer.object { object in
        for key in numbers.keys.sorted() { object.field(key) { $0.number(numbers[key] ?? 0) } }
      }
    }
  }

  static func decode<Value: Decodable>(_ type: Value.Type, from text: String) throws -> Value {
    try JSONDecoder().decode(type, from: Data(text.utf8))
  }

  private static func encoder(pretty: Bool) -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting =
      pretty
      ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }
}
