"""The similarity of every pair in a folder of articles, kept on disk so reopening is fast.

A :class:`CorpusIndex` aligns the *candidate* pairs of a corpus (pairs sharing an anchor
shingle, as ``corpus_similarity.candidate_pairs`` defines them: no other pair can share
a passage) and stores every result in SQLite, keyed by the two texts' SHA-256 and the
alignment settings. So:

- reopening the same folder reads the stored result and aligns nothing;
- a changed file has a new hash, and only the candidate pairs that involve it are aligned;
- an interrupted run (cancel, crash) keeps the pairs done so far.

What is cached is results, not profiles: a profile's word keys are small integers
interned per process (``align.py``), so they mean nothing to the next process, and
rebuilding a profile (~0.5 ms) costs about what reading one back would.

The result, :class:`CorpusSimilarity`, is sparse: only pairs with a non-zero similarity
and their passages (10,000 articles have 50 million pairs, a few thousand of which
share anything). It also gives an order of the articles that puts related ones together
(:func:`cluster_order`), the most similar pairs, each article's neighbours, and which
other articles carry each passage of a pair ("reused in N titles").

The cache is invalidated as a whole when the alignment engine's source changes
(:func:`engine_fingerprint`), so a tuned aligner never serves stale similarities.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import struct
import sys
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from viewer.core.alignment import align as _align_module
from viewer.core.alignment.align import AlignSettings, Cancelled, Passage, TextProfile, align_profiles, profile_text
from viewer.core.corpus import similarity as _similarity_module
from viewer.core.tasks.child_process import run_in_child
from viewer.core.text import normalize as _normalize_module
from viewer.core.text import synonyms as _synonyms_module

__all__ = [
    "CACHE_FORMAT", "CorpusIndex", "CorpusSimilarity", "IndexedArticle", "build_in_process", "candidate_rows",
    "cluster_order",
    "engine_fingerprint", "group_blocks",
]

CACHE_FORMAT = 1  # bump when the tables or the passage encoding change
# Profiles whose seed indexes stay built while aligning (the rest are rebuilt on demand):
# bounds memory at 10,000 articles, where every profile's seed dicts would take gigabytes.
WARM_PROFILES = 2048
# New pair results are written in batches of this many (one transaction each).
WRITE_BATCH = 2000
# Two passages "are the same" when they overlap by at least this share of the shorter one.
REUSE_OVERLAP = 0.5

_PASSAGE = struct.Struct("<iiiif")
_DEFAULT_SETTINGS = AlignSettings()


class IndexedArticle(Protocol):
    """What the index reads of an article (``articles.Article`` has it)."""

    path: str
    text: str
    title: str

    @property
    def sha256(self) -> str: ...


def engine_fingerprint() -> str:
    """A hash of the alignment engine's source: any change there invalidates the cache."""
    digest = hashlib.sha256(f"corpus-index-{CACHE_FORMAT}".encode())
    for module in (_align_module, _similarity_module, _normalize_module, _synonyms_module):
        try:
            digest.update(Path(module.__file__ or "").read_bytes())
        except OSError:  # a frozen build without sources: its version string stands in
            digest.update(module.__name__.encode())
    digest.update(_synonyms_module.TABLE_SHA256.encode())  # the synonym groups' data file
    return digest.hexdigest()[:32]


def _settings_key(settings: AlignSettings) -> str:
    return f"w{settings.min_words}g{settings.max_gap}m{settings.min_match!r}s{int(settings.synonyms)}"


def _pack(passages: Sequence[Passage]) -> bytes:
    return b"".join(_PASSAGE.pack(p.a_start, p.a_end, p.b_start, p.b_end, p.score) for p in passages)


def _unpack(blob: bytes | None, mirrored: bool = False) -> list[Passage]:
    if not blob:
        return []
    if mirrored:
        found = [Passage(b0, b1, a0, a1, round(s, 4)) for a0, a1, b0, b1, s in _PASSAGE.iter_unpack(blob)]
        found.sort(key=lambda p: (p.a_start, p.b_start))
        return found
    return [Passage(a0, a1, b0, b1, round(s, 4)) for a0, a1, b0, b1, s in _PASSAGE.iter_unpack(blob)]


