import ArgumentParser
import Foundation
import ScanModel

/// Runs `body`, turning the library's user-facing errors into a message on standard error and exit code 1.
/// `EvidenceScan.main` now does this for every command; these wrappers stay only until the commands
/// that still call them have dropped them, and then go.
func reportingUserErrors<T>(_ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let error as InputError {
    Console.error(error.description)
    throw ExitCode.failure
  }
}

func reportingUserErrorsAsync<T>(_ body: () async throws -> T) async throws -> T {
  do {
    return try await body()
  } catch let error as InputError {
    Console.error(error.description)
    throw ExitCode.failure
  }
}
