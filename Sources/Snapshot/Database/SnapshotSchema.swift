import GRDB

/// The database's schema, as named migrations. A new version of the schema is a new migration appended
/// here, never an edit of an old one: the reader compares a file's applied migrations with this list to
/// tell an older snapshot from one written by a newer evscan.
enum SnapshotSchema {
  /// `PRAGMA application_id`: "EvSc", so that `file` and the reader can tell our databases apart.
  static let applicationID: Int32 = 0x4576_5363
  /// `PRAGMA user_version`: the number of the latest migration.
  static let version = 4
  /// SQLite's page size, fixed so that the file's bytes do not depend on the library's default.
  static let pageSize = 4096

  static var migrationIdentifiers: [String] { ["v1", "v2", "v3-identity-history", "v4-screening"] }

  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try db.execute(sql: version1)
      try db.execute(sql: "PRAGMA application_id = \(applicationID)")
      try db.execute(sql: "PRAGMA user_version = 1")
    }
    migrator.registerMigration("v2") { db in
      try db.execute(sql: version2)
      try db.execute(sql: "PRAGMA user_version = 2")
    }
    migrator.registerMigration("v3-identity-history") { db in
      try db.execute(sql: identityHistory)
      try db.execute(sql: "PRAGMA user_version = 3")
    }
    migrator.registerMigration("v4-screening") { db in
      try db.execute(sql: screeningVerdicts)
      try db.execute(sql: "PRAGMA user_version = 4")
    }
    return migrator
  }

  /// What became of every retired mitigation id, carried from snapshot to snapshot so that an id someone
  /// cited can always be followed. `identity_changes` then holds each id's latest change (carried forward
  /// while its mitigation stays as it was) rather than the changes of the last run alone.
  static let identityHistory = """
    CREATE TABLE retired_mitigations (
      mitigation_id TEXT NOT NULL PRIMARY KEY REFERENCES issued_ids(mitigation_id),
      fate TEXT NOT NULL,
      into_ids TEXT NOT NULL,
      statement_ids TEXT NOT NULL,
      removed_statement_ids TEXT NOT NULL
    );
    """

  /// Screening's verdict on every extracted unit. An excluded unit is also a `dropped_units` row (reason
  /// `not-a-mitigation`); here it keeps its probability, reasons and whole text. `screening_queue` lists
  /// the units the model was least sure of, for a person to decide in decisions/screening.csv.
  static let screeningVerdicts = """
    CREATE TABLE screening (
      statement_id TEXT NOT NULL PRIMARY KEY,
      framework TEXT NOT NULL REFERENCES frameworks(slug),
      decision TEXT NOT NULL,
      probability REAL NOT NULL,
      threshold REAL NOT NULL,
      decided_by TEXT NOT NULL,
      reasons TEXT NOT NULL,
      label TEXT,
      locator TEXT NOT NULL,
      line INTEGER NOT NULL,
      text TEXT NOT NULL,
      kept_sentences TEXT NOT NULL
    );
    CREATE INDEX screening_by_decision ON screening(decision, framework);
    CREATE VIEW screening_queue AS
    SELECT statement_id, framework, decision, probability, threshold, decided_by, reasons, text
    FROM screening
    WHERE decided_by IN ('model', 'sentences')
    ORDER BY abs(probability - threshold), statement_id;
    """

  /// Statements read from a PDF keep their page and position (NULL for HTML and XML documents).
  static let version2 = """
    ALTER TABLE statements ADD COLUMN page INTEGER;
    ALTER TABLE statements ADD COLUMN page_top INTEGER;
    ALTER TABLE statements ADD COLUMN page_left INTEGER;
    """

  /// The first schema. Column names are plain snake case, types are TEXT, INTEGER and REAL only, and
  /// lists and maps are JSON text, so that the sqlite3 shell and Datasette read it without help.
  static let version1 = """
    CREATE TABLE facets (
      facet TEXT NOT NULL PRIMARY KEY,
      position INTEGER NOT NULL UNIQUE,
      name TEXT NOT NULL,
      version TEXT NOT NULL,
      source TEXT NOT NULL,
      cardinality TEXT NOT NULL
    );
    CREATE TABLE codes (
      facet TEXT NOT NULL REFERENCES facets(facet),
      code TEXT NOT NULL,
      position INTEGER NOT NULL,
      name TEXT NOT NULL,
      display TEXT NOT NULL,
      definition TEXT NOT NULL,
      parent TEXT,
      includes TEXT,
      excludes TEXT,
      PRIMARY KEY (facet, code)
    );
    CREATE INDEX codes_by_parent ON codes(facet, parent);

    CREATE TABLE frameworks (
      slug TEXT NOT NULL PRIMARY KEY,
      source_key TEXT,
      source_name TEXT NOT NULL,
      title TEXT NOT NULL,
      authors TEXT NOT NULL,
      year INTEGER NOT NULL,
      publisher TEXT NOT NULL,
      identifier TEXT,
      url TEXT NOT NULL,
      licence TEXT NOT NULL,
      identification_confidence TEXT NOT NULL,
      identification_note TEXT NOT NULL,
      original_url TEXT NOT NULL,
      original_format TEXT NOT NULL,
      preset TEXT NOT NULL,
      recipe TEXT NOT NULL
    );
    CREATE TABLE documents (
      framework TEXT NOT NULL PRIMARY KEY REFERENCES frameworks(slug),
      path TEXT NOT NULL,
      file TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      bytes INTEGER NOT NULL,
      format TEXT NOT NULL,
      origin TEXT NOT NULL,
      encoding TEXT,
      note TEXT,
      units_matched INTEGER NOT NULL
    );
    CREATE INDEX documents_by_sha256 ON documents(sha256);

    CREATE TABLE statements (
      id TEXT NOT NULL PRIMARY KEY,
      action_number INTEGER NOT NULL UNIQUE,
      action_id TEXT NOT NULL UNIQUE,
      framework TEXT NOT NULL REFERENCES frameworks(slug),
      label TEXT,
      title TEXT,
      action_name TEXT NOT NULL,
      section_path TEXT NOT NULL,
      section TEXT NOT NULL,
      text TEXT NOT NULL,
      locator TEXT NOT NULL,
      line INTEGER NOT NULL,
      source_sha256 TEXT NOT NULL,
      rule TEXT NOT NULL,
      fields TEXT NOT NULL
    );
    CREATE INDEX statements_by_framework ON statements(framework);
    CREATE TABLE action_numbers (
      statement_id TEXT NOT NULL PRIMARY KEY,
      action_number INTEGER NOT NULL UNIQUE
    );
    CREATE TABLE dropped_units (
      id INTEGER NOT NULL PRIMARY KEY,
      framework TEXT NOT NULL REFERENCES frameworks(slug),
      reason TEXT NOT NULL,
      detail TEXT NOT NULL,
      excerpt TEXT NOT NULL,
      locator TEXT NOT NULL,
      line INTEGER NOT NULL,
      rule TEXT NOT NULL
    );
    CREATE INDEX dropped_units_by_framework ON dropped_units(framework, reason);
    CREATE INDEX dropped_units_by_reason ON dropped_units(reason);

    CREATE TABLE code_assignments (
      statement_id TEXT NOT NULL REFERENCES statements(id),
      facet TEXT NOT NULL,
      code TEXT NOT NULL,
      rank INTEGER NOT NULL,
      score REAL NOT NULL,
      method TEXT NOT NULL,
      reasons TEXT NOT NULL,
      needs_review INTEGER NOT NULL,
      PRIMARY KEY (statement_id, facet, code),
      FOREIGN KEY (facet, code) REFERENCES codes(facet, code)
    );
    CREATE INDEX code_assignments_by_code ON code_assignments(facet, code);
    CREATE INDEX code_assignments_by_review ON code_assignments(needs_review);

    CREATE TABLE mitigations (
      id TEXT NOT NULL PRIMARY KEY,
      name TEXT NOT NULL,
      definition TEXT NOT NULL,
      representative_statement_id TEXT NOT NULL REFERENCES statements(id),
      primary_code TEXT,
      sources TEXT NOT NULL,
      framework_count INTEGER NOT NULL,
      member_count INTEGER NOT NULL
    );
    CREATE INDEX mitigations_by_primary_code ON mitigations(primary_code);
    CREATE TABLE mitigation_members (
      mitigation_id TEXT NOT NULL REFERENCES mitigations(id),
      statement_id TEXT NOT NULL UNIQUE REFERENCES statements(id),
      similarity_to_representative REAL NOT NULL,
      joined_by TEXT NOT NULL,
      PRIMARY KEY (mitigation_id, statement_id)
    );
    CREATE TABLE edges (
      a TEXT NOT NULL REFERENCES statements(id),
      b TEXT NOT NULL REFERENCES statements(id),
      score REAL NOT NULL,
      components TEXT NOT NULL,
      verdict TEXT NOT NULL,
      reason TEXT NOT NULL,
      PRIMARY KEY (a, b)
    );
    CREATE INDEX edges_by_b ON edges(b);
    CREATE INDEX edges_by_verdict ON edges(verdict);

    CREATE TABLE code_decisions (
      id INTEGER NOT NULL PRIMARY KEY,
      statement_id TEXT NOT NULL,
      facet TEXT NOT NULL,
      code TEXT NOT NULL,
      coder TEXT NOT NULL,
      rationale TEXT NOT NULL,
      date TEXT NOT NULL,
      source_file TEXT NOT NULL,
      source_line INTEGER,
      source_column INTEGER,
      source_element TEXT
    );
    CREATE INDEX code_decisions_by_statement ON code_decisions(statement_id);
    CREATE TABLE link_decisions (
      id INTEGER NOT NULL PRIMARY KEY,
      a TEXT NOT NULL,
      b TEXT NOT NULL,
      kind TEXT NOT NULL,
      reason TEXT NOT NULL,
      coder TEXT NOT NULL,
      source_file TEXT NOT NULL,
      source_line INTEGER,
      source_column INTEGER,
      source_element TEXT
    );
    CREATE INDEX link_decisions_by_a ON link_decisions(a);
    CREATE INDEX link_decisions_by_b ON link_decisions(b);
    CREATE TABLE identity_changes (
      id INTEGER NOT NULL PRIMARY KEY,
      kind TEXT NOT NULL,
      mitigation_id TEXT NOT NULL,
      from_ids TEXT NOT NULL
    );
    CREATE INDEX identity_changes_by_mitigation ON identity_changes(mitigation_id);
    CREATE TABLE issued_ids (
      mitigation_id TEXT NOT NULL PRIMARY KEY
    );

    CREATE TABLE run (
      id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
      tool_version TEXT NOT NULL,
      taxonomy_version TEXT NOT NULL,
      model_sha256 TEXT,
      frameworks INTEGER NOT NULL,
      documents INTEGER NOT NULL,
      units_matched INTEGER NOT NULL,
      dropped INTEGER NOT NULL,
      statements INTEGER NOT NULL,
      coded INTEGER NOT NULL,
      needing_review INTEGER NOT NULL,
      statements_merged_away INTEGER NOT NULL,
      canonical_mitigations INTEGER NOT NULL,
      review_pairs INTEGER NOT NULL
    );
    CREATE TABLE run_dropped (
      reason TEXT NOT NULL PRIMARY KEY,
      units INTEGER NOT NULL
    );
    CREATE TABLE run_inputs (
      path TEXT NOT NULL PRIMARY KEY,
      sha256 TEXT NOT NULL,
      role TEXT NOT NULL
    );
    CREATE INDEX run_inputs_by_role ON run_inputs(role);
    CREATE TABLE warnings (
      id INTEGER NOT NULL PRIMARY KEY,
      severity TEXT NOT NULL,
      source_file TEXT NOT NULL,
      source_line INTEGER,
      source_column INTEGER,
      source_element TEXT,
      message TEXT NOT NULL
    );

    CREATE VIEW statements_coded AS
    SELECT s.action_id, s.id AS statement_id, s.framework, f.source_name, s.action_name, s.section, s.text,
      a.code AS primary_code, c.name AS primary_code_name, a.score AS confidence, a.method,
      (SELECT max(r.needs_review) FROM code_assignments r WHERE r.statement_id = s.id) AS needs_review,
      m.mitigation_id
    FROM statements s
    JOIN frameworks f ON f.slug = s.framework
    LEFT JOIN code_assignments a ON a.statement_id = s.id AND a.rank = 1
      AND a.facet = (SELECT facet FROM facets WHERE cardinality = 'primary' ORDER BY position LIMIT 1)
    LEFT JOIN codes c ON c.facet = a.facet AND c.code = a.code
    LEFT JOIN mitigation_members m ON m.statement_id = s.id;

    CREATE VIEW mitigations_coded AS
    SELECT m.id, m.name, m.primary_code, c.name AS primary_code_name, m.framework_count, m.member_count,
      m.sources, m.definition, m.representative_statement_id
    FROM mitigations m
    LEFT JOIN codes c ON c.code = m.primary_code
      AND c.facet = (SELECT facet FROM facets WHERE cardinality = 'primary' ORDER BY position LIMIT 1);

    CREATE VIEW review_queue AS
    SELECT s.action_id, a.statement_id, a.facet, a.code, c.name AS code_name, a.rank, a.score, a.method,
      a.reasons, s.text
    FROM code_assignments a
    JOIN statements s ON s.id = a.statement_id
    LEFT JOIN codes c ON c.facet = a.facet AND c.code = a.code
    WHERE a.needs_review = 1;

    CREATE VIEW review_pairs AS
    SELECT e.a, sa.action_id AS a_action_id, ma.mitigation_id AS a_mitigation_id,
      e.b, sb.action_id AS b_action_id, mb.mitigation_id AS b_mitigation_id,
      e.score, e.components, e.reason, sa.text AS a_text, sb.text AS b_text
    FROM edges e
    JOIN statements sa ON sa.id = e.a
    JOIN statements sb ON sb.id = e.b
    LEFT JOIN mitigation_members ma ON ma.statement_id = e.a
    LEFT JOIN mitigation_members mb ON mb.statement_id = e.b
    WHERE e.verdict = 'review';

    CREATE VIEW retired_ids AS
    SELECT i.mitigation_id FROM issued_ids i
    WHERE NOT EXISTS (SELECT 1 FROM mitigations m WHERE m.id = i.mitigation_id);
    """
}
