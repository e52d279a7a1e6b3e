"""The workspace file's schema: the read-only look before opening, and migrations."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path
from urllib.parse import quote as url_quote

from viewer.core.files import NotRegularFileError, read_regular, special_file_reason
from viewer.core.store.model import WorkspaceError

SCHEMA_VERSION = 2
# A file that looks foreign or damaged is looked at again this many times, a little longer apart
# each time, before it is refused (another process may be writing it: see inspect_file)
_SETTLE_TRIES = 4
_SETTLE_WAIT_S = 0.05
# "AVws": marks the file as ours, so another application's SQLite file is never touched.
APPLICATION_ID = 0x41567773
BUSY_TIMEOUT_MS = 5000
_SQLITE_HEADER = b"SQLite format 3\x00"

# One list of statements per schema version; opening an older workspace runs the
# missing ones in order, in one transaction, then sets PRAGMA user_version.
MIGRATIONS: dict[int, list[str]] = {
    1: [
        """CREATE TABLE quote_set (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
            tags TEXT NOT NULL DEFAULT '[]',  -- JSON list of strings, in the user's order
            note TEXT NOT NULL DEFAULT '',
            colour TEXT NOT NULL,
            created TEXT NOT NULL,
            modified TEXT NOT NULL
        )""",
        """CREATE TABLE occurrence (
            id INTEGER PRIMARY KEY,
            set_id INTEGER NOT NULL REFERENCES quote_set(id) ON DELETE CASCADE,
            article TEXT NOT NULL,      -- absolute path of the article file
            title TEXT NOT NULL DEFAULT '',
            outlet TEXT,
            published TEXT,
            sha256 TEXT NOT NULL,       -- of the article text the offsets refer to
            start INTEGER NOT NULL,     -- code points, end-exclusive (SPEC)
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,         -- exactly text[start:end]
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            speaker TEXT,
            note TEXT NOT NULL DEFAULT '',
            detached INTEGER NOT NULL DEFAULT 0,  -- could not be placed in the edited article
            created TEXT NOT NULL,
            modified TEXT NOT NULL,
            CHECK (start >= 0 AND "end" > start)
        )""",
        "CREATE INDEX occurrence_set ON occurrence(set_id)",
        "CREATE INDEX occurrence_article ON occurrence(article)",
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        "INSERT INTO meta(key, value) VALUES ('revision', '0')",
    ],
    # Speaker corrections; the article's address and 200 characters of context for the export.
    2: [
        "ALTER TABLE occurrence ADD COLUMN url TEXT",
        "ALTER TABLE occurrence ADD COLUMN context_before TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE occurrence ADD COLUMN context_after TEXT NOT NULL DEFAULT ''",
        # A version 1 file kept 32 characters each side; re-anchoring fills in the rest.
        "UPDATE occurrence SET context_before = prefix, context_after = suffix",
        """CREATE TABLE speaker_correction (
            id INTEGER PRIMARY KEY,
            article TEXT NOT NULL,      -- absolute path of the article file, as occurrence.article
            sha256 TEXT NOT NULL,       -- of the article text the offsets refer to
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,         -- exactly text[start:end]
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            speaker TEXT,               -- the user's answer; NULL: the text names nobody
            detected TEXT,              -- what detection said when the user corrected it
            detached INTEGER NOT NULL DEFAULT 0,
            created TEXT NOT NULL,
            modified TEXT NOT NULL,
            UNIQUE (article, start, "end"),
            CHECK (start >= 0 AND "end" > start)
        )""",
    ],
}


def describe_sqlite_error(exc: sqlite3.Error) -> str:
    """What really happened, in words: a full disk is not a damaged file."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name == "SQLITE_FULL":
        return "the disk is full"
    if name.startswith("SQLITE_READONLY"):
        return "the file or its folder cannot be written"
    if name.startswith("SQLITE_IOERR"):
        return f"the disk could not be read or written ({exc})"
    if name in ("SQLITE_PERM", "SQLITE_AUTH"):
        return "permission denied"
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return "it is busy in another window"
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return f"it is damaged or not a workspace ({exc})"
    return str(exc)


