import Foundation
import Markup

enum FixtureLoader {
  static func url(_ name: String) -> URL {
    guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures") else {
      fatalError("missing test fixture \(name)")
    }
    return url
  }

  static func bytes(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: url(name)))
  }

  static func parse(_ name: String) throws -> Document {
    let format: MarkupFormat = name.hasSuffix(".xml") ? .xml : .html
    return try Document.parse(bytes(name), options: ParseOptions(format: format, sourceName: name))
  }
}
