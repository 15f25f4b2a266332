import CSVInput
import ContentHash
import Deduplication
import Extraction
import Foundation
import Normalization
import ScanModel
import Screening
import Site
import Snapshot
import Taxonomy
import Utilities

/// `evscan scan`: extract every framework, code every statement, merge near-duplicates, and publish the
/// snapshot atomically. Stages exchange values; only this runner reads inputs and writes the snapshot.
public struct ScanRunner {
  let options: ScanOptions
  let progress: any ScanProgress

  public init(options: ScanOptions, progress: any ScanProgress = SilentProgress()) {
    self.options = options
    self.progress = progress
  }

  /// A framework that could not be read or extracted.
  public struct FrameworkFailure: Error, CustomStringConvertible {
    public var framework: String
    public var underlying: any Error
    public var description: String { "framework \(framework) failed: \(underlying)" }
  }

  public func run() throws -> ScanOutcome {
    let lock = try OutputLock(output: options.output, wait: options.waitForLock)
    defer { lock.release() }
    let timer = options.timer
    let publisher = SnapshotPublisher(output: options.output)
    for note in try publisher.recoverLeftovers() { progress.note(note) }
    let shortcut = ScanShortcut(options: options, relativePath: relativePath)
    if !options.force, let manifest = timer.measure("check for changes", { shortcut.currentManifest() }) {
      return unchangedOutcome(manifest)
    }
    shortcut.forget()

    let (inputs, (extractions, failures, fromCache)) = try readInputsAndExtract()
    let extracted = extractions.flatMap(\.result.statements).sorted { $0.id < $1.id }
    let screened = try timer.measure("screen") {
      try screen(extracted, extractions: extractions, model: inputs.others.screeningModel)
    }
    let statements = screened.statements
    let codeDecisions = try readCodeDecisions(knownStatements: Set(statements.map(\.id)))

    progress.stage("coding \(statements.count) statements")
    let codings = try timer.measure("code") {
      try inputs.normalizer.applying(codeDecisions).code(statements)
    }
    let deduplicated = try mergeNearDuplicates(
      statements, codings: codings,
      // Screening can split a unit into sentences (`unit#s2`); a decision on either is made on this run's
      // documents.
      units: Set(extracted.map(\.id)).union(statements.map(\.id)), extractions: extractions, inputs: inputs)

    progress.stage("writing the snapshot")
    let numbering = ActionNumbering.assign(
      statements, previous: inputs.previous.actionNumbers,
      highestIssued: inputs.previous.highestActionNumber)
    let content = timer.measure("assemble") {
      assemble(
        taxonomy: inputs.taxonomy, model: inputs.model, extractions: extractions, screened: screened,
        codings: codings, codeDecisions: codeDecisions, deduplicated: deduplicated, numbering: numbering)
    }
    let manifest = try publish(content, with: publisher)
    if failures.isEmpty { remember(in: shortcut) }
    if let cache = options.cache { CacheBuild.removeOtherBuilds(in: cache) }
    return ScanOutcome(
      output: options.output.path, counts: content.run.counts,
      frameworksExtracted: extractions.count - fromCache,
      frameworksFromCache: fromCache,
      failures: failures.map { .init(framework: $0.framework, reason: "\($0.underlying)") },
      warnings: content.warnings.count, files: manifest.files.mapValues(\.sha256))
  }

  /// What a scan that found nothing changed reports: the snapshot in the output folder, left as it was.
  private func unchangedOutcome(_ manifest: SnapshotManifest) -> ScanOutcome {
    ScanOutcome(
      output: options.output.path, counts: manifest.counts, frameworksExtracted: 0,
      frameworksFromCache: manifest.documents.count, failures: [], warnings: 0,
      files: manifest.files.mapValues(\.sha256), current: true)
  }

  /// Records the snapshot just published, so that the next scan can tell whether anything changed.
  private func remember(in shortcut: ScanShortcut) {
    if let written = FileManager.default.contents(
      atPath: options.output.appendingPathComponent("manifest.json").path)
    {
      shortcut.record(manifestSHA256: SHA256Digest.hex(written))
    }
  }

