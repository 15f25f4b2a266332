// Placeholder until the Normalization stage lands.
