"""Pairs of texts for the engine's result-equality test: real BBC articles and edited copies.

``engine_pairs()`` rebuilds the same pairs every time (seeded edits of the files in
``data/bbc_sample`` and ``data/align``): each BBC article against every other, and edited,
shuffled, spliced and spun copies against their source and against unrelated articles,
under several settings. ``data/engine_golden.json`` holds what the engine returned for
each before it was made faster; the test asks for the same, passage for passage.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from viewer.core.alignment.model import AlignSettings

DATA = Path(__file__).parent / "data"
_SPIN = {"said": "stated", "government": "administration", "people": "persons", "company": "firm",
         "big": "large", "show": "demonstrate", "buy": "purchase", "help": "assist", "new": "fresh",
         "country": "nation", "film": "movie", "rise": "increase", "fall": "drop", "game": "match"}
SETTINGS = {
    "default": AlignSettings(),
    "tight": AlignSettings(min_words=12, max_gap=3, min_match=0.7),
    "loose": AlignSettings(min_words=4, max_gap=12, min_match=0.3),
    "plain": AlignSettings(synonyms=False),
}


def sample_texts() -> dict[str, str]:
    texts = {p.name: p.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")
             for p in sorted((DATA / "bbc_sample").glob("*.txt"))}
    for name in ("source.txt", "reuse.txt"):
        texts[f"align_{name}"] = (DATA / "align" / name).read_text(encoding="utf-8")
    return texts


def _edit(text: str, rng: random.Random, rate: int) -> str:
    words = text.split(" ")
    for _ in range(max(1, len(words) // rate)):
        spot = rng.randrange(len(words))
        choice = rng.random()
        if choice < 0.3:
            words[spot] = words[spot].upper()
        elif choice < 0.55 and len(words) > 1:
            del words[spot]
        elif choice < 0.8:
            words.insert(spot, rng.choice(["indeed", "also", "the", "reportedly", "now"]))
        else:
            words[spot] = rng.choice(["very", "quickly", "officials", "market"])
    return " ".join(words).replace('"', "\u201d")


def _spin(text: str) -> str:
    return re.sub(r"\b(" + "|".join(_SPIN) + r")\b", lambda m: _SPIN[m.group(1)], text)


def _paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n") if p.strip()]


def variants(name: str, text: str, other: str, rng: random.Random) -> dict[str, str]:
    paragraphs = _paragraphs(text)
    shuffled = paragraphs[:1] + rng.sample(paragraphs[1:], len(paragraphs) - 1)
    foreign = _paragraphs(other)
    spliced = list(foreign)
    for paragraph in rng.sample(paragraphs, max(1, len(paragraphs) // 3)):
        spliced.insert(rng.randrange(len(spliced) + 1), paragraph)
    sentences = re.split(r"(?<=[.!?])\s+", text)
    swapped = list(sentences)
    for _ in range(max(1, len(swapped) // 6)):
        k = rng.randrange(max(1, len(swapped) - 1))
        swapped[k : k + 2] = swapped[k : k + 2][::-1]
    return {
        f"{name}~light": _edit(text, rng, 25),
        f"{name}~heavy": _edit(text, rng, 5),
        f"{name}~shuffled": "\n\n".join(shuffled),
        f"{name}~spliced": "\n\n".join(spliced),
        f"{name}~spun": _spin(_edit(text, rng, 30)),
        f"{name}~swapped": " ".join(swapped),
        f"{name}~cut": text[len(text) // 3 : 2 * len(text) // 3],
    }


def engine_pairs() -> list[tuple[str, str, str, str, str]]:
    """``(a name, b name, settings name, a text, b text)`` for every pair under test."""
    texts = sample_texts()
    names = sorted(texts)
    rng = random.Random(17)
    pairs = []
    for position, a in enumerate(names):
        for b in names[position + 1 :]:
            pairs.append((a, b, "default", texts[a], texts[b]))
    for position, name in enumerate(names):
        other = names[(position + 7) % len(names)]
        for variant, text in variants(name, texts[name], texts[other], rng).items():
            for setting in ("default", rng.choice(["tight", "loose", "plain"])):
                pairs.append((name, variant, setting, texts[name], text))
            pairs.append((variant, other, "default", text, texts[other]))
    return pairs


def alignment_record(alignment) -> list:
    return [alignment.similarity, [[p.a_start, p.a_end, p.b_start, p.b_end, p.score] for p in alignment.passages]]
