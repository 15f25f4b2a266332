// Placeholder until the Pipeline stage lands.
