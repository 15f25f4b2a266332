import CLibXML2

/// Walks a subtree without recursion (documents can nest thousands of levels deep) and collects its text.
struct TextFlattener {
  let root: xmlNodePtr
  let skipping: Set<xmlNodePtr>

  /// Elements whose edges separate words; inline elements (a, em, sup, span ...) join their text directly.
  private static let blockElements: Set<String> = [
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot",
    "th", "thead", "tr", "ul",
    // TEI and JATS blocks
    "head", "item", "list", "note", "cell", "row", "s", "lb", "label", "title", "sec", "list-item",
  ]

  private enum Category {
    case block
    case inline
    case hidden
  }

  /// Never text a reader sees.
  private static let hiddenElements: Set<String> = ["script", "style", "template", "noscript"]

  func flatten() -> String {
    // Element names come from the parser's dictionary, so one lookup per distinct name pointer suffices.
    var categories: [UnsafePointer<xmlChar>: Category] = [:]
    func category(_ name: UnsafePointer<xmlChar>?) -> Category {
      guard let name else { return .inline }
      if let known = categories[name] { return known }
      let text = String(cString: name)
      let value: Category =
        Self.hiddenElements.contains(text) ? .hidden : Self.blockElements.contains(text) ? .block : .inline
      categories[name] = value
      return value
    }
    var output: [UInt8] = []
    var pendingSpace = false
    var current: xmlNodePtr? = root
    var descending = true
    while let node = current {
      if descending {
        var enterChildren = false
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
          if node == root || !skipping.contains(node), let content = node.pointee.content {
            let length = Int(xmlStrlen(content))
            TextNormalizer.append(
              UnsafeBufferPointer(start: content, count: length), to: &output, pendingSpace: &pendingSpace)
          }
        case XML_ENTITY_REF_NODE:
          // Unexpanded on purpose: expanding user entities is how entity bombs explode.
          if let name = node.pointee.name {
            let text = "&" + String(cString: name) + ";"
            var copy = text
            copy.withUTF8 { TextNormalizer.append($0, to: &output, pendingSpace: &pendingSpace) }
          }
        case XML_ELEMENT_NODE:
          let kind = category(node.pointee.name)
          if kind != .hidden && (node == root || !skipping.contains(node)) {
            if kind == .block { pendingSpace = true }
            enterChildren = node.pointee.children != nil
          }
        case XML_ATTRIBUTE_NODE:
          // An XPath such as //meta/@content selects attributes; their value is their text children.
          enterChildren = node == root && node.pointee.children != nil
        default:
          break
        }
        if enterChildren {
          current = node.pointee.children
          continue
        }
      } else if node.pointee.type == XML_ELEMENT_NODE, category(node.pointee.name) == .block {
        pendingSpace = true
      }
      if node == root { break }
      if let next = node.pointee.next {
        current = next
        descending = true
      } else {
        current = node.pointee.parent
        descending = false
      }
    }
    return String(decoding: output, as: UTF8.self)
  }
}
