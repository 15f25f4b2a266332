import Foundation
import Markup
import ScanModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a framework's document with its size checked first, so that a huge file (or a device or pipe
/// that never ends) is refused without being read into memory.
public enum DocumentFile {
  /// The document's bytes. `file` and `element` say where the path came from, for the error.
  public static func read(
    _ path: String, limit: Int = ParseOptions.defaultSizeLimit, file: String, element: String? = nil
  ) throws -> [UInt8] {
    // O_NONBLOCK so that opening a FIFO cannot wait for a writer; it has no effect on regular files.
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else {
      let reason = String(cString: strerror(errno))
      throw InputError(
        file: file, element: element, "cannot read the document \(path) (\(reason)); check the path")
    }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
      throw InputError(
        file: file, element: element, "\(path) is not a regular file; give the document itself")
    }
    let size = Int(status.st_size)
    guard size <= limit else {
      throw tooLarge(path, size: size, limit: limit, file: file, element: element)
    }
    // A file that grows while it is read is cut off at one byte past the limit and refused all the same.
    var bytes = [UInt8](repeating: 0, count: min(size, limit) + 1)
    var filled = 0
    while filled < bytes.count {
      let count = bytes.withUnsafeMutableBytes { buffer in
        readBytes(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
      }
      if count < 0 && errno == EINTR { continue }
      guard count >= 0 else {
        let reason = String(cString: strerror(errno))
        throw InputError(file: file, element: element, "cannot read the document \(path) (\(reason))")
      }
      if count == 0 { break }
      filled += count
    }
    guard filled <= limit else {
      throw tooLarge(path, size: filled, limit: limit, file: file, element: element)
    }
    bytes.removeLast(bytes.count - filled)
    return bytes
  }

  private static func tooLarge(_ path: String, size: Int, limit: Int, file: String, element: String?)
    -> InputError
  {
    InputError(
      file: file, element: element,
      "the document \(path) is \(size) bytes, over the limit of \(limit) bytes (\(limit >> 20) MiB), so it "
        + "was not read; framework documents are rarely over a few MiB: check that this is the right file")
  }
}

/// read(2), named apart from `DocumentFile.read`.
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  read(descriptor, buffer, count)
}
