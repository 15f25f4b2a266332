import Foundation
import ScanModel

/// How a canonical mitigation gets its name and primary code.
public enum MitigationNaming {
  /// The representative's title; else the title most members share (ties to the member closest to the
  /// representative, then the shorter, then alphabetical); else the representative's opening clause.
  static func name(
    representative: DeduplicationInput, members: [(input: DeduplicationInput, similarity: Double)],
    maxLength: Int
  ) -> String {
    if let title = cleaned(representative.title) {
      return trimmed(title, maxLength: maxLength)
    }
    var votes: [String: (count: Int, closeness: Double)] = [:]
    for member in members {
      guard let title = cleaned(member.input.title) else { continue }
      let previous = votes[title] ?? (0, -1)
      votes[title] = (previous.count + 1, max(previous.closeness, member.similarity))
    }
    let best = votes.min { lhs, rhs in
      if lhs.value.count != rhs.value.count { return lhs.value.count > rhs.value.count }
      if lhs.value.closeness != rhs.value.closeness { return lhs.value.closeness > rhs.value.closeness }
      if lhs.key.count != rhs.key.count { return lhs.key.count < rhs.key.count }
      return lhs.key < rhs.key
    }
    if let best {
      return trimmed(best.key, maxLength: maxLength)
    }
    return openingClause(representative.text, maxLength: maxLength)
  }

  /// The text up to its first sentence or clause break, capitalised; if still long, cut at its last comma
  /// that fits or else at a word boundary. Scans UTF-8 bytes: it runs once per mitigation, a million times
  /// on large inputs.
  static func openingClause(_ text: String, maxLength: Int) -> String {
    var text = text
    text.makeContiguousUTF8()
    var clauseBytes = firstClause(of: text, maxLength: maxLength)
    while let last = clauseBytes.last, [UInt8(ascii: ","), UInt8(ascii: "-")].contains(last) {
      clauseBytes.removeLast()
    }
    var clause = String(decoding: clauseBytes, as: UTF8.self)
    if let first = clauseBytes.first, first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z") {
      clauseBytes[0] = first - 32
      clause = String(decoding: clauseBytes, as: UTF8.self)
    }
    if clause.isEmpty { clause = text }
    // A long sentence is better cut at its last comma that fits than in mid-phrase.
    if clause.utf8.count > maxLength && clause.count > maxLength {
      let head = clause.prefix(maxLength)
      if let comma = head.lastIndex(of: ","), head.distance(from: head.startIndex, to: comma) >= maxLength / 3
      {
        return String(head[..<comma])
      }
    }
    return trimmed(clause, maxLength: maxLength)
  }

  /// The UTF-8 of the text up to its first sentence or clause break (a stop that ends a word and is not an
  /// abbreviation's), with runs of white space folded to one space.
  private static func firstClause(of text: String, maxLength: Int) -> [UInt8] {
    var clauseBytes: [UInt8] = []
    clauseBytes.reserveCapacity(min(text.utf8.count, 4 * maxLength))
    text.utf8.withContiguousStorageIfAvailable { bytes in
      var wordStart = 0
      var pendingSpace = false
      for index in bytes.indices {
        let byte = bytes[index]
        if isSpace(byte) {
          wordStart = index + 1
          pendingSpace = !clauseBytes.isEmpty
          continue
        }
        let ends: Bool
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "?"):
          ends =
            (index + 1 == bytes.count || isSpace(bytes[index + 1]))
            && !isAbbreviation(UnsafeBufferPointer(rebasing: bytes[wordStart...index]))
        default:
          ends = false
        }
        if ends { break }
        if pendingSpace {
          clauseBytes.append(0x20)
          pendingSpace = false
        }
        clauseBytes.append(byte)
      }
    }
    return clauseBytes
  }

  /// Cuts at the last word boundary that fits and adds an ellipsis.
  public static func trimmed(_ text: String, maxLength: Int) -> String {
    guard text.utf8.count > maxLength, text.count > maxLength else { return text }
    let limit = text.index(text.startIndex, offsetBy: maxLength - 1)
    var cut = text[..<limit]
    if let space = cut.lastIndex(where: \.isWhitespace),
      cut.distance(from: cut.startIndex, to: space) >= maxLength / 2
    {
      cut = cut[..<space]
    }
    var result = String(cut)
    while let last = result.last, ",;:-–— ".contains(last) {
      result.removeLast()
    }
    return result + "…"
  }

  /// The most common primary code among the members; ties to the representative's code, then the smallest.
  static func primaryCode(members: [DeduplicationInput], representative: DeduplicationInput) -> String? {
    var counts: [String: Int] = [:]
    for member in members {
      if let code = member.primaryCode, !code.isEmpty { counts[code, default: 0] += 1 }
    }
    guard let top = counts.values.max() else { return nil }
    let tied = counts.filter { $0.value == top }.keys
    if let own = representative.primaryCode, tied.contains(own) {
      return own
    }
    return tied.min()
  }

  private static func cleaned(_ title: String?) -> String? {
    guard let title else { return nil }
    let collapsed = title.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    var result = collapsed
    while let last = result.last, ".,;:".contains(last) {
      result.removeLast()
    }
    return result.isEmpty ? nil : result
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
  }

  /// "e.g." and "i.e." end with a full stop but do not end the clause; nor does an initial such as "A.".
  private static func isAbbreviation(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
    guard word.last == UInt8(ascii: "."), word.count <= 5 else { return false }
    if word.count == 2, let first = word.first {
      return (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first | 0x20)
    }
    let lower = String(decoding: word, as: UTF8.self).lowercased()
    return ["e.g.", "i.e.", "etc.", "cf.", "vs.", "no.", "art.", "sec."].contains(lower)
  }
}
