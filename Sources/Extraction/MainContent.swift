import Foundation
import Markup

/// Finds the part of a web page that holds its main content, for recipes with `mainContent: true` (the
/// generic preset): units outside it are navigation.
///
/// A page that marks its content (`<main>`, `role="main"`, or a single `<article>`) is taken at its
/// word. Otherwise the content is found from the page itself, the way readability-style extractors do:
/// every element weighs the text it holds, less the text of links (a menu is nearly all links) and of page
/// chrome (`nav`, `header`, `footer`, `aside`, forms, scripts, and elements whose class or id reads like a
/// menu, a cookie banner, a sidebar, a share bar or a comment thread). The main content is the deepest
/// element that still holds at least `share` of the page's weight. Because it must hold most of the text, a
/// page whose text is spread out gives a large region (at worst the whole body), never an empty one: the
/// finder narrows a page, it does not throw a page away.
struct MainContent {
  /// The share of the page's text the main content must hold.
  static let share = 0.75

  /// Class and id words of page chrome, and words that say an element is content after all.
  static let chromeWords = [
    "nav", "menu", "footer", "header", "sidebar", "cookie", "consent", "banner", "breadcrumb", "share",
    "social", "comment", "related", "promo", "subscribe", "newsletter", "skip", "popup", "modal", "advert",
  ]
  static let contentWords = ["content", "main", "article", "post", "body", "text"]
  static let chromeElements: Set<String> = [
    "nav", "header", "footer", "aside", "form", "script", "style", "noscript", "button", "select", "a",
    "template", "svg",
  ]

  /// The elements holding the main content, or none when the page has no body to narrow.
  static func regions(in document: Document) throws -> [Node] {
    let marked = try document.select("//main | //*[@role='main']")
    if !marked.isEmpty { return marked }
    let articles = try document.select("//article")
    if articles.count == 1 { return articles }
    guard let body = try document.select("//body").first else { return [] }
    return [deepestHolder(of: body)]
  }

  /// Walks down from `root` while one child holds at least `share` of the root's weight.
  static func deepestHolder(of root: Node) -> Node {
    var weights: [Node: Int] = [:]
    let total = weigh(root, into: &weights)
    guard total > 0 else { return root }
    var current = root
    while let heavy = current.elementChildren.first(where: {
      Double(weights[$0] ?? 0) >= share * Double(total)
    }) {
      current = heavy
    }
    return current
  }

  /// The characters of text (not spaces) an element holds outside links and page chrome; every element's
  /// weight is kept in `weights`.
  @discardableResult
  static func weigh(_ node: Node, into weights: inout [Node: Int]) -> Int {
    switch node.kind {
    case .text:
      return node.literalText.unicodeScalars.reduce(0) { $0 + ($1.properties.isWhitespace ? 0 : 1) }
    case .element:
      if isChrome(node) {
        weights[node] = 0
        return 0
      }
      let weight = node.children.reduce(0) { $0 + weigh($1, into: &weights) }
      weights[node] = weight
      return weight
    case .comment, .other:
      return 0
    }
  }

  /// Whether an element is page chrome by its name, or by a class or id that names chrome and no content.
  static func isChrome(_ element: Node) -> Bool {
    if chromeElements.contains(element.name.lowercased()) { return true }
    let names = ((element.attribute("class") ?? "") + " " + (element.attribute("id") ?? "")).lowercased()
    guard !names.trimmingCharacters(in: .whitespaces).isEmpty else { return false }
    let words = names.split { !$0.isLetter }.map(String.init)
    let chrome = words.contains { word in chromeWords.contains { word.hasPrefix($0) } }
    let content = words.contains { word in contentWords.contains { word.hasPrefix($0) } }
    return chrome && !content
  }
}
