#if canImport(Glibc)
  import Glibc
#endif

/// Where the two programs a conversion runs are: poppler's `pdftohtml` and util-linux's `prlimit`.
/// Looked up on PATH before anything runs, so that a missing one is named instead of surfacing as a
/// spawn failure.
struct PopplerTools: Sendable {
  var converter: String
  var limiter: String

  /// `searchPath` is a PATH-style list; nil means the usual system folders.
  static func locate(searchPath: String?) throws(PDFConversionFailure) -> PopplerTools {
    let folders = (searchPath ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
    guard let converter = find("pdftohtml", in: folders) else { throw .converterMissing }
    guard let limiter = find("prlimit", in: folders) else { throw .limiterMissing }
    return PopplerTools(converter: converter, limiter: limiter)
  }

  private static func find(_ name: String, in folders: [String]) -> String? {
    folders.lazy.map { "\($0)/\(name)" }.first { access($0, X_OK) == 0 }
  }
}