def _mirror(passages: Sequence[Passage]) -> list[Passage]:
    found = [Passage(p.b_start, p.b_end, p.a_start, p.a_end, p.score) for p in passages]
    found.sort(key=lambda p: (p.a_start, p.b_start))
    return found


# --- the result ----------------------------------------------------------------------


@dataclass
class CorpusSimilarity:
    """Sparse pairwise similarity of ``len(paths)`` articles, indexes in the given order."""

    paths: list[str]
    titles: list[str]
    shas: list[str]
    settings: AlignSettings
    pairs: dict[tuple[int, int], float]  # (i, j), i < j -> similarity > 0
    passages: dict[tuple[int, int], list[Passage]]  # (i, j), i < j -> passages, A = article i
    order: list[int] = field(default_factory=list)  # related articles next to each other
    candidates: int = 0  # pairs that shared an anchor shingle
    aligned: int = 0  # of those, aligned by this build (the rest came from the cache)
    from_cache: bool = False  # the whole result was read back, nothing was profiled
    _adjacent: dict[int, list[tuple[float, int]]] | None = field(default=None, repr=False)

    def __len__(self) -> int:
        return len(self.paths)

    def similarity(self, i: int, j: int) -> float:
        if i == j:
            return 1.0
        return self.pairs.get((i, j) if i < j else (j, i), 0.0)

    def passages_between(self, i: int, j: int) -> list[Passage]:
        """The passages of pair (i, j) with A = article ``i``."""
        if i < j:
            return list(self.passages.get((i, j), []))
        return _mirror(self.passages.get((j, i), []))

    def top_pairs(self, k: int) -> list[tuple[float, int, int]]:
        """The ``k`` most similar pairs, most similar first: ``(similarity, i, j)``, i < j."""
        ranked = sorted(((value, i, j) for (i, j), value in self.pairs.items()), key=lambda t: (-t[0], t[1], t[2]))
        return ranked[:k]

    def neighbours(self, i: int, k: int) -> list[tuple[float, int]]:
        """The ``k`` articles most similar to ``i`` (similarity > 0): ``(similarity, j)``."""
        return self._adjacency().get(i, [])[:k]

    def _adjacency(self) -> dict[int, list[tuple[float, int]]]:
        if self._adjacent is None:
            adjacent: dict[int, list[tuple[float, int]]] = {}
            for (i, j), value in self.pairs.items():
                adjacent.setdefault(i, []).append((value, j))
                adjacent.setdefault(j, []).append((value, i))
            for found in adjacent.values():
                found.sort(key=lambda t: (-t[0], t[1]))
            self._adjacent = adjacent
        return self._adjacent

    def index_of(self, path: str) -> int:
        try:
            return self.paths.index(path)
        except ValueError:
            return -1

    def passage_reuse(self, article_index: int, other_index: int, passages: Sequence[Passage]) -> dict[int, list[int]]:
        """Passage index -> the other articles (not A, not B) that carry that passage too.

        ``passages`` are the pair's passages with A = ``article_index``. An article carries
        a passage when one of its own passages with A (or with B) covers at least half of
        the shorter of the two stretches: the stored pair results already say so, so no
        text is aligned again.
        """
        found: dict[int, list[int]] = {}
        sides = [(article_index, 0)]
        if other_index >= 0:
            sides.append((other_index, 2))
        for side_index, offset in sides:
            for _value, other in self.neighbours(side_index, len(self.paths)):
                if other in (article_index, other_index):
                    continue
                theirs = [(q.a_start, q.a_end) for q in self.passages_between(side_index, other)]
                for number, passage in enumerate(passages):
                    start, end = (passage.a_start, passage.a_end) if offset == 0 else (passage.b_start, passage.b_end)
                    if _covered_by(start, end, theirs):
                        carriers = found.setdefault(number, [])
                        if other not in carriers:
                            carriers.append(other)
        for carriers in found.values():
            carriers.sort(key=lambda j: (-max(self.similarity(article_index, j), self.similarity(other_index, j)), j))
        return found


