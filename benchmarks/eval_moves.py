"""How much of a reordered copy the passage diff calls moved rather than edited.

Each BBC article (body paragraphs) is copied with pairs of neighbouring paragraphs
swapped, either word for word (``reordered``) or also run through the thesaurus spinner
of ``reuse_pairs`` (``reordered+spun``). Every word of a swapped paragraph is still in
the copy, so in the ``reordered`` copies the ideal diff edits nothing; in the spun ones
only the spun words are edits. Reported per split (dev: every other article, test: the
rest) for the current diff and for the in-order diff alone (what the pair view drew
before moved text was detected): shares of the passages' words (both sides) that are
verbatim, edited and moved.

    .venv/bin/python benchmarks/eval_moves.py [--limit N]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from reuse_pairs import BBC, _spin  # noqa: E402

from viewer.core.alignment.align import align_texts  # noqa: E402
from viewer.core.alignment.word_diff import diff_ranges, passage_diff, summarize  # noqa: E402
from viewer.core.loading.articles import load_article  # noqa: E402


def reordered(text: str, rng: random.Random, spin: bool) -> str:
    separator = "\n\n" if "\n\n" in text else "\n"
    head, *paragraphs = [p for p in text.split(separator) if p.strip()]
    for i in range(0, len(paragraphs) - 1, 2):
        if rng.random() < 0.5:
            paragraphs[i], paragraphs[i + 1] = paragraphs[i + 1], paragraphs[i]
    if spin:
        paragraphs = [_spin(p, rng) for p in paragraphs]
    return separator.join([head, *paragraphs])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=120)
    args = parser.parse_args()
    files = sorted(BBC.rglob("*.txt"))[: args.limit]
    rng = random.Random(14)
    totals: dict[tuple[str, str, str], list[int]] = {}
    for number, path in enumerate(files):
        split = "dev" if number % 2 == 0 else "test"
        text = load_article(str(path)).text
        for kind, spin in (("reordered", False), ("reordered+spun", True)):
            copy = reordered(text, rng, spin)
            for passage in align_texts(text, copy).passages:
                for method, spans in (("in-order only", diff_ranges(text, passage.a_start, passage.a_end,
                                                                     copy, passage.b_start, passage.b_end)),
                                      ("with moves", passage_diff(text, copy, passage))):
                    s = summarize(text, copy, spans)
                    row = totals.setdefault((split, kind, method), [0, 0, 0])
                    row[0] += s.verbatim
                    row[1] += s.edited
                    row[2] += s.moved
    print(f"{len(files)} BBC articles, {len(files) // 2 + len(files) % 2} dev / {len(files) // 2} test")
    print(f"{'split':5} {'copy':15} {'diff':14} {'verbatim':>9} {'edited':>7} {'moved':>7}")
    for (split, kind, method), (v, e, m) in sorted(totals.items()):
        total = max(v + e + m, 1)
        print(f"{split:5} {kind:15} {method:14} {v / total:9.1%} {e / total:7.1%} {m / total:7.1%}")


if __name__ == "__main__":
    main()