  /// The site's folder inside the snapshot, with `--site`.
  static let siteFolder = "site"

  // MARK: Inputs other than the frameworks

  /// What the stages read besides the frameworks' documents.
  private struct Inputs {
    var taxonomy: TaxonomySet
    var model: ClassifierModel?
    /// Built from the taxonomy and the model while the frameworks are read; decisions are applied later.
    var normalizer: Normalizer
    var previous: Previous
    var others: OtherInputs
  }

  /// Reads the inputs and extracts the frameworks on both cores: the classifier's model, the normalizer built
  /// from it and the previous snapshot on one, the other inputs and the extraction on the other, which take
  /// about as long. A broken input is reported in the order the inputs are listed, as if they had been read
  /// one after the other.
  private func readInputsAndExtract() throws -> (Inputs, Extractions) {
    let timer = options.timer
    progress.stage("reading the taxonomy and model")
    let taxonomy = try timer.measure("read taxonomy") {
      try options.cache.map { try TaxonomyCache(directory: $0).load(from: options.taxonomy) }
        ?? TaxonomySet.load(from: options.taxonomy)
    }
    let (coding, rest) = Parallel.both(
      { () -> (Result<(ClassifierModel?, Normalizer), any Error>, Result<Previous, any Error>) in
        let model = Result { () throws -> (ClassifierModel?, Normalizer) in
          let model = try timer.measure("read model") {
            try options.model.map { try ClassifierModel.load(path: $0.path) }
          }
          return (model, timer.measure("prepare coding") { Normalizer(taxonomy: taxonomy, model: model) })
        }
        return (model, Result { try timer.measure("read previous snapshot") { try readPrevious() } })
      },
      { () throws -> (OtherInputs, Result<Extractions, any Error>) in
        let others = try readOtherInputs(taxonomy: taxonomy)
        progress.stage("extracting")
        return (others, Result { try timer.measure("extract") { try extractAll() } })
      })
    let (codingInputs, previous) = try coding.get()
    let (classifier, normalizer) = try codingInputs.get()
    let (others, extractions) = try rest.get()
    let inputs = Inputs(
      taxonomy: taxonomy, model: classifier, normalizer: normalizer, previous: try previous.get(),
      others: others)
    return (inputs, try extractions.get())
  }

  /// The inputs other than the taxonomy, the classifier's model and the previous snapshot.
  private struct OtherInputs {
    var screeningModel: ScreeningModel?
    var deduplication: DeduplicationConfiguration
    var pairModel: PairModel?
  }

  private func readOtherInputs(taxonomy: TaxonomySet) throws -> OtherInputs {
    let timer = options.timer
    let screeningModel = try timer.measure("read screening model") {
      try options.screeningModel.map { try ScreeningModel.load(path: $0.path) }
    }
    let deduplication = try timer.measure("read configuration") {
      try DeduplicationConfiguration.load(
        path: options.deduplicationConfiguration.path,
        knownConcepts: Set(taxonomy.thesaurus.concepts.map(\.id)))
    }
    let pairModel = try timer.measure("read pair model") {
      try presentPairModel().map { try PairModel.load(path: $0.path) }
    }
    return OtherInputs(screeningModel: screeningModel, deduplication: deduplication, pairModel: pairModel)
  }

  private var codesPath: URL { DecisionFile.codes.url(in: options.decisions) }
  private var mergesPath: URL { DecisionFile.merges.url(in: options.decisions) }

  /// People's coding decisions (decisions/codes.csv), after both decision logs are repaired.
  private func readCodeDecisions(knownStatements ids: Set<String>) throws -> [CodeDecision] {
    // `evscan review` appends whole lines; a line torn by a crash in the middle of a write is cut off here,
    // with a warning, rather than stopping the scan.
    for path in [codesPath, mergesPath] where FileManager.default.fileExists(atPath: path.path) {
      if let warning = try DecisionLog.repairTornTail(path: path.path, name: relativePath(path)) {
        progress.note(warning)
      }
    }
    let codeDecisions = try CodeDecisionReader().read(
      path: codesPath.path, name: relativePath(codesPath), knownStatements: ids)
    for warning in CodeDecisionReader.disagreements(in: codeDecisions) { progress.note(warning) }
    return codeDecisions
  }

