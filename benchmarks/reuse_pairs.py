"""Reuse pairs built from the BBC corpus, with the true passages known, for ``eval_align.py``.

Each pair copies material from a source article into a host article of another topic
(or copies the whole article), altered the way outlets alter copy:

- ``verbatim``: the same words, quote marks changed (straight <-> curly).
- ``light``: a few words dropped, inserted or replaced, case and punctuation touched.
- ``heavy``: synonym spinning of a third of the words (half from a spinner's table, half
  unknown replacements), dropped and inserted words, sentences swapped.
- ``shuffled``: several passages of one to five sentences inserted in shuffled order.
- ``none``: two unrelated articles; any passage found is false.

Sizes: ``single`` (one sentence) or ``multi`` (two to five sentences) per passage.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from viewer.core.articles import load_article
from viewer.core.synonyms import _GROUPS

BBC = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "bbc"
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’]?\s+(?=[\"'“‘A-Z0-9])")
_WORD = re.compile(r"\w+(?:'\w+)?")


@dataclass
class Case:
    a_start: int
    a_end: int
    b_start: int
    b_end: int


@dataclass
class ReusePair:
    kind: str
    size: str
    a: str
    b: str
    cases: list[Case] = field(default_factory=list)


def load_bbc(limit: int | None = None) -> dict[str, list[str]]:
    topics: dict[str, list[str]] = {}
    for path in sorted(BBC.rglob("*.txt")):
        if path.parent == BBC:
            continue
        topics.setdefault(path.parent.name, []).append(load_article(path).text)
    if limit:
        topics = {k: v[:limit] for k, v in topics.items()}
    return topics


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of the body (the headline line is left out)."""
    body_start = text.find("\n") + 1
    spans = []
    for paragraph in re.finditer(r"[^\n]+", text[body_start:]):
        base = body_start + paragraph.start()
        start = 0
        chunk = paragraph.group()
        for cut in _SENTENCE_END.finditer(chunk):
            spans.append((base + start, base + cut.start() + len(cut.group().rstrip())))
            start = cut.end()
        if chunk[start:].strip():
            spans.append((base + start, base + len(chunk.rstrip())))
    return [s for s in spans if len(_WORD.findall(text[s[0] : s[1]])) >= 6]


_SPIN: dict[str, list[str]] = {}
for _group in _GROUPS:
    for _word in _group:
        _SPIN.setdefault(_word, []).extend(w for w in _group if w != _word)


def _swap_quotes(text: str, rng: random.Random) -> str:
    if rng.random() < 0.5:
        return re.sub(r'"(\w)', "“\\1", text).replace('"', "”").replace("'", "’")
    return text.translate(str.maketrans({"“": '"', "”": '"', "’": "'", "‘": "'"}))


def _edit_words(text: str, rng: random.Random, vocabulary: list[str], heavy: bool) -> str:
    words = text.split(" ")
    out: list[str] = []
    for word in words:
        core = word.strip(".,;:!?\"'“”‘’()")
        roll = rng.random()
        if heavy:
            if roll < 0.08:
                continue  # dropped
            if roll < 0.22 and core.lower() in _SPIN:
                word = word.replace(core, rng.choice(_SPIN[core.lower()]))
            elif roll < 0.3 and core:
                word = word.replace(core, rng.choice(vocabulary))
            if rng.random() < 0.05:
                out.append(rng.choice(vocabulary))  # inserted
        else:
            if roll < 0.02:
                continue
            if roll < 0.04 and core:
                word = word.replace(core, rng.choice(vocabulary))
            elif roll < 0.06:
                word = word.lower() if word[:1].isupper() else word.capitalize()
            if rng.random() < 0.02:
                out.append(rng.choice(vocabulary))
        out.append(word)
    result = " ".join(out)
    if not heavy and rng.random() < 0.5:
        result = result.replace(",", "", 1)
    return result


