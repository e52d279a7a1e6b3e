"""``matrix PATH ... --json``: the similarity of every pair of articles."""

from __future__ import annotations

import argparse
import json
import sys

from viewer.commands.align import add_setting_arguments, settings_from
from viewer.commands.inputs import load_inputs
from viewer.core.corpus.similarity import similarity_matrix
from viewer.core.errors import one_line


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    parser.add_argument("--json", action="store_true", help="print the result as JSON (the SPEC's format)")
    add_setting_arguments(parser)


def _row(values: list[float]) -> str:
    # Written by hand: json.dumps of millions of floats is the slowest part of a big matrix.
    return "[" + ", ".join("0.0" if v == 0.0 else repr(round(v, 4)) for v in values) + "]"


def run(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    articles = load_inputs(args.paths, minimum=1)
    matrix = similarity_matrix([article.text for article in articles], settings)
    out = sys.stdout
    if args.json:
        listed = ", ".join(json.dumps({"path": a.path, "title": a.title}, ensure_ascii=False) for a in articles)
        out.write('{"articles": [' + listed + '],\n "similarity": [')
        out.write(",\n  ".join(_row(row) for row in matrix))
        out.write("]}\n")
        return 0
    ranked = sorted(
        ((matrix[i][j], i, j) for i in range(len(articles)) for j in range(i + 1, len(articles)) if matrix[i][j] > 0),
        reverse=True,
    )
    for value, i, j in ranked:
        out.write(one_line(f"{value:.3f}  {articles[i].path}  {articles[j].path}") + "\n")
    if not ranked:
        out.write("no pair of articles shares a passage\n")
    return 0
