import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The terminal in raw mode (no echo, no line buffering, one key at a time) through termios, restored on
/// `restore()`. Reads keys with a timeout so that the caller can pick up background work between keys.
public final class RawTerminal {
  private var original = termios()
  private var active = false

  public init() {}

  /// Whether standard input and output are a terminal: `evscan review` is interactive only then.
  public static var isInteractive: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }

  public func enter() throws {
    guard tcgetattr(STDIN_FILENO, &original) == 0 else {
      throw TerminalError(message: "cannot read the terminal's settings: \(String(cString: strerror(errno)))")
    }
    var raw = original
    raw.c_lflag &= ~tcflag_t(ECHO | ICANON | IEXTEN | ISIG)
    raw.c_iflag &= ~tcflag_t(IXON | ICRNL)
    withUnsafeMutableBytes(of: &raw.c_cc) { bytes in
      bytes[Int(VMIN)] = 0
      bytes[Int(VTIME)] = 0
    }
    guard tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw) == 0 else {
      throw TerminalError(
        message: "cannot switch the terminal to raw mode: \(String(cString: strerror(errno)))")
    }
    active = true
    write("\u{1B}[?1049h\u{1B}[?25l")
  }

  public func restore() {
    guard active else { return }
    write("\u{1B}[?25h\u{1B}[?1049l")
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &original)
    active = false
  }

  /// The next key, or nil when none came within `milliseconds`.
  public func key(timeout milliseconds: Int32) -> UInt8? {
    var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
    guard poll(&descriptor, 1, milliseconds) > 0 else { return nil }
    var byte: UInt8 = 0
    return read(STDIN_FILENO, &byte, 1) == 1 ? byte : nil
  }

  /// Columns and rows, or 100 × 30 when the terminal does not say.
  public var size: (width: Int, height: Int) {
    var window = winsize()
    if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &window) == 0 && window.ws_col > 0 {
      return (Int(window.ws_col), Int(window.ws_row))
    }
    return (100, 30)
  }

  /// Clears the screen and writes `lines` from the top.
  public func draw(_ lines: [String]) {
    write("\u{1B}[H\u{1B}[2J" + lines.joined(separator: "\r\n"))
  }

  public func write(_ text: String) {
    let data = Array(text.utf8)
    var written = 0
    while written < data.count {
      let result = data.withUnsafeBytes {
        Glibc.write(STDOUT_FILENO, $0.baseAddress! + written, data.count - written)
      }
      if result <= 0 { break }
      written += result
    }
  }

  deinit { restore() }
}

struct TerminalError: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}
