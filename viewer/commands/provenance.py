"""``provenance PATH ... --json``: which articles borrow text from which earlier ones."""

from __future__ import annotations

import argparse
import json
import sys

from viewer.commands.align import add_setting_arguments, settings_from
from viewer.core.corpus.index import CorpusIndex
from viewer.core.corpus.provenance import Provenance, provenance_of_similarity
from viewer.core.paths import cache_dir

# The window's corpus cache: pairs the window aligned are not aligned again here, and back.
CACHE_FILE = "corpus-index.sqlite3"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    parser.add_argument("--json", action="store_true", help="print the result as JSON (the SPEC's format)")
    add_setting_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from viewer.commands.inputs import load_inputs

    settings = settings_from(args)
    articles = load_inputs(args.paths, minimum=1)
    result = CorpusIndex(cache_dir() / CACHE_FILE).build(articles, settings)
    found = provenance_of_similarity(result, articles)
    if args.json:
        json.dump(found.to_json(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    write_summary(found, sys.stdout)
    return 0


def write_summary(found: Provenance, out) -> None:
    """Each article, its date and original share, then what it took from which earlier article."""
    for number, article in enumerate(found.articles):
        published = article.published or "undated"
        outlet = f" ({article.outlet})" if article.outlet else ""
        out.write(f"{article.path}{outlet}  {published}  original {found.original_share(number):.0%}\n")
        for edge in found.sources_of(number):
            out.write(f"    <- {edge.share:.0%} from {found.articles[edge.source].path}\n")
        for edge in found.undated_links(number):
            other = edge.target if edge.source == number else edge.source
            share = edge.share if edge.target == number else edge.source_share
            out.write(f"    ~ {share:.0%} of it shared with {found.articles[other].path} "
                      "(no order: dates missing or equal)\n")
    if not found.edges:
        out.write("no two articles share a passage\n")
