import ContentHash
import Foundation
import Testing

@Suite("SHA-256 digests")
struct SHA256DigestTests {
  @Test(
    "FIPS 180-4 test vectors",
    arguments: [
      ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
      ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
      (
        "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
      ),
    ])
  func vectors(_ input: String, _ expected: String) {
    #expect(SHA256Digest.hex(input) == expected)
    #expect(SHA256Digest.hex(input, digits: 12) == String(expected.prefix(12)))
    #expect(SHA256Digest.isWellFormed(expected))
  }

  @Test func wellFormedMeansSixtyFourLowerCaseHexDigits() {
    #expect(!SHA256Digest.isWellFormed("ABC"))
    #expect(!SHA256Digest.isWellFormed(String(repeating: "G", count: 64)))
    #expect(!SHA256Digest.isWellFormed(String(repeating: "A", count: 64)))
  }
}
