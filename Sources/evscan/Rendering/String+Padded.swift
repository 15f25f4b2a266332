extension String {
  /// Padded on the right with spaces to `width` characters, for columns of terminal text; a longer string
  /// is kept whole.
  func padded(to width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
