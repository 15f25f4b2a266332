// Placeholder until the Deduplication stage lands.
