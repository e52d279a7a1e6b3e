"""One passage across many articles: each version of it, and how each differs from the earliest.

The collation view of Juxta, for news. A passage of the pair on screen (A and B) is also
carried by other opened articles when the corpus index found a passage of theirs covering
it (:meth:`CorpusSimilarity.passage_reuse`). Each carrier's own stretch is the part of its
passage with A (or with B) that lines up with the pair's passage, cut at the word the
passage's word diff maps each end to. The versions are ordered by publication date
(undated ones after dated ones, in the order given), the earliest is the *base*, and
every other version gets its word diff against the base. The base's words also learn
how many versions changed or dropped them (Juxta's heat map).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from viewer.core.alignment.model import Passage
from viewer.core.alignment.word_diff import DiffSpan, diff_ranges
from viewer.core.corpus.result import REUSE_OVERLAP, CorpusSimilarity

_WORD = re.compile(r"\w+")
# Longer stretches are listed without a word diff (a book chapter would take seconds).
MAX_DIFF_CHARS = 60_000
_CLOSING = ".!?\"\u201d'\u2019)"  # kept at the end of a mapped stretch


class CollatedArticle(Protocol):
    path: str
    text: str
    title: str
    outlet: str | None
    date: str | None


@dataclass(frozen=True)
class Version:
    """One article's stretch of the passage."""

    article: CollatedArticle
    start: int
    end: int
    # Word diff against the base (a = base, b = this version), absolute offsets; () for the base.
    spans: tuple[DiffSpan, ...] = ()
    compared: bool = True  # False when it was too long to diff word by word

    @property
    def text(self) -> str:
        return self.article.text[self.start:self.end]

    @property
    def changed(self) -> list[tuple[int, int]]:
        """This version's words the base does not have (absolute offsets)."""
        return [(s.b_start, s.b_end) for s in self.spans if s.op == "insert" and s.b_end > s.b_start]

    @property
    def dropped(self) -> list[tuple[int, int]]:
        """The base's words this version does not have (absolute offsets in the base's article)."""
        return [(s.a_start, s.a_end) for s in self.spans if s.op == "delete" and s.a_end > s.a_start]

    def kept_share(self, base: Version) -> float:
        """Share of the base's words this version keeps unchanged."""
        total = len(_WORD.findall(base.text))
        if self is base or not total:
            return 1.0
        if not self.compared:
            return float("nan")
        kept = sum(len(_WORD.findall(base.article.text[s.a_start:s.a_end])) for s in self.spans if s.op == "equal")
        return kept / total


@dataclass
class Collation:
    versions: list[Version]  # the base (earliest) first
    # The base's words and how many other versions changed or dropped each one.
    variance: list[tuple[int, int, int]] = field(default_factory=list)

    @property
    def base(self) -> Version:
        return self.versions[0]


def _date_key(article: CollatedArticle, order: int) -> tuple:
    date = getattr(article, "date", None)
    return (0, date, order) if date else (1, "", order)


def collate(stretches: Sequence[tuple[CollatedArticle, int, int]], max_chars: int = MAX_DIFF_CHARS) -> Collation:
    """The versions of one passage, earliest first, each diffed against the earliest.

    Versions longer than ``max_chars`` (or a base that long) are listed without a diff.
    """
    if not stretches:
        raise ValueError("nothing to collate")
    ordered = sorted(enumerate(stretches), key=lambda item: _date_key(item[1][0], item[0]))
    base_article, base_start, base_end = ordered[0][1]
    base = Version(base_article, base_start, base_end)
    versions = [base]
    for _order, (article, start, end) in ordered[1:]:
        if max(end - start, base_end - base_start) > max_chars:
            versions.append(Version(article, start, end, (), compared=False))
            continue
        spans = diff_ranges(base_article.text, base_start, base_end, article.text, start, end)
        versions.append(Version(article, start, end, tuple(spans)))
    return Collation(versions, _variance(base, versions[1:]))


