"""Corpus indexing at scale: the 2,225 BBC articles, and 10,000 articles built from them.

    .venv/bin/python benchmarks/bench_corpus.py            # both sets
    .venv/bin/python benchmarks/bench_corpus.py bbc        # one set
    .venv/bin/python benchmarks/bench_corpus.py 10k

For each set, in a fresh process (so peak memory is the set's own):
- first list: reading every file (what the window does before it shows the list);
- full index, cold cache: profiles, candidate pairs, alignment of the candidates;
- second open: reading the files again plus the index from the cache;
- one file changed: the index after one article's text changed (only its pairs realign);
- peak resident memory (``resource.getrusage``).

The 10,000-article set: the BBC articles (variant 0) plus copies whose words are
permuted within frequency bands (variants 1-4: same statistics, no shared text), so the
set is a realistic archive of distinct articles; then reuse is inserted: 1,500 articles
get one to three runs of two to four sentences copied from another article, and 60 "wire
stories" have their opening paragraph copied into 5-20 others. Written once under
``/tmp/bench_corpus_10k``. Prints plain figures; exits 0 with a message when the BBC
corpus is missing.
"""

from __future__ import annotations

import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from viewer.core.alignment.align import AlignSettings  # noqa: E402
from viewer.core.corpus.index import CorpusIndex  # noqa: E402
from viewer.core.loading.articles import load_articles  # noqa: E402

BBC = ROOT.parent / "shared" / "corpora" / "bbc"
SYNTHETIC = Path(tempfile.gettempdir()) / "bench_corpus_10k"
GENERATOR_VERSION = "2"
_WORD = re.compile(r"[A-Za-z]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'A-Z0-9])")


