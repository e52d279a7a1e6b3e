"""The workspace: quote sets and their occurrences, kept in one SQLite file.

Safety rules the rest of the app relies on:

* A file is opened only after a read-only look at it: a missing folder, a file that is
  not SQLite, a damaged file, another application's database or a schema newer than
  this code are refused with :class:`WorkspaceError` and left byte-identical.
* Every change is one ``BEGIN IMMEDIATE`` transaction with ``synchronous=FULL`` in WAL
  mode, so a killed process loses at most the change it was making.
* Two windows (or a window and the ``tag`` command) may share a workspace: WAL lets
  readers run beside a writer, a busy timeout makes writers wait their turn, and
  :meth:`Workspace.changed_elsewhere` (``PRAGMA data_version``) tells a window to
  reload after another connection committed. A file the user cannot write, or one
  opened with ``read_only=True``, is read-only: mutators raise :class:`WorkspaceReadOnly`.
* Undo/redo: every mutator returns an :class:`Edit` holding the affected rows before
  and after. :meth:`Workspace.undo` writes the "before" rows back, :meth:`Workspace.redo`
  the "after" rows, each in one transaction, after checking that the rows still look
  as the edit left them (else :class:`WorkspaceConflict`, e.g. another window changed
  them). A ``QUndoCommand`` only needs to hold the :class:`Edit`.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import fields, replace
from datetime import UTC, datetime
from pathlib import Path

from viewer.core.loading.articles import Article, ArticleError, load_article
from viewer.core.paths import default_workspace_path
from viewer.core.store.anchoring import Anchor, anchor_quote, quote_context
from viewer.core.store.corrections import (
    SpeakerCorrections,
    clean_speaker,
    export_context,
    location_of,
    occurrence_from_row,
    occurrence_query,
    short_context,
)
from viewer.core.store.model import (
    NOT_EDITED,
    Edit,
    NewOccurrence,
    Occurrence,
    OffsetError,
    QuoteSet,
    ReanchorReport,
    RowKey,
    Rows,
    SetExistsError,
    SpeakerCorrection,
    WorkspaceConflict,
    WorkspaceError,
    WorkspaceReadOnly,
)
from viewer.core.store.schema import (
    BUSY_TIMEOUT_MS,
    SCHEMA_VERSION,
    connect,
    describe_sqlite_error,
    inspect_file,
    migrate,
    write_blocker,
)

# Colours given to new sets in turn: distinct on light and dark backgrounds.
PALETTE = ("#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6", "#9a6324")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
KEEP = object()  # "leave this field as it is", where None is a value

def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


# Columns that follow the article rather than the user: re-anchoring rewrites them,
# undo leaves them as they are now and conflict checks ignore them.
_ANCHOR_FIELDS = ("sha256", "start", "end", "text", "prefix", "suffix", "detached", "context_before", "context_after")
_SET_COLUMNS = [f.name for f in fields(QuoteSet)]
_OCC_COLUMNS = [f.name for f in fields(Occurrence)][: -len(("detected_speaker", "speaker_source"))]
_OCC_SELECT = occurrence_query(_OCC_COLUMNS)  # with the speaker correction at its offsets, if any


def new_occurrence(
    article: Article, start: int, end: int, *, speaker: str | None = None, note: str = "",
    edited_speaker: object = NOT_EDITED,
) -> NewOccurrence:
    """The occurrence of ``article.text[start:end]``; raises :class:`OffsetError` for bad offsets.

    ``speaker`` is what detection found; ``edited_speaker`` (a name or None) what a person
    said instead, stored as a correction in the same edit.
    """
    length = len(article.text)
    if not (0 <= start < end <= length):
        raise OffsetError(f"{article.path}: offsets {start}..{end} are not inside the text (0..{length}, start < end)")
    prefix, suffix = quote_context(article.text, start, end)
    before, after = export_context(article.text, start, end)
    return NewOccurrence(
        article=str(Path(article.path).resolve()), title=article.title, outlet=article.outlet,
        published=article.date, sha256=article.sha256, start=start, end=end,
        text=article.text[start:end], prefix=prefix, suffix=suffix, speaker=speaker, note=note,
        url=article.url, context_before=before, context_after=after, edited_speaker=edited_speaker,
    )


class Workspace(SpeakerCorrections):
    """An open workspace file. Use :meth:`open`; close it (or use ``with``) when done."""

    def __init__(self, path: Path, connection: sqlite3.Connection, read_only: bool) -> None:
        self.path = path
        self.read_only = read_only
        self.read_only_reason = "opened read-only" if read_only else None
        self._db = connection
        self._seen_data_version = self._data_version()

    # -- opening -----------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> Workspace:
        """Open (or create) a workspace; ``None`` is the default one in the user's data folder.

        A file the user may not write is opened read-only. Raises :class:`WorkspaceError`.
        """
        if path is None:
            path = default_workspace_path()
            path.parent.mkdir(parents=True, exist_ok=True)
        path = Path(path)
        create = inspect_file(path)
        if create and read_only:
            raise WorkspaceError(path, "does not exist")
        why_read_only = "opened read-only" if read_only else None if create else write_blocker(path)
        read_only = why_read_only is not None
        try:
            db = connect(path, read_only)
        except sqlite3.Error as exc:
            raise WorkspaceError(path, f"cannot be opened: {describe_sqlite_error(exc)}") from None
        try:
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            db.execute("PRAGMA foreign_keys = ON")
            if not read_only:
                db.execute("PRAGMA journal_mode = WAL")
                # FULL: a committed tag survives a power cut, not just a killed process.
                db.execute("PRAGMA synchronous = FULL")
                migrate(db, path)
            elif db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                raise WorkspaceError(path, "needs upgrading, which a read-only workspace cannot do")
        except sqlite3.OperationalError as exc:
            db.close()
            if "locked" in str(exc) or "busy" in str(exc):
                raise WorkspaceError(path, "is busy in another window; open it read-only") from None
            raise WorkspaceError(path, f"cannot be opened: {describe_sqlite_error(exc)}") from None
        except BaseException:
            db.close()
            raise
        workspace = cls(path, db, read_only)
        workspace.read_only_reason = why_read_only
        return workspace

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- noticing other windows' changes ---------------------------------------------

    def _data_version(self) -> int:
        return self._db.execute("PRAGMA data_version").fetchone()[0]

    def changed_elsewhere(self) -> bool:
        """True once after another connection (window, process) committed a change.

        Cheap enough to poll from a timer every second.
        """
        version = self._data_version()
        changed = version != self._seen_data_version
        self._seen_data_version = version
        return changed

    @property
    def revision(self) -> int:
        """A counter every committed change raises, whichever process made it."""
        return int(self._db.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()[0])

    # -- reading ---------------------------------------------------------------------

    def sets(self) -> list[QuoteSet]:
        rows = self._db.execute("SELECT * FROM quote_set ORDER BY created, id").fetchall()
        return [_set_from_row(row) for row in rows]

    def get_set(self, set_id: int) -> QuoteSet:
        row = self._db.execute("SELECT * FROM quote_set WHERE id = ?", (set_id,)).fetchone()
        if row is None:
            raise KeyError(f"no quote set {set_id}")
        return _set_from_row(row)

    def find_set(self, name: str) -> QuoteSet | None:
        row = self._db.execute("SELECT * FROM quote_set WHERE name = ?", (name,)).fetchone()
        return None if row is None else _set_from_row(row)

    def occurrences(self, set_id: int | None = None) -> list[Occurrence]:
        if set_id is None:
            rows = self._db.execute(f"{_OCC_SELECT} ORDER BY o.set_id, o.id").fetchall()
        else:
            rows = self._db.execute(f"{_OCC_SELECT} WHERE o.set_id = ? ORDER BY o.id", (set_id,)).fetchall()
        return [occurrence_from_row(_OCC_COLUMNS, row) for row in rows]

    def get_occurrence(self, occurrence_id: int) -> Occurrence:
        row = self._db.execute(f"{_OCC_SELECT} WHERE o.id = ?", (occurrence_id,)).fetchone()
        if row is None:
            raise KeyError(f"no occurrence {occurrence_id}")
        return occurrence_from_row(_OCC_COLUMNS, row)

    def occurrences_in(self, article_path: str | os.PathLike[str]) -> list[Occurrence]:
        """The tagged spans of one article (to mark them in a pane)."""
        article = str(Path(article_path).resolve())
        rows = self._db.execute(f"{_OCC_SELECT} WHERE o.article = ? ORDER BY o.start", (article,)).fetchall()
        return [occurrence_from_row(_OCC_COLUMNS, row) for row in rows]

    # -- changing: each returns an Edit ---------------------------------------------------

    def create_set(
        self,
        name: str,
        *,
        tags: Iterable[str] = (),
        note: str = "",
        colour: str | None = None,
        occurrences: Sequence[NewOccurrence] = (),
    ) -> Edit:
        """A new set, optionally with occurrences (a suggested cluster becomes a set in one edit)."""
        name = _clean_name(name)
        with self._change() as change:
            if colour is None:
                count = self._db.execute("SELECT count(*) FROM quote_set").fetchone()[0]
                colour = PALETTE[count % len(PALETTE)]
            now = _now()
            try:
                cursor = self._db.execute(
                    "INSERT INTO quote_set(name, tags, note, colour, created, modified) VALUES (?, ?, ?, ?, ?, ?)",
                    (name, _tags_json(tags), note, _check_colour(colour), now, now),
                )
            except sqlite3.IntegrityError:
                raise SetExistsError(f"a quote set named {name!r} already exists") from None
            set_id = int(cursor.lastrowid)
            change.new("quote_set", set_id)
            for item in occurrences:
                self._insert_occurrence(change, set_id, item, now)
        return change.edit(f"New set {name}", self.get_set(set_id))

    def update_set(
        self,
        set_id: int,
        *,
        name: str | None = None,
        tags: Iterable[str] | None = None,
        note: str | None = None,
        colour: str | None = None,
    ) -> Edit:
        """Rename, retag, re-note or recolour a set; unchanged when an argument is None."""
        with self._change() as change:
            change.touch("quote_set", set_id)
            old = self.get_set(set_id)
            new = replace(
                old,
                name=old.name if name is None else _clean_name(name),
                tags=old.tags if tags is None else _clean_tags(tags),
                note=old.note if note is None else note,
                colour=old.colour if colour is None else _check_colour(colour),
                modified=_now(),
            )
            try:
                self._db.execute(
                    "UPDATE quote_set SET name = ?, tags = ?, note = ?, colour = ?, modified = ? WHERE id = ?",
                    (new.name, _tags_json(new.tags), new.note, new.colour, new.modified, set_id),
                )
            except sqlite3.IntegrityError:
                raise ValueError(f"a quote set named {new.name!r} already exists") from None
        label = f"Rename set {old.name} to {new.name}" if new.name != old.name else f"Edit set {new.name}"
        return change.edit(label, new)

    def rename_set(self, set_id: int, name: str) -> Edit:
        return self.update_set(set_id, name=name)

    def delete_set(self, set_id: int) -> Edit:
        """Delete a set and its occurrences (undo brings both back with the same ids)."""
        with self._change() as change:
            old = self.get_set(set_id)
            change.touch("quote_set", set_id)
            for occurrence in self.occurrences(set_id):
                change.touch("occurrence", occurrence.id)
            self._db.execute("DELETE FROM quote_set WHERE id = ?", (set_id,))
        return change.edit(f"Delete set {old.name}", old)

    def merge_sets(self, source_id: int, target_id: int) -> Edit:
        """Move every occurrence of ``source`` into ``target``, add its tags, delete it."""
        if source_id == target_id:
            raise ValueError("cannot merge a set into itself")
        with self._change() as change:
            source, target = self.get_set(source_id), self.get_set(target_id)
            change.touch("quote_set", source_id)
            change.touch("quote_set", target_id)
            now = _now()
            for occurrence in self.occurrences(source_id):
                change.touch("occurrence", occurrence.id)
            self._db.execute(
                "UPDATE occurrence SET set_id = ?, modified = ? WHERE set_id = ?", (target_id, now, source_id)
            )
            tags = _clean_tags((*target.tags, *source.tags))
            self._db.execute(
                "UPDATE quote_set SET tags = ?, modified = ? WHERE id = ?", (_tags_json(tags), now, target_id)
            )
            self._db.execute("DELETE FROM quote_set WHERE id = ?", (source_id,))
        return change.edit(f"Merge set {source.name} into {target.name}", self.get_set(target_id))

    def add_occurrences(self, set_id: int, items: Sequence[NewOccurrence], *, add_tags: Iterable[str] = ()) -> Edit:
        """Tag quotes into a set, adding ``add_tags`` to the set's tags, in one edit."""
        with self._change() as change:
            change.touch("quote_set", set_id)
            tags = _tags_json((*self.get_set(set_id).tags, *add_tags))
            now = _now()
            ids = [self._insert_occurrence(change, set_id, item, now) for item in items]
            self._db.execute("UPDATE quote_set SET tags = ?, modified = ? WHERE id = ?", (tags, now, set_id))
        result = self.get_occurrence(ids[0]) if len(ids) == 1 else [self.get_occurrence(i) for i in ids]
        return change.edit("Tag quote" if len(ids) == 1 else f"Tag {len(ids)} quotes", result)

    def add_occurrence(self, set_id: int, item: NewOccurrence, *, add_tags: Iterable[str] = ()) -> Edit:
        return self.add_occurrences(set_id, [item], add_tags=add_tags)

    def update_occurrence(self, occurrence_id: int, *, note: str | None = None, speaker: object = KEEP) -> Edit:
        """Change an occurrence's note, or correct its speaker (``None``: nobody named; :data:`KEEP`).

        A speaker is a correction at the occurrence's offsets (see :mod:`.corrections`): it
        shows in every set holding that quote, and one equal to detection drops it.
        """
        with self._change() as change:
            old = self.get_occurrence(occurrence_id)
            if note is not None and note != old.note:
                change.touch("occurrence", occurrence_id)
                self._db.execute("UPDATE occurrence SET note = ?, modified = ? WHERE id = ?",
                                 (note, _now(), occurrence_id))
            if speaker is not KEEP:
                self._put_correction(change, location_of(old), clean_speaker(speaker), old.detected_speaker,
                                     keep_same=False)
            if not change.before:
                change.touch("occurrence", occurrence_id)  # nothing changed: still one (empty) edit
        new = self.get_occurrence(occurrence_id)
        label = "Edit quote" if note is not None and note != old.note else f"Speaker: {new.speaker or 'nobody named'}"
        return change.edit(label, new)

    def move_occurrence(self, occurrence_id: int, set_id: int) -> Edit:
        with self._change() as change:
            change.touch("occurrence", occurrence_id)
            self.get_occurrence(occurrence_id)
            target = self.get_set(set_id)
            self._db.execute(
                "UPDATE occurrence SET set_id = ?, modified = ? WHERE id = ?", (set_id, _now(), occurrence_id)
            )
        return change.edit(f"Move quote to {target.name}", self.get_occurrence(occurrence_id))

    def delete_occurrence(self, occurrence_id: int) -> Edit:
        with self._change() as change:
            change.touch("occurrence", occurrence_id)
            old = self.get_occurrence(occurrence_id)
            self._db.execute("DELETE FROM occurrence WHERE id = ?", (occurrence_id,))
        return change.edit("Delete quote", old)

    # -- undo / redo -----------------------------------------------------------------

    def undo(self, edit: Edit) -> None:
        """Put back the rows as they were before ``edit``; raises :class:`WorkspaceConflict`."""
        self._write_rows(expected=edit.after, target=edit.before)

    def redo(self, edit: Edit) -> None:
        """Repeat ``edit`` after an undo; raises :class:`WorkspaceConflict`."""
        self._write_rows(expected=edit.before, target=edit.after)

    def _write_rows(self, expected: Rows, target: Rows) -> None:
        with self._transaction():
            current = {key: self._row(*key) for key, _ in expected}
            for key, row in expected:
                if not _same_for_user(current[key], row):
                    raise WorkspaceConflict(self.path, "was changed meanwhile (another window?); cannot undo/redo")
            wanted = dict(target)
            # Parents before children when adding, children before parents when removing.
            order = sorted(wanted, key=lambda key: (key[0] != "quote_set", key[1]))
            try:
                for key in order:
                    if wanted[key] is not None:
                        self._put_row(key, wanted[key], current[key])
                for key in reversed(order):
                    if wanted[key] is None and current[key] is not None:
                        self._db.execute(f"DELETE FROM {key[0]} WHERE id = ?", (key[1],))
            except sqlite3.IntegrityError as exc:  # e.g. another window corrected the same quote meanwhile
                raise WorkspaceConflict(self.path, f"was changed meanwhile ({exc}); cannot undo/redo") from None

    def _put_row(self, key: RowKey, row: dict[str, object], current: dict[str, object] | None) -> None:
        table, row_id = key
        values = dict(row)
        if table in ("occurrence", "speaker_correction") and current is not None:
            # The article may have been re-anchored since; keep where the quote is now.
            values.update({name: current[name] for name in _ANCHOR_FIELDS if name in current})
        columns = list(values)
        quoted = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" for _ in columns)
        updates = ", ".join(f'"{c}" = excluded."{c}"' for c in columns if c != "id")
        self._db.execute(
            f"INSERT INTO {table} ({quoted}) VALUES ({marks}) ON CONFLICT(id) DO UPDATE SET {updates}",
            [values[c] for c in columns],
        )

    # -- re-anchoring -------------------------------------------------------------------

    def reanchor(self, load: Callable[[str], Article] = load_article) -> ReanchorReport:
        """Find every occurrence (and speaker correction) again in its article's current text.

        An article that cannot be read is reported in ``missing`` and its occurrences
        are left as they are; an occurrence that cannot be placed is kept, marked detached.
        Occurrences in place whose export context is short of what the article holds
        (written by schema 1) get it filled in.
        """
        report = ReanchorReport()
        by_article: dict[str, list[Occurrence | SpeakerCorrection]] = {}
        for item in (*self.occurrences(), *self.speaker_corrections()):
            by_article.setdefault(item.article, []).append(item)
        updates: list[tuple[Occurrence | SpeakerCorrection, Article, Anchor | None]] = []
        for path, items in by_article.items():
            try:
                article = load(path)
            except (ArticleError, OSError) as exc:
                for item in items:
                    if isinstance(item, Occurrence):
                        report.missing[item.id] = str(exc)
                continue
            digest = article.sha256
            for item in items:
                methods = report.methods if isinstance(item, Occurrence) else report.corrections
                if item.sha256 == digest and not item.detached:
                    methods[item.id] = "unchanged"
                    if isinstance(item, Occurrence) and short_context(item, len(article.text)):
                        updates.append((item, article, None))
                    continue
                anchor = anchor_quote(article.text, item.text, item.prefix, item.suffix, item.start, item.end)
                methods[item.id] = anchor.method
                updates.append((item, article, anchor))
        if updates and not self.read_only:
            with self._transaction():
                for item, article, anchor in updates:
                    self._store_anchor(item, article, anchor)
        return report

    def _store_anchor(self, item: Occurrence | SpeakerCorrection, article: Article, anchor: Anchor | None) -> None:
        table = "occurrence" if isinstance(item, Occurrence) else "speaker_correction"
        if anchor is not None and anchor.detached:
            # Keep the last known quote and offsets: they say what was tagged.
            self._db.execute(f"UPDATE {table} SET detached = 1 WHERE id = ?", (item.id,))
            return
        start, end = (item.start, item.end) if anchor is None else (anchor.start, anchor.end)
        prefix, suffix = quote_context(article.text, start, end)
        # OR REPLACE: a correction moved onto the offsets of another one takes its place.
        self._db.execute(
            f'UPDATE OR REPLACE {table} SET sha256 = ?, start = ?, "end" = ?, text = ?, prefix = ?, suffix = ?, '
            "detached = 0 WHERE id = ?",
            (article.sha256, start, end, article.text[start:end], prefix, suffix, item.id),
        )
        if table == "occurrence":
            before, after = export_context(article.text, start, end)
            self._db.execute("UPDATE occurrence SET context_before = ?, context_after = ? WHERE id = ?",
                             (before, after, item.id))

    # -- plumbing -------------------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        if self.read_only:
            raise WorkspaceReadOnly(self.path, f"is read-only ({self.read_only_reason}); nothing was changed")
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise WorkspaceError(self.path, f"cannot be changed now: {describe_sqlite_error(exc)}; "
                                            "nothing was changed, try again") from None
        try:
            yield
            self._db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'revision'")
            self._db.execute("COMMIT")
        except BaseException as exc:
            with contextlib.suppress(sqlite3.Error):  # a failed COMMIT may have ended the transaction
                self._db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError):  # a full disk is not "damaged"
                raise WorkspaceError(self.path, f"cannot be saved: {describe_sqlite_error(exc)}; "
                                                "nothing was changed") from None
            raise
        # Our own commits are not "changes elsewhere".
        self._seen_data_version = self._data_version()

    @contextmanager
    def _change(self) -> Iterator[_Change]:
        change = _Change(self)
        with self._transaction():
            yield change
            change.after = tuple((key, self._row(*key)) for key, _ in change.before)

    def _row(self, table: str, row_id: int) -> dict[str, object] | None:
        cursor = self._db.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,))
        row = cursor.fetchone()
        if row is None:
            return None
        return dict(zip([d[0] for d in cursor.description], row, strict=True))

    def _insert_occurrence(self, change: _Change, set_id: int, item: NewOccurrence, now: str) -> int:
        cursor = self._db.execute(
            'INSERT INTO occurrence(set_id, article, title, outlet, published, sha256, start, "end", text, '
            "prefix, suffix, speaker, note, detached, created, modified, url, context_before, context_after) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)",
            (
                set_id, item.article, item.title, item.outlet, item.published, item.sha256, item.start, item.end,
                item.text, item.prefix, item.suffix, item.speaker, item.note, now, now, item.url,
                item.context_before or item.prefix, item.context_after or item.suffix,
            ),
        )
        occurrence_id = int(cursor.lastrowid)
        change.new("occurrence", occurrence_id)
        if item.edited_speaker is not NOT_EDITED:  # a person's word: kept even when detection agrees
            self._put_correction(change, location_of(item), clean_speaker(item.edited_speaker), item.speaker,
                                 keep_same=True)
        return occurrence_id


