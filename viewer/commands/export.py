"""``export`` writes the quote sets of a workspace as CSV (SPEC "CSV export")."""

from __future__ import annotations

import argparse
import sys

from viewer.commands.tag import add_db_argument
from viewer.core.errors import CommandError, escape_controls
from viewer.core.files import NotRegularFileError
from viewer.core.services.export import UnknownSet, export_sets
from viewer.core.store.model import WorkspaceError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_db_argument(parser)
    parser.add_argument("--csv", required=True, metavar="OUT", help="the CSV file to write ('-' for standard output)")
    parser.add_argument(
        "--set", action="append", default=[], metavar="NAME", dest="sets", help="export only this set (repeatable)"
    )
    parser.add_argument("--bom", action="store_true", help="start with a byte-order mark (for Excel)")
    parser.add_argument("--raw", action="store_true", help="do not neutralise cells that look like formulas")


def run(args: argparse.Namespace) -> int:
    try:
        result = export_sets(args.db, args.csv, set_names=args.sets, bom=args.bom, raw=args.raw)
    except (WorkspaceError, UnknownSet) as exc:
        raise CommandError(str(exc)) from None
    except NotRegularFileError as exc:
        raise CommandError(f"{args.csv}: not written: it {exc.reason}") from None
    except OSError as exc:
        raise CommandError(f"{args.csv}: cannot be written ({exc.strerror or exc})") from None
    if args.csv != "-":
        print(escape_controls(f"wrote {result.rows} occurrence(s) from {result.sets} set(s) to {args.csv}"),
              file=sys.stderr)
    if result.detached:
        print(f"warning: {len(result.detached)} occurrence(s) are detached (their article changed): "
              f"{', '.join(map(str, result.detached))}", file=sys.stderr)
    for occurrence_id, reason in sorted(result.missing.items()):
        print(escape_controls(f"warning: occurrence {occurrence_id}: article unreadable: {reason}"), file=sys.stderr)
    return 0
