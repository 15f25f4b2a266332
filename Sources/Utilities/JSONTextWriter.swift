import Foundation

/// A small JSON text builder: objects take their fields in the order given, which the callers keep sorted.
/// With sorted fields it writes the bytes `JSONEncoder` writes with `.sortedKeys` and
/// `.withoutEscapingSlashes`, directly: through `JSONEncoder`, each value costs about ten microseconds, and
/// the snapshot and `evscan dedupe --json` write hundreds of thousands of them.
public struct JSONTextWriter {
  /// Where full pieces go, and how full a piece is.
  public struct Flush {
    public var threshold: Int
    public var sink: (UnsafeBufferPointer<UInt8>) -> Void

    public init(threshold: Int, sink: @escaping (UnsafeBufferPointer<UInt8>) -> Void) {
      self.threshold = threshold
      self.sink = sink
    }
  }

  public var bytes: [UInt8] = []
  public let flush: Flush?

  public init(flush: Flush? = nil) {
    self.flush = flush
  }

  /// The JSON text that `write` puts into a fresh writer.
  public static func text(_ write: (inout JSONTextWriter) -> Void) -> String {
    var writer = JSONTextWriter()
    write(&writer)
    return String(decoding: writer.bytes, as: UTF8.self)
  }

  /// Hands the bytes written so far to the sink. Only at element boundaries, never inside a string.
  public mutating func flushNow() {
    guard let flush, !bytes.isEmpty else { return }
    bytes.withUnsafeBufferPointer { flush.sink($0) }
    bytes.removeAll(keepingCapacity: true)
  }

  public struct ObjectWriter {
    var writer: JSONTextWriter
    var first = true

    public mutating func field(_ key: String, _ value: (inout JSONTextWriter) -> Void) {
      if !first { writer.bytes.append(UInt8(ascii: ",")) }
      first = false
      writer.string(key)
      writer.bytes.append(UInt8(ascii: ":"))
      value(&writer)
    }
  }

  public mutating func object(_ fields: (inout ObjectWriter) -> Void) {
    bytes.append(UInt8(ascii: "{"))
    // The bytes move into the field writer and back by swapping, so that they are never shared and an
    // append never copies them.
    var object = ObjectWriter(writer: JSONTextWriter(flush: flush))
    swap(&object.writer.bytes, &bytes)
    fields(&object)
    swap(&object.writer.bytes, &bytes)
    bytes.append(UInt8(ascii: "}"))
  }

  public mutating func array<T>(_ elements: [T], _ element: (inout JSONTextWriter, T) -> Void) {
    bytes.append(UInt8(ascii: "["))
    for (index, value) in elements.enumerated() {
      if index > 0 { bytes.append(UInt8(ascii: ",")) }
      element(&self, value)
      if let flush, bytes.count >= flush.threshold { flushNow() }
    }
    bytes.append(UInt8(ascii: "]"))
  }

  /// `array` for `count` elements that `element` writes by index, encoded a few thousand at a time on all
  /// cores and joined in order: the same bytes, in a fraction of the time for millions of elements.
  public mutating func parallelArray(_ count: Int, _ element: (inout JSONTextWriter, Int) -> Void) {
    parallelArray(count) { writer, range in
      for index in range {
        writer.bytes.append(UInt8(ascii: ","))
        element(&writer, index)
      }
    }
  }

  /// `parallelArray` for a writer of whole pieces: `piece` writes the elements of a range of indices, each
  /// after a comma (the array's first comma is dropped here).
  public mutating func parallelArray(_ count: Int, pieces piece: (inout JSONTextWriter, Range<Int>) -> Void) {
    let pieceSize = 2048
    let piecesPerRound = 16
    bytes.append(UInt8(ascii: "["))
    var start = 0
    while start < count {
      let end = min(count, start + pieceSize * piecesPerRound)
      let ranges = Parallel.ranges(end - start, pieces: piecesPerRound)
      let encoded = Parallel.map(ranges.count) { index -> [UInt8] in
        var writer = JSONTextWriter()
        let range = ranges[index]
        piece(&writer, (start + range.lowerBound)..<(start + range.upperBound))
        return writer.bytes
      }
      for (index, piece) in encoded.enumerated() {
        bytes.append(contentsOf: start == 0 && index == 0 ? piece.dropFirst() : piece[...])
        if let flush, bytes.count >= flush.threshold { flushNow() }
      }
      start = end
    }
    bytes.append(UInt8(ascii: "]"))
  }

