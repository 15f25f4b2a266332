import ScanModel
import StrictYAML
import Testing

@Suite("Strict YAML")
struct StrictYAMLDecoderTests {
  struct Settings: Codable, Equatable {
    struct Inner: Codable, Equatable {
      var name: String
      var size: Int?
    }

    var title: String
    var items: [Inner]
    var labels: [String: String]?
  }

  let decoder = StrictYAMLDecoder(documentationHint: "see the docs")

  @Test func validYAMLDecodes() throws {
    let text =
      "title: A\nitems:\n  - name: x\n    size: 2\n  - name: y\nlabels: {free: form, keys: allowed}\n"
    let value = try decoder.decode(Settings.self, from: text, file: "s.yaml")
    #expect(
      value
        == Settings(
          title: "A", items: [.init(name: "x", size: 2), .init(name: "y")],
          labels: ["free": "form", "keys": "allowed"]))
  }

  @Test(
    "errors name the file, the place and the problem",
    arguments: [
      ("title: A\nitems:\n  - name: x\n    sise: 2\n", "s.yaml:4:5", "unknown key `sise`"),
      ("title: A\nitems: [\n", "s.yaml:", "YAML syntax error"),
      ("items: []\n", "s.yaml", "missing the required key `title`"),
      ("title: A\nitems:\n  - name: x\n    size: big\n", "s.yaml:4", "expected a whole number"),
      ("", "s.yaml", "empty"),
    ])
  func errors(_ text: String, _ location: String, _ words: String) {
    do {
      _ = try decoder.decode(Settings.self, from: text, file: "s.yaml")
      Issue.record("accepted: \(text)")
    } catch let error as InputError {
      #expect(error.description.hasPrefix(location), "\(error)")
      #expect(error.description.contains(words), "\(error)")
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func nullValuesOfOptionalKeysAreNotUnknown() throws {
    let value = try decoder.decode(Settings.self, from: "title: A\nitems: []\nlabels: null\n", file: "s.yaml")
    #expect(value.labels == nil)
  }
}
