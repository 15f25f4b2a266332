import FuzzTargets
import LibFuzzerDriver

/// The entry point libFuzzer calls back cannot capture a value, so the target lives here.
nonisolated(unsafe) private var selectedTarget = FuzzTarget.html

/// Hands the command line to libFuzzer and feeds every input it makes to `target`.
public func runFuzzer(_ target: FuzzTarget) -> Int32 {
  selectedTarget = target
  var argc = CommandLine.argc
  var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
  return LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    selectedTarget.fuzz(data, size)
    return 0
  }
}
