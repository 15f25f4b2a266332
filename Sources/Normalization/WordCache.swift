import Foundation

/// The meanings of the ASCII words seen so far, keyed by their lower-cased bytes. Analysing a word
/// (spelling map, stemmer, look-ups by string) costs far more than finding it again, and statements
/// repeat a small vocabulary. Shared by the threads that code statements: the table is split into
/// shards, each behind its own lock. A word's meaning does not depend on what was seen before, so the
/// cache changes no result, only how fast it comes.
final class WordCache: @unchecked Sendable {
  private static let shardCount = 16
  /// Past this many words a shard stops learning, so that memory stays bounded on any input.
  private static let wordsPerShard = 1 << 16

  private let shards: [Shard]

  init() {
    shards = (0..<Self.shardCount).map { _ in Shard() }
  }

  /// The meaning of the word `bytes` (ASCII), from the cache or from `analyse`, which is then kept.
  func meaning(
    of bytes: UnsafeBufferPointer<UInt8>, analyse: () -> AnalysedWord.Meaning
  ) -> AnalysedWord.Meaning {
    let hash = Self.hash(bytes)
    let shard = shards[Int(hash >> 60) & (Self.shardCount - 1)]
    shard.lock.lock()
    defer { shard.lock.unlock() }
    if let known = shard.table.find(bytes, hash: hash) { return known }
    let meaning = analyse()
    if shard.table.count < Self.wordsPerShard { shard.table.insert(bytes, hash: hash, meaning: meaning) }
    return meaning
  }

  /// FNV-1a over the lower-cased bytes.
  private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash = (hash ^ UInt64(lowercased(byte))) &* 0x0000_0100_0000_01B3
    }
    return hash
  }

  static func lowercased(_ byte: UInt8) -> UInt8 {
    byte &- 0x41 < 26 ? byte | 0x20 : byte
  }

  private final class Shard {
    let lock = NSLock()
    var table = Table()
  }

  /// Open addressing over a byte arena: no string is built to find a word.
  private struct Table {
    private struct Entry {
      var hash: UInt64
      var keyStart: Int32
      var keyLength: Int32
      var meaning: AnalysedWord.Meaning
    }

    private var slots = [Int32](repeating: -1, count: 64)
    private var entries: [Entry] = []
    private var keys: [UInt8] = []

    var count: Int { entries.count }

    func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> AnalysedWord.Meaning? {
      let mask = slots.count - 1
      var slot = Int(truncatingIfNeeded: hash) & mask
      while true {
        let index = slots[slot]
        if index < 0 { return nil }
        let entry = entries[Int(index)]
        if entry.hash == hash && matches(entry, bytes) { return entry.meaning }
        slot = (slot + 1) & mask
      }
    }

    mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, meaning: AnalysedWord.Meaning) {
      if (entries.count + 1) * 2 > slots.count { grow() }
      entries.append(
        Entry(hash: hash, keyStart: Int32(keys.count), keyLength: Int32(bytes.count), meaning: meaning))
      for byte in bytes { keys.append(WordCache.lowercased(byte)) }
      place(Int32(entries.count - 1))
    }

    private func matches(_ entry: Entry, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
      guard Int(entry.keyLength) == bytes.count else { return false }
      let start = Int(entry.keyStart)
      for offset in 0..<bytes.count where keys[start + offset] != WordCache.lowercased(bytes[offset]) {
        return false
      }
      return true
    }

    private mutating func place(_ index: Int32) {
      let mask = slots.count - 1
      var slot = Int(truncatingIfNeeded: entries[Int(index)].hash) & mask
      while slots[slot] >= 0 { slot = (slot + 1) & mask }
      slots[slot] = index
    }

    private mutating func grow() {
      slots = [Int32](repeating: -1, count: slots.count * 2)
      for index in entries.indices { place(Int32(index)) }
    }
  }
}
