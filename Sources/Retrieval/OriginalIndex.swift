import ContentHash
import Foundation

/// The files under a folder the user already has (`evscan fetch --from DIR`), by SHA-256, so that originals
/// are recognised by their bytes whatever they are called and however the folder is arranged.
struct OriginalIndex {
  private(set) var paths: [String: URL] = [:]
  private(set) var filesRead = 0

  /// Hashes every regular file under `root` up to `sizeLimit` bytes (larger files cannot be originals
  /// evscan would read). Hidden files and folders are included: a download folder may be anything.
  init(root: URL, sizeLimit: Int) throws {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder), isFolder.boolValue else {
      throw OriginalIndexFailure(path: root.path)
    }
    let keys: [URLResourceKey] = [.isRegularFileKey, .fileSizeKey]
    guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: keys) else {
      throw OriginalIndexFailure(path: root.path)
    }
    var found: [(String, URL)] = []
    for case let url as URL in walker {
      guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true,
        (values.fileSize ?? 0) <= sizeLimit, let digest = try? SHA256Digest.hex(contentsOf: url)
      else { continue }
      filesRead += 1
      found.append((digest, url))
    }
    // Two copies of one document: keep the first path in sorted order, so the message does not vary.
    for (digest, url) in found.sorted(by: { $0.1.path < $1.1.path }) where paths[digest] == nil {
      paths[digest] = url
    }
  }

  func file(withSHA256 digest: String) -> URL? { paths[digest] }
}

struct OriginalIndexFailure: Error {
  var path: String
}
