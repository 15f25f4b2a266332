import CLibXML2

/// Walks a subtree without recursion (documents can nest thousands of levels deep) and collects its text.
///
/// Text flattening (this folder) is a fast path of its own, not libxml2's `xmlNodeGetContent`: a space
/// where a block element starts or ends between two words, nothing from hidden elements (script, style)
/// or skipped subtrees, whitespace folded by `WhitespaceFolder` as the bytes are copied into a
/// `TextBuffer`. `TextFlattenerTests` checks it on entities, CDATA, CR LF, blocks nested 200 deep and
/// skipped subtrees; `WhitespaceFolderTests` checks the folding against a scalar-at-a-time reference.
///
/// (Static functions taking the set as a parameter: a struct holding it retained and released its
/// storage for every text.)
enum TextFlattener {
  enum Category: Sendable {
    case block
    case hidden
  }

  /// Elements whose edges separate words, and elements that are never text a reader sees; every other
  /// element (a, em, sup, span ...) is inline and joins its text directly.
  static let categories = PackedNameTable<Category>(
    [
      "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl", "dt",
      "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
      "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot",
      "th", "thead", "tr", "ul",
      // TEI and JATS blocks
      "head", "item", "list", "note", "cell", "row", "s", "lb", "label", "title", "sec", "list-item",
    ].map { (Array($0.utf8), Category.block) }
      + ["script", "style", "template", "noscript"].map { (Array($0.utf8), Category.hidden) })

  /// The text of the subtree at `root`, built in `output` (emptied first; the caller's, so that one
  /// buffer serves many texts).
  static func flatten(
    _ root: xmlNodePtr, skipping: NodeSet, output: TextBuffer, categories: PackedNameTable<Category>
  ) -> String {
    output.removeAll()
    append(root, skipping: skipping, to: output, pendingSpace: false, categories: categories)
    return output.string
  }

  /// Adds the subtree's text to what `output` holds; with `pendingSpace`, a space comes before it if
  /// it has any text and `output` already had some.
  /// `categories` is `Self.categories`, which the caller's document holds: each access to the static goes
  /// through its lazy initialiser, a call into the runtime that cost more than the look-ups of a short text.
  static func append(
    _ root: xmlNodePtr, skipping: NodeSet, to output: TextBuffer, pendingSpace startsWithSpace: Bool,
    categories: PackedNameTable<Category>
  ) {
    var pendingSpace = startsWithSpace
    // Whether each element entered is a block, one bit per level for the top 64 levels, so that leaving
    // it needs no second look-up of its name (deeper levels look it up again).
    var blocks: UInt64 = 0
    var level = 0
    var current: xmlNodePtr? = root
    var descending = true
    while let node = current {
      if descending {
        let (enterChildren, isBlock) = visit(
          node, root: root, skipping: skipping, to: output, pendingSpace: &pendingSpace,
          categories: categories)
        if enterChildren {
          if level < 64 {
            let bit: UInt64 = 1 << UInt64(level)
            blocks = isBlock ? blocks | bit : blocks & ~bit
          }
          level += 1
          current = node.pointee.children
          continue
        }
      } else {
        level -= 1
        if leavesBlock(node, level: level, blocks: blocks, categories: categories) { pendingSpace = true }
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
  }

  /// Adds a text's folded bytes (or an entity reference as written) to `output`; for an element, says
  /// whether its children are to be walked and whether it is a block, whose edges separate words.
  @inline(__always)
  private static func visit(
    _ node: xmlNodePtr, root: xmlNodePtr, skipping: NodeSet, to output: TextBuffer, pendingSpace: inout Bool,
    categories: PackedNameTable<Category>
  ) -> (enterChildren: Bool, isBlock: Bool) {
    var enterChildren = false
    var isBlock = false
    switch node.pointee.type {
    case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
      if node == root || !skipping.contains(node), let content = node.pointee.content {
        WhitespaceFolder.append(
          UnsafeBufferPointer(start: content, count: ByteString.length(content)), to: output,
          pendingSpace: &pendingSpace)
      }
    case XML_ENTITY_REF_NODE:
      // Unexpanded on purpose: expanding user entities is how entity bombs explode.
      if let name = node.pointee.name {
        var text = "&" + String(cString: name) + ";"
        text.withUTF8 { WhitespaceFolder.append($0, to: output, pendingSpace: &pendingSpace) }
      }
    case XML_ELEMENT_NODE:
      let kind = node.pointee.name.flatMap { categories.value(for: $0) }
      if kind != .hidden && (node == root || !skipping.contains(node)) {
        if kind == .block {
          pendingSpace = true
          isBlock = true
        }
        enterChildren = node.pointee.children != nil
      }
    case XML_ATTRIBUTE_NODE:
      // An XPath such as //meta/@content selects attributes; their value is their text children.
      enterChildren = node == root && node.pointee.children != nil
    default:
      break
    }
    return (enterChildren, isBlock)
  }

  /// Whether the element being left at `level` is a block: remembered in `blocks` for the top 64
  /// levels, looked up again below them.
  @inline(__always)
  private static func leavesBlock(
    _ node: xmlNodePtr, level: Int, blocks: UInt64, categories: PackedNameTable<Category>
  ) -> Bool {
    level < 64
      ? blocks & (1 << UInt64(level)) != 0
      : node.pointee.type == XML_ELEMENT_NODE
        && node.pointee.name.flatMap { categories.value(for: $0) } == .block
  }
}
