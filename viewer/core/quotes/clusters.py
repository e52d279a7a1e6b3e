"""Quotations several articles share: identical, a fragment of another, lightly edited, or translated.

Two quotes are linked when, compared on crude word stems (so "clarify" meets "clarification"
and "diplomatics" meets "diplomatic"):
- the shorter is a run of words inside the longer (a fragment, or the same quote), or
- they share most of their content words in any order (another translation or an edit).
Linked quotes are joined into clusters; a cluster is kept when its quotes come from at least
two articles. Candidate pairs come from an index of rare stems, so the work grows with the
number of quotes sharing words, not with the square of all quotes.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from viewer.core.errors import Cancelled
from viewer.core.loading.articles import Article
from viewer.core.quotes.fidelity import cluster_fidelity, fidelity_json
from viewer.core.quotes.finder import Quote, find_quotes
from viewer.core.structures.disjoint_sets import DisjointSets
from viewer.core.tasks.task import TaskState
from viewer.core.text.normalize import strip_accents, tokenize
from viewer.core.text.stopwords import QUOTE_STOPWORDS

STOPWORDS = QUOTE_STOPWORDS
STEM_LENGTH = 6
# Stems carried by more quotes than this are too common to find candidates with.
MAX_POSTINGS = 1500
MIN_SHARED = 3  # content stems two reworded quotes must share
MIN_CONTAINMENT = 0.6  # ... as a share of the smaller quote's content stems
TRUST_SHARED = 5
MIN_JACCARD = 0.3  # ... and of both quotes' stems together, so a long quote cannot gather many short ones
# Quotes with fewer content stems than this join a cluster but never bridge two clusters.
SHORT_CONTENT = 4
LABEL_CHARS = 90


@dataclass
class QuoteCluster:
    id: str
    label: str
    speaker: str | None
    quotes: list[Quote] = field(default_factory=list)  # from >= 2 different articles


def _stem(word: str) -> str:
    return strip_accents(word)[:STEM_LENGTH]


@dataclass
class _Prepared:
    stems: list[str]  # every word, stemmed, in order
    content: frozenset[str]  # stems of the words that carry meaning
    stem_set: frozenset[str] = frozenset()  # every stem, for a quick "could one hold the other"


def _prepare(quote: Quote) -> _Prepared:
    words = tokenize(quote.text).words
    stems = [_stem(w) for w in words]
    content = frozenset(_stem(w) for w in words if w not in STOPWORDS and not w.isdigit())
    return _Prepared(stems, content, frozenset(stems))


_ODD_STEMS = frozenset(strip_accents(w)[:STEM_LENGTH] for w in STOPWORDS)


def _may_link(pa: _Prepared, pb: _Prepared) -> bool:
    """False only where :func:`_linked` is false too: no MIN_SHARED content stems in common, and
    neither quote's content words all found in the other (which a fragment needs)."""
    return (len(pa.content & pb.content) >= MIN_SHARED or pa.content <= pb.stem_set
            or pb.content <= pa.stem_set)


def _contains_run(long: list[str], short: list[str]) -> bool:
    if len(short) > len(long):
        return False
    first = short[0]
    n = len(short)
    return any(long[i] == first and long[i:i + n] == short for i in range(len(long) - n + 1))


def _compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    a_last, b_last = a.split()[-1].casefold(), b.split()[-1].casefold()
    return a_last == b_last or a.casefold() in b.casefold() or b.casefold() in a.casefold()


def _linked(qa: Quote, pa: _Prepared, qb: Quote, pb: _Prepared) -> bool:
    short, long = (pa, pb) if len(pa.stems) <= len(pb.stems) else (pb, pa)
    short_q, long_q = (qa, qb) if short is pa else (qb, qa)
    if not short.content or len(short.stems) < 2:
        return False
    if short.stems == long.stems:
        return True
    # Short fragments are common phrases too: not when the speakers differ.
    if _contains_run(long.stems, short.stems) and (
        len(short.content) >= 3 or _compatible(short_q.speaker, long_q.speaker)
    ):
        return True
    shared = len(pa.content & pb.content)
    smaller = min(len(pa.content), len(pb.content))
    union = len(pa.content | pb.content)
    if shared < MIN_SHARED or shared < MIN_CONTAINMENT * smaller or shared < MIN_JACCARD * union:
        return False
    # Many shared words outweigh a doubtful attribution; a few need the same speaker as well.
    return shared >= TRUST_SHARED or _compatible(qa.speaker, qb.speaker)