  // MARK: Merging

  private func mergeNearDuplicates(
    _ statements: [Statement], codings: [StatementCoding], units: Set<String>,
    extractions: [ExtractedFramework],
    inputs: Inputs
  ) throws -> DeduplicationResult {
    progress.stage("merging near-duplicates")
    let linkDecisions = madeOnThisRunsDocuments(
      try MergeDecisionsReader.read(path: mergesPath.path, name: relativePath(mergesPath)),
      units: units, extractions: extractions)
    let deduplicationInputs = zip(statements, codings).map { statement, coding in
      DeduplicationInput(
        id: statement.id, framework: statement.framework, text: statement.text, title: statement.title,
        concepts: coding.conceptIDs, primaryCode: coding.primary?.code)
    }
    return try options.timer.measure("merge") {
      try Deduplicator(configuration: inputs.others.deduplication, pairModel: inputs.others.pairModel).run(
        inputs: deduplicationInputs, ledger: inputs.previous.ledger, decisions: linkDecisions)
    }
  }

  // MARK: Publishing

  /// Writes the snapshot (and the site, with `--site`) into a temporary folder and swaps it in.
  private func publish(_ content: SnapshotContent, with publisher: SnapshotPublisher) throws
    -> SnapshotManifest
  {
    let timer = options.timer
    let folder = try publisher.makeTemporaryFolder()
    do {
      let manifest = try SnapshotWriter(timer: timer).write(content, to: folder)
      if options.writeSite {
        progress.stage("writing the site")
        // Inside the temporary folder, so the snapshot and its site are swapped in together.
        try timer.measure("site") {
          try SiteGenerator.writeFiles(
            SiteGenerator(content: content).pages(), into: folder.appendingPathComponent(Self.siteFolder))
        }
      }
      try timer.measure("publish") { try publisher.publish(folder) }
      return manifest
    } catch {
      publisher.discard(folder)
      throw error
    }
  }

  // MARK: Extraction

  /// The frameworks extracted, those that failed (with `--keep-going`), and how many came from the cache.
  private typealias Extractions = ([ExtractedFramework], [FrameworkFailure], Int)

  private func extractAll() throws -> Extractions {
    var extractions: [ExtractedFramework] = []
    var failures: [FrameworkFailure] = []
    var fromCache = 0
    let cache = options.cache.map(ExtractionCache.init)
    for directory in try FrameworkFolder.list(in: options.frameworks) {
      let slug = directory.lastPathComponent
      do {
        let folder = try FrameworkFolder(directory: directory, choice: options.documents)
        // The document chosen (stand-in or original) is in the key through its SHA-256, format and recipe.
        let document = folder.document
        let key = ExtractionCache.key(
          framework: slug, documentSHA256: document.sha256, recipe: folder.recipe.recipe,
          format: document.format.rawValue, encoding: document.encoding)
        let displayPath = relativePath(folder.directory.appendingPathComponent(document.file))
        if let cached = cache?.load(key) {
          fromCache += 1
          extractions.append(ExtractedFramework(folder: folder, result: cached))
          progress.framework(
            slug, statements: cached.statements.count, dropped: cached.dropped.count, cached: true)
          continue
        }
        let result = try folder.extract(displayPath: displayPath)
        cache?.store(result, key: key)
        extractions.append(ExtractedFramework(folder: folder, result: result))
        progress.framework(
          slug, statements: result.statements.count, dropped: result.dropped.count, cached: false)
      } catch {
        let failure = FrameworkFailure(framework: slug, underlying: error)
        progress.frameworkFailed(slug, reason: "\(error)")
        guard options.keepGoing else { throw failure }
        failures.append(failure)
      }
    }
    guard !extractions.isEmpty else {
      throw InputError(file: options.frameworks.path, "no framework could be extracted; see the errors above")
    }
    return (extractions, failures, fromCache)
  }

