"""Time ``python -m viewer quotes <bbc corpus> --json`` as a whole process (target: under 30 s).

    .venv/bin/python benchmarks/bench_quotes.py [CORPUS]
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpora" / "bbc"
    if not corpus.is_dir():
        print(f"corpus not found at {corpus}; nothing to measure")
        return 0
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "viewer", "quotes", str(corpus), "--json"], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        print(f"quotes failed (exit {done.returncode}): {done.stderr.strip()}")
        return 1
    report = json.loads(done.stdout)
    print(f"articles {len(report['articles'])}, quotes {len(report['quotes'])}, "
          f"clusters {len(report['clusters'])}, wall time {elapsed:.1f} s (target < 30 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
