"""Synthetic corpora for the corpus index and view tests: groups of articles sharing a passage.

Words are random letter strings (distinct in their first five letters, so the aligner's
word keys never collide by accident), sentences are random runs of them: two articles
share text only where a test put it.
"""

from __future__ import annotations

import random
from pathlib import Path

from viewer.core.loading.articles import Article

_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _vocabulary(rng: random.Random, size: int = 3000) -> list[str]:
    words: dict[str, str] = {}
    while len(words) < size:
        word = "".join(rng.choice(_LETTERS) for _ in range(rng.randint(6, 9)))
        words.setdefault(word[:5], word)
    return list(words.values())


def _sentence(rng: random.Random, vocabulary: list[str], length: int = 12) -> str:
    words = [rng.choice(vocabulary) for _ in range(length)]
    return " ".join(words).capitalize() + "."


def make_texts(groups: int = 3, per_group: int = 4, singles: int = 4, boilerplate: int = 0,
               seed: int = 1) -> tuple[list[str], list[int]]:
    """Texts and their group (-1 for articles sharing nothing); groups are interleaved.

    Members of a group carry the group's three-sentence passage at a random place; the
    first ``boilerplate`` articles also end with the same two-sentence notice, so they
    are all candidate pairs of each other (work for the indexer, as wire boilerplate is).
    """
    rng = random.Random(seed)
    vocabulary = _vocabulary(rng)
    shared = [" ".join(_sentence(rng, vocabulary) for _ in range(3)) for _ in range(groups)]
    notice = " ".join(_sentence(rng, vocabulary, 10) for _ in range(2))
    members = [g for g in range(groups) for _ in range(per_group)] + [-1] * singles
    rng.shuffle(members)
    texts = []
    for number, group in enumerate(members):
        title = f"Story {number}: " + " ".join(rng.choice(vocabulary) for _ in range(3))
        paragraphs = [" ".join(_sentence(rng, vocabulary) for _ in range(3)) for _ in range(5)]
        if group >= 0:
            paragraphs.insert(rng.randint(0, len(paragraphs)), shared[group])
        if number < boilerplate:
            paragraphs.append(notice)
        texts.append(title + "\n\n" + "\n\n".join(paragraphs) + "\n")
    return texts, members


def make_articles(**options) -> tuple[list[Article], list[int]]:
    texts, members = make_texts(**options)
    articles = [Article(path=f"/corpus/{n:03d}.txt", text=t, title=t.split("\n", 1)[0]) for n, t in enumerate(texts)]
    return articles, members


def write_corpus(folder: Path, **options) -> list[int]:
    """Write a synthetic corpus as .txt files (file order = article order); returns the groups."""
    texts, members = make_texts(**options)
    folder.mkdir(parents=True, exist_ok=True)
    for number, text in enumerate(texts):
        (folder / f"{number:04d}.txt").write_text(text, encoding="utf-8")
    return members
