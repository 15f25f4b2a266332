/// A PDF written object by object, with an xref table whose offsets are right and a trailer, so that
/// each test states the exact structure it feeds to poppler instead of reading a real file.
struct TestPDF {
  private var objects: [[UInt8]] = []
  /// Extra trailer entries, such as `/Encrypt 6 0 R`.
  var trailer = ""
  /// When set, the xref also declares object `declaredSize - 1` (free), so poppler counts that many
  /// objects: it refuses a page /Count above the number of objects.
  var declaredSize: Int?

  /// Adds an object and returns its number.
  @discardableResult
  mutating func add(_ body: String) -> Int {
    add(bytes: Array(body.utf8))
  }

  @discardableResult
  mutating func add(bytes: [UInt8]) -> Int {
    objects.append(bytes)
    return objects.count
  }

  /// Adds a stream object: `dictionary` holds entries besides /Length.
  @discardableResult
  mutating func addStream(_ data: [UInt8], dictionary: String = "") -> Int {
    add(
      bytes: Array("<< /Length \(data.count) \(dictionary) >>\nstream\n".utf8) + data
        + Array("\nendstream".utf8))
  }

  mutating func replace(_ number: Int, with body: String) {
    objects[number - 1] = Array(body.utf8)
  }

  /// The number the next `add` will return, for objects that refer to each other.
  var nextNumber: Int { objects.count + 1 }

  func bytes(root: Int) -> [UInt8] {
    var out = Array("%PDF-1.4\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
    var offsets: [Int] = []
    for (index, body) in objects.enumerated() {
      offsets.append(out.count)
      out += Array("\(index + 1) 0 obj\n".utf8) + body + Array("\nendobj\n".utf8)
    }
    let xref = out.count
    var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
    for offset in offsets { table += pad(offset) + " 00000 n \n" }
    var size = objects.count + 1
    if let declaredSize, declaredSize > size {
      table += "\(declaredSize - 1) 1\n0000000000 65535 f \n"
      size = declaredSize
    }
    table += "trailer\n<< /Size \(size) /Root \(root) 0 R \(trailer) >>\nstartxref\n\(xref)\n%%EOF\n"
    return out + Array(table.utf8)
  }

  private func pad(_ offset: Int) -> String {
    let digits = String(offset)
    return String(repeating: "0", count: max(0, 10 - digits.count)) + digits
  }
}
