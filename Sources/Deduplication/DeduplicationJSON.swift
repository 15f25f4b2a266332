import ScanModel
import Utilities

/// Writes a `DeduplicationResult` as compact JSON with sorted keys: the same document `JSONEncoder` with
/// `.sortedKeys` gives (nil optionals left out), written directly, because encoding a million-statement result
/// through `JSONEncoder` takes longer than deduplicating it. `evscan dedupe --json` should use this, with a
/// `DeduplicationOutcome`: the document is the same, and the edges are written from their scores a few
/// thousand at a time.
public enum DeduplicationJSON {
  public static func encode(_ result: DeduplicationResult) -> String {
    var bytes: [UInt8] = []
    write(result) { bytes.append(contentsOf: $0) }
    return String(decoding: bytes, as: UTF8.self)
  }

  public static func encode(_ outcome: DeduplicationOutcome) -> String {
    var bytes: [UInt8] = []
    write(outcome) { bytes.append(contentsOf: $0) }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Writes the document in pieces of about `chunkSize` bytes to `sink`, so that a result with millions of
  /// edges (gigabytes of JSON) is never held whole in memory.
  public static func write(
    _ result: DeduplicationResult, chunkSize: Int = 1 << 20, to sink: (UnsafeBufferPointer<UInt8>) -> Void
  ) {
    withoutActuallyEscaping(sink) { sink in
      var out = JSONTextWriter(flush: JSONTextWriter.Flush(threshold: chunkSize, sink: sink))
      document(
        candidatePairs: result.candidatePairs, decisionsApplied: result.decisionsApplied,
        exhaustive: result.exhaustive, identityChanges: result.identityChanges, ledger: result.ledger,
        membershipKeys: result.ledger.memberships.keys.sorted(), mitigations: result.mitigations, into: &out
      ) { value in
        value.array(result.edges) { $0.edge($1) }
      }
      out.flushNow()
    }
  }

  /// The same document as `write(outcome.result())`, without holding every edge's reason at once; the
  /// edges and mitigations are encoded on all cores.
  public static func write(
    _ outcome: DeduplicationOutcome, chunkSize: Int = 1 << 20, to sink: (UnsafeBufferPointer<UInt8>) -> Void
  ) {
    withoutActuallyEscaping(sink) { sink in
      var out = JSONTextWriter(flush: JSONTextWriter.Flush(threshold: chunkSize, sink: sink))
      // The ledger holds every statement of the run and no other, so its keys in order are the statement
      // ids, which are sorted already; sorting a million of them again took a second.
      let statements = outcome.edges.statements
      let keys =
        outcome.ledger.memberships.count == statements.count
        ? statements.map(\.id) : outcome.ledger.memberships.keys.sorted()
      document(
        candidatePairs: outcome.candidatePairs, decisionsApplied: outcome.decisionsApplied,
        exhaustive: outcome.exhaustive, identityChanges: outcome.identityChanges, ledger: outcome.ledger,
        membershipKeys: keys, mitigations: outcome.mitigations, into: &out
      ) { value in
        value.parallelArray(outcome.edges.count) { writer, range in
          outcome.edges.forEachReason(in: range) { position, secondID, reason in
            writer.bytes.append(UInt8(ascii: ","))
            writer.edge(outcome.edges, position, secondID: secondID, reason: reason)
          }
        }
      }
      out.flushNow()
    }
  }

  private static func document(
    candidatePairs: Int, decisionsApplied: [LinkDecision], exhaustive: Bool,
    identityChanges: [IdentityChange],
    ledger: IdentityLedger, membershipKeys: [String], mitigations: [Mitigation],
    into out: inout JSONTextWriter,
    edges: (inout JSONTextWriter) -> Void
  ) {
    out.object { object in
      object.field("candidatePairs") { $0.number(Double(candidatePairs)) }
      object.field("decisionsApplied") { value in
        value.array(decisionsApplied) { $0.decision($1) }
      }
      object.field("edges", edges)
      object.field("exhaustive") { $0.bool(exhaustive) }
      object.field("identityChanges") { value in write(identityChanges, into: &value) }
      object.field("ledger") { value in
        value.object { fields in
          fields.field("changes") { value in write(ledger.changes, into: &value) }
          fields.field("issued") { value in value.array(ledger.issued) { $0.string($1) } }
          fields.field("memberships") { value in
            value.object { memberships in
              for key in membershipKeys {
                memberships.field(key) { $0.string(ledger.memberships[key] ?? "") }
              }
            }
          }
          fields.field("retired") { value in
            value.array(ledger.retired) { writer, record in
              writer.object { object in
                object.field("fate") { $0.string(record.fate.rawValue) }
                object.field("into") { value in value.array(record.into) { $0.string($1) } }
                object.field("mitigationID") { $0.string(record.mitigationID) }
                object.field("removedStatements") { value in
                  value.array(record.removedStatements) { $0.string($1) }
                }
                object.field("statements") { value in value.array(record.statements) { $0.string($1) } }
              }
            }
          }
        }
      }
      object.field("mitigations") { value in
        value.parallelArray(mitigations.count) { $0.mitigation(mitigations[$1]) }
      }
    }
  }
}

extension DeduplicationJSON {
  fileprivate static func write(_ changes: [IdentityChange], into out: inout JSONTextWriter) {
    out.array(changes) { writer, change in
      writer.object { object in
        object.field("from") { value in value.array(change.from) { $0.string($1) } }
        object.field("kind") { $0.string(change.kind.rawValue) }
        object.field("mitigationID") { $0.string(change.mitigationID) }
      }
    }
  }
}

/// A small JSON text builder: objects take their fields in the order given, which the callers keep sorted.
private struct JSONTextWriter {
  /// Where full pieces go, and how full a piece is.
  struct Flush {
    var threshold: Int
    var sink: (UnsafeBufferPointer<UInt8>) -> Void
  }

