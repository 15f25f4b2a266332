/// A regular expression from a common subset, matched on a string's UTF-8 bytes with the meaning ICU
/// (and so `NSRegularExpression`) gives it. On Linux every `NSRegularExpression` call bridges the whole
/// string to UTF-16 and builds result objects, several microseconds a unit, more than the rest of
/// building a statement; labels and titles are read with short anchored patterns that need none of it.
///
/// The subset: literal characters, `.`, escaped punctuation, `\t \n \r \f`, `\d \D \s \S \w \W`, classes
/// of characters and ranges (`[A-Za-z0-9]`, `[^)]`), groups `( )` and `(?: )`, `|`, greedy `? * + {n}
/// {n,} {n,m}` on what cannot match empty, `^` and `$`. Anything else is refused (`init` returns nil)
/// and the caller uses `NSRegularExpression`; so does a match that reaches a character whose class
/// depends on Unicode data (`\d`, `\s` or `\w` against a non-ASCII character or a vertical tab).
struct FastPattern {
  /// What a match attempt found.
  enum Outcome: Equatable {
    case noMatch
    /// The byte range of the first capture group, or of the whole match when the pattern has no group;
    /// nil when that group took no part in the match.
    case match(Range<Int>?)
    /// A character needed Unicode data, or the search took too many steps: ask ICU.
    case undecided
  }

  fileprivate enum Instruction {
    case scalar(UInt32)
    case any
    case set(Int)
    case start
    case end
    /// Try the first target, then on failure the second.
    case split(Int, Int)
    case jump(Int)
    case save(Int)
    case match
  }

  private let program: [Instruction]
  private let sets: [CharacterSet]
  private let captureCount: Int
  private let anchored: Bool

  /// Steps one search may take before handing the text to ICU instead.
  private static let stepLimit = 200_000

  init?(_ pattern: String) {
    var parser = Parser(Array(pattern.unicodeScalars))
    guard let tree = parser.parse(), parser.atEnd else { return nil }
    var compiler = Compiler()
    guard compiler.compile(tree), compiler.program.count < 4096 else { return nil }
    compiler.program.append(.match)
    program = compiler.program
    sets = parser.sets
    captureCount = parser.captureCount
    anchored = tree.startsWithAnchor
  }

  /// The first match in `text`, as `NSRegularExpression.firstMatch` would find it.
  func firstMatch(in text: String) -> Outcome {
    // Most label patterns backtrack a few steps; a stack small enough for the machine stack serves them
    // without a heap block, and only a search that outgrows it runs again with the deep one.
    let shallow = firstMatch(in: text, stackLimit: Self.shallowStackLimit)
    return shallow == .undecided ? firstMatch(in: text, stackLimit: Self.stackLimit) : shallow
  }

