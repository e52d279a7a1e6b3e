"""The Qt-free core: loading, normalising, aligning, quotes, storage, export.

Nothing under this package imports PySide6 (a test enforces it), so the command
line and scripts use it without a display.
"""
