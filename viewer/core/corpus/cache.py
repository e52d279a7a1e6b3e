"""The corpus cache file: opened safely, and every entry read back checked.

The cache is the app's own SQLite file, so anything in its place that is not a healthy
corpus cache (a damaged file, another program's database, tables of an older layout) is
discarded and rebuilt, with a note for the user, instead of failing every build until
someone deletes it by hand. An entry is used only when it is consistent with the two texts
it claims to describe: passages inside both texts and in order, scores in [0, 1], and the
similarity equal to the share of characters its passages cover (what ``align`` computes).
A forged or damaged entry fails that and its pair is aligned again.
"""

from __future__ import annotations

import contextlib
import math
import sqlite3
import struct
from pathlib import Path

from viewer.core.files import special_file_reason
from viewer.core.text.spans import covered_chars

# "AVcc": marks a file as this app's corpus cache (PRAGMA application_id).
CACHE_APPLICATION_ID = 0x41566363
OUR_TABLES = {"meta", "texts", "pairs", "corpora"}
PASSAGE = struct.Struct("<iiiif")

SCHEMA = """
    CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS texts (id INTEGER PRIMARY KEY, sha TEXT NOT NULL UNIQUE);
    CREATE TABLE IF NOT EXISTS pairs (
        a INTEGER NOT NULL, b INTEGER NOT NULL, settings TEXT NOT NULL,
        similarity REAL NOT NULL, passages BLOB,
        PRIMARY KEY (settings, a, b)) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS corpora (
        corpus TEXT NOT NULL, settings TEXT NOT NULL, indexed_at REAL NOT NULL,
        PRIMARY KEY (corpus, settings)) WITHOUT ROWID;
"""


class CacheUnusable(Exception):
    """The cache file is damaged or not ours; ``str()`` says what was found."""


def is_damage(exc: sqlite3.Error) -> bool:
    """Whether an SQLite error means the file itself is bad (not busy, not a full disk)."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return True
    text = str(exc)
    return any(s in text for s in ("no such table", "no such column", "has no column", "malformed",
                                   "not a database", "file is encrypted"))


def open_cache(path: Path) -> sqlite3.Connection:
    """A connection to a healthy cache at ``path`` (created if missing); raises
    :class:`CacheUnusable` when the file there is damaged or another program's."""
    special = special_file_reason(path)
    if special is not None:
        raise CacheUnusable(special)
    conn = sqlite3.connect(path, timeout=30)
    try:
        with contextlib.suppress(sqlite3.OperationalError):  # no shared memory: rollback journal
            conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if app_id not in (0, CACHE_APPLICATION_ID) or tables - OUR_TABLES:
            raise CacheUnusable("it is another program's database")
        conn.executescript(SCHEMA)
        columns = {row[1] for row in conn.execute("PRAGMA table_info(pairs)")}
        if columns != {"a", "b", "settings", "similarity", "passages"}:
            raise CacheUnusable("its tables have another layout")
        if app_id == 0:
            conn.execute(f"PRAGMA application_id = {CACHE_APPLICATION_ID}")
    except sqlite3.DatabaseError as exc:
        conn.close()
        if is_damage(exc):
            raise CacheUnusable(f"it is damaged ({exc})") from None
        raise
    except CacheUnusable:
        conn.close()
        raise
    return conn


def discard(path: Path) -> None:
    """Remove the cache file and its SQLite companions."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{path}{suffix}").unlink()


def verified_entry(value: object, blob: object, length_a: int, length_b: int) -> bool:
    """Whether a stored pair result can be what ``align`` computed for texts of these lengths."""
    if not isinstance(value, float | int) or math.isnan(value) or not 0.0 <= value <= 1.0:
        return False
    if not blob:
        return value == 0.0
    if not isinstance(blob, bytes) or len(blob) % PASSAGE.size or value == 0.0:
        return False
    a_spans, b_spans = [], []
    for a0, a1, b0, b1, score in PASSAGE.iter_unpack(blob):
        if not (0 <= a0 < a1 <= length_a and 0 <= b0 < b1 <= length_b and 0.0 <= score <= 1.0001):
            return False
        a_spans.append((a0, a1))
        b_spans.append((b0, b1))
    total = length_a + length_b
    expected = round((covered_chars(a_spans) + covered_chars(b_spans)) / total, 6) if total else 0.0
    return abs(expected - value) <= 1e-6