  /// Merge decisions made on a framework's stand-in name units its original does not have: when the
  /// scan reads the original (`evscan fetch`), such a decision is set aside with a note naming its line,
  /// rather than stopping the scan as an id that is simply wrong does.
  private func madeOnThisRunsDocuments(
    _ decisions: [LinkDecision], units: Set<String>, extractions: [ExtractedFramework]
  ) -> [LinkDecision] {
    let readFromOriginal = Set(
      extractions.filter { $0.folder.document.origin == .retrieved }.map(\.folder.slug))
    guard !readFromOriginal.isEmpty else { return decisions }
    return decisions.filter { decision in
      func framework(_ id: String) -> String { String(id.prefix { $0 != ":" }) }
      guard
        let id = [decision.a, decision.b].first(where: {
          !units.contains($0) && readFromOriginal.contains(framework($0))
        })
      else { return true }
      progress.note(
        "\(decision.source): `\(id)` is a statement of \(framework(id))'s stand-in, and this scan reads its "
          + "original, so the \(decision.kind.rawValue) is set aside; make the decision again on the original's "
          + "statements (`evscan review`), or scan with --stand-in")
      return false
    }
  }

  // MARK: Screening

  /// Every extracted unit through screening, people's decisions (decisions/screening.csv) first; without a
  /// screening model every unit goes on, as before screening existed.
  private func screen(_ extracted: [Statement], extractions: [ExtractedFramework], model: ScreeningModel?)
    throws
    -> ScreeningOutcome
  {
    guard let model else { return ScreeningOutcome(statements: extracted, verdicts: [], dropped: []) }
    progress.stage("screening \(extracted.count) units")
    let path = DecisionFile.screening.url(in: options.decisions)
    let decisions = try ScreeningDecisionReader().read(
      path: path.path, name: relativePath(path), knownUnits: Set(extracted.map(\.id)))
    var settings: [String: Recipe.Screening] = [:]
    for extraction in extractions {
      settings[extraction.folder.slug] = extraction.folder.recipe.recipe.screening ?? Recipe.Screening()
    }
    return try Screener(model: model, decisions: decisions).screen(extracted, settings: settings)
  }

  // MARK: The previous snapshot

  struct Previous {
    var ledger = IdentityLedger()
    var actionNumbers: [String: Int] = [:]
    var highestActionNumber = 0
  }

  /// Ids stay stable only if the previous snapshot can be read; when it cannot, the scan stops rather than
  /// silently renumber, unless the user asked to start afresh.
  private func readPrevious() throws -> Previous {
    let output = options.output
    guard FileManager.default.fileExists(atPath: output.path) else { return Previous() }
    guard SnapshotReader.containsSnapshot(at: output) else {
      let entries = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
      guard entries.filter({ !$0.hasPrefix(".") }).isEmpty else {
        throw InputError(
          file: output.path,
          "this folder exists and is not an evscan snapshot; the scan would replace it, so it stopped. "
            + "Choose another --output, or move the folder away")
      }
      return Previous()
    }
    do {
      let identities = try SnapshotReader().readIdentities(from: output)
      return Previous(
        ledger: identities.ledger, actionNumbers: identities.actionNumbers,
        highestActionNumber: identities.actionNumbers.values.max() ?? 0)
    } catch let error as InputError {
      guard options.resetIdentities else {
        throw InputError(
          error.location,
          "\(error.message). The previous snapshot holds the mitigation and action ids that must stay stable, so "
            + "the scan stopped instead of renumbering. Restore the folder from version control, or run with "
            + "--reset-ids to number everything afresh")
      }
      progress.note("the previous snapshot could not be read (\(error.message)); ids start afresh as asked")
      return Previous()
    }
  }

  // MARK: The snapshot

