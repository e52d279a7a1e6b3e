"""Qt-free use cases that the window and the command line share (tagging, re-anchoring, export)."""
