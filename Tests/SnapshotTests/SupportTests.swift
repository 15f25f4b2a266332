import Foundation
import Testing

@Suite("Test support")
struct SupportTests {
  @Test("the independent SHA-256 matches the FIPS 180-4 examples")
  func sha256() {
    #expect(
      SHA256Hex.of(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(SHA256Hex.of(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
  }

  @Test("the RFC 4180 reader handles quotes and line breaks")
  func rfc4180() throws {
    #expect(try RFC4180.parse("a,\"b,\"\"c\"\"\nd\"\n") == [["a", "b,\"c\"\nd"]])
  }
}
