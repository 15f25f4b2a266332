import ArgumentParser

/// Where the framework folders are.
struct FrameworksOptions: ParsableArguments {
  @Option(name: .customLong("frameworks"), help: "The folder of framework folders.", completion: .directory)
  var directory: String = "frameworks"
}

/// Machine-readable output instead of text for people.
struct JSONOption: ParsableArguments {
  @Flag(name: .customLong("json"), help: "Print JSON instead of text.")
  var enabled = false
}
