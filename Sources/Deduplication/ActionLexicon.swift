import Foundation
import TextAnalysis

/// Kinds of action (assess, disclose, restrict ...) and the stems that name them. DESIGN.md's finding is
/// that the most similar pairs are mostly the same object under a different action ("implement an
/// alignment technique" / "publish an alignment strategy"), so a merge needs both statements to lead with
/// the same kind of action; the lexicon is what decides the kind.
public struct ActionLexicon: Sendable, Hashable {
  /// Class names, sorted; a class's index is its position here.
  public let classes: [String]
  /// One-stem entries: stem to class index.
  let singles: [String: Int]
  /// Entries of several stems (after stop words are removed), longest first, e.g. ["red", "team"].
  let phrases: [(stems: [String], classIndex: Int)]

  public static func == (lhs: ActionLexicon, rhs: ActionLexicon) -> Bool {
    lhs.classes == rhs.classes && lhs.singles == rhs.singles
      && lhs.phrases.map(\.stems) == rhs.phrases.map(\.stems)
      && lhs.phrases.map(\.classIndex) == rhs.phrases.map(\.classIndex)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(classes)
    hasher.combine(singles)
  }

  init(actions: [String: [String]], analyzer: TextAnalyzer = TextAnalyzer()) throws {
    let names = actions.keys.sorted()
    guard names.count <= 64 else {
      throw ConfigurationProblem(
        keyPath: "actions", message: "`actions` has \(names.count) kinds; at most 64 are supported")
    }
    var singles: [String: Int] = [:]
    var phrases: [(stems: [String], classIndex: Int)] = []
    var owner: [[String]: String] = [:]
    for (index, name) in names.enumerated() {
      let keyPath = "actions.\(name)"
      guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
        throw ConfigurationProblem(keyPath: keyPath, message: "an action kind needs a name")
      }
      let words = actions[name] ?? []
      guard !words.isEmpty else {
        throw ConfigurationProblem(keyPath: keyPath, message: "`\(keyPath)` lists no words")
      }
      for word in words {
        let stems = analyzer.terms(word)
        guard !stems.isEmpty else {
          throw ConfigurationProblem(
            keyPath: keyPath,
            message: "`\(keyPath)`: \"\(word)\" is only stop words, so it can never match; remove it")
        }
        if let other = owner[stems], other != name {
          throw ConfigurationProblem(
            keyPath: keyPath,
            message:
              "`\(keyPath)`: \"\(word)\" is also listed under `actions.\(other)`; a word names one kind")
        }
        owner[stems] = name
        if stems.count == 1 {
          singles[stems[0]] = index
        } else if !phrases.contains(where: { $0.stems == stems }) {
          phrases.append((stems, index))
        }
      }
    }
    phrases.sort { lhs, rhs in
      lhs.stems.count != rhs.stems.count
        ? lhs.stems.count > rhs.stems.count : lhs.stems.lexicographicallyPrecedes(rhs.stems)
    }
    self.classes = names
    self.singles = singles
    self.phrases = phrases
  }

  /// The shipped lexicon. Generic verbs (ensure, have, use, conduct, provide, develop, manage) are left
  /// out on purpose: they say nothing about the kind of action, and some share a stem with a noun
  /// ("provider", "developer", "risk management").
  public static let defaultActions: [String: [String]] = [
    "assess": [
      "assess", "evaluate", "test", "examine", "analyse", "analysis", "audit", "review", "red team", "probe",
      "measure", "benchmark", "inspect", "verify", "check", "scrutinise", "investigate", "validate",
      "identify",
      "estimate", "quantify", "appraise",
    ],
    "define": ["define", "specify", "determine"],
    "disclose": [
      "disclose", "disclosure", "publish", "report", "share", "inform", "notify", "notification",
      "communicate",
      "declare", "exchange", "announce", "make public", "alert",
    ],
    "implement": [
      "implement", "adopt", "establish", "introduce", "institute", "apply", "put in place", "enforce",
    ],
    "restrict": [
      "restrict", "limit", "prohibit", "ban", "block", "prevent", "deny", "refuse", "forbid", "constrain",
      "withhold",
      "filter",
    ],
    "train": ["train", "educate", "teach", "upskill", "coach"],
    "monitor": ["monitor", "track", "watch", "observe", "supervise", "surveil", "detect"],
    "document": ["document", "record", "log", "catalogue", "write down"],
    "protect": ["protect", "secure", "safeguard", "defend", "shield", "harden", "encrypt"],
    "maintain": ["maintain", "keep", "retain", "preserve", "update", "sustain"],
    "prepare": ["prepare", "plan", "rehearse", "drill"],
    "respond": [
      "respond", "remediate", "fix", "correct", "roll back", "shut down", "pause", "withdraw", "halt",
      "suspend",
      "recall", "revoke",
    ],
    "govern": [
      "oversee", "govern", "approve", "authorise", "sign off", "assign", "appoint", "designate", "escalate",
    ],
    "require": ["require", "mandate", "oblige"],
    "engage": ["consult", "engage", "involve", "collaborate", "cooperate", "partner", "invite"],
    "fund": ["fund", "invest", "finance", "allocate"],
    "label": ["label", "watermark", "mark", "tag"],
    "mitigate": ["mitigate", "reduce", "minimise", "lessen"],
  ]
}
