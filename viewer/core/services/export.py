"""Exporting quote sets as CSV: re-anchor every occurrence, then write the file atomically.

The window (in the background, on its own connection) and the ``export`` command call the
same function, so both write exactly the same file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from viewer.core.loading.articles import Article, load_article
from viewer.core.store.csv_export import csv_rows, write_csv
from viewer.core.store.workspace import Workspace


class UnknownSet(ValueError):
    """A set asked for by name that the workspace does not hold."""


@dataclass
class ExportResult:
    rows: int  # occurrences written
    sets: int
    detached: list[int] = field(default_factory=list)  # occurrence ids whose article changed past finding
    missing: dict[int, str] = field(default_factory=dict)  # occurrence id -> why its article is unreadable


def export_sets(
    db: str | os.PathLike[str] | None,
    out: str | os.PathLike[str],
    *,
    set_ids: Sequence[int] | None = None,
    set_names: Sequence[str] | None = None,
    bom: bool = False,
    raw: bool = False,
    read_only: bool = False,
    load: Callable[[str], Article] = load_article,
) -> ExportResult:
    """Write the sets of workspace ``db`` (all, or those named / numbered) to ``out`` ('-': stdout).

    Raises ``WorkspaceError`` for a workspace that cannot be used, :class:`UnknownSet` for a
    name it does not hold, ``OSError`` when ``out`` cannot be written (an earlier file is kept).
    """
    with Workspace.open(db, read_only=read_only) as workspace:
        report = workspace.reanchor(load)
        sets = workspace.sets()
        if set_names:
            known = {s.name for s in sets}
            unknown = [name for name in set_names if name not in known]
            if unknown:
                raise UnknownSet(f"{workspace.path}: no quote set named {unknown[0]!r}")
            sets = [s for s in sets if s.name in set_names]
        if set_ids:
            wanted = set(set_ids)
            sets = [s for s in sets if s.id in wanted]
        listing = [(s, workspace.occurrences(s.id)) for s in sets]
    rows = csv_rows(listing, raw=raw)
    write_csv(rows, str(out) if str(out) == "-" else Path(out), bom=bom)
    detached = [o.id for _, items in listing for o in items if o.detached]
    return ExportResult(len(rows) - 1, len(listing), detached, dict(report.missing))
