import CLibXML2

#if canImport(Glibc)
  import Glibc
#endif

/// Comparisons of libxml2's NUL-terminated strings and of byte runs, in place, without copying.
enum ByteString {
  static func equal(_ string: UnsafePointer<xmlChar>?, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let string else { return false }
    var index = 0
    while index < bytes.count {
      if string[index] != bytes[index] { return false }
      index += 1
    }
    return string[index] == 0
  }

  static func equal(_ string: UnsafePointer<xmlChar>?, _ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { equal(string, $0) }
  }

  static func equal(_ left: UnsafePointer<xmlChar>?, _ right: UnsafePointer<xmlChar>?) -> Bool {
    left == right || xmlStrEqual(left, right) != 0
  }

  /// The C library's strlen, which reads a word or more at a time, not libxml2's byte by byte.
  static func length(_ string: UnsafePointer<xmlChar>) -> Int {
    strlen(UnsafeRawPointer(string).assumingMemoryBound(to: CChar.self))
  }

  static func equal(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
    guard left.count == right.count else { return false }
    guard let leftBase = left.baseAddress, let rightBase = right.baseAddress else { return true }
    return memcmp(leftBase, rightBase, left.count) == 0
  }

  static func hasPrefix(_ buffer: UnsafeBufferPointer<UInt8>, _ prefix: UnsafeBufferPointer<UInt8>) -> Bool {
    guard buffer.count >= prefix.count else { return false }
    guard let base = buffer.baseAddress, let prefixBase = prefix.baseAddress else { return true }
    return memcmp(base, prefixBase, prefix.count) == 0
  }

  static func contains(_ buffer: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let needleBase = needle.baseAddress, needle.count > 0 else { return true }
    guard let base = buffer.baseAddress, buffer.count >= needle.count else { return false }
    let first = Int32(needleBase[0])
    let last = buffer.count - needle.count
    var start = 0
    while start <= last {
      guard let found = memchr(base + start, first, last - start + 1) else { return false }
      start = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
      // The last byte first: most places the first byte occurs are not the needle.
      if base[start + needle.count - 1] == needleBase[needle.count - 1]
        && memcmp(base + start, needleBase, needle.count) == 0
      {
        return true
      }
      start += 1
    }
    return false
  }
}