  public mutating func bool(_ value: Bool) {
    bytes.append(contentsOf: (value ? "true" : "false").utf8)
  }

  public mutating func integer(_ value: Int) {
    bytes.append(contentsOf: String(value).utf8)
  }

  /// A number as `JSONEncoder` writes it: Double's shortest description that reads back to the same value,
  /// less a final ".0" (so 3 for 3.0, -0 for -0.0, 1e+16 as it is). `JSONEncoder` refuses what is not finite;
  /// this writes null.
  public mutating func number(_ value: Double) {
    guard value.isFinite else {
      bytes.appendLiteral("null")
      return
    }
    var text = value.description
    if text.hasSuffix(".0") { text.removeLast(2) }
    bytes.append(contentsOf: text.utf8)
  }

  /// `number(value.rounded(toPlaces: 6))`, written digit by digit for the usual case, a value in
  /// 0.0001..<1: Double's description of k / 1_000_000 is then "0." and k's six digits less trailing
  /// zeros, because no shorter decimal lies as close to it. Millions of these are written per run.
  public mutating func roundedNumber(_ value: Double) {
    let millionths = (value * 1_000_000).rounded()
    guard millionths >= 100 && millionths < 1_000_000 else {
      number(millionths / 1_000_000)
      return
    }
    let start = bytes.count
    var digits = Int(millionths)
    var width = 6
    while digits % 10 == 0 {
      digits /= 10
      width -= 1
    }
    bytes.append(UInt8(ascii: "0"))
    bytes.append(UInt8(ascii: "."))
    let end = bytes.count + width
    bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width))
    var position = end - 1
    while digits > 0 {
      bytes[position] = UInt8(ascii: "0") + UInt8(digits % 10)
      digits /= 10
      position -= 1
    }
    assert(
      String(decoding: bytes[start...], as: UTF8.self) == (millionths / 1_000_000).description,
      "the six-decimal shortcut differs from Double.description")
  }

  public mutating func string(_ value: String) {
    var value = value
    value.withUTF8 { string(utf8: $0) }
  }

  public mutating func string(utf8: UnsafeBufferPointer<UInt8>) {
    bytes.append(UInt8(ascii: "\""))
    // Runs of bytes that need no escape are copied whole; eight bytes at a time are checked for one that
    // does, which millions of reasons make worth it.
    var runStart = 0
    var index = 0
    while index < utf8.count {
      if index + 8 <= utf8.count,
        let base = utf8.baseAddress,
        !Self.mayNeedEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
      {
        index += 8
        continue
      }
      let byte = utf8[index]
      index += 1
      guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
      let escaped = index - 1
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<escaped]))
      runStart = index
      bytes.append(UInt8(ascii: "\\"))
      switch byte {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
      case 0x0A: bytes.append(UInt8(ascii: "n"))
      case 0x0D: bytes.append(UInt8(ascii: "r"))
      case 0x09: bytes.append(UInt8(ascii: "t"))
      case 0x08: bytes.append(UInt8(ascii: "b"))
      case 0x0C: bytes.append(UInt8(ascii: "f"))
      default:
        let digits = Array("0123456789abcdef".utf8)
        bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
        bytes.append(digits[Int(byte >> 4)])
        bytes.append(digits[Int(byte & 0x0F)])
      }
    }
    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
    bytes.append(UInt8(ascii: "\""))
  }

  /// Whether any of the eight bytes is a control character, a quote or a backslash; a false alarm only
  /// costs a look at each byte. The checks for a zero byte (`(v - 0x01…) & ~v & 0x80…`) and a byte below
  /// 0x20 are the usual word-at-a-time ones; bytes of 0x80 and above never count.
  private static func mayNeedEscape(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let below = (word &- ones &* 0x20) & ~word & highs
    let quote = word ^ (ones &* 0x22)
    let backslash = word ^ (ones &* 0x5C)
    return below | ((quote &- ones) & ~quote & highs) | ((backslash &- ones) & ~backslash & highs) != 0
  }
}
