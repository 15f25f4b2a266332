import CSVInput
import Deduplication
import Foundation
import ScanModel

/// An interactive review: the queues, the keys a person presses and the decisions they make, each written
/// to decisions/merges.csv or decisions/codes.csv the moment it is made (`DecisionLog`).
///
/// Keys: in the merges queue `m` must-link, `c` cannot-link; in the codes queue `a` accept the machine's
/// code, `1`-`9` choose a listed code, `o` type another code; in both `s` skip, `u` undo the last decision,
/// `r` type a rationale for the next decision, `t` switch queues, `q` quit. Typed text ends with Enter and
/// is dropped with Escape.
///
/// Every `retrainEvery` pair decisions, the pair probabilities are refitted in the background to the
/// decisions made so far (a logistic recalibration of the model's probability, `LogisticRegression`), and
/// the merges queue is re-ordered by the new probabilities when the fit is ready.
public final class ReviewSession {
  public enum QueueName: String, Sendable { case merges, codes }

  enum Mode: Equatable {
    case keys
    case rationale(String)
    case otherCode(String)
  }

  struct Made {
    var log: DecisionLog
    var fields: [String]
    var item: ReviewItem
    var queue: QueueName
    var index: Int
  }

  public private(set) var queue: ReviewQueue
  public private(set) var current: QueueName
  public private(set) var decisions = 0
  public private(set) var status: String
  public private(set) var finished = false
  public let retrainEvery: Int
  public private(set) var retrains = 0

  private let mergesLog: DecisionLog
  private let codesLog: DecisionLog
  private let coder: String
  private let date: String
  private let knownCodes: Set<String>
  private var mode = Mode.keys
  private var rationale: String?
  private var history: [Made] = []
  /// Pair decisions of this session, for the refit: the model's probability and whether it was a must-link.
  private var pairLabels: [(probability: Double, duplicate: Bool)] = []
  private var pairsSinceRefit = 0
  private let pending = PendingRefit()

  static let mergesHeader = ["a", "b", "decision", "reason", "coder", "date"]
  static let codesHeader = ["statement", "facet", "code", "coder", "rationale", "date"]

  /// - Parameters:
  ///   - decisions: the folder with codes.csv and merges.csv (created when missing).
  ///   - knownCodes: the mitigation facet's codes, which `o` accepts.
  ///   - date: YYYY-MM-DD, written with each decision.
  public init(
    queue: ReviewQueue, decisions folder: String, coder: String, date: String, knownCodes: Set<String>,
    retrainEvery: Int = 5
  ) throws {
    self.queue = queue
    self.coder = coder
    self.date = date
    self.knownCodes = knownCodes
    self.retrainEvery = max(1, retrainEvery)
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    mergesLog = DecisionLog(path: DecisionFile.merges.path(in: folder), header: Self.mergesHeader)
    codesLog = DecisionLog(path: DecisionFile.codes.path(in: folder), header: Self.codesHeader)
    var warnings: [String] = []
    for log in [mergesLog, codesLog] {
      if let warning = try log.prepare() { warnings.append(warning) }
    }
    current = queue.merges.isEmpty && !queue.codes.isEmpty ? .codes : .merges
    status = warnings.isEmpty ? "ready" : warnings.joined(separator: "; ")
  }

  /// Shows `message` on the status line.
  public func note(_ message: String) {
    status = message
  }

  /// The item on screen, if any is left in the current queue.
  public var item: ReviewItem? {
    switch current {
    case .merges: queue.merges.first.map(ReviewItem.pair)
    case .codes: queue.codes.first.map(ReviewItem.code)
    }
  }

  /// What is being typed, if anything: shown on the prompt line.
  var prompt: String? {
    switch mode {
    case .keys: rationale.map { "rationale: \($0)" }
    case .rationale(let text): "rationale> \(text)"
    case .otherCode(let text): "code> \(text)"
    }
  }

  /// Handles one key (a byte from the terminal).
  public func handle(_ key: UInt8) throws {
    applyFinishedRefit()
    switch mode {
    case .rationale(let text): typeRationale(text, key)
    case .otherCode(let text): try typeOtherCode(text, key)
    case .keys: try handleCommand(key)
    }
  }

