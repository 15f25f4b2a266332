import CLibXML2

/// Process-wide libxml2 set-up and the conversion of its C diagnostics into Swift values.
enum LibXML2 {
  private static let initialized: Void = {
    evs_initialize()
  }()

  static func initialize() {
    _ = initialized
  }

  /// Converts and frees the collected C diagnostics.
  static func drain(_ list: inout evs_diagnostics, file: String) -> [MarkupDiagnostic] {
    defer { evs_diagnostics_free(&list) }
    var result: [MarkupDiagnostic] = []
    result.reserveCapacity(list.count + 1)
    for index in 0..<list.count {
      let item = list.items[index]
      let severity: MarkupDiagnostic.Severity =
        switch item.level {
        case 3: .fatal
        case 2: .error
        default: .warning
        }
      let message = item.message.map { String(cString: $0) } ?? "unknown libxml2 error"
      result.append(
        MarkupDiagnostic(
          severity: severity, file: file, line: Int(item.line), column: Int(item.column),
          message: TextNormalizer.collapseWhitespace(message), code: Int(item.code)))
    }
    if list.dropped > 0 {
      result.append(
        MarkupDiagnostic(
          severity: .warning, file: file, line: 0,
          message: "\(list.dropped) further diagnostics were not recorded"))
    }
    return result
  }

  static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
    guard let pointer else { return nil }
    return String(cString: pointer)
  }

  /// Takes ownership of a libxml2-allocated string.
  static func consume(_ pointer: UnsafeMutablePointer<xmlChar>?) -> String? {
    guard let pointer else { return nil }
    defer { evs_free(pointer) }
    return String(cString: pointer)
  }
}
