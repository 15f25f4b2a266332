/// Flattened text as it is built: bytes written through a pointer. An array's append checks capacity and
/// uniqueness for every byte, which costs several times the whitespace folding the byte goes through.
final class TextBuffer {
  private(set) var base: UnsafeMutablePointer<UInt8>
  private(set) var count = 0
  private var capacity: Int

  init(capacity: Int = 256) {
    self.capacity = max(capacity, 16)
    base = .allocate(capacity: self.capacity)
  }

  deinit {
    base.deallocate()
  }

  var isEmpty: Bool { count == 0 }

  /// Empties the buffer, keeping its memory for the next text.
  func removeAll() {
    count = 0
  }

  /// Makes room for `extra` more bytes; writes up to that many need no further check.
  @inline(__always)
  func reserve(_ extra: Int) {
    if count + extra > capacity { grow(toHold: count + extra) }
  }

  private func grow(toHold total: Int) {
    var grown = capacity * 2
    while grown < total { grown *= 2 }
    let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
    larger.update(from: base, count: count)
    base.deallocate()
    base = larger
    capacity = grown
  }

  /// Keeps only the first `length` bytes.
  func removeLast(keeping length: Int) {
    count = min(count, length)
  }

  @inline(__always)
  func append(_ byte: UInt8) {
    reserve(1)
    base[count] = byte
    count += 1
  }

  @inline(__always)
  func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress else { return }
    reserve(bytes.count)
    (base + count).update(from: source, count: bytes.count)
    count += bytes.count
  }

  /// Lets `body` write bytes there is room for (see `reserve`) after the first `count`, through the
  /// base pointer, and set the new count.
  @inline(__always)
  func write(_ body: (UnsafeMutablePointer<UInt8>, inout Int) -> Void) {
    var written = count
    body(base, &written)
    count = written
  }

  /// The bytes so far, valid until the next change.
  var bytes: UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(start: base, count: count)
  }

  var string: String {
    String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self)
  }
}
