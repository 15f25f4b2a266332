// Placeholder until the Snapshot stage lands.
