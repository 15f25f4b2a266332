/// How a PDF is known by its bytes: `%PDF-` within the first kilobyte (the standard lets a few bytes of
/// junk come first, and poppler, like Acrobat, accepts them). The one definition for the converter,
/// format detection, `extract --source` and `evscan fetch`.
public enum PDFSignature {
  public static func matches(_ bytes: [UInt8]) -> Bool {
    let magic = Array("%PDF-".utf8)
    let head = bytes.prefix(1024)
    guard head.count >= magic.count else { return false }
    for start in head.startIndex...(head.endIndex - magic.count)
    where head[start..<(start + magic.count)].elementsEqual(magic) {
      return true
    }
    return false
  }
}
