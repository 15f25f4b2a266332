// Placeholder until the fuzz entry points land.
