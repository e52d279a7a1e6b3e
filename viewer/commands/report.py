"""``report A B --out OUT.html|OUT.pdf`` and ``report --db DB [--set NAME ...] --out ...``.

A self-contained evidence report: of one pair (its shared passages side by side, the
quotations both carry), or of quote sets (every occurrence in its context). HTML is
written by the core; PDF is that HTML laid out by Qt's PDF writer.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from viewer.commands.align import add_setting_arguments, settings_from
from viewer.core.errors import CommandError
from viewer.core.reports.html import write_atomically
from viewer.core.reports.pair import build_pair_report, pair_report_html
from viewer.core.reports.quote_sets import UnknownQuoteSet, quote_sets_report
from viewer.core.store.model import WorkspaceError
from viewer.core.tasks.child_process import run_in_child

SUFFIXES = (".html", ".htm", ".pdf")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="A B", help="the two articles of a pair report")
    parser.add_argument("--out", required=True, metavar="OUT", help="the report file: .html or .pdf")
    parser.add_argument("--db", metavar="FILE",
                        help="a quote-set report of this workspace (default: the one in your data folder)")
    parser.add_argument("--set", action="append", default=[], metavar="NAME", dest="sets",
                        help="report only this quote set (repeatable)")
    add_setting_arguments(parser)


def run(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.suffix.lower() not in SUFFIXES:
        raise CommandError(f"{args.out}: the report must end in .html or .pdf")
    if out.parent and not out.parent.is_dir():
        raise CommandError(f"{args.out}: the folder {out.parent} does not exist")
    if args.paths:
        if len(args.paths) != 2:
            raise CommandError(f"a pair report takes two articles, not {len(args.paths)}")
        if args.db or args.sets:
            raise CommandError("give either two articles or --db/--set, not both")
        html, title = _pair(args)
    else:
        html, title = _quote_sets(args)
    try:
        if out.suffix.lower() == ".pdf":
            # Qt lays the PDF out in a child process: the command line never imports Qt.
            data, pages = run_in_child("viewer.reports_pdf:pdf_job", [html], extra=title)
            write_atomically(data, out)
            print(f"wrote {out} ({pages} page{'s' if pages != 1 else ''})", file=sys.stderr)
        else:
            write_atomically(html.encode("utf-8"), out)
            print(f"wrote {out}", file=sys.stderr)
    except OSError as exc:
        raise CommandError(f"{args.out}: cannot be written ({exc.strerror or exc})") from None
    return 0


def _pair(args: argparse.Namespace) -> tuple[str, str]:
    from viewer.commands.inputs import load_inputs

    settings = settings_from(args)
    a = load_inputs([args.paths[0]])[0]
    b = load_inputs([args.paths[1]])[0]
    report = build_pair_report(a, b, settings)
    return pair_report_html(report), f"Evidence report: {a.title} / {b.title}"


def _quote_sets(args: argparse.Namespace) -> tuple[str, str]:
    try:
        return quote_sets_report(args.db, set_names=args.sets)
    except (WorkspaceError, UnknownQuoteSet) as exc:
        raise CommandError(str(exc)) from None
