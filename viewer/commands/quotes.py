"""``quotes PATH ... --json``: every direct quotation, its speaker, and the quotations articles share."""

from __future__ import annotations

import argparse
import json
import sys

from viewer.commands.inputs import load_inputs
from viewer.core.quotes.clusters import quotes_report


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    parser.add_argument("--json", action="store_true", help="write the JSON document (the default output too)")


def run(args: argparse.Namespace) -> int:
    articles = load_inputs(args.paths, minimum=1)
    report = quotes_report(articles)
    if args.json:
        _write_json(report, sys.stdout)
        return 0
    # A readable summary for a terminal: clusters first, then each article's quotes.
    out = sys.stdout
    by_id = {q["id"]: q for q in report["quotes"]}
    for cluster in report["clusters"]:
        articles_in = len({by_id[q]["article"] for q in cluster["quotes"]})
        speaker = cluster["speaker"] or "?"
        altered = sum(1 for v in cluster["variants"] if v["altered"])
        state = f", {altered} altered" if altered else ""
        out.write(f"{cluster['id']}  {speaker}: \u201c{cluster['label']}\u201d ({articles_in} articles{state})\n")
        for variant in cluster["variants"]:
            for change in variant["changes"]:
                if not change.get("edge"):
                    out.write(f"    {variant['quote']} against {cluster['reference']}: {_change_line(change)}\n")
    for quote in report["quotes"]:
        text = " ".join(quote["text"].split())
        out.write(f"{quote['id']}  {quote['article']}:{quote['start']}-{quote['end']} [{quote['kind']}] "
                  f"{quote['speaker'] or '?'}: \u201c{text[:100]}\u201d\n")
    return 0


def _change_line(change: dict) -> str:
    if change["op"] == "replace":
        return f"\u201c{change['reference']}\u201d \u2192 \u201c{change['text']}\u201d"
    if change["op"] == "delete":
        return f"drops \u201c{change['reference']}\u201d"
    return f"adds \u201c{change['text']}\u201d"


def _write_json(report: dict, out) -> None:
    """The report with one quote or cluster a line. (``json.dump`` with an indent encodes in
    Python and writes every token apart: 10 s for the 50,000 quotes of a hostile file.)"""
    out.write("{")
    for number, (key, items) in enumerate(report.items()):
        if not isinstance(items, list):
            out.write(f'{"," if number else ""}\n {json.dumps(key)}: {json.dumps(items, ensure_ascii=False)}')
            continue
        out.write(f'{"," if number else ""}\n {json.dumps(key)}: [')
        out.write(",".join("\n  " + json.dumps(item, ensure_ascii=False) for item in items))
        out.write("\n ]" if items else "]")
    out.write("\n}\n")