  private func firstMatch(in text: String, stackLimit: Int) -> Outcome {
    var copy = text
    return copy.withUTF8 { bytes in
      // Capture slots and the backtracking stack live on the machine stack when they fit: a label is read
      // per unit, and two heap arrays a read cost more than the matching (a heap block of a kilobyte or
      // more also makes malloc sweep its recently freed small blocks). A search that needs a deeper
      // stack is left to ICU.
      withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * (captureCount + 1)) { slots in
        withUnsafeTemporaryAllocation(of: Backtrack.self, capacity: stackLimit) { stack in
          var steps = 0
          var start = 0
          while start <= bytes.count {
            switch run(bytes, from: start, slots: slots, stack: stack, steps: &steps) {
            case .match(let range): return .match(range)
            case .undecided: return .undecided
            case .noMatch: break
            }
            if anchored || start == bytes.count { break }
            start += 1
            while start < bytes.count && bytes[start] & 0xC0 == 0x80 { start += 1 }
          }
          return .noMatch
        }
      }
    }
  }

  /// Backtracking entries a search may hold before it is left to ICU.
  private static let stackLimit = 256
  /// Entries that fit in under a kilobyte, which Swift keeps on the machine stack.
  private static let shallowStackLimit = 1000 / MemoryLayout<Backtrack>.stride

  private enum Backtrack {
    case branch(pc: Int, position: Int)
    case restore(slot: Int, value: Int)
  }

  /// A backtracking run from `start`, with an explicit stack: a long text under `.+` would otherwise
  /// recurse once per character.
  private func run(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, slots: UnsafeMutableBufferPointer<Int>,
    stack: UnsafeMutableBufferPointer<Backtrack>, steps: inout Int
  ) -> Outcome {
    for index in slots.indices { slots[index] = -1 }
    var depth = 0
    var pc = 0
    var position = start
    slots[0] = start
    while true {
      steps += 1
      if steps > Self.stepLimit { return .undecided }
      var advance = true
      switch program[pc] {
      case .scalar(let expected):
        if let (scalar, width) = Self.decode(bytes, at: position), scalar == expected {
          position += width
        } else {
          advance = false
        }
      case .any:
        if let (scalar, width) = Self.decode(bytes, at: position), !Self.isLineTerminator(scalar) {
          position += width
        } else {
          advance = false
        }
      case .set(let index):
        if let (scalar, width) = Self.decode(bytes, at: position) {
          guard let inside = sets[index].contains(scalar) else { return .undecided }
          if inside { position += width } else { advance = false }
        } else {
          advance = false
        }
      case .start:
        advance = position == 0
      case .end:
        advance = Self.isAtEnd(bytes, position)
      case .split(let first, let second):
        guard depth < stack.count else { return .undecided }
        stack.initializeElement(at: depth, to: .branch(pc: second, position: position))
        depth += 1
        pc = first
        continue
      case .jump(let target):
        pc = target
        continue
      case .save(let slot):
        guard depth < stack.count else { return .undecided }
        stack.initializeElement(at: depth, to: .restore(slot: slot, value: slots[slot]))
        depth += 1
        slots[slot] = position
      case .match:
        slots[1] = position
        let group = captureCount > 0 ? 1 : 0
        let (from, to) = (slots[2 * group], slots[2 * group + 1])
        return .match(from >= 0 && to >= from ? from..<to : nil)
      }
      if advance {
        pc += 1
        continue
      }
      // Back to the latest untried branch, undoing the captures saved since.
      var resumed = false
      while depth > 0 && !resumed {
        depth -= 1
        switch stack[depth] {
        case .restore(let slot, let value):
          slots[slot] = value
        case .branch(let target, let at):
          pc = target
          position = at
          resumed = true
        }
      }
      if !resumed { return .noMatch }
    }
  }

  private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int)? {
    guard index < bytes.count else { return nil }
    let lead = UInt32(bytes[index])
    if lead < 0x80 { return (lead, 1) }
    func next(_ offset: Int) -> UInt32 { UInt32(bytes[index + offset]) & 0x3F }
    // The bytes are a String's, so well formed.
    if lead >= 0xF0 { return ((lead & 0x07) << 18 | next(1) << 12 | next(2) << 6 | next(3), 4) }
    if lead >= 0xE0 { return ((lead & 0x0F) << 12 | next(1) << 6 | next(2), 3) }
    return ((lead & 0x1F) << 6 | next(1), 2)
  }

  /// ICU's line terminators, which `.` does not match and `$` may stand before.
  fileprivate static func isLineTerminator(_ scalar: UInt32) -> Bool {
    (0x0A...0x0D).contains(scalar) || scalar == 0x85 || scalar == 0x2028 || scalar == 0x2029
  }

  /// `$` without the multi-line option: at the end, or before one line terminator (or CR LF) that ends
  /// the text.
  private static func isAtEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ position: Int) -> Bool {
    guard let (scalar, width) = decode(bytes, at: position) else { return true }
    guard isLineTerminator(scalar) else { return false }
    let after = position + width
    if after == bytes.count { return true }
    return scalar == 0x0D && bytes[after] == 0x0A && after + 1 == bytes.count
  }
}

/// A bracketed class, or one of `\d \s \w` and their negations.
private struct CharacterSet {
  enum Shorthand {
    case digit
    case space
    case word
  }

  var ranges: [ClosedRange<UInt32>] = []
  var shorthands: [(Shorthand, negated: Bool)] = []
  var negated = false

  /// Nil when the answer depends on Unicode data this type does not carry.
  func contains(_ scalar: UInt32) -> Bool? {
    var inside = ranges.contains { $0.contains(scalar) }
    for (shorthand, negatedShorthand) in shorthands where !inside {
      guard let member = Self.member(scalar, of: shorthand) else { return nil }
      inside = member != negatedShorthand
    }
    return inside != negated
  }

