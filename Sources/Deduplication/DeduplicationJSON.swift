import ScanModel

/// Writes a `DeduplicationResult` as compact JSON with sorted keys: the same document `JSONEncoder` with
/// `.sortedKeys` gives (nil optionals left out), written directly, because encoding a million-statement result
/// through `JSONEncoder` takes longer than deduplicating it. `evscan dedupe --json` should use this.
public enum DeduplicationJSON {
  public static func encode(_ result: DeduplicationResult) -> String {
    var bytes: [UInt8] = []
    write(result) { bytes.append(contentsOf: $0) }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Writes the document in pieces of about `chunkSize` bytes to `sink`, so that a result with millions of
  /// edges (gigabytes of JSON) is never held whole in memory.
  public static func write(
    _ result: DeduplicationResult, chunkSize: Int = 1 << 20, to sink: (UnsafeBufferPointer<UInt8>) -> Void
  ) {
    withoutActuallyEscaping(sink) { sink in
      var out = JSONTextWriter(flush: JSONTextWriter.Flush(threshold: chunkSize, sink: sink))
      document(result, into: &out)
      out.flushNow()
    }
  }

  private static func document(_ result: DeduplicationResult, into out: inout JSONTextWriter) {
    out.object { object in
      object.field("candidatePairs") { $0.number(Double(result.candidatePairs)) }
      object.field("decisionsApplied") { value in
        value.array(result.decisionsApplied) { $0.decision($1) }
      }
      object.field("edges") { value in
        value.array(result.edges) { $0.edge($1) }
      }
      object.field("exhaustive") { $0.bool(result.exhaustive) }
      object.field("identityChanges") { value in
        value.array(result.identityChanges) { writer, change in
          writer.object { object in
            object.field("from") { value in value.array(change.from) { $0.string($1) } }
            object.field("kind") { $0.string(change.kind.rawValue) }
            object.field("mitigationID") { $0.string(change.mitigationID) }
          }
        }
      }
      object.field("ledger") { value in
        value.object { ledger in
          ledger.field("issued") { value in value.array(result.ledger.issued) { $0.string($1) } }
          ledger.field("memberships") { value in
            value.object { memberships in
              for key in result.ledger.memberships.keys.sorted() {
                memberships.field(key) { $0.string(result.ledger.memberships[key] ?? "") }
              }
            }
          }
        }
      }
      object.field("mitigations") { value in
        value.array(result.mitigations) { $0.mitigation($1) }
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

  mutating func string(_ value: String) {
    bytes.append(UInt8(ascii: "\""))
    var value = value
    value.withUTF8 { utf8 in
      // Runs of bytes that need no escape are copied whole.
      var runStart = 0
      for index in 0..<utf8.count {
        let byte = utf8[index]
        guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
        runStart = index + 1
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
    }
    bytes.append(UInt8(ascii: "\""))
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
