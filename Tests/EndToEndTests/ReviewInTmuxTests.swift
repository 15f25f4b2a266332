import Foundation
import ScanModel
import Snapshot
import Testing

/// `evscan review` used as a person uses it: in a terminal (tmux), keys sent, the screen read back. A
/// session records decisions, is killed with SIGKILL in the middle of typing a rationale, and the next
/// `evscan scan` applies what was recorded. A small project (three frameworks) in a temporary folder keeps
/// the scans short.
@Suite(
  "Interactive review in tmux", .serialized,
  .enabled(if: TmuxBinary.path != nil, "tmux is not installed (scripts/setup installs it)"))
struct ReviewInTmuxTests {
  let socket = "evscan-test-\(UUID().uuidString.prefix(8))"

  /// Runs tmux and returns what it printed. Started with posix_spawn and reaped with waitpid rather than
  /// with Foundation's Process, whose wait never returned here once `new-session` had left a tmux server
  /// running; the output goes to a file, which the server cannot hold open.
  @discardableResult
  func tmux(_ arguments: [String]) throws -> String {
    let binary = try #require(TmuxBinary.path)
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: output) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let all = [binary, "-L", socket] + arguments
    var argv: [UnsafeMutablePointer<CChar>?] = all.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, binary, &actions, nil, &argv, environ)
    #expect(spawned == 0, "cannot start tmux: \(spawned)")
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return (try? String(contentsOf: output, encoding: .utf8)) ?? ""
  }

  func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", "review"]) }

  /// Polls the screen until `condition` holds; a generous limit, not a timing assertion.
  func waitForScreen(_ what: String, _ condition: (String) -> Bool) throws -> String {
    for _ in 0..<600 {
      let text = try screen()
      if condition(text) { return text }
      usleep(100_000)
    }
    Issue.record("the screen never showed \(what):\n\(try screen())")
    return try screen()
  }

  func project() throws -> URL {
    let folder = try Evscan.temporaryFolder()
    for part in ["taxonomy", "models", "config"] {
      try FileManager.default.copyItem(
        at: Evscan.packageRoot.appendingPathComponent(part), to: folder.appendingPathComponent(part))
    }
    let frameworks = folder.appendingPathComponent("frameworks")
    try FileManager.default.createDirectory(at: frameworks, withIntermediateDirectories: true)
    for slug in ["barrett-2024", "uk-government-2023", "future-of-life-institute-2024"] {
      try FileManager.default.copyItem(
        at: Evscan.packageRoot.appendingPathComponent("frameworks/\(slug)"),
        to: frameworks.appendingPathComponent(slug))
    }
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("decisions"), withIntermediateDirectories: true)
    return folder
  }

  @Test func decisionsSurviveAKillAndTheNextScanAppliesThem() throws {
    let folder = try project()
    defer { try? FileManager.default.removeItem(at: folder) }
    defer { _ = try? tmux(["kill-server"]) }
    let scan = try Evscan.run(["scan", "--quiet", "--stand-in", "--no-cache"], in: folder)
    #expect(scan.status == 0, "\(scan.errors)")

    try tmux([
      "new-session", "-d", "-s", "review", "-x", "150", "-y", "45", "-c", folder.path,
      "exec \(try Evscan.binary.get().path) review --coder tester",
    ])
    _ = try waitForScreen("the merges queue") { $0.contains("merges queue") && $0.contains("m must-link") }
    try tmux(["send-keys", "-t", "review", "m"])
    _ = try waitForScreen("one decision") { $0.contains("· 1 decisions") }
    try tmux(["send-keys", "-t", "review", "c"])
    _ = try waitForScreen("two decisions") { $0.contains("· 2 decisions") }
    try tmux(["send-keys", "-t", "review", "t"])
    _ = try waitForScreen("the codes queue") { $0.contains("codes queue") && $0.contains("a accept") }
    try tmux(["send-keys", "-t", "review", "a"])
    _ = try waitForScreen("three decisions") { $0.contains("· 3 decisions") }
    // A rationale half typed when the process is killed: that decision is lost, the others are not.
    try tmux(["send-keys", "-t", "review", "t", "r", "half a reason"])
    _ = try waitForScreen("the rationale being typed") { $0.contains("rationale> half a reason") }
    let pid = try tmux(["list-panes", "-t", "review", "-F", "#{pane_pid}"])
      .trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(kill(try #require(Int32(pid)), SIGKILL) == 0)

    let merges = try String(
      contentsOf: folder.appendingPathComponent("decisions/merges.csv"), encoding: .utf8)
    let lines = merges.split(separator: "\n")
    #expect(lines.first == "a,b,decision,reason,coder,date")
    #expect(lines.count == 3, "\(merges)")
    #expect(merges.hasSuffix("\n"))
    #expect(lines.dropFirst().first?.contains(",must-link,") == true)
    #expect(lines.dropFirst(2).first?.contains(",cannot-link,") == true)
    let codes = try String(contentsOf: folder.appendingPathComponent("decisions/codes.csv"), encoding: .utf8)
    #expect(codes.split(separator: "\n").count == 2, "\(codes)")

    let rescan = try Evscan.run(["scan", "--quiet", "--stand-in", "--no-cache"], in: folder)
    #expect(rescan.status == 0, "\(rescan.errors)")
    let content = try SnapshotReader().read(from: folder.appendingPathComponent("output"))
    #expect(content.linkDecisions.count == 2)
    #expect(Set(content.linkDecisions.map(\.kind)) == [.mustLink, .cannotLink])
    #expect(content.linkDecisions.allSatisfy { $0.coder == "tester" })
    #expect(content.codeDecisions.count == 1)
    let fields = lines[1].split(separator: ",").map(String.init)
    let together = content.mitigations.contains { mitigation in
      let ids = Set(mitigation.members.map(\.statementID))
      return ids.contains(fields[0]) && ids.contains(fields[1])
    }
    #expect(together, "the must-linked pair \(fields[0]) ~ \(fields[1]) is in one mitigation")
  }
}

/// Where tmux is, if it is installed.
enum TmuxBinary {
  static let path: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }
}
