"""Small general data structures the core and the window share (union-find, a bounded cache)."""