WORKERS = 2  # what the window's indexing process uses on this 2-core machine


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def peak_children_mb() -> float:
    """The largest spawned alignment worker (each keeps the profiles it makes)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def bbc_texts() -> list[tuple[str, str]]:
    """(topic/name, text) of every BBC article (the README at the top is left out)."""
    return [(f"{p.parent.name}/{p.stem}", p.read_text(encoding="latin-1"))
            for p in sorted(BBC.rglob("*.txt")) if p.parent != BBC]


def _permutations(texts: list[str], variants: int, rng: random.Random) -> list[dict[str, str]]:
    counts = Counter(w.lower() for _name, text in texts for w in _WORD.findall(text))
    ranked = [w for w, _c in counts.most_common()]
    keep = set(ranked[:150])  # function words stay: anchors need the same mix of content words
    maps = []
    for _variant in range(variants):
        mapping = {w: w for w in keep}
        band = 40
        movable = ranked[150:]
        for start in range(0, len(movable), band):
            chunk = movable[start : start + band]
            shuffled = chunk[:]
            rng.shuffle(shuffled)
            mapping.update(zip(chunk, shuffled, strict=True))
        maps.append(mapping)
    return maps


def _apply(mapping: dict[str, str], text: str) -> str:
    def swap(match: re.Match) -> str:
        word = match.group(0)
        new = mapping.get(word.lower(), word)
        if word.isupper() and len(word) > 1:
            return new.upper()
        if word[0].isupper():
            return new[:1].upper() + new[1:]
        return new

    return _WORD.sub(swap, text)


def _paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p.strip()]


def build_synthetic(count: int = 10_000) -> Path:
    marker = SYNTHETIC / f".generator-{GENERATOR_VERSION}-{count}"
    if marker.exists():
        return SYNTHETIC
    rng = random.Random(7)
    texts = bbc_texts()
    maps = _permutations(texts, 4, rng)
    articles: list[tuple[str, str]] = [(f"v0/{name}", text) for name, text in texts]
    for variant, mapping in enumerate(maps, start=1):
        for name, text in texts:
            if len(articles) >= count:
                break
            articles.append((f"v{variant}/{name}", _apply(mapping, text)))
    bodies = [_paragraphs(text) for _name, text in articles]
    # Reuse: runs of sentences copied into other articles.
    for host in rng.sample(range(len(articles)), 1500):
        for _ in range(rng.randint(1, 3)):
            source = rng.randrange(len(articles))
            paragraphs = bodies[source][1:] or bodies[source]
            sentences = [s for p in paragraphs for s in _SENTENCE_END.split(p.strip())]
            length = rng.randint(2, 4)
            first = rng.randrange(max(1, len(sentences) - length))
            copied = " ".join(sentences[first : first + length])
            bodies[host].insert(rng.randint(1, len(bodies[host])), copied)
    # Wire copy: one story's opening paragraphs in many articles.
    for source in rng.sample(range(len(articles)), 60):
        lead = "\n\n".join(bodies[source][1:3])
        for host in rng.sample(range(len(articles)), rng.randint(5, 20)):
            if host != source:
                bodies[host].insert(rng.randint(1, len(bodies[host])), lead)
    if SYNTHETIC.exists():
        for old in SYNTHETIC.rglob("*.txt"):
            old.unlink()
    for (name, _text), body in zip(articles, bodies, strict=True):
        path = SYNTHETIC / f"{name}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n\n".join(body) + "\n", encoding="utf-8")
    for old in SYNTHETIC.glob(".generator-*"):
        old.unlink()
    marker.touch()
    return SYNTHETIC


def measure(label: str, folder: Path) -> None:
    settings = AlignSettings()
    db = Path(tempfile.mkdtemp()) / "corpus-index.sqlite3"
    index = CorpusIndex(db)

    started = time.perf_counter()
    loaded = load_articles([folder])
    first_list = time.perf_counter() - started
    articles = loaded.articles

    started = time.perf_counter()
    result = index.build(articles, settings, workers=WORKERS)
    full = time.perf_counter() - started
    memory_after_index = peak_mb()

    started = time.perf_counter()
    again = load_articles([folder]).articles
    result2 = CorpusIndex(db).build(again, settings, workers=WORKERS)
    second = time.perf_counter() - started
    if not result2.from_cache:
        print("  (the alignment engine's source changed during the run: the cache was invalidated)")

    changed = list(again)
    victim = next(i for i, a in enumerate(changed) if result.neighbours(i, 1))
    edited = changed[victim]
    changed[victim] = type(edited)(path=edited.path, text=edited.text + "\n\nA late correction was added.",
                                   title=edited.title)
    started = time.perf_counter()
    result3 = CorpusIndex(db).build(changed, settings, workers=WORKERS)
    incremental = time.perf_counter() - started

    pairs = len(articles) * (len(articles) - 1) // 2
    throughput = result.candidates / full if full else 0.0
    print(f"{label}: {len(articles):,} articles, {pairs:,} pairs, {result.candidates:,} candidate pairs, "
          f"{len(result.pairs):,} sharing a passage")
    print(f"  first list (read every file)      {first_list:7.2f} s")
    print(f"  full index, cold cache            {full:7.2f} s   ({throughput:,.0f} candidate pairs/s, "
          f"{len(articles) / full:,.0f} articles/s, {WORKERS} workers)")
    print(f"  second open (read + cached index) {second:7.2f} s")
    print(f"  one file changed                  {incremental:7.2f} s   ({result3.aligned} pairs realigned)")
    print(f"  peak memory after the index       {memory_after_index:7.0f} MB")
    print(f"  peak memory at the end            {peak_mb():7.0f} MB (largest of {WORKERS} spawned "
          f"alignment workers: {peak_children_mb():.0f} MB)")
    print(f"  cache file                        {db.stat().st_size / 1e6:7.1f} MB")
    top = result.top_pairs(200)
    below_one = [t for t in top if t[0] < 0.999]
    if below_one:
        value, i, j = below_one[0]
        print(f"  most similar non-identical pair   {value:.2f}  {result.titles[i][:40]!r} / {result.titles[j][:40]!r}")


def main(argv: list[str]) -> int:
    if not BBC.is_dir():
        print(f"The BBC corpus is missing ({BBC}); nothing to measure.")
        return 0
    which = argv[1:] or ["bbc", "10k"]
    if len(which) > 1:  # one process per set, so each peak memory is its own
        for name in which:
            subprocess.run([sys.executable, __file__, name], check=True)
        return 0
    if which[0] == "bbc":
        measure("BBC", BBC)
    elif which[0] == "10k":
        started = time.perf_counter()
        folder = build_synthetic()
        print(f"(10k set in {folder}, ready in {time.perf_counter() - started:.1f} s)")
        measure("10k", folder)
    else:
        print("usage: bench_corpus.py [bbc] [10k]", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
