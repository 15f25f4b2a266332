extension Double {
  /// The value rounded to `places` decimals, as figures and model weights are written: few enough decimals
  /// that a file stays readable and its bytes do not carry the last bits of the arithmetic, enough to tell
  /// values apart. `places` runs from 0 to 7.
  public func rounded(toPlaces places: Int) -> Double {
    let scale = Self.powersOfTen[places]
    return (self * scale).rounded() / scale
  }

  private static let powersOfTen: [Double] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000]
}