class _Change:
    """Collects the rows a mutator touches, to build its :class:`Edit`."""

    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace
        self.before: tuple[tuple[RowKey, dict[str, object] | None], ...] = ()
        self.after: Rows = ()

    def touch(self, table: str, row_id: int) -> None:
        key = (table, row_id)
        if all(existing != key for existing, _ in self.before):
            self.before += ((key, self._workspace._row(table, row_id)),)

    def new(self, table: str, row_id: int) -> None:
        self.before += (((table, row_id), None),)

    def edit(self, label: str, result: object) -> Edit:
        return Edit(label, self.before, self.after, result)


def _same_for_user(current: dict[str, object] | None, expected: dict[str, object] | None) -> bool:
    if current is None or expected is None:
        return current is None and expected is None
    keys = (set(current) | set(expected)) - set(_ANCHOR_FIELDS)
    return all(current.get(k) == expected.get(k) for k in keys)


def _set_from_row(row: Sequence[object]) -> QuoteSet:
    values = dict(zip(_SET_COLUMNS, row, strict=True))
    values["tags"] = tuple(json.loads(str(values["tags"])))
    return QuoteSet(**values)  # type: ignore[arg-type]


def _clean_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise ValueError("a quote set needs a name")
    return name


def _clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Trimmed, without empties or repeats, in the order given.

    ``;`` joins tags in the CSV, so it cannot be part of one.
    """
    cleaned: list[str] = []
    for tag in tags:
        for part in str(tag).split(";"):
            part = " ".join(part.split())
            if part and part not in cleaned:
                cleaned.append(part)
    return tuple(cleaned)


def _tags_json(tags: Iterable[str]) -> str:
    return json.dumps(list(_clean_tags(tags)), ensure_ascii=False)


def _check_colour(colour: str) -> str:
    if not _COLOUR.match(colour):
        raise ValueError(f"a colour is written #rrggbb, not {colour!r}")
    return colour.lower()