  private func assemble(
    taxonomy: TaxonomySet, model: ClassifierModel?, extractions: [ExtractedFramework],
    screened: ScreeningOutcome,
    codings: [StatementCoding], codeDecisions: [CodeDecision], deduplicated: DeduplicationResult,
    numbering: (numbers: [String: Int], highestIssued: Int)
  ) -> SnapshotContent {
    let statements = screened.statements
    let assignments = codings.flatMap(\.assignments)
    let droppedUnits = extractions.flatMap(\.result.dropped) + screened.dropped
    var dropped: [String: Int] = [:]
    for unit in droppedUnits { dropped[unit.reason.rawValue, default: 0] += 1 }
    let counts = RunCounts(
      frameworks: extractions.count, documents: extractions.count,
      unitsMatched: extractions.reduce(0) { $0 + $1.result.unitsMatched }, dropped: dropped,
      statements: statements.count, coded: codings.count,
      needingReview: codings.filter { $0.primary?.needsReview == true }.count,
      statementsMergedAway: deduplicated.mitigations.reduce(0) { $0 + max($1.members.count - 1, 0) },
      canonicalMitigations: deduplicated.mitigations.count,
      reviewPairs: deduplicated.edges.filter { $0.verdict == .review }.count)
    let run = RunRecord(
      toolVersion: ToolVersion.current, taxonomyVersion: taxonomy.version,
      modelSHA256: options.model.flatMap { try? SHA256Digest.hex(contentsOf: $0) },
      inputs: inputFiles(taxonomy, extractions),
      counts: counts)
    let frameworks = extractions.map { extraction in
      FrameworkRecord(
        manifest: extraction.folder.manifestAsRead,
        documentPath: "\(extraction.folder.slug)/\(extraction.folder.document.file)",
        documentBytes: extraction.folder.documentBytes.count, unitsMatched: extraction.result.unitsMatched)
    }.sorted { $0.manifest.slug < $1.manifest.slug }
    return SnapshotContent(
      run: run, taxonomy: taxonomy.allFacets, frameworks: frameworks, statements: statements,
      actionNumbers: numbering.numbers, dropped: droppedUnits,
      assignments: assignments, mitigations: deduplicated.mitigations, edges: deduplicated.edges,
      codeDecisions: codeDecisions, linkDecisions: deduplicated.decisionsApplied,
      identityChanges: deduplicated.identityChanges, issuedMitigationIDs: deduplicated.ledger.issued,
      warnings: extractions.flatMap(\.result.warnings), retiredMitigations: deduplicated.ledger.retired,
      screening: screened.verdicts)
  }

  private func inputFiles(_ taxonomy: TaxonomySet, _ extractions: [ExtractedFramework]) -> [InputFile] {
    var files: [InputFile] = []
    for extraction in extractions {
      let folder = extraction.folder
      files.append(
        InputFile(
          path: relativePath(folder.directory.appendingPathComponent(folder.document.file)),
          sha256: folder.document.sha256, role: "document"))
      if let digest = try? SHA256Digest.hex(contentsOf: URL(fileURLWithPath: folder.manifestPath)) {
        files.append(
          InputFile(
            path: relativePath(URL(fileURLWithPath: folder.manifestPath)), sha256: digest, role: "manifest"))
      }
    }
    for (name, digest) in taxonomy.fileDigests {
      files.append(
        InputFile(
          path: relativePath(options.taxonomy.appendingPathComponent(name)), sha256: digest, role: "taxonomy")
      )
    }
    var others: [(URL, String)] =
      DecisionFile.allCases.map { ($0.url(in: options.decisions), "decisions") }
      + [(options.deduplicationConfiguration, "configuration")]
    if let model = options.model { others.append((model, "model")) }
    if let pairModel = presentPairModel() { others.append((pairModel, "pair-model")) }
    if let model = options.screeningModel { others.append((model, "screening model")) }
    for (url, role) in others {
      if let digest = try? SHA256Digest.hex(contentsOf: url) {
        files.append(InputFile(path: relativePath(url), sha256: digest, role: role))
      }
    }
    return files.sorted { $0.path < $1.path }
  }

  /// The pair model file when the options name one and it is there.
  private func presentPairModel() -> URL? {
    options.pairModel.flatMap { FileManager.default.fileExists(atPath: $0.path) ? $0 : nil }
  }

  /// Paths in the snapshot are relative to the project folder (the frameworks folder's parent), so that the
  /// snapshot does not depend on where the project was checked out.
  func relativePath(_ url: URL) -> String {
    let root = options.frameworks.standardizedFileURL.deletingLastPathComponent().path
    let path = url.standardizedFileURL.path
    let prefix = root.hasSuffix("/") ? root : root + "/"
    return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
  }
}
