"""Speed and memory of ``matrix`` over the 2,225 BBC articles, and a check that it agrees with ``align``.

Times the whole process (``python -m viewer matrix <5 topic folders> --json``), reports its
peak memory, then checks the output: symmetric, 1.0 on the diagonal, and equal to
``align``'s similarity on a sample of pairs. Run: ``make bench-corpus``.
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BBC = ROOT.parent / "shared" / "corpora" / "bbc"


def main() -> int:
    folders = sorted(p for p in BBC.iterdir() if p.is_dir()) if BBC.is_dir() else []
    if not folders:
        print(f"corpus not found at {BBC}: nothing to measure")
        return 0
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "viewer", "matrix", *map(str, folders), "--json"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    result = json.loads(done.stdout)
    matrix = result["similarity"]
    count = len(matrix)
    nonzero = sum(1 for i in range(count) for j in range(i + 1, count) if matrix[i][j] > 0)
    print(f"matrix: {count} articles, {seconds:.2f} s whole process, peak memory {peak:.0f} MB, "
          f"{nonzero} of {count * (count - 1) // 2} pairs share a passage")
    assert all(matrix[i][i] == 1.0 for i in range(count))
    assert all(matrix[i][j] == matrix[j][i] for i in range(count) for j in range(i))

    from viewer.core.alignment.align import align_texts
    from viewer.core.loading.articles import load_article

    rng = random.Random(3)
    linked = [(i, j) for i in range(count) for j in range(i + 1, count) if matrix[i][j] > 0]
    sample = rng.sample(linked, min(30, len(linked))) + [tuple(rng.sample(range(count), 2)) for _ in range(30)]
    paths = [a["path"] for a in result["articles"]]
    worst = 0.0
    for i, j in sample:
        value = align_texts(load_article(paths[i]).text, load_article(paths[j]).text).similarity
        worst = max(worst, abs(round(value, 4) - matrix[i][j]))
    print(f"agreement with align on {len(sample)} sampled pairs: largest difference {worst:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
