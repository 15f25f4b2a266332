import Foundation

/// Debian's chromedriver run as a child process on a port it picks itself, driving a headless Chromium over
/// the W3C WebDriver protocol (plain JSON over HTTP, so URLSession is all the client needs).
final class ChromeDriver: @unchecked Sendable {
  static let driverPath = "/usr/bin/chromedriver"
  static let browserPaths = ["/usr/lib/chromium/chromium", "/usr/bin/chromium"]

  /// Why the browser tests cannot run here, or nil when they can.
  static var unavailableReason: String? {
    let files = FileManager.default
    guard files.isExecutableFile(atPath: driverPath) else {
      return "chromedriver is not installed (apt-get install chromium chromium-driver; scripts/setup does)"
    }
    guard browserPaths.contains(where: files.isExecutableFile(atPath:)) else {
      return "chromium is not installed (apt-get install chromium; scripts/setup does)"
    }
    return nil
  }

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  private let process = Process()
  private let logFile: URL
  let port: Int

  /// Starts chromedriver on a free port and waits (up to `timeout` seconds: a loaded 2-core machine is
  /// slow) until it answers. chromedriver buffers what it prints when its output is not a terminal, so the
  /// port is chosen here rather than read from its output.
  init(timeout: Double = 120) throws {
    logFile = FileManager.default.temporaryDirectory.appendingPathComponent(
      "evscan-chromedriver-\(UUID().uuidString).log")
    port = try LocalHTTP.freePort()
    process.executableURL = URL(fileURLWithPath: Self.driverPath)
    process.arguments = ["--port=\(port)", "--log-path=\(logFile.path)"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline && process.isRunning {
      if let status = try? LocalHTTP.exchange(
        port: port, method: "GET", path: "/status", body: nil, timeout: 10),
        String(decoding: status, as: UTF8.self).contains("\"ready\":true")
      {
        return
      }
      Thread.sleep(forTimeInterval: 0.2)
    }
    stop()
    throw Failure(description: "chromedriver did not answer on port \(port) within \(Int(timeout)) s")
  }

  func stop() {
    // Polled rather than waitUntilExit(), which hung here on a test's thread.
    if process.isRunning {
      process.terminate()
      let deadline = Date().addingTimeInterval(20)
      while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
      if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
    try? FileManager.default.removeItem(at: logFile)
  }

  /// One WebDriver command; returns the response's `value`, or throws the driver's error message.
  @discardableResult
  func command(_ method: String, _ path: String, _ body: [String: Any]? = nil, timeout: Int = 300) throws
    -> Any
  {
    let payload = try body.map { try JSONSerialization.data(withJSONObject: $0) }
    let data = try LocalHTTP.exchange(
      port: port, method: method, path: "/" + path, body: payload, timeout: timeout)
    let object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    let value = (object as? [String: Any])?["value"] ?? NSNull()
    if let error = value as? [String: Any], let kind = error["error"] as? String {
      throw Failure(description: "\(method) \(path): \(kind): \(error["message"] as? String ?? "")")
    }
    return value
  }
}

/// A headless Chromium session: navigate, run scripts, type, click, read the console, take screenshots.
struct BrowserSession {
  let driver: ChromeDriver
  let id: String

  static func start(_ driver: ChromeDriver, width: Int = 1280, height: Int = 900) throws -> BrowserSession {
    var options: [String: Any] = [
      "args": [
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--window-size=\(width),\(height)", "--hide-scrollbars", "--force-device-scale-factor=1",
      ]
    ]
    if let binary = ChromeDriver.browserPaths.first(where: FileManager.default.isExecutableFile(atPath:)) {
      options["binary"] = binary
    }
    let capabilities: [String: Any] = [
      "capabilities": [
        "alwaysMatch": [
          "goog:chromeOptions": options, "goog:loggingPrefs": ["browser": "ALL"],
          "timeouts": ["pageLoad": 300_000, "script": 300_000, "implicit": 0],
        ]
      ]
    ]
    let value = try driver.command("POST", "session", capabilities)
    guard let id = (value as? [String: Any])?["sessionId"] as? String else {
      throw ChromeDriver.Failure(description: "chromedriver gave no session id: \(value)")
    }
    return BrowserSession(driver: driver, id: id)
  }

  func close() {
    _ = try? driver.command("DELETE", "session/\(id)")
  }

  func open(_ url: URL) throws {
    try driver.command("POST", "session/\(id)/url", ["url": url.absoluteString])
  }

  func run(_ script: String, _ arguments: [Any] = []) throws -> Any {
    try driver.command("POST", "session/\(id)/execute/sync", ["script": script, "args": arguments])
  }

  /// Polls `script` until it returns true, for up to `timeout` seconds.
  func waitUntil(_ script: String, timeout: Double = 120, what: String) throws {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if try run(script) as? Bool == true { return }
      Thread.sleep(forTimeInterval: 0.1)
    }
    throw ChromeDriver.Failure(description: "waited \(Int(timeout)) s for \(what)")
  }

  func element(_ css: String) throws -> String {
    let value = try driver.command(
      "POST", "session/\(id)/element", ["using": "css selector", "value": css])
    guard let reference = (value as? [String: Any])?.values.first as? String else {
      throw ChromeDriver.Failure(description: "no element \(css)")
    }
    return reference
  }

  func type(_ text: String, into css: String) throws {
    let element = try element(css)
    try driver.command("POST", "session/\(id)/element/\(element)/value", ["text": text])
  }

  func click(_ css: String) throws {
    let element = try element(css)
    try driver.command("POST", "session/\(id)/element/\(element)/click", [:])
  }

  /// Console messages and failed loads at level SEVERE since the last call.
  func consoleErrors() throws -> [String] {
    let entries = try driver.command("POST", "session/\(id)/se/log", ["type": "browser"]) as? [[String: Any]]
    return (entries ?? []).filter { $0["level"] as? String == "SEVERE" }.map { "\($0["message"] ?? "")" }
  }

  /// A PNG of one element (a section of a page), so that a person can read it at full size.
  func screenshot(of css: String, to file: URL) throws {
    let element = try element(css)
    guard let base64 = try driver.command("GET", "session/\(id)/element/\(element)/screenshot") as? String,
      let data = Data(base64Encoded: base64)
    else { throw ChromeDriver.Failure(description: "no screenshot of \(css)") }
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: file)
  }

  /// A PNG of the whole page (the window is resized to the page's height first).
  func screenshot(to file: URL, width: Int) throws {
    let height = try run("return Math.ceil(document.documentElement.scrollHeight);") as? Int ?? 900
    try driver.command(
      "POST", "session/\(id)/window/rect", ["width": width, "height": min(max(height, 600), 8_000)])
    guard let base64 = try driver.command("GET", "session/\(id)/screenshot") as? String,
      let data = Data(base64Encoded: base64)
    else { throw ChromeDriver.Failure(description: "no screenshot") }
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: file)
  }
}