  /// A key while a rationale is typed: Return keeps it for the next decision, Escape drops it.
  private func typeRationale(_ text: String, _ key: UInt8) {
    if let next = edit(text, key) {
      mode = .rationale(next)
    } else if key == 0x0D || key == 0x0A {
      rationale = text.isEmpty ? nil : text
      mode = .keys
      status = "rationale kept for the next decision"
    } else if key == 0x1B {
      mode = .keys
      status = "rationale dropped"
    }
  }

  /// A key while a code is typed: Return records it when it is a mitigation code, Escape gives up.
  private func typeOtherCode(_ text: String, _ key: UInt8) throws {
    if let next = edit(text, key) {
      mode = .otherCode(next)
    } else if key == 0x0D || key == 0x0A {
      mode = .keys
      if knownCodes.contains(text) {
        try decideCode(text, how: "chose")
      } else {
        status = "`\(text)` is not a mitigation code; nothing recorded"
      }
    } else if key == 0x1B {
      mode = .keys
      status = "no code typed"
    }
  }

  /// A key when nothing is being typed: one of the commands `keyHelp` lists.
  private func handleCommand(_ key: UInt8) throws {
    switch key {
    case UInt8(ascii: "q"), 0x03:
      finished = true
    case UInt8(ascii: "t"), 0x09:
      current = current == .merges ? .codes : .merges
      status = "\(current.rawValue) queue"
    case UInt8(ascii: "r"):
      mode = .rationale(rationale ?? "")
    case UInt8(ascii: "s"):
      skip()
    case UInt8(ascii: "u"):
      try undo()
    case UInt8(ascii: "m") where current == .merges:
      try decidePair(.mustLink)
    case UInt8(ascii: "c") where current == .merges:
      try decidePair(.cannotLink)
    case UInt8(ascii: "a") where current == .codes:
      guard case .code(let item)? = item else { return }
      try decideCode(item.machineCode, how: "accepted")
    case UInt8(ascii: "o") where current == .codes:
      if item != nil { mode = .otherCode("") }
    case UInt8(ascii: "1")...UInt8(ascii: "9") where current == .codes:
      try chooseCandidate(Int(key - UInt8(ascii: "1")))
    default:
      status = "keys: \(keyHelp)"
    }
  }

  /// Records the code item's candidate at `index` (0-based).
  private func chooseCandidate(_ index: Int) throws {
    guard case .code(let item)? = item else { return }
    guard index < item.candidates.count else {
      status = "no candidate \(index + 1)"
      return
    }
    try decideCode(item.candidates[index].code, how: "chose")
  }

  var keyHelp: String {
    let decide =
      current == .merges ? "m must-link  c cannot-link" : "a accept  1-9 choose  o other code"
    return "\(decide)  s skip  u undo  r rationale  t switch queue  q quit"
  }

  private func edit(_ text: String, _ key: UInt8) -> String? {
    if key == 0x7F || key == 0x08 { return String(text.dropLast()) }
    if key >= 0x20 && key < 0x7F { return text + String(UnicodeScalar(key)) }
    return nil
  }

  private func skip() {
    switch current {
    case .merges where !queue.merges.isEmpty:
      queue.merges.append(queue.merges.removeFirst())
      status = "skipped; it comes back at the end of the queue"
    case .codes where !queue.codes.isEmpty:
      queue.codes.append(queue.codes.removeFirst())
      status = "skipped; it comes back at the end of the queue"
    default:
      status = "nothing to skip"
    }
  }

  private func decidePair(_ kind: LinkDecision.Kind) throws {
    guard let pair = queue.merges.first else {
      status = "the merges queue is empty"
      return
    }
    let reason =
      rationale
      ?? (kind == .mustLink
        ? "the same practice (decided in evscan review)"
        : "different practices (decided in evscan review)")
    let fields = [pair.left.id, pair.right.id, kind.rawValue, reason, coder, date]
    try mergesLog.append(fields)
    queue.merges.removeFirst()
    history.append(Made(log: mergesLog, fields: fields, item: .pair(pair), queue: .merges, index: 0))
    pairLabels.append((pair.probability, kind == .mustLink))
    rationale = nil
    decisions += 1
    pairsSinceRefit += 1
    status = "\(kind.rawValue) \(pair.left.id) ~ \(pair.right.id) written to \(DecisionFile.merges.fileName)"
    if pairsSinceRefit >= retrainEvery { startRefit() }
  }

