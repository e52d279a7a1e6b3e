"""Speed of ``align`` on a whole book against a reordered, edited, partly replaced copy.

Moby-Dick against a copy with its paragraphs shuffled in blocks, a third of the blocks
lightly edited and a third replaced by Pride and Prejudice. Times the whole process
(``python -m viewer align A B --json``) at half and full length, and Python's difflib
(``SequenceMatcher`` on the word lists) on the half. Run: ``make bench-align``.
"""

from __future__ import annotations

import random
import resource
import subprocess
import sys
import tempfile
import time
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUTENBERG = ROOT.parent / "shared" / "corpora" / "gutenberg"


def _paragraphs(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def _light_edit(paragraph: str, rng: random.Random) -> str:
    words = paragraph.split(" ")
    for _ in range(max(1, len(words) // 25)):
        spot = rng.randrange(len(words))
        choice = rng.random()
        if choice < 0.4:
            words[spot] = words[spot].upper() if rng.random() < 0.5 else "very"
        elif choice < 0.7 and len(words) > 1:
            del words[spot]
        else:
            words.insert(spot, "indeed")
    return " ".join(words).replace('"', "\u201d")


def make_copy(paragraphs: list[str], other: list[str], seed: int = 1) -> str:
    rng = random.Random(seed)
    blocks = [paragraphs[i : i + 8] for i in range(0, len(paragraphs), 8)]
    rng.shuffle(blocks)
    out: list[str] = []
    cursor = 0
    for number, block in enumerate(blocks):
        if number % 3 == 1:
            out.extend(_light_edit(p, rng) for p in block)
        elif number % 3 == 2:
            # Replaced by as many characters of another book.
            size = sum(len(p) for p in block)
            taken = 0
            while taken < size and cursor < len(other):
                out.append(other[cursor])
                taken += len(other[cursor])
                cursor += 1
        else:
            out.extend(block)
    return "\n\n".join(out)


def _time_align(a: Path, b: Path, runs: int = 3) -> tuple[float, int]:
    best = float("inf")
    passages = 0
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "viewer", "align", str(a), str(b), "--json"],
            cwd=ROOT, capture_output=True, text=True, check=True,
        )
        best = min(best, time.perf_counter() - started)
        passages = done.stdout.count('"a_start"')
    return best, passages


def main() -> int:
    moby = GUTENBERG / "2701-0.txt"
    pride = GUTENBERG / "1342-0.txt"
    if not moby.exists() or not pride.exists():
        print(f"corpora not found in {GUTENBERG}: nothing to measure")
        return 0
    paragraphs = _paragraphs(moby)
    other = _paragraphs(pride)
    half = paragraphs[: len(paragraphs) // 2]
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, part in (("half", half), ("full", paragraphs)):
            a = Path(tmp) / f"moby-{name}.txt"
            b = Path(tmp) / f"moby-{name}-copy.txt"
            a.write_text("\n\n".join(part), encoding="utf-8")
            b.write_text(make_copy(part, other), encoding="utf-8")
            seconds, passages = _time_align(a, b)
            words = len(a.read_text(encoding="utf-8").split())
            results[name] = seconds
            print(f"align {name}: {words} words, {seconds:.2f} s whole process (best of 3), {passages} passages")
        print(f"growth half -> full: {results['full'] / results['half']:.2f}x")
        a_words = (Path(tmp) / "moby-half.txt").read_text(encoding="utf-8").split()
        b_words = (Path(tmp) / "moby-half-copy.txt").read_text(encoding="utf-8").split()
        started = time.perf_counter()
        matcher = SequenceMatcher(None, a_words, b_words)
        blocks = matcher.get_matching_blocks()
        difflib_seconds = time.perf_counter() - started
        print(f"difflib half (SequenceMatcher on words, in-process): {difflib_seconds:.2f} s, "
              f"{len(blocks) - 1} matching blocks")
        print(f"align is {difflib_seconds / results['half']:.1f}x faster than difflib on the half")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory of one align process: {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
