"""What the workspace holds: quote sets, occurrences, edits, and its errors (plain data)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field


class WorkspaceError(Exception):
    """A workspace file that cannot be used; ``str()`` names the file and why."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class WorkspaceReadOnly(WorkspaceError):
    """A change was asked of a workspace opened read-only."""


class SetExistsError(ValueError):
    """A quote set of that name is already there (perhaps just created by another process)."""


class WorkspaceConflict(WorkspaceError):
    """An undo/redo whose rows were changed meanwhile (e.g. by another window)."""


class OffsetError(ValueError):
    """Offsets outside the article text or not ``start < end``."""


NOT_EDITED = object()  # NewOccurrence.edited_speaker when no person named the speaker


@dataclass(frozen=True)
class QuoteSet:
    id: int
    name: str
    tags: tuple[str, ...]
    note: str
    colour: str
    created: str
    modified: str


@dataclass(frozen=True)
class NewOccurrence:
    """A quote occurrence not yet stored: what :meth:`Workspace.add_occurrences` takes."""

    article: str
    title: str
    outlet: str | None
    published: str | None
    sha256: str
    start: int
    end: int
    text: str
    prefix: str
    suffix: str
    speaker: str | None = None  # as detected
    note: str = ""
    url: str | None = None
    context_before: str = ""
    context_after: str = ""
    edited_speaker: object = NOT_EDITED  # a speaker a person gave: stored as a correction


@dataclass(frozen=True)
class Occurrence:
    id: int
    set_id: int
    article: str
    title: str
    outlet: str | None
    published: str | None
    sha256: str
    start: int
    end: int
    text: str
    prefix: str
    suffix: str
    speaker: str | None  # the speaker shown: the user's correction, else as detected
    note: str
    detached: bool
    created: str
    modified: str
    url: str | None = None
    context_before: str = ""
    context_after: str = ""
    detected_speaker: str | None = None
    speaker_source: str = "detected"  # or "edited": a person corrected the speaker


@dataclass(frozen=True)
class QuoteLocation:
    """Where a quotation is: what a speaker correction is attached to."""

    article: str  # resolved path, as Occurrence.article
    sha256: str
    start: int
    end: int
    text: str
    prefix: str
    suffix: str


@dataclass(frozen=True)
class SpeakerCorrection:
    """Who said the quote at a span, as a person said (``speaker`` None: nobody named)."""

    id: int
    article: str
    sha256: str
    start: int
    end: int
    text: str
    prefix: str
    suffix: str
    speaker: str | None
    detected: str | None  # what detection said when the person corrected it
    detached: bool
    created: str
    modified: str


# A row as undo sees it: (table, id) -> column values, or None when the row is absent.
RowKey = tuple[str, int]
Rows = tuple[tuple[RowKey, "dict[str, object] | None"], ...]


@dataclass(frozen=True)
class Edit:
    """One committed change, with what it takes to reverse and repeat it.

    ``result`` is what the change made or touched (a :class:`QuoteSet` or
    :class:`Occurrence`), for the caller's convenience.
    """

    label: str
    before: Rows
    after: Rows
    result: object = None


@dataclass
class ReanchorReport:
    """What :meth:`Workspace.reanchor` found, by occurrence id."""

    methods: dict[int, str] = field(default_factory=dict)  # unchanged/position/exact/fuzzy/detached
    missing: dict[int, str] = field(default_factory=dict)  # article unreadable: id -> reason
    corrections: dict[int, str] = field(default_factory=dict)  # speaker corrections: id -> method

    @property
    def detached(self) -> list[int]:
        return sorted(i for i, m in self.methods.items() if m == "detached")

    @property
    def moved(self) -> list[int]:
        return sorted(i for i, m in self.methods.items() if m in ("exact", "fuzzy"))


@dataclass(frozen=True)
class EditChanges:
    """What an edit touched, so that views refresh only that (as Anki's ``OpChanges``)."""

    set_ids: frozenset[int]  # sets whose own fields or whose quotes changed
    occurrence_ids: frozenset[int]
    articles: frozenset[str]  # articles (resolved paths) whose tagged quotes changed
    # (article, start, end) of quotes whose speaker correction changed: every set quoting them shows it
    corrected: frozenset[tuple[str, int, int]] = frozenset()


def changes_of(edit: Edit) -> EditChanges:
    """The sets, quotes and articles ``edit`` touched, read from its rows before and after."""
    sets: set[int] = set()
    occurrences: set[int] = set()
    articles: set[str] = set()
    corrected: set[tuple[str, int, int]] = set()
    for rows in (edit.before, edit.after):
        for (table, row_id), row in rows:
            if table == "quote_set":
                sets.add(row_id)
            elif table == "occurrence":
                occurrences.add(row_id)
                if row is not None:
                    sets.add(int(row["set_id"]))
                    articles.add(str(row["article"]))
            elif table == "speaker_correction" and row is not None:
                corrected.add((str(row["article"]), int(row["start"]), int(row["end"])))
    return EditChanges(frozenset(sets), frozenset(occurrences), frozenset(articles), frozenset(corrected))
