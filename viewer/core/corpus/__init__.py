"""The corpus: similarity of every pair, its cache, and what follows from it (provenance)."""
