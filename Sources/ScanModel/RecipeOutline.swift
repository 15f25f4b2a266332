extension Recipe {
  /// How to read the hierarchy of flat legal text, where every paragraph is a sibling of the others and
  /// the structure is only in the labels that start them: `(a)`, `(1)`, `(A)`, `(i)`, `(I)`, and in their
  /// indentation. A statement's section path becomes the section number and the chain of labels
  /// (`22603 > (a) > (3) > (A)`), its label the same chain written together (`22603(a)(3)(A)`). See
  /// docs/framework-manifest.md, "Flat legal text".
  public struct Outline: Sendable, Hashable, Codable {
    public enum LeadIns: String, Sendable, Hashable, Codable, CaseIterable {
      /// A paragraph ending in a colon that introduces deeper items is dropped as `lead-in`, and its text
      /// (with the lead-ins above it) starts the text of every item under it.
      case join
      /// Lead-ins are statements like any other paragraph, and items keep only their own text.
      case keep
    }

    /// XPath relative to the unit: the section number it starts with, such as `h6` for "22603.".
    /// A unit with a number starts the outline afresh. The number's trailing period is dropped.
    public var number: String?
    /// A regular expression for one label at the start of a paragraph's text; its first group is the
    /// label's token (`a`, `1`, `A`, `iv`), the whole match its written form (`(a)`). Applied again and
    /// again, so "(e) (1)" gives two labels, the second one level below the first.
    public var label: String?
    /// XPath relative to the unit: its indentation, a number or a CSS style whose `margin-left` (or
    /// `padding-left`) gives it, such as `@style`. It settles labels that read two ways: `(i)` as the
    /// letter after `(h)` or as the first roman numeral.
    public var indent: String?
    /// XPath relative to the unit, for markup whose nesting shows the hierarchy: the number of nodes it
    /// selects is the unit's depth (`ancestor::table` for EUR-Lex's point tables), which serves as its
    /// indentation. Set `indent` or `depth`, not both.
    public var depth: String?
    /// What happens to a paragraph that ends in a colon and introduces deeper items; `join` by default.
    public var leadIns: LeadIns?
    /// A regular expression for a definition; a paragraph whose own text matches, and every paragraph
    /// under it, is dropped as `definition` (e.g. `^(As used in this|“[^”]+” means)`).
    public var definitions: String?

    public init(
      number: String? = nil, label: String? = nil, indent: String? = nil, depth: String? = nil,
      leadIns: LeadIns? = nil, definitions: String? = nil
    ) {
      self.number = number
      self.label = label
      self.indent = indent
      self.depth = depth
      self.leadIns = leadIns
      self.definitions = definitions
    }

    /// This outline with every key it leaves out taken from `base` (a preset's outline).
    public func filling(from base: Outline?) -> Outline {
      guard let base else { return self }
      return Outline(
        number: number ?? base.number, label: label ?? base.label, indent: indent ?? base.indent,
        depth: depth ?? base.depth, leadIns: leadIns ?? base.leadIns,
        definitions: definitions ?? base.definitions)
    }
  }
}
