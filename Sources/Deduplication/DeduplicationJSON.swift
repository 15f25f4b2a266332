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
      object.field("candidatePairs") { $0.integer(candidatePairs) }
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

extension JSONTextWriter {
  mutating func decision(_ decision: LinkDecision) {
    object { object in
      object.field("a") { $0.string(decision.a) }
      object.field("b") { $0.string(decision.b) }
      object.field("coder") { $0.string(decision.coder) }
      object.field("kind") { $0.string(decision.kind.rawValue) }
      object.field("reason") { $0.string(decision.reason) }
      object.field("source") { value in
        value.object { source in
          if let column = decision.source.column { source.field("column") { $0.integer(column) } }
          if let element = decision.source.element { source.field("element") { $0.string(element) } }
          source.field("file") { $0.string(decision.source.file) }
          if let line = decision.source.line { source.field("line") { $0.integer(line) } }
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
