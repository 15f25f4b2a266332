/// A manifest's `pdf:` block: what converting its PDF may cost before poppler is stopped. A PDF someone
/// trusts but that is far larger than a normal document (hundreds of pages of scanned tables) needs more
/// than the defaults; a hostile one is stopped by them. Each value left out keeps its default.
public struct PDFLimitSettings: Sendable, Hashable, Codable {
  /// Wall-clock seconds for one conversion.
  public var seconds: Double?
  /// The converter's address space, in MiB.
  public var memoryMiB: Int?
  /// The most XML the converter may write, in MiB.
  public var outputMiB: Int?

  public init(seconds: Double? = nil, memoryMiB: Int? = nil, outputMiB: Int? = nil) {
    self.seconds = seconds
    self.memoryMiB = memoryMiB
    self.outputMiB = outputMiB
  }
}
