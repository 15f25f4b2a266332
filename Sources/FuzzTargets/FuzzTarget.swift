import Extraction
import Markup

/// One entry point for the fuzzers: a parser, or a format preset run through the extractor.
/// libFuzzer builds one executable per case (see Fuzz/), and the regression pass in RobustnessTests
/// feeds the same cases, so what the fuzzer finds and what CI replays go through one code path.
public enum FuzzTarget: String, CaseIterable, Sendable, CustomStringConvertible {
  case html
  case xml
  case latexml
  case govuk
  case euCodeOfPractice = "eu-code-of-practice"
  case nistActions = "nist-actions"
  case leginfo
  case tei
  case generic

  /// The parser the bytes go to.
  public var format: MarkupFormat {
    switch self {
    case .xml, .tei: .xml
    default: .html
    }
  }

  /// The format preset the extractor applies, or nil for the bare parsers.
  public var preset: String? {
    switch self {
    case .html, .xml: nil
    default: rawValue
    }
  }

  public var description: String { rawValue }

  /// Runs the entry point on `bytes`. Refusing the input is a fine outcome; crashing, hanging or
  /// breaking one of the invariants listed in `FuzzOutcome.violations` is not.
  public func run(_ bytes: [UInt8]) -> FuzzOutcome {
    if let preset {
      return FuzzEntry.extract(preset: preset, format: format, bytes: bytes)
    }
    return FuzzEntry.parse(bytes, format: format)
  }

  /// The libFuzzer callback's body: a broken invariant traps, so that libFuzzer keeps the input.
  public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let outcome = run(bytes)
    if !outcome.violations.isEmpty {
      fatalError("\(self): \(outcome.violations.joined(separator: "; "))")
    }
  }
}

/// What one run did with its input.
public struct FuzzOutcome: Sendable, CustomStringConvertible {
  public enum Verdict: Sendable, Equatable {
    /// Parsed (and extracted, for a preset): how many elements or units were seen.
    case accepted(count: Int)
    /// Refused with this message.
    case refused(String)
  }

  public var verdict: Verdict
  /// Invariants the run broke. Each one is a bug, as much as a crash is.
  public var violations: [String]

  public init(verdict: Verdict, violations: [String] = []) {
    self.verdict = verdict
    self.violations = violations
  }

  public var isAccepted: Bool {
    if case .accepted = verdict { return true }
    return false
  }

  public var description: String {
    let head =
      switch verdict {
      case .accepted(let count): "accepted (\(count))"
      case .refused(let message): "refused: \(message)"
      }
    return violations.isEmpty ? head : head + "; VIOLATIONS: " + violations.joined(separator: "; ")
  }
}