def _alter(kind: str, sents: list[str], rng: random.Random, vocabulary: list[str]) -> str:
    if kind == "verbatim":
        return _swap_quotes(" ".join(sents), rng)
    if kind == "light":
        return _swap_quotes(" ".join(_edit_words(s, rng, vocabulary, False) for s in sents), rng)
    # heavy: spin, then swap two sentences
    spun = [_edit_words(s, rng, vocabulary, True) for s in sents]
    if len(spun) > 1:
        i = rng.randrange(len(spun) - 1)
        spun[i], spun[i + 1] = spun[i + 1], spun[i]
    return " ".join(spun)


def _insert(host: str, pieces: list[str], rng: random.Random) -> tuple[str, list[tuple[int, int]]]:
    """Insert pieces as their own paragraphs at distinct paragraph breaks of ``host``."""
    paragraphs = host.split("\n")
    slots = rng.sample(range(1, len(paragraphs) + 1), k=min(len(pieces), len(paragraphs)))
    slots.sort()
    placed: list[tuple[int, int]] = []
    result: list[str] = []
    used = 0
    position = 0
    for index in range(len(paragraphs) + 1):
        while used < len(slots) and slots[used] == index:
            piece = pieces[used]
            result.append(piece)
            placed.append((position, position + len(piece)))
            position += len(piece) + 1
            used += 1
        if index < len(paragraphs):
            result.append(paragraphs[index])
            position += len(paragraphs[index]) + 1
    return "\n".join(result), placed


def make_pairs(topics: dict[str, list[str]], per_kind: int = 40, seed: int = 7) -> list[ReusePair]:
    rng = random.Random(seed)
    names = sorted(topics)
    vocabulary = sorted({w for t in names for text in topics[t][:40] for w in _WORD.findall(text) if len(w) > 3})
    pairs: list[ReusePair] = []

    def pick_two() -> tuple[str, str]:
        t1, t2 = rng.sample(names, 2)
        return rng.choice(topics[t1]), rng.choice(topics[t2])

    for kind in ("verbatim", "light", "heavy"):
        for size in ("single", "multi"):
            made = 0
            while made < per_kind:
                source, host = pick_two()
                spans = sentences(source)
                count = 1 if size == "single" else rng.randint(2, 5)
                if len(spans) < count + 1:
                    continue
                first = rng.randrange(len(spans) - count + 1)
                chosen = spans[first : first + count]
                piece = _alter(kind, [source[s:e] for s, e in chosen], rng, vocabulary)
                b, placed = _insert(host, [piece], rng)
                pairs.append(ReusePair(kind, size, source, b, [Case(chosen[0][0], chosen[-1][1], *placed[0])]))
                made += 1
    for size in ("single", "multi"):
        made = 0
        while made < per_kind:
            source, host = pick_two()
            spans = sentences(source)
            blocks: list[tuple[int, int]] = []
            cursor = 0
            while cursor < len(spans) and len(blocks) < 4:
                count = 1 if size == "single" else rng.randint(1, 5)
                if cursor + count > len(spans):
                    break
                if rng.random() < 0.5:
                    blocks.append((spans[cursor][0], spans[cursor + count - 1][1]))
                    cursor += count + 1  # keep a sentence between cases so they stay distinct
                else:
                    cursor += 1
            if not blocks:
                continue
            kinds = [rng.choice(("verbatim", "light")) for _ in blocks]
            pieces = [_alter(k, [source[s:e]], rng, vocabulary) for k, (s, e) in zip(kinds, blocks, strict=True)]
            order = list(range(len(blocks)))
            rng.shuffle(order)
            b, placed = _insert(host, [pieces[k] for k in order], rng)
            cases = [Case(*blocks[k], *placed[n]) for n, k in enumerate(order) if n < len(placed)]
            pairs.append(ReusePair("shuffled", size, source, b, cases))
            made += 1
    for _ in range(per_kind * 2):
        source, host = pick_two()
        pairs.append(ReusePair("none", "-", source, host, []))
    # Whole-article copies: the reused passage is the entire text.
    for kind in ("verbatim", "light"):
        for _ in range(per_kind // 2):
            source = rng.choice(topics[rng.choice(names)])
            b = _alter(kind, [source], rng, vocabulary)
            pairs.append(ReusePair(kind, "whole", source, b, [Case(0, len(source), 0, len(b))]))
    return pairs
