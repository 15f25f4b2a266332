#if canImport(Glibc)
  import Glibc
#endif

/// The PDF's bytes in a temporary file that has no name: it is unlinked the moment it is created, so no
/// exit of evscan, however abrupt, leaves it behind; the kernel frees it when the last descriptor closes.
/// poppler needs a seekable file, not a pipe; the child reads it as its stdin through `/dev/stdin`, which
/// also makes pdftohtml's internal links (`stdin.html#5`) the same on every run.
///
/// memfd_create and O_TMPFILE would avoid the name altogether but are GNU extensions Swift does not import.
final class UnlinkedInputFile {
  let descriptor: Int32

  struct CreationError: Error, Sendable {
    var message: String
  }

  init(bytes: [UInt8], folder: String) throws(CreationError) {
    var template = Array((folder + "/evscan-pdf-XXXXXX").utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else {
      throw CreationError(
        message: "cannot create a temporary file in \(folder): \(String(cString: strerror(errno)))")
    }
    unlink(template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
    _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
    self.descriptor = descriptor
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, $0.count - written) }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else {
        throw CreationError(
          message: "cannot write a temporary file in \(folder): \(String(cString: strerror(errno)))")
      }
      written += count
    }
  }

  deinit {
    close(descriptor)
  }
}