  /// ASCII answers that every Unicode version gives (ICU's `\s` is White_Space, which has the vertical
  /// tab; ICU's documentation says otherwise, so neither is assumed).
  private static func member(_ scalar: UInt32, of shorthand: Shorthand) -> Bool? {
    guard scalar < 0x80 else { return nil }
    let byte = UInt8(scalar)
    switch shorthand {
    case .digit:
      return (0x30...0x39).contains(byte)
    case .space:
      if byte == 0x0B { return nil }
      return byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    case .word:
      return (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        || byte == 0x5F
    }
  }
}

private indirect enum PatternNode {
  case scalar(UInt32)
  case any
  case set(Int)
  case start
  case end
  case group(PatternNode, capture: Int?)
  case sequence([PatternNode])
  case alternatives([PatternNode])
  case repetition(PatternNode, minimum: Int, maximum: Int?)

  /// Whether it can match without consuming a character.
  var isNullable: Bool {
    switch self {
    case .scalar, .any, .set: false
    case .start, .end: true
    case .group(let inner, _): inner.isNullable
    case .sequence(let items): items.allSatisfy(\.isNullable)
    case .alternatives(let items): items.contains(where: \.isNullable)
    case .repetition(let inner, let minimum, _): minimum == 0 || inner.isNullable
    }
  }

  var containsCapture: Bool {
    switch self {
    case .scalar, .any, .set, .start, .end: false
    case .group(let inner, let capture): capture != nil || inner.containsCapture
    case .sequence(let items), .alternatives(let items): items.contains(where: \.containsCapture)
    case .repetition(let inner, _, _): inner.containsCapture
    }
  }

  var startsWithAnchor: Bool {
    switch self {
    case .start: true
    case .group(let inner, _): inner.startsWithAnchor
    case .sequence(let items): items.first?.startsWithAnchor ?? false
    case .alternatives(let items): !items.isEmpty && items.allSatisfy(\.startsWithAnchor)
    default: false
    }
  }
}

private struct Parser {
  private let scalars: [Unicode.Scalar]
  private var index = 0
  var sets: [CharacterSet] = []
  var captureCount = 0

  init(_ scalars: [Unicode.Scalar]) {
    self.scalars = scalars
  }

  var atEnd: Bool { index == scalars.count }

  private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
    index + offset < scalars.count ? scalars[index + offset] : nil
  }

  private mutating func take(_ scalar: Unicode.Scalar) -> Bool {
    guard peek() == scalar else { return false }
    index += 1
    return true
  }

  mutating func parse() -> PatternNode? {
    var alternatives: [PatternNode] = []
    repeat {
      guard let sequence = parseSequence() else { return nil }
      alternatives.append(sequence)
    } while take("|")
    return alternatives.count == 1 ? alternatives[0] : .alternatives(alternatives)
  }

  private mutating func parseSequence() -> PatternNode? {
    var items: [PatternNode] = []
    while let next = peek(), next != "|", next != ")" {
      guard let atom = parseAtom(), let quantified = parseQuantifier(atom) else { return nil }
      items.append(quantified)
    }
    return .sequence(items)
  }

  private mutating func parseAtom() -> PatternNode? {
    guard let scalar = peek() else { return nil }
    index += 1
    switch scalar {
    case "^": return .start
    case "$": return .end
    case ".": return .any
    case "(":
      var capture: Int?
      if take("?") {
        guard take(":") else { return nil }
      } else {
        captureCount += 1
        capture = captureCount
      }
      guard let inner = parse(), take(")") else { return nil }
      return .group(inner, capture: capture)
    case "[":
      return parseSet()
    case "\\":
      return parseEscape()
    case "?", "*", "+", "{", "}", "]", ")", "|":
      return nil
    default:
      return .scalar(scalar.value)
    }
  }

  private mutating func parseEscape() -> PatternNode? {
    guard let scalar = peek() else { return nil }
    index += 1
    if let shorthand = Self.shorthand(scalar) {
      sets.append(CharacterSet(shorthands: [shorthand]))
      return .set(sets.count - 1)
    }
    return Self.escapedLiteral(scalar).map { .scalar($0) }
  }

  private static func shorthand(_ scalar: Unicode.Scalar) -> (CharacterSet.Shorthand, negated: Bool)? {
    switch scalar {
    case "d": (.digit, false)
    case "D": (.digit, true)
    case "s": (.space, false)
    case "S": (.space, true)
    case "w": (.word, false)
    case "W": (.word, true)
    default: nil
    }
  }

  /// The character an escape stands for: ASCII punctuation itself, or a tab, newline, return or form
  /// feed. Letters and digits mean other things to ICU (classes, properties, back references).
  private static func escapedLiteral(_ scalar: Unicode.Scalar) -> UInt32? {
    switch scalar {
    case "t": return 0x09
    case "n": return 0x0A
    case "r": return 0x0D
    case "f": return 0x0C
    default:
      guard scalar.isASCII, scalar.value > 0x20, scalar.value < 0x7F,
        !scalar.properties.isAlphabetic, !("0"..."9").contains(scalar)
      else { return nil }
      return scalar.value
    }
  }

  /// A bracketed class of single characters, ranges and shorthands; set operations, nested sets,
  /// POSIX names, properties and anything unusual are refused.
  private mutating func parseSet() -> PatternNode? {
    var set = CharacterSet()
    set.negated = take("^")
    while let scalar = peek(), scalar != "]" {
      guard let low = parseSetMember(&set) else { return nil }
      guard let low else { continue }
      if peek() == "-" && peek(1) != "]" {
        index += 1
        guard let highMember = parseSetMember(&set), let high = highMember, low <= high else { return nil }
        set.ranges.append(low...high)
      } else {
        set.ranges.append(low...low)
      }
    }
    guard take("]"), !set.ranges.isEmpty || !set.shorthands.isEmpty else { return nil }
    sets.append(set)
    return .set(sets.count - 1)
  }

