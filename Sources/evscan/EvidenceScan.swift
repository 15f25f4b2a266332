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
}