def _is_short(prep: _Prepared) -> bool:
    return len(prep.content) < SHORT_CONTENT


class _SmallQuotes:
    """The quotes with at most k content stems, per k, built when first asked for."""

    def __init__(self, sizes: list[int]) -> None:
        self.sizes = sizes
        self.cache: dict[int, set[int]] = {}

    def __getitem__(self, k: int) -> set[int]:
        if k not in self.cache:
            self.cache[k] = {i for i, size in enumerate(self.sizes) if size <= k}
        return self.cache[k]


def _worth_comparing(prep: _Prepared, usable: list[str], candidates: set[int], posting_sets: dict[str, set[int]],
                     small: _SmallQuotes, odd: set[int]) -> set[int]:
    """The candidates that can pass :func:`_linked`, found with set operations only.

    Two quotes share at most (indexed stems in common + this quote's stems too common to index)
    content stems; linking needs MIN_SHARED of them, or all of one quote's (a fragment). Quotes
    holding a stem that may also match a stopword or a number (``odd``) are always kept.
    """
    seen: set[int] = set()
    twice: set[int] = set()
    thrice: set[int] = set()
    for stem in usable:
        members = posting_sets[stem]
        thrice |= members & twice
        twice |= members & seen
        seen |= members
    unindexed = len(prep.content) - len(usable)
    floor = min(MIN_SHARED, len(prep.content)) - unindexed
    enough = seen if floor <= 1 else twice if floor == 2 else thrice
    keep = enough | (seen & small[unindexed + 1]) | (twice & small[unindexed + 2]) | odd
    return candidates & keep


def cluster_quotes(quotes: Sequence[Quote]) -> list[QuoteCluster]:
    """Clusters of the same quotation across two or more articles, largest first."""
    prepared = [_prepare(q) for q in quotes]
    postings: dict[str, list[int]] = defaultdict(list)
    for index, prep in enumerate(prepared):
        for stem in prep.content:
            postings[stem].append(index)
    groups_of = DisjointSets(range(len(quotes)))
    attach: dict[int, int] = {}  # a short quote -> the quote whose cluster it joins
    # A content stem that is also a stopword's or a number's stem can match a word outside the
    # other quote's content; such quotes skip the counting shortcut below.
    odd = [any(s in _ODD_STEMS or s.isdigit() for s in prep.content) for prep in prepared]
    odd_set = {i for i, flag in enumerate(odd) if flag}
    posting_sets = {stem: set(members) for stem, members in postings.items() if len(members) <= MAX_POSTINGS}
    small = _SmallQuotes([len(prep.content) for prep in prepared])
    for index, prep in enumerate(prepared):
        if len(prep.stems) < 2 or not prep.content:
            continue
        usable = sorted((s for s in prep.content if len(postings[s]) <= MAX_POSTINGS), key=lambda s: len(postings[s]))
        # Any quote sharing MIN_SHARED of this quote's stems holds one of all but the two commonest;
        # a fragment holds all of them, so the rarest one finds it.
        probe = usable[: max(1, len(usable) - (MIN_SHARED - 1))]
        candidates: set[int] = set()
        for stem in probe:
            candidates.update(postings[stem])
        candidates.discard(index)
        if not odd[index]:
            candidates = _worth_comparing(prep, usable, candidates, posting_sets, small, odd_set)
        short = _is_short(prep)
        for other in sorted(candidates):
            if not _may_link(prep, prepared[other]):
                continue
            if quotes[other].article == quotes[index].article and quotes[other].text == quotes[index].text:
                continue
            other_short = _is_short(prepared[other])
            if short != other_short:
                # A short quote is settled from its own side, joining one longer quote only.
                if short and index not in attach and _linked(quotes[index], prep, quotes[other], prepared[other]):
                    attach[index] = other
                continue
            if groups_of.find(other) == groups_of.find(index):
                continue
            if short and prep.stems != prepared[other].stems:
                continue  # short quotes group with their exact repeats only
            if _linked(quotes[index], prep, quotes[other], prepared[other]):
                groups_of.union(other, index)
    for index, other in attach.items():
        groups_of.union(index, other)
    groups: dict[int, list[int]] = defaultdict(list)
    for index in range(len(quotes)):
        groups[groups_of.find(index)].append(index)
    clusters: list[QuoteCluster] = []
    for members in groups.values():
        if len({quotes[i].article for i in members}) < 2:
            continue
        members.sort(key=lambda i: (quotes[i].article, quotes[i].start))
        member_quotes = [quotes[i] for i in members]
        clusters.append(QuoteCluster(id="", label=_label(member_quotes), speaker=_speaker(member_quotes),
                                     quotes=member_quotes))
    clusters.sort(key=lambda c: (-len({q.article for q in c.quotes}), c.quotes[0].article, c.quotes[0].start))
    for number, cluster in enumerate(clusters, start=1):
        cluster.id = f"c{number}"
    return clusters


