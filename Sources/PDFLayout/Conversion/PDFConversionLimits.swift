import ScanModel

/// What a PDF conversion may use before it is stopped: poppler runs in its own process, so a hostile or
/// broken PDF costs at most these and never evscan itself.
///
/// The defaults leave room for real documents: NIST AI 600-1 (64 pages) converts in 0.25 s, under 48 MiB
/// of address space, into 0.8 MB of XML. A framework's manifest may raise them for a PDF its maintainer
/// trusts (`pdf:` in framework.yaml); the error for each limit names the key to raise.
public struct PDFConversionLimits: Sendable, Hashable {
  /// Wall-clock seconds before the converter is killed. Its CPU time is limited too, to this plus one
  /// second, so that it ends even if evscan dies first.
  public var seconds: Double
  /// Address-space limit of the converter process, in bytes.
  public var memoryBytes: Int
  /// The most XML the converter may write, in bytes; evscan holds at most this (plus 64 KiB) in memory.
  public var outputBytes: Int

  public init(seconds: Double = 60, memoryBytes: Int = 2 << 30, outputBytes: Int = 256 << 20) {
    self.seconds = seconds
    self.memoryBytes = memoryBytes
    self.outputBytes = outputBytes
  }

  public static let `default` = PDFConversionLimits()

  /// The defaults with what a manifest's `pdf:` block sets.
  public init(_ settings: PDFLimitSettings?) {
    let defaults = Self.default
    self.init(
      seconds: settings?.seconds ?? defaults.seconds,
      memoryBytes: settings?.memoryMiB.map { $0 << 20 } ?? defaults.memoryBytes,
      outputBytes: settings?.outputMiB.map { $0 << 20 } ?? defaults.outputBytes)
  }
}
