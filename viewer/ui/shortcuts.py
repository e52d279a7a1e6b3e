"""Every keyboard shortcut in one table (as Meld's accelerators.py does)."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

# action name -> (menu text, shortcuts, status tip)
SHORTCUTS: dict[str, tuple[str, tuple[str, ...], str]] = {
    "open_files": ("&Open Files\u2026", ("Ctrl+O",), "Open article files (.txt, .md, .html)"),
    "open_folder": ("Open &Folder\u2026", ("Ctrl+Shift+O",), "Open every article in a folder and its subfolders"),
    "add_files": ("&Add Files\u2026", ("Ctrl+Shift+A",), "Add articles to the ones already open"),
    "open_seeds": ("Open the Bundled &Seeds", (), "Open the five example articles shipped with the app"),
    "quit": ("&Quit", ("Ctrl+Q",), "Quit"),
    "next_passage": ("&Next Passage", ("Alt+Down", "Ctrl+D"), "Go to the next shared passage"),
    "previous_passage": ("&Previous Passage", ("Alt+Up", "Ctrl+E"), "Go to the previous shared passage"),
    "find": ("&Find in Both Panes\u2026", ("Ctrl+F",), "Find text in both articles"),
    "find_next": ("Find Ne&xt", ("F3",), "Next match"),
    "find_previous": ("Find Pre&vious", ("Shift+F3",), "Previous match"),
    "swap": ("S&wap Panes", ("Ctrl+Shift+S",), "Show article B on the left and A on the right"),
    "linked_scrolling": ("&Linked Scrolling", ("Ctrl+L",), "Scroll both panes together, passage by passage"),
    "focus_filter": ("Filter the &List", ("Ctrl+K",), "Type to filter the article list"),
    "shortcuts": ("&Keyboard Shortcuts", ("Ctrl+?",), "List every keyboard shortcut"),
    "about": ("&About Article Viewer", (), "Version, licence and where data is kept"),
}


def key_sequences(name: str) -> list[QKeySequence]:
    return [QKeySequence(s) for s in SHORTCUTS[name][1]]


def shortcuts_html() -> str:
    rows = "".join(
        f"<tr><td>{text.replace('&', '').rstrip(chr(0x2026))}</td><td><b>{', '.join(keys)}</b></td></tr>"
        for text, keys, _tip in SHORTCUTS.values() if keys
    )
    return f"<table cellpadding='4'>{rows}</table>"
