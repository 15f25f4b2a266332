import FuzzDriver
import FuzzTargets

#if canImport(Glibc)
  import Glibc
#endif

exit(runFuzzer(.tei))
