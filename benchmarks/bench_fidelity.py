"""Quote fidelity on a real corpus: how long comparing every shared quote's occurrences takes,
and what the comparison finds (altered variants, and how much of the reference they keep).

    .venv/bin/python benchmarks/bench_fidelity.py [CORPUS]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from viewer.core.loading.articles import load_articles  # noqa: E402
from viewer.core.quotes.clusters import find_and_cluster  # noqa: E402
from viewer.core.quotes.fidelity import cluster_fidelity  # noqa: E402


def main() -> int:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpora" / "bbc"
    if not corpus.is_dir():
        print(f"corpus not found at {corpus}; nothing to measure")
        return 0
    articles = load_articles([corpus]).articles
    started = time.perf_counter()
    quotes, clusters = find_and_cluster([(a.path, a.text) for a in articles])
    found = time.perf_counter() - started
    dates = {a.path: a.date for a in articles}
    started = time.perf_counter()
    fidelity = [cluster_fidelity(c.quotes, dates) for c in clusters]
    compared = time.perf_counter() - started
    variants = [v for f in fidelity for v in f.variants]
    altered = [v for v in variants if v.altered]
    light = sum(1 for v in altered if v.kept >= 0.8)
    rewritten = sum(1 for v in altered if v.kept < 0.5)
    edges = sum(1 for v in variants if not v.altered and v.changes)
    print(f"articles {len(articles)}, quotes {len(quotes)}, clusters {len(clusters)}, variants {len(variants)}")
    print(f"altered variants {len(altered)}/{len(variants)} ({len(altered) / max(len(variants), 1):.1%}); "
          f"clusters with one {sum(f.altered for f in fidelity)}/{len(clusters)}; "
          f"not altered but quoting beyond the reference {edges}")
    print(f"of the altered: light edits (kept >= 0.8) {light}, rewrites or other wordings (kept < 0.5) {rewritten}")
    print(f"find and cluster {found:.1f} s; fidelity {compared:.2f} s "
          f"({compared / max(found + compared, 1e-9):.1%} of the quotes work)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
