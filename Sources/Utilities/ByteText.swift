/// Appending fixed text to UTF-8 buffers, which the JSON writer and the reason writer do millions of times:
/// from a `StaticString`, the bytes are copied as they are, without the generic path a `String`'s UTF-8
/// view takes.
extension [UInt8] {
  public mutating func appendLiteral(_ literal: StaticString) {
    append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
  }
}
