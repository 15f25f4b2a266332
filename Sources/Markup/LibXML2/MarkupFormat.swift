/// The two parsers libxml2 offers: forgiving HTML and strict XML.
public enum MarkupFormat: String, Sendable, Codable, CaseIterable {
  case html
  case xml
}
