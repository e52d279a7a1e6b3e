"""How well ``align`` finds reused passages: PAN plagdet on built reuse pairs, ROC AUC on Clough-Stevenson.

Run: ``.venv/bin/python benchmarks/eval_align.py [--per-kind N]`` (``make eval-align``).
Needs ``../shared/corpora``; prints a message and exits 0 without it.
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from reuse_pairs import BBC, Case, load_bbc, make_pairs  # noqa: E402

from viewer.core.alignment.align import AlignSettings, align_texts  # noqa: E402
from viewer.core.loading.articles import load_article  # noqa: E402
from viewer.core.text.spans import covered_chars  # noqa: E402

CLOUGH = BBC.parent / "clough-stevenson"


def _overlap(x0: int, x1: int, y0: int, y1: int) -> int:
    return max(0, min(x1, y1) - max(x0, y0))


def _detects(r, s: Case) -> bool:
    return bool(_overlap(s.a_start, s.a_end, r.a_start, r.a_end) and _overlap(s.b_start, s.b_end, r.b_start, r.b_end))


class PlagdetScore:
    """PAN text-alignment measures, accumulated over many document pairs."""

    def __init__(self) -> None:
        self.precision_terms: list[float] = []
        self.recall_terms: list[float] = []
        self.granularity_terms: list[int] = []
        self.false_passages = 0

    def add(self, cases: list[Case], detections: list) -> None:
        if not cases:
            self.false_passages += len(detections)
        for r in detections:
            parts_a, parts_b = [], []
            for s in cases:
                if _detects(r, s):
                    parts_a.append((max(s.a_start, r.a_start), min(s.a_end, r.a_end)))
                    parts_b.append((max(s.b_start, r.b_start), min(s.b_end, r.b_end)))
            size = (r.a_end - r.a_start) + (r.b_end - r.b_start)
            self.precision_terms.append((covered_chars(parts_a) + covered_chars(parts_b)) / size if size else 0.0)
        for s in cases:
            parts_a, parts_b, detected_by = [], [], 0
            for r in detections:
                if _detects(r, s):
                    parts_a.append((max(s.a_start, r.a_start), min(s.a_end, r.a_end)))
                    parts_b.append((max(s.b_start, r.b_start), min(s.b_end, r.b_end)))
                    detected_by += 1
            size = (s.a_end - s.a_start) + (s.b_end - s.b_start)
            self.recall_terms.append((covered_chars(parts_a) + covered_chars(parts_b)) / size)
            if detected_by:
                self.granularity_terms.append(detected_by)

    def figures(self) -> dict[str, float]:
        precision = sum(self.precision_terms) / len(self.precision_terms) if self.precision_terms else 1.0
        recall = sum(self.recall_terms) / len(self.recall_terms) if self.recall_terms else 1.0
        granularity = sum(self.granularity_terms) / len(self.granularity_terms) if self.granularity_terms else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "precision": precision, "recall": recall, "granularity": granularity,
            "plagdet": f1 / math.log2(1 + granularity), "false": self.false_passages,
        }


def roc_auc(positives: list[float], negatives: list[float]) -> float:
    wins = sum((p > n) + 0.5 * (p == n) for p in positives for n in negatives)
    return wins / (len(positives) * len(negatives))


def clough_stevenson(settings: AlignSettings) -> tuple[float, dict[str, list[float]]]:
    by_category: dict[str, list[float]] = defaultdict(list)
    with open(CLOUGH / "file_information.csv", newline="") as handle:
        rows = list(csv.DictReader(handle))
    sources = {row["Task"]: load_article(CLOUGH / row["File"]).text for row in rows if row["Category"] == "orig"}
    for row in rows:
        if row["Category"] == "orig":
            continue
        answer = load_article(CLOUGH / row["File"]).text
        by_category[row["Category"]].append(align_texts(answer, sources[row["Task"]], settings).similarity)
    positives = by_category["cut"] + by_category["light"] + by_category["heavy"]
    return roc_auc(positives, by_category["non"]), by_category


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--per-kind", type=int, default=40, help="pairs per kind and size (default 40)")
    parser.add_argument("--min-words", type=int)
    parser.add_argument("--max-gap", type=int)
    parser.add_argument("--min-match", type=float)
    parser.add_argument("--show", metavar="KIND", help="print the weakest pairs of this kind")
    args = parser.parse_args()
    if not BBC.is_dir():
        print(f"corpora not found at {BBC.parent}: nothing to evaluate")
        return 0
    defaults = AlignSettings()
    settings = AlignSettings(
        args.min_words or defaults.min_words,
        defaults.max_gap if args.max_gap is None else args.max_gap,
        defaults.min_match if args.min_match is None else args.min_match,
    )
    print(f"settings: {settings}")
    started = time.perf_counter()
    pairs = make_pairs(load_bbc(), per_kind=args.per_kind)
    scores: dict[tuple[str, str], PlagdetScore] = defaultdict(PlagdetScore)
    by_size: dict[str, PlagdetScore] = defaultdict(PlagdetScore)
    weakest = []
    for pair in pairs:
        found = align_texts(pair.a, pair.b, settings).passages
        scores[(pair.kind, pair.size)].add(pair.cases, found)
        if pair.kind != "none":
            by_size[pair.size].add(pair.cases, found)
        if args.show == pair.kind:
            single = PlagdetScore()
            single.add(pair.cases, found)
            weakest.append((single.figures()["plagdet"], pair, found))
    print(f"{len(pairs)} pairs in {time.perf_counter() - started:.1f} s")
    print(f"{'kind':10} {'size':7} {'plagdet':>8} {'prec':>6} {'rec':>6} {'gran':>6} {'false':>6}")
    for (kind, size), score in sorted(scores.items()):
        f = score.figures()
        print(f"{kind:10} {size:7} {f['plagdet']:8.4f} {f['precision']:6.3f} {f['recall']:6.3f} "
              f"{f['granularity']:6.3f} {f['false']:6d}")
    for size, score in sorted(by_size.items()):
        print(f"ALL        {size:7} {score.figures()['plagdet']:8.4f}")
    if CLOUGH.is_dir():
        auc, by_category = clough_stevenson(settings)
        means = ", ".join(f"{k} {sum(v) / len(v):.3f}" for k, v in sorted(by_category.items()))
        print(f"Clough-Stevenson ROC AUC (cut/light/heavy vs non): {auc:.4f}   mean similarity: {means}")
    for value, pair, found in sorted(weakest, key=lambda w: w[0])[:5]:
        print(f"\n--- {pair.kind}/{pair.size} plagdet {value:.3f}")
        for case in pair.cases:
            print(f"CASE A {case.a_start}-{case.a_end}: {pair.a[case.a_start:case.a_end]!r}")
            print(f"     B {case.b_start}-{case.b_end}: {pair.b[case.b_start:case.b_end]!r}")
        for p in found:
            print(f"GOT  A {p.a_start}-{p.a_end}: {pair.a[p.a_start:p.a_end]!r}")
            print(f"     B {p.b_start}-{p.b_end}: {pair.b[p.b_start:p.b_end]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
