/// The version of evscan, recorded in every snapshot and cache key.
public enum ToolVersion {
  public static let current = "0.1.0"
}
