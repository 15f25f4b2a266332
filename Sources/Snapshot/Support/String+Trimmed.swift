extension String {
  /// Without leading and trailing whitespace.
  var trimmed: String {
    var result = Substring(self)
    while let first = result.first, first.isWhitespace { result = result.dropFirst() }
    while let last = result.last, last.isWhitespace { result = result.dropLast() }
    return String(result)
  }
}