  /// One member: the character's value, or nil inside for a shorthand (added to `set`); nil outside when
  /// the member is refused.
  private mutating func parseSetMember(_ set: inout CharacterSet) -> UInt32?? {
    guard let scalar = peek() else { return nil }
    index += 1
    if scalar == "\\" {
      guard let escaped = peek() else { return nil }
      index += 1
      if let shorthand = Self.shorthand(escaped) {
        set.shorthands.append(shorthand)
        return .some(nil)
      }
      return Self.escapedLiteral(escaped).map { .some($0) }
    }
    // Characters ICU's set syntax gives a meaning of its own, or white space it may ignore.
    if "[]-^&:{}$\\ \t\n\r".unicodeScalars.contains(scalar) { return nil }
    return .some(scalar.value)
  }

  private mutating func parseQuantifier(_ atom: PatternNode) -> PatternNode? {
    var minimum = 1
    var maximum: Int? = 1
    if take("?") {
      (minimum, maximum) = (0, 1)
    } else if take("*") {
      (minimum, maximum) = (0, nil)
    } else if take("+") {
      (minimum, maximum) = (1, nil)
    } else if take("{") {
      guard let low = number() else { return nil }
      minimum = low
      maximum = low
      if take(",") {
        maximum = peek() == "}" ? nil : number()
        if maximum == nil && peek() != "}" { return nil }
      }
      guard take("}"), maximum.map({ $0 >= minimum }) ?? true else { return nil }
    } else {
      return atom
    }
    // Lazy and possessive forms, repeats of what can match empty, whose iterations ICU counts in its own
    // way, and repeated groups, whose captures across iterations are left to ICU too.
    if peek() == "?" || peek() == "+" { return nil }
    switch atom {
    case .start, .end: return nil
    default: break
    }
    if (atom.isNullable || atom.containsCapture) && (maximum ?? 2) > 1 { return nil }
    return .repetition(atom, minimum: minimum, maximum: maximum)
  }

  private mutating func number() -> Int? {
    var value = 0
    var digits = 0
    while let scalar = peek(), ("0"..."9").contains(scalar), digits < 4 {
      value = value * 10 + Int(scalar.value - 0x30)
      digits += 1
      index += 1
    }
    return digits > 0 && !(peek().map { ("0"..."9").contains($0) } ?? false) ? value : nil
  }
}

private struct Compiler {
  var program: [FastPattern.Instruction] = []

  /// False when the program would grow too large (a counted repeat of a long group).
  mutating func compile(_ node: PatternNode) -> Bool {
    guard program.count < 4096 else { return false }
    switch node {
    case .scalar(let value):
      program.append(.scalar(value))
    case .any:
      program.append(.any)
    case .set(let index):
      program.append(.set(index))
    case .start:
      program.append(.start)
    case .end:
      program.append(.end)
    case .group(let inner, let capture):
      if let capture { program.append(.save(2 * capture)) }
      guard compile(inner) else { return false }
      if let capture { program.append(.save(2 * capture + 1)) }
    case .sequence(let items):
      for item in items {
        guard compile(item) else { return false }
      }
    case .alternatives(let items):
      // split(first, next) ... jump(end) for each but the last, which falls through to the end.
      var jumps: [Int] = []
      for (offset, item) in items.enumerated() {
        if offset < items.count - 1 {
          let split = program.count
          program.append(.split(split + 1, 0))
          guard compile(item) else { return false }
          jumps.append(program.count)
          program.append(.jump(0))
          program[split] = .split(split + 1, program.count)
        } else {
          guard compile(item) else { return false }
        }
      }
      for jump in jumps { program[jump] = .jump(program.count) }
    case .repetition(let inner, let minimum, let maximum):
      for _ in 0..<minimum {
        guard compile(inner) else { return false }
      }
      if let maximum {
        // Greedy optional copies, nested so that fewer are tried only after more failed.
        var splits: [Int] = []
        for _ in minimum..<maximum {
          splits.append(program.count)
          program.append(.split(program.count + 1, 0))
          guard compile(inner) else { return false }
        }
        for split in splits { program[split] = .split(split + 1, program.count) }
      } else {
        let loop = program.count
        program.append(.split(loop + 1, 0))
        guard compile(inner) else { return false }
        program.append(.jump(loop))
        program[loop] = .split(loop + 1, program.count)
      }
    }
    return true
  }
}
