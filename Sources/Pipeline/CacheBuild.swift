import ContentHash
import Foundation
import ScanModel

/// The evscan build that reads and writes the cache, and its folders in the cache.
///
/// Every cached value depends on the build (a rebuilt evscan may extract or check differently), so each
/// build keeps its values in a folder of its own, `<cache>/<kind>/<build>/`. What another build wrote can
/// never be read again: a scan removes it (`removeOtherBuilds`), where it used to pile up with every
/// upgrade or rebuild.
enum CacheBuild {
  static let extraction = "extraction"
  static let taxonomy = "taxonomy"

  /// The running binary's path, size, inode and modification time: a rebuilt evscan may extract or code
  /// differently even before its version changes, and every build writes the binary anew. Hashing the binary
  /// instead (some 50 MB) took longer than the rest of an unchanged scan's reading. The unchanged-scan check
  /// names the binary by it too.
  static let fingerprint: String = {
    let path =
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? CommandLine.arguments[0]
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
      return "unknown \(path)"
    }
    let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
    let inode = (attributes[.systemFileNumber] as? NSNumber)?.int64Value ?? -1
    let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
    return "\(path) \(size) \(inode) \(modified)"
  }()

  /// This build's folder name: its version and fingerprint, hashed.
  static let name = String(SHA256Digest.hex("tool \(ToolVersion.current) \(fingerprint)").prefix(16))

  /// This build's folder for one kind of value.
  static func folder(_ kind: String, in cache: URL) -> URL {
    cache.appendingPathComponent(kind).appendingPathComponent(name)
  }

  /// Removes what other builds left, of every kind.
  static func removeOtherBuilds(in cache: URL) {
    for kind in [extraction, taxonomy] { removeOtherBuilds(kind, in: cache) }
  }

  /// Removes everything under `<cache>/<kind>/` but this build's folder: other builds' folders, and the
  /// loose files of caches written before builds had folders. A cache only saves time, so what cannot be
  /// removed is left.
  static func removeOtherBuilds(_ kind: String, in cache: URL) {
    let parent = cache.appendingPathComponent(kind)
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
    for other in names where other != name {
      try? FileManager.default.removeItem(at: parent.appendingPathComponent(other))
    }
  }
}
