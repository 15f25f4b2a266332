import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A blocking HTTP/1.1 exchange with a server on 127.0.0.1, over a plain socket: enough for chromedriver's
/// JSON, and free of FoundationNetworking, whose libcurl transport failed here on chromedriver's replies
/// ("Failed writing header") and left an awaiting test hanging.
enum LocalHTTP {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// Sends one request and returns the response's body; waits at most `timeout` seconds for each read.
  static func exchange(port: Int, method: String, path: String, body: Data?, timeout: Int) throws -> Data {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socket >= 0 else { throw Failure(description: "cannot open a socket (errno \(errno))") }
    defer { close(socket) }
    var limit = timeval(tv_sec: timeout, tv_usec: 0)
    setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
    setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else {
      throw Failure(description: "cannot connect to 127.0.0.1:\(port) (errno \(errno))")
    }

    let payload = body ?? Data()
    var request = Data(
      ("\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        + "Content-Type: application/json; charset=utf-8\r\nContent-Length: \(payload.count)\r\n\r\n").utf8)
    request.append(payload)
    try request.withUnsafeBytes { raw in
      var sent = 0
      while sent < raw.count {
        let count = write(socket, raw.baseAddress! + sent, raw.count - sent)
        guard count > 0 else {
          throw Failure(description: "\(method) \(path): write failed (errno \(errno))")
        }
        sent += count
      }
    }
    // chromedriver answers with Content-Length and may keep the connection open, so read until the head
    // and as many body bytes as it announced (or until it closes, for an answer without a length).
    var response = Data()
    var buffer = [UInt8](repeating: 0, count: 65_536)
    var expected: Int?
    var bodyStart: Int?
    while bodyStart == nil || expected == nil || response.count - bodyStart! < expected! {
      let count = read(socket, &buffer, buffer.count)
      if count == 0 { break }
      guard count > 0 else {
        throw Failure(description: "\(method) \(path): no answer within \(timeout) s (errno \(errno))")
      }
      response.append(contentsOf: buffer[0..<count])
      if bodyStart == nil, let split = response.range(of: Data("\r\n\r\n".utf8)) {
        bodyStart = split.upperBound - response.startIndex
        let head = String(decoding: response[..<split.lowerBound], as: UTF8.self).lowercased()
        for line in head.split(separator: "\r\n") where line.hasPrefix("content-length:") {
          expected = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
        }
      }
    }
    guard let split = response.range(of: Data("\r\n\r\n".utf8)) else {
      throw Failure(description: "\(method) \(path): not an HTTP response")
    }
    let head = String(decoding: response[..<split.lowerBound], as: UTF8.self).lowercased()
    let content = Data(response[split.upperBound...])
    return head.contains("transfer-encoding:chunked") || head.contains("transfer-encoding: chunked")
      ? try dechunk(content) : content
  }

  /// A port no one listens on now: the kernel's pick for a socket bound to port 0.
  static func freePort() throws -> Int {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socket >= 0 else { throw Failure(description: "cannot open a socket (errno \(errno))") }
    defer { close(socket) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
        bind(socket, address, length) == 0 && getsockname(socket, address, &length) == 0
      }
    }
    guard bound else { throw Failure(description: "cannot find a free port (errno \(errno))") }
    return Int(UInt16(bigEndian: address.sin_port))
  }

  private static func dechunk(_ data: Data) throws -> Data {
    var out = Data()
    var rest = data[...]
    while let lineEnd = rest.range(of: Data("\r\n".utf8)) {
      let sizeText = String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self)
      guard let size = Int(sizeText.split(separator: ";").first ?? "", radix: 16) else {
        throw Failure(description: "bad chunk size \(sizeText)")
      }
      if size == 0 { break }
      let start = lineEnd.upperBound
      out.append(rest[start..<(start + size)])
      rest = rest[(start + size + 2)...]
    }
    return out
  }
}
