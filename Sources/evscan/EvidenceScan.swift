import ArgumentParser
import ScanModel

@main
struct EvidenceScan: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "evscan",
    abstract: "Re-run a rapid evidence scan of AI risk mitigation frameworks.",
    discussion: """
      evscan extracts mitigation statements from framework documents, codes them against the \
      MIT AI Risk Mitigation Taxonomy and its facets, merges near-duplicates into canonical \
      mitigations, and writes a deterministic database snapshot.
      """,
    version: ToolVersion.current,
    subcommands: [
      ScanCommand.self, FrameworksCommand.self, FetchCommand.self, ExtractCommand.self,
      AddFrameworkCommand.self,
      CheckFrameworkCommand.self,
      CodeCommand.self, TrainCommand.self, TrainScreeningCommand.self, EvaluateCommand.self,
      DedupeCommand.self, TrainPairsCommand.self, EvaluatePairsCommand.self, SimulateReviewCommand.self,
      AgreementCommand.self, ReviewCommand.self, ExplainCommand.self, DiffCommand.self, SiteCommand.self,
      ReplayIdentitiesCommand.self,
    ]
  )

  /// Runs the command the arguments name. The one place errors become words and exit codes: an input
  /// error (what the user can fix) and an internal error (a bug in evscan) are printed as they are, on
  /// standard error, with exit code 1; everything else, including the argument parser's own errors and
  /// the exit codes commands throw, is left to ArgumentParser as before.
  static func main() async {
    do {
      var command = try await asyncParseAsRoot()
      if var asyncCommand = command as? AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch let error as InputError {
      Console.error(error.description)
      exit(withError: ExitCode.failure)
    } catch let error as InternalError {
      Console.error(error.description)
      exit(withError: ExitCode.failure)
    } catch {
      exit(withError: error)
    }
  }
}
