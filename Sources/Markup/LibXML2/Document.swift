import CLibXML2

/// A parsed document. It owns libxml2's tree and frees it when the last reference goes away;
/// every `Node` keeps its document alive, so no libxml2 pointer outlives the tree it points into.
public final class Document {
  let pointer: xmlDocPtr
  public let format: MarkupFormat
  public let sourceName: String
  /// Everything libxml2 and the input screening reported, in order.
  public let diagnostics: [MarkupDiagnostic]

  private init(pointer: xmlDocPtr, format: MarkupFormat, sourceName: String, diagnostics: [MarkupDiagnostic])
  {
    self.pointer = pointer
    self.format = format
    self.sourceName = sourceName
    self.diagnostics = diagnostics
  }

  deinit {
    if let xpathContext { xmlXPathFreeContext(xpathContext) }
    xmlFreeDoc(pointer)
  }

  /// One XPath context for every query on this document: libxml2 2.9 registers all its functions in a
  /// fresh hash table per context, which costs more than evaluating a short relative path.
  private var xpathContext: xmlXPathContextPtr?
  private var registeredNamespaces: [String: String] = [:]

  /// The document's XPath context, reset for an evaluation at `node` (nil: the document) with exactly
  /// `namespaces` registered.
  func xpathContext(node: xmlNodePtr?, namespaces: [String: String]) -> xmlXPathContextPtr? {
    if xpathContext == nil {
      xpathContext = xmlXPathNewContext(pointer)
      registeredNamespaces = [:]
    }
    guard let context = xpathContext else { return nil }
    if namespaces != registeredNamespaces {
      xmlXPathRegisteredNsCleanup(context)
      for (prefix, uri) in namespaces.sorted(by: { $0.key < $1.key }) {
        _ = xmlXPathRegisterNs(context, prefix, uri)
      }
      registeredNamespaces = namespaces
    }
    // What an evaluation may leave behind; a new context starts from these values.
    context.pointee.doc = pointer
    context.pointee.node = node
    context.pointee.contextSize = -1
    context.pointee.proximityPosition = -1
    context.pointee.depth = 0
    return context
  }

  private var isOrdered = false

  /// Where text is flattened, one text at a time; reused so that each text costs one string, not a buffer
  /// grown from nothing.
  let textBuffer = TextBuffer()
  /// `TextFlattener.categories`, read once per document rather than once per text (see `TextFlattener.append`).
  let textCategories = TextFlattener.categories

  /// Numbers every element once, on first need, so that document-order comparisons (ours and XPath's
  /// sorting of node sets) are constant time; a parse that is never queried does not pay for it.
  func ensureOrdered() {
    guard !isOrdered else { return }
    xmlXPathOrderDocElems(pointer)
    isOrdered = true
  }

  /// Parses bytes as HTML or XML. Throws `MarkupError` for input that is not a document at all;
  /// recoverable damage (unclosed tags, bad bytes) becomes a diagnostic instead.
  public static func parse(_ bytes: [UInt8], options: ParseOptions) throws -> Document {
    LibXML2.initialize()
    let screening = try InputScreening.screen(bytes, options: options)
    let file = options.sourceName
    var collected = evs_diagnostics(items: nil, count: 0, capacity: 0, dropped: 0)
    // A byte-order mark outranks a charset declared inside the document (as in browsers); libxml2 would
    // otherwise let a contradicting meta tag or XML declaration re-decode UTF-8 text as Latin-1, silently.
    let ignoreDeclaredCharset = options.encoding == nil && screening.bytes.starts(with: [0xEF, 0xBB, 0xBF])
    let document: xmlDocPtr? = screening.bytes.withUnsafeBufferPointer { buffer in
      buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
        switch options.format {
        case .html:
          let flags = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue
              | HTML_PARSE_NODEFDTD.rawValue | (ignoreDeclaredCharset ? HTML_PARSE_IGNORE_ENC.rawValue : 0))
          return evs_read_html(base, Int32(buffer.count), nil, options.encoding, flags, &collected)
        case .xml:
          // Never NOENT or DTDLOAD: entities stay references and no DTD is fetched.
          let flags = Int32(
            XML_PARSE_NONET.rawValue | XML_PARSE_COMPACT.rawValue | XML_PARSE_BIG_LINES.rawValue
              | XML_PARSE_NOCDATA.rawValue | (ignoreDeclaredCharset ? XML_PARSE_IGNORE_ENC.rawValue : 0))
          return evs_read_xml(base, Int32(buffer.count), nil, options.encoding, flags, &collected)
        }
      }
    }
    var diagnostics = screening.warnings.map {
      MarkupDiagnostic(severity: .warning, file: file, line: 0, message: $0)
    }
    diagnostics += LibXML2.drain(&collected, file: file)
    // The HTML parser recovers from damage, but a resource limit (nesting depth, text length) halts it and
    // hands back what it had read: every statement after that point would be lost without a word.
    let halted = options.format == .html ? diagnostics.first(where: LibXML2.haltsTheParser) : nil
    guard let document, xmlDocGetRootElement(document) != nil, halted == nil else {
      if let document { xmlFreeDoc(document) }
      if diagnostics.isEmpty {
        diagnostics.append(
          MarkupDiagnostic(severity: .fatal, file: file, line: 0, message: "no element found in the document")
        )
      }
      if let explanation = LibXML2.explainStop(diagnostics, format: options.format) {
        diagnostics.insert(explanation, at: 0)
      }
      throw MarkupError.unparseable(file: file, diagnostics: diagnostics)
    }
    return Document(pointer: document, format: options.format, sourceName: file, diagnostics: diagnostics)
  }

  /// The charset libxml2 decoded the document from, as the document declared or as detected.
  public var encoding: String? {
    pointer.pointee.encoding.map { String(cString: $0) }
  }

  public var root: Node? {
    xmlDocGetRootElement(pointer).map { Node(pointer: $0, document: self) }
  }

  /// Evaluates an XPath 1.0 expression against the whole document.
  public func select(
    _ expression: String, namespaces: [String: String] = [:]
  ) throws -> [Node] {
    try XPathQuery(expression).select(in: self, context: nil, namespaces: namespaces)
  }
}