def inspect_file(path: Path) -> bool:
    """Check a workspace file without changing it; True when it must be created."""
    special = special_file_reason(path)
    if special is not None:
        raise WorkspaceError(path, special)
    if path.is_dir():
        raise WorkspaceError(path, "is a folder, not a workspace file")
    if not path.parent.is_dir():
        raise WorkspaceError(path, f"the folder {path.parent} does not exist")
    try:
        os.stat(path)
    except FileNotFoundError:
        return True
    except OSError as exc:
        raise WorkspaceError(path, f"cannot be read ({exc.strerror or exc})") from None
    try:
        header = read_regular(path, len(_SQLITE_HEADER), whole=False)
    except NotRegularFileError as exc:
        raise WorkspaceError(path, exc.reason) from None
    except OSError as exc:
        raise WorkspaceError(path, f"cannot be read ({exc.strerror or exc})") from None
    if not header:
        return True  # an empty file holds nothing to lose; SQLite starts a database in it
    if header != _SQLITE_HEADER:
        raise WorkspaceError(path, "is not a workspace (not an SQLite file); it was left untouched")
    # With no -wal/-shm beside it the whole database is in the file, and "immutable" reads
    # it without creating them; otherwise they exist already and a read-only look is enough.
    siblings = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
    immutable = not any(p.exists() for p in siblings)
    try:
        app_id, version, objects, check = _probe(path, "ro&immutable=1" if immutable else "ro")
        settling = app_id != APPLICATION_ID and not (app_id == 0 and version == 0 and objects == 0) or check != "ok"
    except WorkspaceError:
        if not immutable:
            raise
        settling = True
    for attempt in range(_SETTLE_TRIES if immutable and settling else 0):
        # An "immutable" read takes no lock: another process creating the same workspace at this
        # moment can show it half written (its tables, not yet its application id, while it copies
        # its log into the file). Look again: with a lock where that process's -wal is there (no
        # file of ours is made), else once it has had a moment to finish.
        busy = any(p.exists() for p in siblings)
        if not busy:
            time.sleep(_SETTLE_WAIT_S * (attempt + 1))
        try:
            app_id, version, objects, check = _probe(path, "ro" if busy else "ro&immutable=1")
        except WorkspaceError:
            if attempt == _SETTLE_TRIES - 1:
                raise
            continue
        if app_id == APPLICATION_ID and check == "ok" or busy:
            break
    if check != "ok":
        raise WorkspaceError(path, f"is damaged ({check}); it was left untouched")
    if app_id != APPLICATION_ID and not (app_id == 0 and version == 0 and objects == 0):
        raise WorkspaceError(
            path, "is an SQLite database of another application, not a workspace; it was left untouched"
        )
    if version > SCHEMA_VERSION:
        raise WorkspaceError(
            path, f"was written by a newer article-viewer (schema {version}; this one reads up to {SCHEMA_VERSION})"
        )
    return False


def _probe(path: Path, mode: str) -> tuple[int, int, int, str]:
    """Application id, schema version, number of schema objects and quick check of the file."""
    try:
        probe = sqlite3.connect(f"file:{url_quote(str(path.resolve()))}?mode={mode}", uri=True)
    except sqlite3.Error as exc:
        raise WorkspaceError(path, f"cannot be opened: {describe_sqlite_error(exc)}") from None
    try:
        app_id = probe.execute("PRAGMA application_id").fetchone()[0]
        version = probe.execute("PRAGMA user_version").fetchone()[0]
        objects = probe.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        check = probe.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        name = getattr(exc, "sqlite_errorname", "") or ""
        if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
            raise WorkspaceError(path, f"is damaged or not a workspace ({exc}); it was left untouched") from None
        raise WorkspaceError(path, f"cannot be read: {describe_sqlite_error(exc)}; it was left untouched") from None
    finally:
        probe.close()
    return app_id, version, objects, check


def migrate(db: sqlite3.Connection, path: Path) -> None:
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version == SCHEMA_VERSION:
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        # Re-read under the write lock: another process may have migrated meanwhile,
        # and never "upgrade" a file that is not ours or is newer than this code.
        version = db.execute("PRAGMA user_version").fetchone()[0]
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
        if version > SCHEMA_VERSION or app_id not in (0, APPLICATION_ID):
            raise WorkspaceError(path, f"is not a workspace this version can use (schema {version})")
        for target in range(version + 1, SCHEMA_VERSION + 1):
            for statement in MIGRATIONS[target]:
                db.execute(statement)
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


def write_blocker(path: Path) -> str | None:
    """Why this process cannot write the workspace at ``path``, or None when it can."""
    try:
        if os.statvfs(path).f_flag & os.ST_RDONLY:
            return "the file system is read-only"
    except (OSError, AttributeError):
        pass
    if not os.access(path, os.W_OK):
        return "you may not write this file"
    if not path.with_name(path.name + "-wal").exists() and not os.access(path.parent, os.W_OK):
        return "you may not write its folder"
    return None


def connect(path: Path, read_only: bool) -> sqlite3.Connection:
    """A connection; read-only ones fall back to "immutable" where SQLite cannot make the -shm
    file (a read-only medium) and no -wal file holds changes the main file lacks."""
    location = f"file:{url_quote(str(path.resolve()))}"
    if not read_only:
        return sqlite3.connect(f"{location}?mode=rwc", uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    db = sqlite3.connect(f"{location}?mode=ro", uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        db.execute("PRAGMA user_version").fetchone()
        return db
    except sqlite3.OperationalError:
        db.close()
        if path.with_name(path.name + "-wal").exists():
            raise
    return sqlite3.connect(f"{location}?mode=ro&immutable=1", uri=True, isolation_level=None)
