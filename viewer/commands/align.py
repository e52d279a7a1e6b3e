"""``align A B --json``: the passages two articles share."""

from __future__ import annotations

import argparse
import json
import sys

from viewer.commands.inputs import load_inputs
from viewer.core.alignment.align import AlignSettings, align_texts
from viewer.core.alignment.output import alignment_to_json
from viewer.core.errors import CommandError, escape_controls

_DEFAULTS = AlignSettings()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("a", metavar="A", help="first article")
    parser.add_argument("b", metavar="B", help="second article")
    parser.add_argument("--json", action="store_true", help="print the result as JSON (the SPEC's format)")
    add_setting_arguments(parser)


def add_setting_arguments(parser: argparse.ArgumentParser) -> None:
    """The alignment settings, shared with ``matrix``."""
    parser.add_argument("--min-words", type=int, default=_DEFAULTS.min_words, metavar="N",
                        help=f"shortest passage, in matching words (default {_DEFAULTS.min_words})")
    parser.add_argument("--max-gap", type=int, default=_DEFAULTS.max_gap, metavar="N",
                        help=f"words allowed to differ between matching stretches (default {_DEFAULTS.max_gap})")
    parser.add_argument("--min-match", type=float, default=_DEFAULTS.min_match, metavar="SHARE",
                        help=f"minimum share of matching words in a passage, 0..1 (default {_DEFAULTS.min_match})")
    parser.add_argument("--no-synonyms", action="store_true", help="do not treat listed synonyms as equal")


def settings_from(args: argparse.Namespace) -> AlignSettings:
    if args.min_words < 1:
        raise CommandError(f"--min-words must be at least 1, not {args.min_words}")
    if args.max_gap < 0:
        raise CommandError(f"--max-gap must be 0 or more, not {args.max_gap}")
    if not 0.0 <= args.min_match <= 1.0:
        raise CommandError(f"--min-match must be between 0 and 1, not {args.min_match}")
    return AlignSettings(args.min_words, args.max_gap, args.min_match, not args.no_synonyms)


def run(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    a_article = load_inputs([args.a])[0]
    b_article = load_inputs([args.b])[0]
    alignment = align_texts(a_article.text, b_article.text, settings)
    result = alignment_to_json(a_article, b_article, alignment)
    if args.json:
        json.dump(result, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    print(escape_controls(f"{a_article.path}  <->  {b_article.path}: similarity {alignment.similarity:.3f}, "
          f"{len(alignment.passages)} passages"))
    for p in result["passages"]:
        print(f"\nA {p['a_start']}-{p['a_end']}  B {p['b_start']}-{p['b_end']}  score {p['score']:.2f}")
        print(f"  A: {' '.join(p['a_text'].split())}")
        print(f"  B: {' '.join(p['b_text'].split())}")
    return 0
