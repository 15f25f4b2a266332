/// Which document of a framework a run may read.
public enum DocumentChoice: Sendable, Hashable {
  /// The original when its file is in the folder (it must then match the lock), the stand-in otherwise.
  case originalWhenPresent
  /// The manifest's `document` even when the original is there (`--stand-in`): for reproducing the
  /// committed snapshot, or comparing the two.
  case standIn
}

/// Which document a run did read.
public enum DocumentSource: String, Sendable, Hashable, Codable {
  /// The manifest's `document`: a stand-in, or for a framework a user added, their own copy.
  case document
  /// The original, verified against `original.sha256`.
  case original
}
