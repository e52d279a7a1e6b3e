"""``tag add`` records one quote occurrence in a quote set; ``tag list`` shows the sets.

Both re-anchor first where an article changed since it was tagged (``tag list``) so
what is shown is where the quotes are now; occurrences that cannot be placed are
listed as detached, never dropped.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from viewer.core.errors import CommandError, escape_controls
from viewer.core.loading.articles import Article, load_article
from viewer.core.quotes.finder import find_quotes
from viewer.core.services.tagging import speaker_for, store_tagged
from viewer.core.store.workspace import (
    Occurrence,
    OffsetError,
    QuoteSet,
    ReanchorReport,
    Workspace,
    WorkspaceError,
    new_occurrence,
)
from viewer.core.text.display import one_line


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True, metavar="{add,list}")
    add = actions.add_parser("add", help="record one quote occurrence in a quote set (created if missing)")
    add_db_argument(add)
    add.add_argument("--set", required=True, metavar="NAME", dest="set_name", help="the quote set")
    add.add_argument("--article", required=True, metavar="PATH", help="the article file")
    add.add_argument("--start", required=True, type=int, metavar="S", help="first code point of the quote (0-based)")
    add.add_argument("--end", required=True, type=int, metavar="E", help="end of the quote (exclusive)")
    add.add_argument("--tags", default="", metavar="T1,T2", help="tags added to the set, comma-separated")
    add.add_argument("--note", default="", metavar="TEXT", help="a note on this occurrence")
    add.add_argument("--speaker", default=None, metavar="NAME",
                     help="who is quoted, stored as edited (default: the speaker found in the text)")
    add.add_argument("--json", action="store_true", help="print the stored occurrence as JSON")
    listing = actions.add_parser("list", help="the quote sets and their occurrences")
    add_db_argument(listing)
    listing.add_argument("--json", action="store_true", help="print JSON (default: a plain listing)")


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="FILE", help="the workspace file (default: the one in your data folder)")


def open_workspace(db: str | None) -> Workspace:
    """The workspace named on the command line; a bad file is a one-line error (exit 2)."""
    try:
        return Workspace.open(db)
    except WorkspaceError as exc:
        raise CommandError(str(exc)) from None


def run(args: argparse.Namespace) -> int:
    return _add(args) if args.action == "add" else _list(args)


def _add(args: argparse.Namespace) -> int:
    article = load_article(args.article)
    detected = find_speaker(article, args.start, args.end)
    # A speaker named on the command line is a person's word: kept as edited, even when
    # it agrees with detection.
    edited = {} if args.speaker is None else {"edited_speaker": args.speaker}
    try:
        item = new_occurrence(article, args.start, args.end, speaker=detected, note=args.note, **edited)
    except OffsetError as exc:
        raise CommandError(str(exc)) from None
    tags = [t for t in args.tags.split(",") if t.strip()]
    with open_workspace(args.db) as workspace:
        try:
            edit = store_tagged(workspace, args.set_name, tags, [item])
            # A quote added to an existing set is the edit's result; a new set is.
            result = edit.result
            occurrence = result if isinstance(result, Occurrence) else workspace.occurrences(result.id)[-1]
            quote_set = workspace.get_set(occurrence.set_id)
        except WorkspaceError as exc:
            raise CommandError(str(exc)) from None
        except ValueError as exc:  # e.g. an empty set name
            raise CommandError(f"{workspace.path}: {exc}") from None
    if args.json:
        print(json.dumps(occurrence_as_dict(occurrence), ensure_ascii=False, indent=2))
    else:
        print(f"tagged {occurrence.text[:60]!r} in set {quote_set.name!r} (occurrence {occurrence.id})")
    return 0


def find_speaker(article: Article, start: int, end: int) -> str | None:
    """The speaker of the quotation overlapping ``[start, end)`` most, when the quote finder knows it."""
    try:
        quotes = find_quotes(article.text, article.path)
    except Exception:  # noqa: BLE001 - a speaker is a nicety; never let it block tagging
        return None
    return speaker_for(quotes, article.path, start, end)


def _list(args: argparse.Namespace) -> int:
    with open_workspace(args.db) as workspace:
        report = workspace.reanchor()
        listing = [(s, workspace.occurrences(s.id)) for s in workspace.sets()]
    if args.json:
        document = {"sets": [set_as_dict(s, items, report) for s, items in listing]}
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 0
    for quote_set, items in listing:
        tags = f" [{', '.join(quote_set.tags)}]" if quote_set.tags else ""
        print(escape_controls(f"{quote_set.name}{tags}: {len(items)} occurrence(s)"))
        for item in items:
            state = " DETACHED" if item.detached else ""
            print(escape_controls(f"  #{item.id} {Path(item.article).name} {item.start}-{item.end}{state}: "
                                  f"{one_line(item.text, 80)}"))
    for occurrence_id, reason in sorted(report.missing.items()):
        print(escape_controls(f"warning: occurrence {occurrence_id}: article unreadable: {reason}"), file=sys.stderr)
    return 0


def occurrence_as_dict(item: Occurrence, report: ReanchorReport | None = None) -> dict[str, object]:
    """One occurrence in ``tag list --json``.

    ``anchor`` says how it was found this time (unchanged, position, exact, fuzzy,
    detached) or ``missing`` when its article could not be read.
    """
    document: dict[str, object] = {
        "id": item.id, "article": item.article, "title": item.title, "outlet": item.outlet,
        "published": item.published, "sha256": item.sha256, "start": item.start, "end": item.end,
        "text": item.text, "prefix": item.prefix, "suffix": item.suffix, "speaker": item.speaker,
        "speaker_source": item.speaker_source, "detected_speaker": item.detected_speaker,
        "note": item.note, "detached": item.detached, "created": item.created, "modified": item.modified,
        "url": item.url, "context_before": item.context_before, "context_after": item.context_after,
    }
    if report is not None:
        document["anchor"] = "missing" if item.id in report.missing else report.methods.get(item.id, "unchanged")
    return document


def set_as_dict(
    quote_set: QuoteSet, items: list[Occurrence], report: ReanchorReport | None = None
) -> dict[str, object]:
    return {
        "id": quote_set.id, "name": quote_set.name, "tags": list(quote_set.tags), "note": quote_set.note,
        "colour": quote_set.colour, "created": quote_set.created, "modified": quote_set.modified,
        "occurrences": [occurrence_as_dict(item, report) for item in items],
    }
