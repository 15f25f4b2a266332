import Foundation

/// The words for a failed download: what happened at which address, and what the user can do about it.
enum DownloadMessage {
  static func describe(_ failure: DownloadFailure, url: String, limits: DownloadLimits) -> String {
    let offline = "`evscan fetch --from FOLDER` takes a copy you downloaded yourself"
    switch failure {
    case .timedOut(let seconds):
      return "no data from \(url) for \(Int(seconds)) seconds, so the download was given up and nothing was "
        + "kept; try again later (--timeout waits longer), or \(offline)"
    case .tooManyRedirects(let limit, let last):
      return
        "\(url) redirected more than \(limit) times (the last redirect led to \(last)); nothing was kept. "
        + "Open the address in a browser: if the document moved, correct `original.url`"
    case .tooLarge(let limit, let announced):
      let size = announced.map { "\($0) bytes" } ?? "more than \(limit) bytes"
      return "\(url) sent \(size), over the limit of \(limit) bytes (\(limit >> 20) MiB); nothing was kept. "
        + "Check that `original.url` names the document itself, not an archive or a dataset"
    case .httpStatus(let code, let final):
      let place = final == url ? "" : " (after redirects, at \(final))"
      return "\(url) answered HTTP \(code)\(place); nothing was kept. "
        + advice(forStatus: code, offline: offline)
    case .interrupted(let received, let expected, let detail):
      let of = expected.map { " of \($0)" } ?? ""
      return
        "the download from \(url) stopped after \(received)\(of) bytes (\(detail)); the partial file was "
        + "removed. Try again"
    case .unsupportedURL(let text):
      return "`\(text)` is not an http or https address; correct `original.url`"
    case .transport(let detail):
      return "cannot download \(url): \(detail). Check the network connection; \(offline)"
    case .storage(let detail):
      return "cannot write the download (\(detail)); check the folder's permissions and free space"
    }
  }

  static func advice(forStatus code: Int, offline: String) -> String {
    switch code {
    case 404, 410:
      "The document is not at this address any more: find where it moved and correct `original.url`"
    case 401, 403, 429:
      "The server refuses this download (publishers often refuse scripts): download it in a browser; \(offline)"
    case 500...599: "The server failed: try again later, or \(offline)"
    default: "Check `original.url` in a browser"
    }
  }
}