  var bytes: [UInt8] = []
  let flush: Flush?

  init(flush: Flush? = nil) {
    self.flush = flush
  }

  /// Hands the bytes written so far to the sink. Only at element boundaries, never inside a string.
  mutating func flushNow() {
    guard let flush, !bytes.isEmpty else { return }
    bytes.withUnsafeBufferPointer { flush.sink($0) }
    bytes.removeAll(keepingCapacity: true)
  }

  struct ObjectWriter {
    fileprivate var writer: JSONTextWriter
    fileprivate var first = true

    mutating func field(_ key: String, _ value: (inout JSONTextWriter) -> Void) {
      if !first { writer.bytes.append(UInt8(ascii: ",")) }
      first = false
      writer.string(key)
      writer.bytes.append(UInt8(ascii: ":"))
      value(&writer)
    }
  }

  mutating func object(_ fields: (inout ObjectWriter) -> Void) {
    bytes.append(UInt8(ascii: "{"))
    // The bytes move into the field writer and back by swapping, so that they are never shared and an
    // append never copies them.
    var object = ObjectWriter(writer: JSONTextWriter(flush: flush))
    swap(&object.writer.bytes, &bytes)
    fields(&object)
    swap(&object.writer.bytes, &bytes)
    bytes.append(UInt8(ascii: "}"))
  }