def _variance(base: Version, others: Sequence[Version]) -> list[tuple[int, int, int]]:
    words = [(base.start + m.start(), base.start + m.end()) for m in _WORD.finditer(base.text)]
    counts = [0] * len(words)
    for version in others:
        for s, e in version.dropped:
            for k, (w0, w1) in enumerate(words):
                if w0 < e and w1 > s:
                    counts[k] += 1
    return [(w0, w1, count) for (w0, w1), count in zip(words, counts, strict=True)]


# -- where the other articles carry the passage ------------------------------------------


def map_through(source: str, target: str, passage: Passage, start: int, end: int) -> tuple[int, int] | None:
    """The stretch of ``target`` (side B of ``passage``) lining up with ``source[start:end]`` (side A)."""
    start, end = max(start, passage.a_start), min(end, passage.a_end)
    if start >= end:
        return None
    spans = diff_ranges(source, passage.a_start, passage.a_end, target, passage.b_start, passage.b_end)
    # The passage's own ends map to the other side's ends, whatever punctuation differs there.
    mapped_start = passage.b_start if start == passage.a_start else _map_point(spans, start, at_end=False)
    mapped_end = passage.b_end if end == passage.a_end else _map_point(spans, end, at_end=True)
    if mapped_start is None or mapped_end is None:
        return None
    # Whole words, no spaces at either edge.
    while mapped_start < mapped_end and not target[mapped_start].isalnum():
        mapped_start += 1
    while mapped_end > mapped_start and not target[mapped_end - 1].isalnum() and target[mapped_end - 1] not in _CLOSING:
        mapped_end -= 1
    return (mapped_start, mapped_end) if mapped_start < mapped_end else None


def _map_point(spans: Sequence[DiffSpan], position: int, *, at_end: bool) -> int | None:
    for span in spans:
        if span.a_start == span.a_end:
            continue
        inside = span.a_start < position <= span.a_end if at_end else span.a_start <= position < span.a_end
        if not inside:
            continue
        if span.op != "equal":
            return span.b_end if at_end else span.b_start
        # The same words on both sides: the same share of the way through.
        share = (position - span.a_start) / (span.a_end - span.a_start)
        return span.b_start + round(share * (span.b_end - span.b_start))
    return None


def stretch_in(result: CorpusSimilarity, texts: Mapping[str, str], source: int, start: int, end: int,
               target: int) -> tuple[int, int] | None:
    """Where article ``target`` carries ``source``'s text ``[start, end)``, from the index's passages."""
    source_text, target_text = texts[result.paths[source]], texts[result.paths[target]]
    found: list[tuple[int, int]] = []
    length = end - start
    for passage in result.passages_between(source, target):
        overlap = min(end, passage.a_end) - max(start, passage.a_start)
        if overlap <= 0 or overlap < REUSE_OVERLAP * min(length, passage.a_end - passage.a_start):
            continue
        mapped = map_through(source_text, target_text, passage, start, end)
        if mapped is not None:
            found.append(mapped)
    if not found:
        return None
    # Pieces of one passage that the other article keeps in one place join up; otherwise the largest.
    found.sort()
    merged = [list(found[0])]
    for s, e in found[1:]:
        if s - merged[-1][1] <= 200:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    s, e = max(merged, key=lambda r: r[1] - r[0])
    return s, e


def collate_passage(a: CollatedArticle, b: CollatedArticle, passage: Passage,
                    result: CorpusSimilarity | None = None,
                    articles: Mapping[str, CollatedArticle] | None = None) -> Collation:
    """The passage of pair (A, B) in A, in B, and in every other opened article the index finds carrying it."""
    stretches: list[tuple[CollatedArticle, int, int]] = [(a, passage.a_start, passage.a_end),
                                                         (b, passage.b_start, passage.b_end)]
    if result is not None and articles:
        i, j = result.index_of(a.path), result.index_of(b.path)
        if i >= 0:
            texts = {path: article.text for path, article in articles.items()}
            carriers = result.passage_reuse(i, j, [passage]).get(0, [])
            for other in carriers:
                article = articles.get(result.paths[other])
                if article is None:
                    continue
                where = stretch_in(result, texts, i, passage.a_start, passage.a_end, other)
                if where is None and j >= 0:
                    where = stretch_in(result, texts, j, passage.b_start, passage.b_end, other)
                if where is not None:
                    stretches.append((article, *where))
    return collate(stretches)
