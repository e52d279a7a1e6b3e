"""Every keyboard shortcut in one table (as Meld's accelerators.py does)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

# action name -> (menu text, shortcuts, status tip)
SHORTCUTS: dict[str, tuple[str, tuple[str, ...], str]] = {
    "open_files": ("&Open Files\u2026", ("Ctrl+O",), "Open article files (.txt, .md, .html, .mhtml)"),
    "open_folder": ("Open &Folder\u2026", ("Ctrl+Shift+O",), "Open every article in a folder and its subfolders"),
    "add_files": ("&Add Files\u2026", ("Ctrl+Shift+A",), "Add articles to the ones already open"),
    "open_index": ("Open Corpus &Index\u2026", (),
                   "Open a folder written by 'index': the overview and aligned pairs, nothing recomputed"),
    "open_seeds": ("Open the Bundled &Seeds", (), "Open the five example articles shipped with the app"),
    "open_address": ("Open A&ddress\u2026", ("Ctrl+Shift+L",),
                     "Fetch a web page by its address, keep it in the data folder, and open it"),
    "paste_article": ("&Paste as New Article", ("Ctrl+Shift+V",),
                      "Make the clipboard's text or web-page selection an article, kept in the data folder"),
    "quit": ("&Quit", ("Ctrl+Q",), "Quit"),
    "next_passage": ("&Next Passage", ("Alt+Down", "Ctrl+D"), "Go to the next shared passage"),
    "previous_passage": ("&Previous Passage", ("Alt+Up", "Ctrl+E"), "Go to the previous shared passage"),
    "find": ("&Find in Both Panes\u2026", ("Ctrl+F",), "Find text in both articles"),
    "find_next": ("Find Ne&xt", ("F3",), "Next match"),
    "find_previous": ("Find Pre&vious", ("Shift+F3",), "Previous match"),
    "swap": ("S&wap Panes", ("Ctrl+Shift+S",), "Show article B on the left and A on the right"),
    "linked_scrolling": ("&Linked Scrolling", ("Ctrl+L",), "Scroll both panes together, passage by passage"),
    "corpus_overview": ("&Corpus Overview", ("Ctrl+Shift+C",),
                        "Which open articles share text: heat map, most similar pairs, neighbours"),
    "focus_filter": ("Filter the &List", ("Ctrl+K",), "Type to filter the article list"),
    "tag_quote": ("&Tag Quote\u2026", ("Ctrl+T",), "Put the selected words into a quote set"),
    "edit_speaker": ("Edit &Speaker\u2026", ("F2",),
                     "Correct who said the chosen quotation (Quotes and Quote Sets panels); kept in the workspace"),
    "undo": ("&Undo", ("Ctrl+Z",), "Undo the last change to the quote sets"),
    "redo": ("&Redo", ("Ctrl+Shift+Z", "Ctrl+Y"), "Redo the change to the quote sets just undone"),
    "new_workspace": ("&New Workspace\u2026", (), "Start an empty workspace file for quote sets"),
    "open_workspace": ("Open &Workspace\u2026", (), "Open another workspace file of quote sets"),
    "export_sets": ("&Export Quote Sets\u2026", ("Ctrl+Shift+E",), "Write every quote set to a CSV file"),
    "export_report": ("Export &Report\u2026", ("Ctrl+Shift+R",),
                      "An evidence report (HTML or PDF) of the pair on screen or of quote sets"),
    "export_selected_sets": ("Export Selected Quote Sets\u2026", (), "Write the sets selected in the panel to CSV"),
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


def make_action(owner: QWidget, name: str, slot: Callable[..., object] | None = None) -> QAction:
    """The action ``name`` of :data:`SHORTCUTS` (text, keys, tip), added to ``owner`` so its keys work."""
    text, _keys, tip = SHORTCUTS[name]
    action = QAction(text, owner)
    action.setObjectName(name)
    action.setShortcuts(key_sequences(name))
    action.setStatusTip(tip)
    if slot is not None:
        action.triggered.connect(slot)
    owner.addAction(action)
    return action
