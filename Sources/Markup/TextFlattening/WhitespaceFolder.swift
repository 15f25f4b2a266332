/// Folds the invisible and look-alike characters of web text into plain spaces, on UTF-8 bytes.
///
/// Contract: the output is what folding a Unicode scalar at a time gives (every run of the spaces below
/// becomes one space between words, none at either end; soft hyphens and zero-width characters are
/// dropped; everything else is copied). It copies eight or sixteen bytes at a time where it can, so
/// `WhitespaceFolderTests` compares it with exactly that scalar-at-a-time reference, on random text and
/// with every kind of space at every offset of a run.
enum WhitespaceFolder {
  /// Appends `bytes` to `output`, turning every run of whitespace (including no-break and other
  /// Unicode spaces) into one space and dropping soft hyphens and zero-width characters.
  /// `pendingSpace` carries a whitespace run across calls, so that text split over nodes folds as one.
  static func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: TextBuffer, pendingSpace: inout Bool) {
    guard let source = bytes.baseAddress else { return }
    // Every byte yields at most one byte, and a pending space at most one more; the runs below store
    // eight bytes at a time, and up to seven of them past what is kept.
    output.reserve(bytes.count + 1 + 8)
    output.write { base, written in
      // The count and pending space stay in locals: through the buffer object each byte would load and
      // store them again. The steps below take them `inout` and are inlined, so they stay in registers.
      var count = written
      var pending = pendingSpace
      var index = 0
      let total = bytes.count
      while index < total {
        // Printable ASCII with single spaces between words folds to itself, so it is copied eight bytes
        // at a time, up to the first byte that is not (another whitespace, a control, part of a
        // multi-byte character), which goes through the checks below. Most of a text is such runs.
        if index + 16 <= total,
          copySixteenPlainBytes(source + index, to: base, count: &count, pending: &pending)
        {
          index += 16
          continue
        }
        if index + 8 <= total {
          let consumed = foldWord(source + index, to: base, count: &count, pending: &pending)
          if consumed > 0 {
            index += consumed
            continue
          }
        }
        let byte = bytes[index]
        if byte < 0x80 {
          foldASCII(byte, to: base, count: &count, pending: &pending)
          index += 1
          continue
        }
        let width = sequenceWidth(byte)
        guard index + width <= total else {
          copyTruncatedSequence(bytes, from: index, to: base, count: &count)
          break
        }
        foldSequence(bytes, at: index, width: width, to: base, count: &count, pending: &pending)
        index += width
      }
      pendingSpace = pending
      written = count
    }
  }

  /// Sixteen printable ASCII bytes with no two spaces together (the checks of `foldWord`, for two words
  /// and the bytes where they meet), copied at once; false, and nothing done, when they are not.
  @inline(__always)
  private static func copySixteenPlainBytes(
    _ source: UnsafePointer<UInt8>, to base: UnsafeMutablePointer<UInt8>, count: inout Int,
    pending: inout Bool
  ) -> Bool {
    // Constants in locals, not statics: a static is reached through its lazy initialiser.
    let high: UInt64 = 0x8080_8080_8080_8080
    let spaces: UInt64 = 0x2020_2020_2020_2020
    let first = UnsafeRawPointer(source).loadUnaligned(as: UInt64.self)
    let second = UnsafeRawPointer(source + 8).loadUnaligned(as: UInt64.self)
    let outside = (first | ((first &- spaces) & ~first)) | (second | ((second &- spaces) & ~second))
    guard outside & high == 0 else { return false }
    let firstSpaces = Self.bytes(of: first, equalTo: spaces)
    let secondSpaces = Self.bytes(of: second, equalTo: spaces)
    let stops =
      (firstSpaces & (firstSpaces << 8 | 0x80))
      | (secondSpaces & (secondSpaces << 8 | firstSpaces >> 56))
      | (secondSpaces & 0x8000_0000_0000_0000)
    guard stops == 0 else { return false }
    writePendingSpace(to: base, count: &count, pending: &pending)
    UnsafeMutableRawPointer(base + count).storeBytes(of: first, as: UInt64.self)
    UnsafeMutableRawPointer(base + count + 8).storeBytes(of: second, as: UInt64.self)
    count += 16
    return true
  }

  /// Copies the run of printable ASCII that starts eight bytes, or skips the run of ASCII whitespace
  /// that does; how many bytes it consumed, 0 when the word starts with neither.
  @inline(__always)
  private static func foldWord(
    _ source: UnsafePointer<UInt8>, to base: UnsafeMutablePointer<UInt8>, count: inout Int,
    pending: inout Bool
  ) -> Int {
    let high: UInt64 = 0x8080_8080_8080_8080
    let spaces: UInt64 = 0x2020_2020_2020_2020
    let word = UnsafeRawPointer(source).loadUnaligned(as: UInt64.self)
    // The top bit of each byte below 0x20 or from 0x80 (exact up to the first such byte, before which no
    // borrow arises), and of each space (exact).
    let outside = (word | ((word &- spaces) & ~word)) & high
    let spaceBytes = Self.bytes(of: word, equalTo: spaces)
    // A space that starts the word or follows another starts a run of whitespace: the checks below.
    let stops = outside | (spaceBytes & (spaceBytes << 8 | 0x80))
    let run = stops == 0 ? 8 : stops.trailingZeroBitCount >> 3
    if run > 0 {
      writePendingSpace(to: base, count: &count, pending: &pending)
      // A space at the end of the run may be the start of a longer one: pending, not written.
      let endsInSpace = (spaceBytes >> UInt64(8 * run - 1)) & 1
      pending = endsInSpace != 0
      UnsafeMutableRawPointer(base + count).storeBytes(of: word, as: UInt64.self)
      count += run - Int(endsInSpace)
      return run
    }
    // Indentation: a run of ASCII whitespace, skipped at once.
    let whitespace =
      spaceBytes | Self.bytes(of: word, equalTo: 0x0A0A_0A0A_0A0A_0A0A)
      | Self.bytes(of: word, equalTo: 0x0909_0909_0909_0909)
      | Self.bytes(of: word, equalTo: 0x0D0D_0D0D_0D0D_0D0D)
    let blank = (~whitespace & high).trailingZeroBitCount >> 3
    if blank > 0 { pending = true }
    return blank
  }

  /// One ASCII byte: whitespace makes a space pending, anything else is copied after it.
  @inline(__always)
  private static func foldASCII(
    _ byte: UInt8, to base: UnsafeMutablePointer<UInt8>, count: inout Int, pending: inout Bool
  ) {
    if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C {
      pending = true
    } else {
      writePendingSpace(to: base, count: &count, pending: &pending)
      base[count] = byte
      count += 1
    }
  }

  /// One whole multi-byte character: a Unicode space makes a space pending, an invisible one is
  /// dropped, anything else is copied after the pending space.
  @inline(__always)
  private static func foldSequence(
    _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, width: Int, to base: UnsafeMutablePointer<UInt8>,
    count: inout Int, pending: inout Bool
  ) {
    switch classify(bytes, at: index, width: width) {
    case .space:
      pending = true
    case .invisible:
      break
    case .visible:
      writePendingSpace(to: base, count: &count, pending: &pending)
      for offset in 0..<width {
        base[count] = bytes[index + offset]
        count += 1
      }
    }
  }

  /// A character cut off by the end of the text, copied as it is.
  @inline(__always)
  private static func copyTruncatedSequence(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to base: UnsafeMutablePointer<UInt8>,
    count: inout Int
  ) {
    for index in start..<bytes.count {
      base[count] = bytes[index]
      count += 1
    }
  }

  /// The space that separates what comes next from the text before it, if a space is pending and there
  /// is text before it.
  @inline(__always)
  private static func writePendingSpace(
    to base: UnsafeMutablePointer<UInt8>, count: inout Int, pending: inout Bool
  ) {
    if pending && count > 0 {
      base[count] = 0x20
      count += 1
    }
    pending = false
  }

  /// The top bit of each byte of `word` that equals the byte repeated in `pattern`, exactly.
  @inline(__always)
  private static func bytes(of word: UInt64, equalTo pattern: UInt64) -> UInt64 {
    let other = word ^ pattern
    return ~(((other & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | other) & 0x8080_8080_8080_8080
  }

  /// `text` with its whitespace folded: what `append` writes for it on its own.
  static func fold(_ text: String) -> String {
    let output = TextBuffer(capacity: text.utf8.count + 1)
    var pendingSpace = false
    var copy = text
    copy.withUTF8 { append($0, to: output, pendingSpace: &pendingSpace) }
    return output.string
  }

  private enum Kind {
    case space
    case invisible
    case visible
  }

  private static func sequenceWidth(_ lead: UInt8) -> Int {
    if lead >= 0xF0 { return 4 }
    if lead >= 0xE0 { return 3 }
    if lead >= 0xC0 { return 2 }
    return 1
  }

  private static func classify(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, width: Int) -> Kind {
    let b0 = bytes[index]
    if width == 2 && b0 == 0xC2 {
      let b1 = bytes[index + 1]
      if b1 == 0xA0 || b1 == 0x85 { return .space }  // no-break space, next line
      if b1 == 0xAD { return .invisible }  // soft hyphen
      return .visible
    }
    if width == 3 {
      let b1 = bytes[index + 1]
      let b2 = bytes[index + 2]
      if b0 == 0xE2 && b1 == 0x80 {
        if b2 >= 0x80 && b2 <= 0x8A { return .space }  // en quad ... hair space
        if b2 >= 0x8B && b2 <= 0x8F { return .invisible }  // zero-width space, joiners, marks
        if b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF { return .space }  // line/paragraph separator, narrow nbsp
      }
      if b0 == 0xE2 && b1 == 0x81 {
        if b2 == 0x9F { return .space }  // medium mathematical space
        if b2 >= 0xA0 && b2 <= 0xA4 { return .invisible }  // word joiner, invisible operators
      }
      if b0 == 0xE3 && b1 == 0x80 && b2 == 0x80 { return .space }  // ideographic space
      if b0 == 0xEF && b1 == 0xBB && b2 == 0xBF { return .invisible }  // byte-order mark
    }
    return .visible
  }
}