  private func decideCode(_ code: String, how: String) throws {
    guard let item = queue.codes.first else {
      status = "the codes queue is empty"
      return
    }
    let reason = rationale ?? "\(how) \(code) in evscan review"
    let fields = [item.statement.id, "mitigation", code, coder, reason, date]
    try codesLog.append(fields)
    queue.codes.removeFirst()
    history.append(Made(log: codesLog, fields: fields, item: .code(item), queue: .codes, index: 0))
    rationale = nil
    decisions += 1
    status = "\(code) for \(item.statement.id) written to \(DecisionFile.codes.fileName)"
  }

  private func undo() throws {
    guard let last = history.popLast() else {
      status = "nothing to undo"
      return
    }
    guard try last.log.removeLast(last.fields) else {
      history.append(last)
      status = "cannot undo: the last line of \(last.log.path) is not this session's decision"
      return
    }
    switch last.item {
    case .pair(let pair):
      queue.merges.insert(pair, at: 0)
      if !pairLabels.isEmpty { pairLabels.removeLast() }
      pairsSinceRefit = max(0, pairsSinceRefit - 1)
    case .code(let code):
      queue.codes.insert(code, at: 0)
    }
    current = last.queue
    decisions -= 1
    status = "undone: \(last.fields[0]) \(last.fields[1]) \(last.fields[2])"
  }

  // MARK: - Refitting

  private func startRefit() {
    pairsSinceRefit = 0
    let labels = pairLabels
    guard Set(labels.map(\.duplicate)).count == 2 else {
      status += "; refit waits for both must-links and cannot-links"
      return
    }
    status += "; refitting on \(labels.count) decisions in the background"
    let box = pending
    box.started()
    DispatchQueue.global().async {
      let regression = LogisticRegression.fit(
        rows: labels.map { [Self.logit($0.probability)] }, labels: labels.map(\.duplicate), penalty: 1)
      box.put(regression, count: labels.count)
    }
  }

  /// Waits for a refit started in the background (for scripts and tests; the terminal loop polls instead).
  func waitForRefit() {
    pending.wait()
    applyFinishedRefit()
  }

  /// Applies a finished refit: new probabilities for the pairs left, and the queue re-ordered.
  public func applyFinishedRefit() {
    guard let (regression, count) = pending.take() else { return }
    let before = queue.merges.first.map { "\($0.left.id) ~ \($0.right.id)" }
    for index in queue.merges.indices {
      let original = queue.merges[index].components["probability"] ?? queue.merges[index].score
      queue.merges[index].probability = regression.probability([Self.logit(original)])
    }
    queue.order()
    retrains += 1
    let after = queue.merges.first.map { "\($0.left.id) ~ \($0.right.id)" }
    status =
      "refitted on \(count) decisions (refit \(retrains)); queue re-ordered"
      + (before != after ? ", next pair changed" : ", same next pair")
  }

  static func logit(_ probability: Double) -> Double {
    let clamped = min(max(probability, 1e-4), 1 - 1e-4)
    return log(clamped / (1 - clamped))
  }
}

/// The result of a background refit, handed to the session's thread under a lock.
final class PendingRefit: @unchecked Sendable {
  private let condition = NSCondition()
  private var result: (LogisticRegression, Int)?
  private var running = 0

  func put(_ regression: LogisticRegression, count: Int) {
    condition.lock()
    result = (regression, count)
    running = 0
    condition.broadcast()
    condition.unlock()
  }

  func take() -> (LogisticRegression, Int)? {
    condition.lock()
    defer { condition.unlock() }
    let taken = result
    result = nil
    return taken
  }

  func wait() {
    condition.lock()
    while running > 0 && result == nil { condition.wait() }
    condition.unlock()
  }

  func started() {
    condition.lock()
    running = 1
    condition.unlock()
  }
}
