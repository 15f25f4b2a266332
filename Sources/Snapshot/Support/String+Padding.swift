extension String {
  /// Padded on the left to `width` characters, zeros by default: `0042`, `%0A`.
  func leftPadded(to width: Int, with pad: Character = "0") -> String {
    count >= width ? self : String(repeating: pad, count: width - count) + self
  }

  /// Padded on the right with spaces to `width` characters, for columns of terminal text.
  func padded(to width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
