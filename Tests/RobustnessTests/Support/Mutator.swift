import ContentHash

/// Deterministic mutations of the kinds that break markup parsers: flipped bits, inserted and deleted
/// bytes, truncations (often inside a tag), tags spliced in from another document, and repeated chunks.
struct Mutator {
  enum Kind: CaseIterable {
    case flipBits
    case insertBytes
    case deleteRange
    case truncate
    case spliceTag
    case repeatChunk
  }

  /// Keeps the pass quick in debug builds: no mutation grows a document past this.
  static let maximumSize = 192 * 1024

  /// Bytes that mean something to a parser or an encoding decoder.
  private static let interesting: [UInt8] = [
    0x00, 0x3C, 0x3E, 0x26, 0x22, 0x27, 0x2F, 0x21, 0x3F, 0x5B, 0x5D, 0x3D, 0x23, 0x3B, 0x0A, 0x0D, 0x20,
    0xFF, 0xFE, 0xEF, 0xBB, 0xBF, 0xC3, 0xA9, 0x80, 0xE2, 0xC0, 0xF4, 0x90,
  ]

  var generator: SplitMix64

  init(seed: UInt64) {
    generator = SplitMix64(seed: seed)
  }

  /// One to three stacked mutations of `input`, splicing from `donor`; the kinds applied are returned too.
  mutating func mutate(_ input: [UInt8], donor: [UInt8]) -> (bytes: [UInt8], kinds: [Kind]) {
    var bytes = input
    var kinds: [Kind] = []
    for _ in 0..<Int.random(in: 1...3, using: &generator) {
      let kind = Kind.allCases.randomElement(using: &generator)!
      kinds.append(kind)
      apply(kind, to: &bytes, donor: donor)
      if bytes.count > Self.maximumSize { bytes.removeLast(bytes.count - Self.maximumSize) }
    }
    return (bytes, kinds)
  }

  private mutating func position(in bytes: [UInt8]) -> Int {
    bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &generator)
  }

  private mutating func apply(_ kind: Kind, to bytes: inout [UInt8], donor: [UInt8]) {
    switch kind {
    case .flipBits:
      guard !bytes.isEmpty else { return }
      for _ in 0..<Int.random(in: 1...16, using: &generator) {
        let index = Int.random(in: 0..<bytes.count, using: &generator)
        bytes[index] ^= 1 << UInt8.random(in: 0...7, using: &generator)
      }
    case .insertBytes:
      let inserted = (0..<Int.random(in: 1...32, using: &generator)).map { _ in
        Bool.random(using: &generator)
          ? Self.interesting.randomElement(using: &generator)! : UInt8.random(in: 0...255, using: &generator)
      }
      bytes.insert(contentsOf: inserted, at: position(in: bytes))
    case .deleteRange:
      guard !bytes.isEmpty else { return }
      let start = Int.random(in: 0..<bytes.count, using: &generator)
      let length = Int.random(in: 1...min(4096, bytes.count - start), using: &generator)
      bytes.removeSubrange(start..<(start + length))
    case .truncate:
      // Cutting just after a '<' leaves the file ending inside a tag, the commonest broken download.
      let opens = bytes.indices.filter { bytes[$0] == 0x3C }
      let cut =
        if let open = opens.randomElement(using: &generator), Bool.random(using: &generator) {
          min(bytes.count, open + Int.random(in: 1...12, using: &generator))
        } else {
          position(in: bytes)
        }
      bytes.removeLast(bytes.count - cut)
    case .spliceTag:
      let tags = Self.tags(in: donor)
      guard let tag = tags.randomElement(using: &generator) else { return }
      let copies = Int.random(in: 1...8, using: &generator)
      let spliced = Array(repeating: Array(donor[tag]), count: copies).flatMap { $0 }
      bytes.insert(contentsOf: spliced, at: position(in: bytes))
    case .repeatChunk:
      guard bytes.count > 1 else { return }
      let start = Int.random(in: 0..<(bytes.count - 1), using: &generator)
      let length = Int.random(in: 1...min(512, bytes.count - start), using: &generator)
      let chunk = bytes[start..<(start + length)]
      let times = Int.random(in: 2...200, using: &generator)
      let room = max(0, Self.maximumSize - bytes.count) / max(1, length)
      bytes.insert(
        contentsOf: Array(repeating: Array(chunk), count: min(times, room)).flatMap { $0 }, at: start)
    }
  }

  /// The ranges of `<...>` tags (up to 200 bytes long) in `bytes`.
  static func tags(in bytes: [UInt8]) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    var open: Int?
    for (index, byte) in bytes.enumerated() {
      if byte == 0x3C {
        open = index
      } else if byte == 0x3E, let start = open {
        if index - start < 200 { ranges.append(start..<(index + 1)) }
        open = nil
      }
    }
    return ranges
  }
}