  mutating func array<T>(_ elements: [T], _ element: (inout JSONTextWriter, T) -> Void) {
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
  mutating func parallelArray(_ count: Int, _ element: (inout JSONTextWriter, Int) -> Void) {
    parallelArray(count) { writer, range in
      for index in range {
        writer.bytes.append(UInt8(ascii: ","))
        element(&writer, index)
      }
    }
  }

  /// `parallelArray` for a writer of whole pieces: `piece` writes the elements of a range of indices, each
  /// after a comma (the array's first comma is dropped here).
  mutating func parallelArray(_ count: Int, pieces piece: (inout JSONTextWriter, Range<Int>) -> Void) {
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

  mutating func bool(_ value: Bool) {
    bytes.append(contentsOf: (value ? "true" : "false").utf8)
  }

  /// Whole numbers without a fraction (as JSONEncoder writes them), others in the shortest form that reads
  /// back to the same Double.
  mutating func number(_ value: Double) {
    if value.isFinite && value == value.rounded() && abs(value) < 1e15 {
      bytes.append(contentsOf: String(Int64(value)).utf8)
    } else if value.isFinite {
      bytes.append(contentsOf: value.description.utf8)
    } else {
      bytes.append(contentsOf: "null".utf8)
    }
  }

  /// `number(value.rounded(toPlaces: 6))`, written digit by digit for the usual case, a value in
  /// 0.0001..<1: Double's description of k / 1_000_000 is then "0." and k's six digits less trailing
  /// zeros, because no shorter decimal lies as close to it. Millions of these are written per run.
  mutating func roundedNumber(_ value: Double) {
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

  mutating func string(_ value: String) {
    var value = value
    value.withUTF8 { string(utf8: $0) }
  }

  mutating func string(utf8: UnsafeBufferPointer<UInt8>) {
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

  mutating func decision(_ decision: LinkDecision) {
    object { object in
      object.field("a") { $0.string(decision.a) }
      object.field("b") { $0.string(decision.b) }
      object.field("coder") { $0.string(decision.coder) }
      object.field("kind") { $0.string(decision.kind.rawValue) }
      object.field("reason") { $0.string(decision.reason) }
      object.field("source") { value in
        value.object { source in
          if let column = decision.source.column { source.field("column") { $0.number(Double(column)) } }
          if let element = decision.source.element { source.field("element") { $0.string(element) } }
          source.field("file") { $0.string(decision.source.file) }
          if let line = decision.source.line { source.field("line") { $0.number(Double(line)) } }
        }
      }
    }
  }

  mutating func edge(_ edge: SimilarityEdge) {
    object { object in
      object.field("a") { $0.string(edge.a) }
      object.field("b") { $0.string(edge.b) }
      object.field("components") { value in
        value.object { components in
          for key in edge.components.keys.sorted() {
            components.field(key) { $0.number(edge.components[key] ?? 0) }
          }
        }
      }
      object.field("reason") { $0.string(edge.reason) }
      object.field("score") { $0.number(edge.score) }
      object.field("verdict") { $0.string(edge.verdict.rawValue) }
    }
  }

  /// The same bytes as `edge(_: SimilarityEdge)` gives for `edges.edge(position)`, written from the scores
  /// with the keys spelled out in their sorted order (the components: concepts, lexical, object, probability,
  /// tfidf), so that no dictionary or reason string is made for each of millions of edges.
  mutating func edge(
    _ edges: ReportedEdges, _ position: Int, secondID: String, reason: UnsafeBufferPointer<UInt8>
  ) {
    let pair = edges.pair(position)
    let score = pair.score
    bytes.appendLiteral(#"{"a":"#)
    string(edges.statements[pair.i].id)
    bytes.appendLiteral(#","b":"#)
    string(secondID)
    bytes.appendLiteral(#","components":{"#)
    if let concepts = score.concepts {
      bytes.appendLiteral(#""concepts":"#)
      roundedNumber(concepts)
      bytes.append(UInt8(ascii: ","))
    }
    bytes.appendLiteral(#""lexical":"#)
    roundedNumber(score.lexical)
    bytes.appendLiteral(#","object":"#)
    roundedNumber(score.object)
    if let probability = score.probability {
      bytes.appendLiteral(#","probability":"#)
      roundedNumber(probability)
    }
    bytes.appendLiteral(#","tfidf":"#)
    roundedNumber(score.tfidf)
    bytes.appendLiteral(#"},"reason":"#)
    string(utf8: reason)
    bytes.appendLiteral(#","score":"#)
    roundedNumber(score.score)
    bytes.appendLiteral(#","verdict":"#)
    string(edges.verdict(position).rawValue)
    bytes.append(UInt8(ascii: "}"))
  }

  mutating func mitigation(_ mitigation: Mitigation) {
    object { object in
      object.field("definition") { $0.string(mitigation.definition) }
      object.field("id") { $0.string(mitigation.id) }
      object.field("members") { value in
        value.array(mitigation.members) { writer, member in
          writer.object { object in
            object.field("joinedBy") { $0.string(member.joinedBy) }
            object.field("similarityToRepresentative") { $0.number(member.similarityToRepresentative) }
            object.field("statementID") { $0.string(member.statementID) }
          }
        }
      }
      object.field("name") { $0.string(mitigation.name) }
      if let code = mitigation.primaryCode { object.field("primaryCode") { $0.string(code) } }
      object.field("representativeStatementID") { $0.string(mitigation.representativeStatementID) }
      object.field("sources") { value in value.array(mitigation.sources) { $0.string($1) } }
    }
  }
}
