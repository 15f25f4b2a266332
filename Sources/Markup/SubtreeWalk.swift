import CLibXML2

/// Document-order steps inside one subtree, shared by the walks that read libxml2's tree directly.
enum SubtreeWalk {
  /// The first node after `node` in document order that is not inside it, staying within `root`;
  /// nil when nothing of `root` is left.
  static func next(after node: xmlNodePtr, within root: xmlNodePtr) -> xmlNodePtr? {
    var climbing: xmlNodePtr? = node
    while let candidate = climbing, candidate != root {
      if let next = candidate.pointee.next { return next }
      climbing = candidate.pointee.parent
    }
    return nil
  }
}
