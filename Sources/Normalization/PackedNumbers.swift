import Foundation

/// A long list of numbers as a model file stores it: their bytes, little-endian, as one base64 string.
///
/// A classifier holds about 120,000 numbers. Read as JSON numbers, each is parsed on its own, and reading
/// the model took longer than extracting every framework; packed, they are copied in one piece. Every bit
/// is kept, so a model read back scores exactly as the one that was written. Lists written as JSON arrays
/// of numbers, as format 2 wrote them, are still read.
@propertyWrapper
struct PackedNumbers<Number: PackableNumber>: Sendable, Hashable, Codable {
  var wrappedValue: [Number]

  init(wrappedValue: [Number]) {
    self.wrappedValue = wrappedValue
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    // The string is tried first: a failed attempt costs a thrown error, and format 2 files are the rare case.
    guard let text = try? container.decode(String.self) else {
      wrappedValue = try container.decode([Number].self)
      return
    }
    let width = MemoryLayout<Number>.size
    guard var bytes = Data(base64Encoded: text), bytes.count.isMultiple(of: width) else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "expected base64 of \(width)-byte little-endian numbers")
    }
    Self.swapToOrFromLittleEndian(&bytes)
    let count = bytes.count / width
    wrappedValue = [Number](unsafeUninitializedCapacity: count) { buffer, initialized in
      bytes.withUnsafeBytes { UnsafeMutableRawBufferPointer(buffer).copyMemory(from: $0) }
      initialized = count
    }
  }

  func encode(to encoder: any Encoder) throws {
    var bytes = wrappedValue.withUnsafeBytes { Data($0) }
    Self.swapToOrFromLittleEndian(&bytes)
    var container = encoder.singleValueContainer()
    try container.encode(bytes.base64EncodedString())
  }

  /// Files hold little-endian numbers whatever the machine; on a big-endian one, each number's bytes turn.
  private static func swapToOrFromLittleEndian(_ bytes: inout Data) {
    #if _endian(big)
      let width = MemoryLayout<Number>.size
      for start in stride(from: 0, to: bytes.count, by: width) {
        bytes.replaceSubrange(start..<start + width, with: bytes[start..<start + width].reversed())
      }
    #endif
  }
}

/// A number whose bytes are its whole value, so that `PackedNumbers` can copy it as bytes.
protocol PackableNumber: BitwiseCopyable, Sendable, Hashable, Codable {}

extension Double: PackableNumber {}
extension Int32: PackableNumber {}
