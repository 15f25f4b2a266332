/// The XPath forms recipes use most, answered by one walk of the tree for any number of expressions,
/// where libxml2 walks the whole tree once per expression. A path is a chain of element steps joined by
/// `/` or `//`, starting with either; each step is `name`, `prefix:name` or `*` with predicates made of
/// `and`, `or`, `not(...)` and parentheses over: `@a`, `@a='v'`, `contains(@a,'v')`, `starts-with(@a,'v')`,
/// the class-token idiom `contains(concat(' ',normalize-space(@class),' '),' v ')`,
/// `starts-with(normalize-space(.),'v')`, `normalize-space(.)='v'`, `self::a or self::b`, a child `name`
/// (with predicates of its own) or descendant `.//name` that must exist, `name='v'`, `name/@a='v'`,
/// `starts-with(name,'v')`, `starts-with(name/@a,'v')`, `contains(name,'v')`,
/// `preceding-sibling::name[...]`, `following-sibling::name[...]`, and two idioms of legislation recipes:
/// `substring(normalize-space(.),string-length(normalize-space(.)))='v'` (the last character) and
/// `contains(substring(normalize-space(.),i,n),'v')`. Any other predicate is delegated to libxml2 (see
/// `DelegatedPredicate`); unions with `|`. Paths outside all this are left to libxml2 whole.
struct SimpleSelector {
  enum Axis: Hashable {
    case child
    case descendant
  }

  struct NameTest: Hashable {
    /// nil matches any element.
    var name: [UInt8]?
    /// The namespace URI a prefixed name stands for; nil means no namespace (unprefixed names).
    var namespaceURI: [UInt8]?
    var anyNamespace: Bool
  }

  /// Where a string comes from, relative to the candidate.
  enum StringSource: Hashable {
    /// `normalize-space(.)`.
    case normalizedText
    /// The child elements `name`: a node-set, so `=` holds when one of them matches, and a function
    /// takes the first.
    case children(NameTest)
    /// `name/@a`, likewise.
    case childAttributes(NameTest, [UInt8])
    /// `substring(normalize-space(.), start, length)`, in characters, 1-based.
    case normalizedTextSubstring(start: Int, length: Int?)
    /// `substring(normalize-space(.), string-length(normalize-space(.)))`.
    case normalizedTextLastCharacter
  }

  enum SiblingAxis: Hashable {
    case preceding
    case following
  }

  indirect enum Test: Hashable {
    case hasAttribute([UInt8])
    case attributeEquals([UInt8], [UInt8])
    case attributeContains([UInt8], [UInt8])
    case attributeStartsWith([UInt8], [UInt8])
    case classToken([UInt8])
    case textStartsWith([UInt8])
    case selfIsOneOf([NameTest])
    case hasChild(NameTest, [Test])
    case hasDescendant(NameTest)
    case hasSibling(SiblingAxis, NameTest, [Test])
    case stringEquals(StringSource, [UInt8])
    case stringStartsWith(StringSource, [UInt8])
    case stringContains(StringSource, [UInt8])
    case all([Test])
    case any([Test])
    case not(Test)
    /// Any other predicate that yields no number, evaluated by libxml2 with the candidate as context node.
    case delegated(String)
  }

  /// Hashable so that selectors sharing their first steps can share what a walk learns about them.
  struct Step: Hashable {
    var axis: Axis
    var name: NameTest
    var tests: [Test]
  }

  let steps: [Step]
}
