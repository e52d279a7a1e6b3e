"""``export`` writes the quote sets of a workspace as CSV (SPEC "CSV export")."""

from __future__ import annotations

import argparse
import sys

from viewer.commands.tag import add_db_argument, open_workspace
from viewer.core.errors import CommandError
from viewer.core.store.csv_export import csv_rows, write_csv


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_db_argument(parser)
    parser.add_argument("--csv", required=True, metavar="OUT", help="the CSV file to write ('-' for standard output)")
    parser.add_argument(
        "--set", action="append", default=[], metavar="NAME", dest="sets", help="export only this set (repeatable)"
    )
    parser.add_argument("--bom", action="store_true", help="start with a byte-order mark (for Excel)")
    parser.add_argument("--raw", action="store_true", help="do not neutralise cells that look like formulas")


def run(args: argparse.Namespace) -> int:
    with open_workspace(args.db) as workspace:
        report = workspace.reanchor()
        sets = workspace.sets()
        if args.sets:
            known = {s.name for s in sets}
            unknown = [name for name in args.sets if name not in known]
            if unknown:
                raise CommandError(f"{workspace.path}: no quote set named {unknown[0]!r}")
            sets = [s for s in sets if s.name in args.sets]
        listing = [(s, workspace.occurrences(s.id)) for s in sets]
    rows = csv_rows(listing, raw=args.raw)
    try:
        write_csv(rows, args.csv, bom=args.bom)
    except OSError as exc:
        raise CommandError(f"{args.csv}: cannot be written ({exc.strerror or exc})") from None
    detached = [o.id for _, items in listing for o in items if o.detached]
    if args.csv != "-":
        print(f"wrote {len(rows) - 1} occurrence(s) from {len(listing)} set(s) to {args.csv}", file=sys.stderr)
    if detached:
        print(f"warning: {len(detached)} occurrence(s) are detached (their article changed): "
              f"{', '.join(map(str, detached))}", file=sys.stderr)
    for occurrence_id, reason in sorted(report.missing.items()):
        print(f"warning: occurrence {occurrence_id}: article unreadable: {reason}", file=sys.stderr)
    return 0
