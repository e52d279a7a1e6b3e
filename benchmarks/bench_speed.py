"""This tree against another checkout (the code before a speed change), measured in one run.

    .venv/bin/python benchmarks/bench_speed.py --against /path/to/older/checkout [matrix] [align]

Runs are interleaved (older, this, older, this, ...) and the best of each is kept, so a
busy machine slows both alike and the ratio stays meaningful. Each command's output must
be byte-identical between the two trees (a speed change changes no result):

- ``matrix`` over the 2,225 BBC articles (``--json``, whole process);
- ``align`` of Moby-Dick against its edited, shuffled copy (``bench_align.make_copy``), whole
  process, and the floor: importing the engine, reading both books and tokenising them.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
BBC = ROOT.parent / "shared" / "corpora" / "bbc"
GUTENBERG = ROOT.parent / "shared" / "corpora" / "gutenberg"

FLOOR = """
import sys
from viewer.core.alignment.align import align_texts
from viewer.core.loading.articles import load_article
from viewer.core.text.normalize import tokenize
for path in sys.argv[1:]:
    tokenize(load_article(path).text)
"""


def _run(tree: Path, args: list[str]) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, *args], cwd=tree, capture_output=True, text=True, check=True)
    return time.perf_counter() - started, done.stdout


def compare(label: str, older: Path, args: list[str], rounds: int) -> tuple[float, float]:
    best = {older: float("inf"), ROOT: float("inf")}
    outputs = {}
    for _ in range(rounds):
        for tree in (older, ROOT):
            seconds, out = _run(tree, args)
            best[tree] = min(best[tree], seconds)
            outputs[tree] = out
    same = "identical output" if outputs[older] == outputs[ROOT] else "OUTPUT DIFFERS"
    print(f"{label}: before {best[older]:.2f} s, now {best[ROOT]:.2f} s whole process (best of {rounds}): "
          f"{best[ROOT] / best[older]:.2f} of the time before; {same}")
    return best[older], best[ROOT]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--against", required=True, type=Path, help="a checkout of the older code")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("which", nargs="*", default=["matrix", "align"])
    args = parser.parse_args(argv)
    older = args.against.resolve()
    if "matrix" in args.which and BBC.is_dir():
        compare("matrix BBC", older, ["-m", "viewer", "matrix", str(BBC), "--json"], args.rounds)
    moby, pride = GUTENBERG / "2701-0.txt", GUTENBERG / "1342-0.txt"
    if "align" in args.which and moby.exists() and pride.exists():
        from bench_align import _paragraphs, make_copy

        with tempfile.TemporaryDirectory() as tmp:
            paragraphs = _paragraphs(moby)
            a, b = Path(tmp) / "moby.txt", Path(tmp) / "moby-copy.txt"
            a.write_text("\n\n".join(paragraphs), encoding="utf-8")
            b.write_text(make_copy(paragraphs, _paragraphs(pride)), encoding="utf-8")
            _before, now = compare("align Moby-Dick", older, ["-m", "viewer", "align", str(a), str(b), "--json"],
                                   args.rounds + 1)
            floor = min(_run(ROOT, ["-c", FLOOR, str(a), str(b)])[0] for _ in range(args.rounds + 1))
            print(f"  floor (import the engine, read and tokenise both books): {floor:.2f} s; "
                  f"align is {now / floor:.2f} times the floor")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
