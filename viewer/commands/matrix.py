"""``matrix PATH ... --json``: the similarity of every pair of articles."""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys

from viewer.commands.align import add_setting_arguments, settings_from
from viewer.commands.index import add_posting_argument, max_posting_from
from viewer.commands.inputs import TextsAsRead, input_files, load_inputs
from viewer.core.corpus.similarity import similarity_pairs, start_workers
from viewer.core.errors import escape_controls


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    parser.add_argument("--json", action="store_true", help="print the result as JSON (the SPEC's format)")
    add_setting_arguments(parser)
    add_posting_argument(parser)
    parser.add_argument("--workers", type=_worker_count, default=default_workers(), metavar="N",
                        help="worker processes that align the pairs of a large corpus "
                             f"(default: {default_workers()}, from the processors; 1: none)")


def default_workers() -> int:
    """As many workers as processors, at most 4 (beyond that the reading and indexing here dominate)."""
    return max(1, min(os.cpu_count() or 1, 4))


def _worker_count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"--workers takes a whole number from 1, not {text!r}")
    return value


def _rows(count: int, pairs: dict[tuple[int, int], float]):
    """The matrix's rows as JSON text, one at a time (a dense 10,000 x 10,000 matrix of
    Python floats would take 800 MB; most of it is zeros)."""
    neighbours: dict[int, list[tuple[int, float]]] = {}
    for (i, j), value in pairs.items():
        neighbours.setdefault(i, []).append((j, value))
        neighbours.setdefault(j, []).append((i, value))
    for i in range(count):
        cells = ["0.0"] * count
        cells[i] = "1.0"
        for j, value in neighbours.get(i, ()):
            cells[j] = repr(round(value, 4))
        yield "[" + ", ".join(cells) + "]"


def run(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    max_posting = max_posting_from(args)
    files = input_files(args.paths)
    # Started before the files are read: their start-up overlaps the reading.
    group = start_workers(args.workers, len(files))
    boilerplate: list[int] = []
    # One batch of many short-lived objects that form no cycles: the collector's passes over
    # the growing heap of profiles free nothing (a few per cent of the run). Paused for it.
    gc.disable()
    try:
        if group is None:
            articles = load_inputs(args.paths, minimum=1, files=files)
            pairs = similarity_pairs([article.text for article in articles], settings, boilerplate=boilerplate,
                                     max_posting=max_posting)
        else:
            with group:
                # The workers profile the first files while the others are read.
                texts = TextsAsRead(files)
                pairs = similarity_pairs(texts, settings, boilerplate=boilerplate, max_posting=max_posting,
                                         workers=group)
            articles = texts.articles
    finally:
        gc.enable()
    if boilerplate and boilerplate[0]:
        print(f"note: {boilerplate[0]} boilerplate shingle(s) held by more than {max_posting} articles "
              "were not compared (--max-posting)", file=sys.stderr)
    out = sys.stdout
    if args.json:
        listed = ", ".join(json.dumps({"path": a.path, "title": a.title}, ensure_ascii=False) for a in articles)
        out.write('{"articles": [' + listed + '],\n "similarity": [')
        for number, row in enumerate(_rows(len(articles), pairs)):
            out.write(row if not number else ",\n  " + row)
        out.write("]}\n")
        return 0
    ranked = sorted(((value, i, j) for (i, j), value in pairs.items()), reverse=True)
    for value, i, j in ranked:
        out.write(escape_controls(f"{value:.3f}  {articles[i].path}  {articles[j].path}") + "\n")
    if not ranked:
        out.write("no pair of articles shares a passage\n")
    return 0
