"""Re-anchoring quality and speed on real articles with synthetic edits.

For each of N BBC articles: tag a random span of whole words, edit the article in one of
four ways, re-anchor, and compare with where the span really is now:

* moved:     a paragraph from another article inserted before the quote (expect exact)
* edited:    one or two words inside the quote replaced, one word before it too (expect fuzzy)
* context:   the sentence around the quote rewritten, the quote kept (expect exact)
* deleted:   the paragraph holding the quote removed (expect detached)

"correct" means anchored on the true span (>= 90% overlap), "edges off" on it with an edge
a word or two off (>= 50%); "misplaced" means anchored elsewhere: the failure that must
stay at zero.

    .venv/bin/python benchmarks/bench_anchoring.py [N]
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from viewer.core.store.anchoring import anchor_quote, quote_context  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpora" / "bbc"
WORDS = ["government", "market", "said", "players", "officials", "analysts", "tuesday", "record"]


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, at = [], 0
    for block in text.split("\n"):
        if len(block) > 120:
            spans.append((at, at + len(block)))
        at += len(block) + 1
    return spans


def _pick_span(rng: random.Random, text: str, paragraph: tuple[int, int]) -> tuple[int, int]:
    start_par, end_par = paragraph
    spaces = [i for i in range(start_par, end_par) if text[i] == " "]
    length = rng.randint(40, 160)
    first = rng.choice(spaces[: max(1, len(spaces) // 2)]) + 1
    last = min(end_par, first + length)
    while last < end_par and text[last - 1] != " ":
        last += 1
    return first, max(first + 10, last - 1)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return inter / max(a[1] - a[0], b[1] - b[0])


def _replace_words(rng: random.Random, quote: str, count: int) -> str:
    words = quote.split(" ")
    for _ in range(count):
        index = rng.randrange(len(words))
        words[index] = rng.choice(WORDS)
    return " ".join(words)


def main() -> int:
    if not CORPUS.is_dir():
        print(f"corpus not found at {CORPUS}; nothing to measure")
        return 0
    args = [a for a in sys.argv[1:] if a != "-v"]
    count = int(args[0]) if args else 400
    rng = random.Random(7)
    files = sorted(CORPUS.rglob("*.txt"))
    rng.shuffle(files)
    texts = [f.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n") for f in files[: count + 50]]
    results: dict[str, dict[str, int]] = {}
    timings: dict[str, list[float]] = {}
    done = 0
    for index, text in enumerate(texts[:count]):
        paragraphs = _paragraphs(text)
        if len(paragraphs) < 2:
            continue
        paragraph = rng.choice(paragraphs)
        start, end = _pick_span(rng, text, paragraph)
        quote = text[start:end]
        prefix, suffix = quote_context(text, start, end)
        scenario = ("moved", "edited", "context", "deleted")[done % 4]
        done += 1
        if scenario == "moved":
            insert = texts[count + index % 50].split("\n")[0] + "\n"
            edited, truth = text[: paragraph[0]] + insert + text[paragraph[0] :], (
                start + len(insert), end + len(insert))
        elif scenario == "edited":
            new_quote = _replace_words(rng, quote, 1 if len(quote) < 80 else 2)
            before = text[:start]
            cut = before.rfind(" ", 0, max(0, start - 40))
            if cut > 0:
                word_end = before.find(" ", cut + 1)
                before = before[: cut + 1] + "reportedly" + before[word_end if word_end > 0 else cut + 1 :]
            edited = before + new_quote + text[end:]
            truth = (len(before), len(before) + len(new_quote))
        elif scenario == "context":
            sentence_start = max(text.rfind(". ", paragraph[0], start) + 2, paragraph[0])
            new_lead = "In a statement released late on Monday, officials added that "
            edited = text[:sentence_start] + new_lead + text[start:]
            truth = (sentence_start + len(new_lead), sentence_start + len(new_lead) + len(quote))
            prefix_check = edited[truth[0] : truth[1]]
            assert prefix_check == quote
        else:
            edited, truth = text[: paragraph[0]] + text[paragraph[1] + 1 :], None
        began = time.perf_counter()
        anchor = anchor_quote(edited, quote, prefix, suffix, start, end)
        timings.setdefault(scenario, []).append(time.perf_counter() - began)
        tally = results.setdefault(scenario, {"correct": 0, "edges off": 0, "detached": 0, "misplaced": 0})
        if anchor.detached:
            tally["detached"] += 1
        elif truth is not None and _overlap((anchor.start, anchor.end), truth) >= 0.9:
            tally["correct"] += 1
        elif truth is not None and _overlap((anchor.start, anchor.end), truth) >= 0.5:
            tally["edges off"] += 1  # the right place, an edge a word or two off
        elif truth is None and quote in edited:
            tally["correct"] += 1  # the same words still occur elsewhere: an exact hit is right
        else:
            tally["misplaced"] += 1
            if "-v" in sys.argv:
                print(f"MISPLACED {scenario}: {quote!r}\n  found {edited[anchor.start:anchor.end]!r}\n  truth "
                      f"{edited[truth[0]:truth[1]] if truth else None!r} {anchor}")
    print(f"re-anchoring {done} tags in BBC articles (seed 7)")
    print(f"{'scenario':10} {'n':>4} {'correct':>8} {'edges off':>9} {'detached':>9} {'misplaced':>10} "
          f"{'mean ms':>8} {'p95 ms':>7}")
    for scenario, tally in results.items():
        times = sorted(timings[scenario])
        n = sum(tally.values())
        p95 = times[int(0.95 * (len(times) - 1))] * 1000
        print(f"{scenario:10} {n:4d} {tally['correct']:8d} {tally['edges off']:9d} {tally['detached']:9d} "
              f"{tally['misplaced']:10d} "
              f"{statistics.mean(times) * 1000:8.2f} {p95:7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