def _label(quotes: list[Quote]) -> str:
    """The most complete wording (the longest speech quote), cut to a list's width."""
    speech = [q for q in quotes if q.kind == "speech"] or quotes
    text = re.sub(r"\s+", " ", max(speech, key=lambda q: len(q.text)).text).strip()
    if len(text) > LABEL_CHARS:
        text = text[:LABEL_CHARS].rsplit(" ", 1)[0] + "\u2026"
    return text


def _speaker(quotes: list[Quote]) -> str | None:
    """The name most of the cluster's articles agree on: each article votes once, for the name it
    gives, and a shorter form ("Macron") also agrees with a fuller one ("Emmanuel Macron")."""
    votes = Counter(speaker for _, speaker in {(q.article, q.speaker) for q in quotes if q.speaker})
    if not votes:
        return None

    def words(name: str) -> set[str]:
        return {w.casefold() for w in name.split()}

    support = {name: sum(count for other, count in votes.items() if words(other) <= words(name))
               for name in votes}
    return max(votes, key=lambda n: (support[n], len(n.split()), votes[n], n))


def quotes_report(articles: Sequence[Article]) -> dict:
    """The SPEC's ``quotes --json`` document: articles, every quote (q1...), shared clusters (c1...).

    Each cluster names its reference occurrence and how the others differ from it
    (see :mod:`viewer.core.quotes.fidelity`).
    """
    quotes: list[Quote] = []
    for article in articles:
        quotes.extend(find_quotes(article.text, article.path))
    ids = {id(q): f"q{number}" for number, q in enumerate(quotes, start=1)}
    clusters = cluster_quotes(quotes)
    dates = {a.path: a.date for a in articles}
    return {
        "articles": [{"path": a.path, "title": a.title} for a in articles],
        "quotes": [
            {"id": ids[id(q)], "article": q.article, "start": q.start, "end": q.end, "text": q.text,
             "kind": q.kind, "speaker": q.speaker}
            for q in quotes
        ],
        "clusters": [
            {"id": c.id, "label": c.label, "speaker": c.speaker, "quotes": [ids[id(q)] for q in c.quotes],
             **fidelity_json(cluster_fidelity(c.quotes, dates), ids)}
            for c in clusters
        ],
    }


def find_and_cluster(
    texts: Sequence[tuple[str, str]],
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[list[Quote], list[QuoteCluster]]:
    """Every quote of ``(path, text)`` articles, and the clusters shared across them."""
    quotes: list[Quote] = []
    for number, (path, text) in enumerate(texts, start=1):
        if cancelled is not None and cancelled():
            raise Cancelled
        quotes.extend(find_quotes(text, path))
        if progress is not None:
            progress(number, len(texts))
    if cancelled is not None and cancelled():
        raise Cancelled
    return quotes, cluster_quotes(quotes)


def find_and_cluster_job(payload, state: TaskState) -> tuple[list[Quote], list[QuoteCluster]]:
    """:func:`find_and_cluster` as a child-process job (see :mod:`viewer.core.tasks.child_process`)."""
    _extra, texts = payload
    return find_and_cluster(texts, state.progress, state.cancelled)


def find_and_compare_job(payload, state: TaskState) -> tuple[list[Quote], list[QuoteCluster], dict]:
    """:func:`find_and_cluster` and each cluster's fidelity (cluster id -> ``Fidelity``) as a
    child-process job; ``extra`` maps an article's path to its publication date."""
    dates, texts = payload
    quotes, clusters = find_and_cluster(texts, state.progress, state.cancelled)
    return quotes, clusters, {c.id: cluster_fidelity(c.quotes, dates or {}) for c in clusters}
