import Foundation

/// One file of the site: its path relative to the site's root (`mitigations/M0042.html`) and its bytes.
public struct SitePage: Sendable, Hashable {
  public var path: String
  public var bytes: Data

  init(path: String, bytes: Data) {
    self.path = path
    self.bytes = bytes
  }

  init(path: String, text: String) {
    self.init(path: path, bytes: Data(text.utf8))
  }
}