def _covered_by(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    length = end - start
    if length <= 0:
        return False
    for other_start, other_end in spans:
        overlap = min(end, other_end) - max(start, other_start)
        if overlap > 0 and overlap >= REUSE_OVERLAP * min(length, other_end - other_start):
            return True
    return False


# --- ordering --------------------------------------------------------------------------


def cluster_order(n: int, pairs: Mapping[tuple[int, int], float] | Iterable[tuple[int, int, float]]) -> list[int]:
    """An order of ``0..n-1`` where related articles sit next to each other.

    Single-linkage agglomerative clustering on the sparse similarity graph (Kruskal:
    strongest pair first). When two clusters join through the pair (u, v), each is
    flipped if that brings u and v to the touching ends, so strongly related articles end
    up adjacent, not only in the same block. Clusters come out biggest first; articles
    that share nothing with any other follow, in their original order. O(E log E + n).
    """
    if isinstance(pairs, Mapping):
        edges = [(value, i, j) for (i, j), value in pairs.items()]
    else:
        edges = [(value, i, j) for i, j, value in pairs]
    edges.sort(key=lambda e: (-e[0], e[1], e[2]))
    parent = list(range(n))
    # Per cluster root: its tree node and its two end leaves. Nodes 0..n-1 are leaves.
    node_of = list(range(n))
    first = list(range(n))
    last = list(range(n))
    size = [1] * n
    left: list[int] = []
    right: list[int] = []
    flip_left: list[bool] = []
    flip_right: list[bool] = []

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for _value, u, v in edges:
        if u == v or not (0 <= u < n and 0 <= v < n):
            continue
        ru, rv = root(u), root(v)
        if ru == rv:
            continue
        # Cluster of u goes left with u at its right end; cluster of v right with v first.
        reverse_u = first[ru] == u and last[ru] != u
        reverse_v = last[rv] == v and first[rv] != v
        left.append(node_of[ru])
        right.append(node_of[rv])
        flip_left.append(reverse_u)
        flip_right.append(reverse_v)
        new_first = last[ru] if reverse_u else first[ru]
        new_last = first[rv] if reverse_v else last[rv]
        if size[ru] < size[rv]:
            ru, rv = rv, ru
        parent[rv] = ru
        size[ru] += size[rv]
        node_of[ru] = n + len(left) - 1
        first[ru], last[ru] = new_first, new_last

    def leaves(top: int) -> list[int]:
        out: list[int] = []
        stack = [(top, False)]
        while stack:
            node, reverse = stack.pop()
            if node < n:
                out.append(node)
                continue
            k = node - n
            children = [(left[k], reverse != flip_left[k]), (right[k], reverse != flip_right[k])]
            if reverse:
                children.reverse()
            stack.extend(reversed(children))  # popped in order
        return out

    roots = sorted({root(x) for x in range(n)}, key=lambda r: (-size[r], r))
    order: list[int] = []
    for r in roots:
        order.extend(leaves(node_of[r]) if size[r] > 1 else [r])
    return order


def group_blocks(
    order: Sequence[int], pairs: Mapping[tuple[int, int], float], threshold: float = 0.05, smallest: int = 3
) -> list[tuple[int, int]]:
    """(first place, size) of each run of ``order`` whose articles are linked by pairs >= ``threshold``.

    With the order of :func:`cluster_order`, every such group is one contiguous run (a
    single-linkage cluster at that height), so the heat map can frame it as one block.
    Groups smaller than ``smallest`` are left out.
    """
    parent = {i: i for i in order}

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for (i, j), value in pairs.items():
        if value >= threshold and i in parent and j in parent:
            ri, rj = root(i), root(j)
            if ri != rj:
                parent[ri] = rj
    blocks = []
    start = 0
    for place in range(1, len(order) + 1):
        if place == len(order) or root(order[place]) != root(order[start]):
            if place - start >= smallest:
                blocks.append((start, place - start))
            start = place
    return blocks


# --- candidates --------------------------------------------------------------------------


def candidate_rows(
    profiles: Sequence[TextProfile], poll: Callable[[], None] | None = None
) -> list[list[int]]:
    """For each article i, the articles j > i sharing an anchor shingle with it, sorted.

    The same pairs as ``corpus_similarity.candidate_pairs``, built row by row so no single
    call sorts a million pairs while holding the interpreter (the window must stay live).
    """
    index = _similarity_module.shingle_holders(profiles, poll)
    rows: list[set[int]] = [set() for _ in profiles]
    for count, holders in enumerate(index.values()):
        if poll is not None and not count & 0x3FFF:
            poll()
        if len(holders) > 1:
            for position, first in enumerate(holders[:-1]):
                rows[first].update(holders[position + 1 :])
    return [sorted(row) for row in rows]


# --- aligning the candidate pairs ----------------------------------------------------------

# Forked workers read the profiles from here (inherited, not pickled).
_FORK_STATE: tuple[Sequence[TextProfile], AlignSettings] | None = None
FORK_CHUNK = 400  # pairs per task handed to a forked worker
FORK_MIN_PAIRS = 3000  # fewer pairs than this: forking costs more than it saves


class _WarmProfiles:
    """Profiles whose seed indexes stay built, the least recently used dropped first."""

    def __init__(self, profiles: Sequence[TextProfile]) -> None:
        self.profiles = profiles
        self.warm: OrderedDict[int, TextProfile] = OrderedDict()

    def get(self, number: int) -> TextProfile:
        found = self.warm.get(number)
        if found is not None:
            self.warm.move_to_end(number)
            return found
        p = self.profiles[number]
        # A fresh copy: the seed indexes it builds go when it leaves the warm set.
        found = TextProfile(p.text, p.tokens, p.keys, p.anchor_starts)
        self.warm[number] = found
        if len(self.warm) > WARM_PROFILES:
            self.warm.popitem(last=False)
        return found


def _align_chunk(jobs: list[tuple[int, int]]) -> list[tuple[int, int, float, list[Passage]]]:
    assert _FORK_STATE is not None
    profiles, settings = _FORK_STATE
    warm = _align_chunk.__dict__.setdefault("warm", _WarmProfiles(profiles))
    out = []
    for x, y in jobs:
        alignment = align_profiles(warm.get(x), warm.get(y), settings)
        out.append((x, y, alignment.similarity, alignment.passages))
    return out


def _align_pairs(profiles: Sequence[TextProfile], jobs: list[tuple[int, int]], settings: AlignSettings,
                 poll: Callable[[], None], workers: int):
    """Yield ``(x, y, similarity, passages)`` for each job, A = x, in job order."""
    import multiprocessing

    if workers > 1 and len(jobs) >= FORK_MIN_PAIRS and "fork" in multiprocessing.get_all_start_methods():
        global _FORK_STATE
        _FORK_STATE = (profiles, settings)
        try:
            chunks = [jobs[k : k + FORK_CHUNK] for k in range(0, len(jobs), FORK_CHUNK)]
            with multiprocessing.get_context("fork").Pool(workers) as pool:  # exiting terminates it
                for batch in pool.imap(_align_chunk, chunks):
                    poll()
                    yield from batch
        finally:
            _FORK_STATE = None
        return
    warm = _WarmProfiles(profiles)
    for x, y in jobs:
        alignment = align_profiles(warm.get(x), warm.get(y), settings, poll)
        yield x, y, alignment.similarity, alignment.passages


# --- the on-disk index --------------------------------------------------------------------


class CorpusIndex:
    """Pair results of many corpora in one SQLite file (``paths.cache_dir()`` in the app).

    Each :meth:`build` opens its own connection, so a background thread may build while
    the caller's thread holds other ``CorpusIndex`` objects on the same file.
    """

    def __init__(self, cache_path: str | Path) -> None:
        self.cache_path = Path(cache_path)
        self.fingerprint = engine_fingerprint()

    # -- storage --------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        self.cache_path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.cache_path, timeout=30)
        with contextlib.suppress(sqlite3.OperationalError):  # no shared memory: rollback journal
            conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.executescript(
            """
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS texts (id INTEGER PRIMARY KEY, sha TEXT NOT NULL UNIQUE);
            CREATE TABLE IF NOT EXISTS pairs (
                a INTEGER NOT NULL, b INTEGER NOT NULL, settings TEXT NOT NULL,
                similarity REAL NOT NULL, passages BLOB,
                PRIMARY KEY (settings, a, b)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS corpora (
                corpus TEXT NOT NULL, settings TEXT NOT NULL, indexed_at REAL NOT NULL,
                PRIMARY KEY (corpus, settings)) WITHOUT ROWID;
            """
        )
        row = conn.execute("SELECT value FROM meta WHERE key = 'engine'").fetchone()
        if row is None or row[0] != self.fingerprint:
            # The aligner changed: every stored similarity may be wrong.
            with conn:
                conn.execute("DELETE FROM pairs")
                conn.execute("DELETE FROM corpora")
                conn.execute("DELETE FROM texts")
                conn.execute("INSERT OR REPLACE INTO meta VALUES ('engine', ?)", (self.fingerprint,))
        return conn

    @staticmethod
    def _text_ids(conn: sqlite3.Connection, shas: Sequence[str]) -> dict[str, int]:
        unique = sorted(set(shas))
        with conn:
            conn.executemany("INSERT OR IGNORE INTO texts (sha) VALUES (?)", ((s,) for s in unique))
        ids: dict[str, int] = {}
        for start in range(0, len(unique), 500):
            chunk = unique[start : start + 500]
            marks = ",".join("?" * len(chunk))
            ids.update((sha, ident) for ident, sha in conn.execute(
                f"SELECT id, sha FROM texts WHERE sha IN ({marks})", chunk))
        return ids

    @staticmethod
    def _stored_pairs(conn: sqlite3.Connection, ids: Iterable[int], settings: str, nonzero_only: bool):
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS current_texts (id INTEGER PRIMARY KEY)")
        conn.execute("DELETE FROM temp.current_texts")
        conn.executemany("INSERT OR IGNORE INTO temp.current_texts VALUES (?)", ((i,) for i in ids))
        # Written as a join: with "a IN (...) AND b IN (...)" SQLite seeks every (a, b)
        # combination, 100 million of them for 10,000 texts (27 s instead of 0.1 s).
        query = (
            "SELECT p.a, p.b, p.similarity, p.passages FROM temp.current_texts AS t "
            "JOIN pairs AS p ON p.settings = ? AND p.a = t.id "
            "WHERE p.b IN (SELECT id FROM temp.current_texts)"
        )
        if nonzero_only:
            query += " AND p.similarity > 0"
        return conn.execute(query, (settings,))

    @staticmethod
    def corpus_key(shas: Iterable[str]) -> str:
        return hashlib.sha256("\n".join(sorted(set(shas))).encode()).hexdigest()

    def clear(self) -> None:
        """Forget every stored result (the next build aligns everything)."""
        conn = self._connect()
        try:
            with conn:
                conn.execute("DELETE FROM pairs")
                conn.execute("DELETE FROM corpora")
        finally:
            conn.close()

    # -- building -------------------------------------------------------------------
    def build(
        self,
        articles: Sequence[IndexedArticle],
        settings: AlignSettings = _DEFAULT_SETTINGS,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
        phase: Callable[[str], None] | None = None,
        workers: int = 1,
    ) -> CorpusSimilarity:
        """Similarity of every pair of ``articles``, from the cache where it can.

        ``workers`` > 1 aligns in that many forked processes (POSIX; never pass it from a
        process running Qt threads: use :func:`build_in_process`, whose child does).

        ``progress(done, total)`` counts articles profiled, then candidate pairs resolved
        (total grows once the candidates are known); ``phase(text)`` names the step.
        Raises ``align.Cancelled`` when ``cancelled()`` returns True; pairs aligned until
        then stay in the cache.
        """

        def poll() -> None:
            if cancelled is not None and cancelled():
                raise Cancelled()

        def say(text: str) -> None:
            if phase is not None:
                phase(text)

        started = time.perf_counter()
        count = len(articles)
        say("Checking the cache")
        shas = []
        for number, article in enumerate(articles):
            if not number % 256:
                poll()
            shas.append(article.sha256)
        result = CorpusSimilarity(
            paths=[a.path for a in articles], titles=[a.title for a in articles], shas=shas,
            settings=settings, pairs={}, passages={},
        )
        settings_key = _settings_key(settings)
        corpus_key = self.corpus_key(shas)
        conn = self._connect()
        try:
            ids = self._text_ids(conn, shas)
            rows_of: dict[int, list[int]] = {}
            for number, sha in enumerate(shas):
                rows_of.setdefault(ids[sha], []).append(number)
            known = conn.execute(
                "SELECT 1 FROM corpora WHERE corpus = ? AND settings = ?", (corpus_key, settings_key)).fetchone()
            if known is not None:
                self._fill_from_cache(conn, result, rows_of, settings_key, poll)
                result.from_cache = True
            else:
                self._index(conn, articles, result, ids, rows_of, settings, settings_key, corpus_key,
                            progress, poll, say, workers)
            self._place_copies(result, articles, rows_of)
        finally:
            conn.close()
        say("Ordering")
        poll()
        result.order = cluster_order(count, result.pairs)
        if progress is not None:
            progress(1, 1)
        say(f"Indexed in {time.perf_counter() - started:.1f} s")
        return result

    def _fill_from_cache(self, conn, result: CorpusSimilarity, rows_of: dict[int, list[int]],
                         settings_key: str, poll: Callable[[], None]) -> None:
        for count, (a, b, value, blob) in enumerate(self._stored_pairs(conn, rows_of, settings_key, True)):
            if not count & 0x3FF:
                poll()
            self._place(result, rows_of, a, b, value, blob)

    @staticmethod
    def _place(result: CorpusSimilarity, rows_of, a: int, b: int, value: float, blob: bytes | None) -> None:
        if value <= 0:
            return
        for i in rows_of.get(a, ()):
            for j in rows_of.get(b, ()):
                if i == j:
                    continue
                key, mirrored = ((i, j), False) if i < j else ((j, i), True)
                result.pairs[key] = value
                result.passages[key] = _unpack(blob, mirrored)

    @staticmethod
    def _place_copies(result: CorpusSimilarity, articles: Sequence[IndexedArticle], rows_of) -> None:
        """Copies of one text (same hash, two files) are identical: one passage, all of it."""
        for numbers in rows_of.values():
            for position, i in enumerate(numbers):
                whole = len(articles[i].text)
                for j in numbers[position + 1 :]:
                    result.pairs[(i, j)] = 1.0
                    result.passages[(i, j)] = [Passage(0, whole, 0, whole, 1.0)]

    def _index(self, conn, articles, result: CorpusSimilarity, ids: dict[str, int], rows_of: dict[int, list[int]],
               settings: AlignSettings, settings_key: str, corpus_key: str,
               progress, poll: Callable[[], None], say: Callable[[str], None], workers: int) -> None:
        # One profile per distinct text: copies of a file are aligned once.
        say("Reading the articles")
        distinct = sorted(rows_of)  # text ids
        first_row = [rows_of[ident][0] for ident in distinct]
        total = len(distinct)
        profiles: list[TextProfile] = []
        if progress is not None:
            progress(0, total)
        for number, row in enumerate(first_row, start=1):
            if not number % 32:
                poll()
                if progress is not None:
                    progress(number, total)
            profiles.append(profile_text(articles[row].text, settings.synonyms))
        say("Finding candidate pairs")
        candidates = candidate_rows(profiles, poll)
        pair_total = sum(len(row) for row in candidates)
        result.candidates = pair_total
        say("Reading stored pairs")
        stored: dict[tuple[int, int], tuple[float, bytes | None]] = {}
        for count, (a, b, value, blob) in enumerate(self._stored_pairs(conn, distinct, settings_key, False)):
            if not count & 0x3FF:
                poll()
            stored[(a, b)] = (value, blob)
        total = len(distinct) + pair_total
        done = len(distinct)
        if progress is not None:
            progress(done, total)
        say("Aligning candidate pairs")
        # What the cache does not hold yet, row by row (keeps each row's profile warm).
        jobs: list[tuple[int, int]] = []
        for x, partners in enumerate(candidates):
            if not x & 0xFF:
                poll()
            id_x = distinct[x]
            for y in partners:
                id_y = distinct[y]
                key = (id_x, id_y) if id_x < id_y else (id_y, id_x)
                hit = stored.get(key)
                if hit is not None:
                    self._place(result, rows_of, key[0], key[1], *hit)
                else:
                    jobs.append((x, y))
        done += pair_total - len(jobs)
        pending: list[tuple[int, int, str, float, bytes | None]] = []

        def flush() -> None:
            if pending:
                with conn:
                    conn.executemany("INSERT OR REPLACE INTO pairs VALUES (?, ?, ?, ?, ?)", pending)
                pending.clear()

        try:
            for x, y, similarity, passages in _align_pairs(profiles, jobs, settings, poll, workers):
                done += 1
                if not done & 0x3F:
                    poll()
                    if progress is not None:
                        progress(done, total)
                id_x, id_y = distinct[x], distinct[y]
                # Stored with the smaller text id as A.
                low, high = (id_x, id_y) if id_x < id_y else (id_y, id_x)
                if low != id_x:
                    passages = _mirror(passages)
                blob = _pack(passages) if similarity > 0 else None
                pending.append((low, high, settings_key, similarity, blob))
                result.aligned += 1
                self._place(result, rows_of, low, high, similarity, blob)
                if len(pending) >= WRITE_BATCH:
                    flush()
            flush()
        except Cancelled:
            flush()  # keep what was aligned: the next build resumes from there
            raise
        with conn:
            conn.execute("INSERT OR REPLACE INTO corpora VALUES (?, ?, ?)", (corpus_key, settings_key, time.time()))


# --- building in a child process -----------------------------------------------------------


@dataclass
class _Text:
    """An article as the child process gets it (path, text, title; the hash is recomputed)."""

    path: str
    text: str
    title: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def _build_job(payload, progress, cancelled, phase) -> CorpusSimilarity:
    """The corpus build as a child-process job (see :mod:`viewer.core.tasks.child_process`)."""
    (cache_path, settings, workers), texts = payload
    articles = [_Text(*item) for item in texts]
    result = CorpusIndex(cache_path).build(articles, settings, progress, cancelled, phase=phase, workers=workers)
    result.neighbours(0, 1)  # the adjacency lists travel with the result
    return result


def build_in_process(
    cache_path: str | Path,
    articles: Sequence[IndexedArticle],
    settings: AlignSettings = _DEFAULT_SETTINGS,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    phase: Callable[[str], None] | None = None,
) -> CorpusSimilarity:
    """:meth:`CorpusIndex.build` in a child Python process (same arguments and result).

    A thread of a GUI program calls this instead of ``build``: the alignment then holds
    the child's interpreter lock, not the window's (see :mod:`viewer.core.tasks.child_process`).
    """
    texts = [(a.path, a.text, a.title) for a in articles]
    # Forked alignment workers only in the child: never fork a process that runs Qt (a frozen
    # build runs the job in its own process).
    workers = 1 if getattr(sys, "frozen", False) else min(2, os.cpu_count() or 1)
    return run_in_child("viewer.core.corpus.index:_build_job", texts, progress, cancelled, phase,
                        cancelled_error=Cancelled, extra=(str(cache_path), settings, workers))


