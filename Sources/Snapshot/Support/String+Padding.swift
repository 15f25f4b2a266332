extension String {
  /// Padded on the left to `width` characters, zeros by default: `0042`, `%0A`.
  func leftPadded(to width: Int, with pad: Character = "0") -> String {
    count >= width ? self : String(repeating: pad, count: width - count) + self
  }
}
