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
      let message = clarified(item.message.map { String(cString: $0) } ?? "unknown libxml2 error")
      result.append(
        MarkupDiagnostic(
          severity: severity, file: file, line: Int(item.line), column: Int(item.column),
          message: WhitespaceFolder.fold(message), code: Int(item.code)))
    }
    if list.dropped > 0 {
      result.append(
        MarkupDiagnostic(
          severity: .warning, file: file, line: 0,
          message: "\(list.dropped) further diagnostics were not recorded"))
    }
    return result
  }

  /// libxml2's words for a bad byte do not say what happens next: from there on it decodes as Latin-1.
  static func clarified(_ message: String) -> String {
    guard message.hasPrefix("Input is not proper UTF-8") else { return message }
    return
      "bytes that are not UTF-8 (Latin-1 or Windows-1252 text in a UTF-8 document?); libxml2 reads the "
      + "rest of the document as Latin-1, so accented text after this point may be garbled: fix the bytes, "
      + "or declare the charset the whole document uses (libxml2: \(message))"
  }

  /// libxml2's resource limits without XML_PARSE_HUGE: 256 levels of nesting, 10,000,000 bytes of text in
  /// one node. Reaching one stops the parse (xmlHaltParser), whatever the recovery options say.
  static func haltsTheParser(_ diagnostic: MarkupDiagnostic) -> Bool {
    diagnostic.severity == .fatal || diagnostic.code == Int(XML_ERR_NO_MEMORY.rawValue)
      || diagnostic.message.contains("Excessive depth") || diagnostic.message.contains("huge text node")
  }

  /// Says in the user's terms why libxml2 stopped, when its own message speaks of parser options.
  /// In XML every well-formedness error is fatal and says enough; there only the limits are explained.
  static func explainStop(_ diagnostics: [MarkupDiagnostic], format: MarkupFormat) -> MarkupDiagnostic? {
    guard let stop = diagnostics.first(where: haltsTheParser) else { return nil }
    let isLimit = stop.message.contains("Excessive depth") || stop.message.contains("huge text node")
    guard format == .html || isLimit else { return nil }
    let reason: String
    if stop.message.contains("Excessive depth") {
      reason =
        "elements nest more than 256 levels deep here, where libxml2 stops reading; no real document "
        + "nests this deep, so the file is damaged or hostile"
    } else if stop.message.contains("huge text node") {
      reason =
        "one run of text here is longer than 10,000,000 bytes, where libxml2 stops reading; "
        + "the file is damaged or is not a document"
    } else {
      reason = "libxml2 stopped reading here (\(stop.message))"
    }
    return MarkupDiagnostic(
      severity: .fatal, file: stop.file, line: stop.line, column: stop.column,
      message: "\(reason); the rest of the document would be lost, so it is refused", code: stop.code)
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
