/// A fault in evscan itself (a bug, a state its code should never reach), not in the user's input. It
/// says so, and how to report it, so that nobody looks for a mistake in files that have none; an
/// `InputError` is for what the user can fix.
public struct InternalError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What went wrong, for whoever fixes it.
  public var message: String
  /// The source file and line that raised it (`#fileID`, `#line`).
  public var source: String
  public var line: Int

  public init(_ message: String, source: String = #fileID, line: Int = #line) {
    self.message = message
    self.source = source
    self.line = line
  }

  public var description: String {
    "error: internal error at \(source):\(line): \(message). This is a bug in evscan, not a mistake in "
      + "your files: please report it to evscan's maintainers with the command you ran, this message and "
      + "`evscan --version`"
  }
}
