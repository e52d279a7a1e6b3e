"""The corpus index as a Dask distributed job (``docs/scaling.md``'s plan), written as Parquet.

Steps, each a set of Dask tasks on the cluster's workers:

1. **Profile** (a map over chunks of articles): each worker profiles its texts and emits
   the postings ``(shingle hash, article id)`` of their anchor shingles, cut into
   ``buckets`` parts by hash. Profiles never leave the worker that made them (their word
   keys are per-process integers); a worker keeps recent ones in a small cache.
2. **Inverted index** (a group-by on the shingle hash): bucket ``k`` takes part ``k`` of
   every chunk's postings, groups them by hash and emits the pairs of each posting list.
   Postings longer than ``max_posting`` (boilerplate) are dropped when a cap is set; the
   default is no cap, and ``matrix --max-posting`` applies the same rule.
3. **Candidates** (a second shuffle, by the first article's chunk): the distinct pairs
   of each chunk, less those a previous run already aligned (content hashes).
4. **Align** (a map over batches of candidate pairs): ``align_profiles`` on each pair,
   exactly as ``matrix`` calls it; only pairs sharing a passage come back.
5. **Write**: the driver gathers the sparse results and writes the Parquet files
   (``index_files.py``).

The driver holds the article list, the small per-step summaries and the results; texts
travel to the workers once (scattered), postings and candidate lists stay there.
"""

from __future__ import annotations

import operator
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

from viewer.core.alignment.align import AlignSettings, TextProfile, align_profiles, profile_text
from viewer.core.corpus import index_files
from viewer.core.corpus.candidates import MAX_SHINGLE_HOLDERS
from viewer.core.corpus.shingles import candidate_codes, concat, profile_shingles, split_by

__all__ = ["IndexArticle", "IndexReport", "build_index", "open_client"]

PROFILE_CACHE = 16384  # profiles (with their seed indexes) a worker keeps: ~60 KB each, 10k take ~600 MB
ALIGN_BATCH = 800  # candidate pairs per alignment task
_PROFILES: OrderedDict[tuple[str, bool], TextProfile] = OrderedDict()


class IndexArticle(Protocol):
    path: str
    text: str
    title: str
    outlet: str | None
    date: str | None

    @property
    def sha256(self) -> str: ...


@dataclass
class IndexReport:
    articles: int = 0
    candidates: int = 0  # pairs sharing an anchor shingle
    aligned: int = 0  # of those, aligned by this run
    reused: int = 0  # of those, taken from the previous index in the folder
    pairs: int = 0  # pairs sharing a passage
    passages: int = 0
    longest_posting: int = 0
    capped_postings: int = 0
    workers: int = 0
    seconds: float = 0.0


# --- on the workers ------------------------------------------------------------------------


def _profile(sha: str, text: str, synonyms: bool) -> TextProfile:
    key = (sha, synonyms)
    found = _PROFILES.get(key)
    if found is not None:
        _PROFILES.move_to_end(key)
        return found
    found = profile_text(text, synonyms)
    _PROFILES[key] = found
    if len(_PROFILES) > PROFILE_CACHE:
        _PROFILES.popitem(last=False)
    return found


def _chunk_postings(chunk: list[tuple[int, str, str]], synonyms: bool, buckets: int):
    """Step 1: postings of a chunk's articles, as ``buckets`` parts of (hashes, ids)."""
    hashes, ids = [], []
    for ident, sha, text in chunk:
        found = profile_shingles(_profile(sha, text, synonyms))
        hashes.append(found)
        ids.append(np.full(len(found), ident, dtype=np.int64))
    all_hashes = concat(hashes, np.uint64)
    all_ids = concat(ids, np.int64)
    part = (all_hashes % np.uint64(buckets)).astype(np.int64)
    return tuple(zip(split_by(all_hashes, part, buckets), split_by(all_ids, part, buckets), strict=True))


def _bucket_candidates(count: int, chunk_size: int, chunks: int, max_posting: int | None, *pieces):
    """Step 2: one bucket's postings grouped by shingle; its pairs cut by the first article's chunk."""
    hashes = concat((p[0] for p in pieces), np.uint64)
    ids = concat((p[1] for p in pieces), np.int64)
    codes, longest, capped = candidate_codes(hashes, ids, count, max_posting)
    return split_by(codes, codes // count // chunk_size, chunks), longest, capped


def _chunk_candidates(known: np.ndarray, *pieces) -> tuple[np.ndarray, np.ndarray]:
    """Step 3: a chunk's distinct candidate pairs: (to align, aligned before)."""
    codes = np.unique(concat(pieces, np.int64))
    if not len(known):
        return codes, np.zeros(0, dtype=np.int64)
    before = np.isin(codes, known, assume_unique=True)
    return codes[~before], codes[before]


def _align_batch(codes: np.ndarray, start: int, stop: int, count: int, settings: AlignSettings, *chunks):
    """Step 4: align the pairs ``codes[start:stop]``; results of pairs sharing a passage."""
    texts = {ident: (sha, text) for chunk in chunks for ident, sha, text in chunk}

    def aligned():  # one pair at a time: the alignments of pairs sharing nothing are not kept
        for code in codes[start:stop].tolist():
            a, b = divmod(code, count)
            pa = _profile(*texts[a], settings.synonyms)
            pb = _profile(*texts[b], settings.synonyms)
            yield code, a, b, align_profiles(pa, pb, settings)

    return _found_result(aligned())


def _found_result(aligned) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The pairs of ``(code, a, b, alignment)`` that share a passage, as a result's four arrays."""
    codes, sims, rows, scores = [], [], [], []
    for code, a, b, alignment in aligned:
        if alignment.similarity <= 0:
            continue
        codes.append(code)
        sims.append(alignment.similarity)
        for p in alignment.passages:
            rows.append((a, b, p.a_start, p.a_end, p.b_start, p.b_end))
            scores.append(p.score)
    return _result_arrays(codes, sims, rows, scores)


def _result_arrays(codes, sims, rows, scores) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Codes, similarities, passage rows (a, b, a_start, a_end, b_start, b_end) and scores as arrays."""
    return (np.asarray(codes, dtype=np.int64), np.asarray(sims, dtype=np.float64),
            np.asarray(rows, dtype=np.int64).reshape(-1, 6), np.asarray(scores, dtype=np.float64))


# --- the driver ----------------------------------------------------------------------------


class _Cluster:
    """A client on an existing scheduler, or on a local cluster it starts and stops."""

    def __init__(self, workers: int, scheduler: str | None) -> None:
        import logging

        from dask.distributed import Client, LocalCluster

        self.cluster = None
        if scheduler:
            self.client = Client(scheduler, timeout="20s")
        else:
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                        dashboard_address=None, silence_logs=logging.ERROR)
            self.client = Client(self.cluster)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def open_client(workers: int = 2, scheduler: str | None = None) -> _Cluster:
    """Connect to ``scheduler`` (``tcp://host:port``) or start ``workers`` local worker processes."""
    return _Cluster(workers, scheduler)


def build_index(
    articles: Sequence[IndexArticle],
    out_dir: str | Path,
    settings: AlignSettings,
    client,
    max_posting: int | None = MAX_SHINGLE_HOLDERS,
    say: Callable[[str], None] | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> IndexReport:
    """Index ``articles`` on the Dask ``client``'s cluster and write the Parquet files to ``out_dir``.

    Copies of one text (same SHA-256 under two paths) are profiled and aligned once; their
    results are given to every copy, as ``matrix`` would compute them.
    """
    from viewer.core.corpus.index import engine_fingerprint

    started = time.perf_counter()
    say = say or (lambda _text: None)
    tick = progress or (lambda _phase, _done, _total: None)
    report = IndexReport(articles=len(articles))
    report.workers = len(client.scheduler_info(n_workers=-1).get("workers", {})) or 1
    corpus = _Texts(articles)
    meta = index_files.settings_meta(settings, max_posting, engine_fingerprint())
    previous = index_files.read_index(out_dir) if index_files.is_index_dir(out_dir) else None
    reuse = index_files.reusable(previous, corpus.shas, meta)
    say(f"{len(articles)} articles ({corpus.count} distinct texts) on {report.workers} workers")
    job = _Job(client, corpus, settings, max_posting, report.workers, tick)
    todo, reused_codes = job.candidates(reuse.codes if reuse is not None else np.zeros(0, dtype=np.int64))
    report.longest_posting, report.capped_postings = job.longest, job.capped
    report.reused = len(reused_codes)
    report.aligned = sum(job.sizes)
    report.candidates = report.reused + report.aligned
    say(f"{report.candidates} candidate pairs of texts (longest posting {report.longest_posting} texts"
        + (f", {report.capped_postings} over the cap of {max_posting} dropped" if max_posting else "")
        + f"); {report.reused} reused from the previous index, {report.aligned} to align")
    results = job.align(todo)
    if reuse is not None and len(reused_codes):
        results.append(_reused_results(reuse, reused_codes, corpus.count))
    results.append(_copy_results(corpus, settings))
    tables = corpus.tables(results, concat(client.gather(todo) + [reused_codes], np.int64), meta)
    say(f"writing {out_dir}")
    index_files.write_index(out_dir, tables)
    report.pairs = len(tables.pair_a)
    report.passages = len(tables.passages)
    report.seconds = time.perf_counter() - started
    return report


_Result = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]  # codes, similarities, passage rows, scores


class _Texts:
    """The distinct texts of a list of articles (text ids in order of first appearance)."""

    def __init__(self, articles: Sequence[IndexArticle]) -> None:
        self.articles = articles
        self.article_shas = [article.sha256 for article in articles]
        self.shas: list[str] = []
        self.text_of: list[int] = []
        self.copies: list[list[int]] = []  # text id -> its articles, in order
        ids: dict[str, int] = {}
        for number, sha in enumerate(self.article_shas):
            ident = ids.setdefault(sha, len(ids))
            if ident == len(self.shas):
                self.shas.append(sha)
                self.copies.append([])
            self.copies[ident].append(number)
            self.text_of.append(ident)
        self.count = len(self.shas)

    def text(self, ident: int) -> str:
        return self.articles[self.copies[ident][0]].text

    def tables(self, results: list[_Result], candidates: np.ndarray, meta: dict) -> index_files.IndexTables:
        """Text-pair results fanned out to article pairs (a < b, passages with A = article a)."""
        count = max(self.count, 1)
        pairs: dict[tuple[int, int], float] = {}
        rows: list[tuple[int, ...]] = []
        scores: list[float] = []
        for codes, sims, passage_rows, passage_scores in results:
            for code, value in zip(codes.tolist(), sims.tolist(), strict=True):
                x, y = divmod(code, count)
                for i in self.copies[x]:
                    for j in self.copies[y]:
                        if i != j:
                            pairs[(i, j) if i < j else (j, i)] = value
            for row, score in zip(passage_rows.tolist(), passage_scores.tolist(), strict=True):
                x, y, a0, a1, b0, b1 = row
                for i in self.copies[x]:
                    for j in self.copies[y]:
                        if i < j:
                            rows.append((i, j, a0, a1, b0, b1))
                            scores.append(score)
                        elif i > j and x != y:  # a text with itself: each pair of copies once
                            rows.append((j, i, b0, b1, a0, a1))
                            scores.append(score)
        keys = sorted(pairs)
        order = sorted(range(len(rows)), key=lambda k: (rows[k][0], rows[k][1], rows[k][2], rows[k][4]))
        first = np.asarray([self.copies[ident][0] for ident in range(self.count)], dtype=np.int64)
        cand_x, cand_y = first[candidates // count], first[candidates % count]
        return index_files.IndexTables(
            [index_files.ArticleRow(a.path, a.title, a.outlet, a.date, len(a.text), sha)
             for a, sha in zip(self.articles, self.article_shas, strict=True)],
            np.asarray([k[0] for k in keys], dtype=np.int64), np.asarray([k[1] for k in keys], dtype=np.int64),
            np.asarray([pairs[k] for k in keys], dtype=np.float64),
            np.asarray([rows[k] for k in order], dtype=np.int64).reshape(-1, 6),
            np.asarray([scores[k] for k in order], dtype=np.float64),
            np.minimum(cand_x, cand_y), np.maximum(cand_x, cand_y), meta,
        )


class _Job:
    """The Dask side of one build: scattered texts, then candidates, then alignment."""

    def __init__(self, client, corpus: _Texts, settings: AlignSettings, max_posting: int | None, workers: int,
                 tick: Callable[[str, int, int], None]) -> None:
        self.client, self.corpus, self.settings = client, corpus, settings
        self.max_posting, self.tick = max_posting, tick
        count = corpus.count
        self.chunk_size = max(16, -(-count // (workers * 4))) if count else 1
        self.chunks = [[(ident, corpus.shas[ident], corpus.text(ident))
                        for ident in range(start, min(count, start + self.chunk_size))]
                       for start in range(0, count, self.chunk_size)]
        self.buckets = max(2, 2 * workers)
        self.texts = client.scatter(self.chunks, hash=False) if self.chunks else []
        self.longest = self.capped = 0
        self.sizes: list[int] = []
        self.partners: list[list[int]] = []

    def _item(self, future, key):
        return self.client.submit(operator.getitem, future, key, pure=False)

    def candidates(self, known: np.ndarray):
        """Steps 1-3. Returns the futures of each chunk's pairs to align, and the reused pair codes."""
        from dask.distributed import as_completed

        client, count, chunks = self.client, self.corpus.count, len(self.chunks)
        known_future = client.scatter(known, broadcast=True, hash=False)
        postings = client.map(_chunk_postings, self.texts, synonyms=self.settings.synonyms, buckets=self.buckets,
                              pure=False)
        for done, _future in enumerate(as_completed(postings), start=1):
            self.tick("profiling chunks", done, len(postings))
        bucketed = [client.submit(_bucket_candidates, count, self.chunk_size, chunks, self.max_posting,
                                  *[self._item(future, k) for future in postings], pure=False)
                    for k in range(self.buckets)]
        stats = client.gather([client.submit(operator.itemgetter(1, 2), future, pure=False) for future in bucketed])
        self.longest = max((s[0] for s in stats), default=0)
        self.capped = sum(s[1] for s in stats)
        per_chunk = [self._item(future, 0) for future in bucketed]
        split = [client.submit(_chunk_candidates, known_future, *[self._item(bucket, c) for bucket in per_chunk],
                               pure=False) for c in range(chunks)]
        todo = [self._item(future, 0) for future in split]
        reused = concat(client.gather([self._item(future, 1) for future in split]), np.int64)
        self.sizes = client.gather([client.submit(len, future, pure=False) for future in todo])
        self.partners = client.gather([client.submit(_partner_chunks, future, count, self.chunk_size, pure=False)
                                       for future in todo])
        return todo, reused

    def align(self, todo) -> list[_Result]:
        """Step 4: batches of each chunk's pairs, each with the texts of the chunks it touches."""
        from dask.distributed import as_completed

        batches = []
        for c, size in enumerate(self.sizes):
            needed = [self.texts[d] for d in sorted(set(self.partners[c]) | {c})]
            for start in range(0, size, ALIGN_BATCH):
                batches.append(self.client.submit(_align_batch, todo[c], start, min(size, start + ALIGN_BATCH),
                                                  self.corpus.count, self.settings, *needed, pure=False))
        results = []
        for done, future in enumerate(as_completed(batches), start=1):
            results.append(future.result())
            self.tick("aligning batches", done, len(batches))
        return results


def _reused_results(reuse: index_files.Reusable, codes: np.ndarray, count: int) -> _Result:
    old = [code for code in codes.tolist() if code in reuse.similarity]
    rows, scores = [], []
    for code in old:
        a, b = divmod(code, count)
        for p in reuse.passages.get(code, []):
            rows.append((a, b, p[0], p[1], p[2], p[3]))
            scores.append(p[4])
    return _result_arrays(old, [reuse.similarity[code] for code in old], rows, scores)


def _copy_results(corpus: _Texts, settings: AlignSettings) -> _Result:
    """Copies of one text under two paths: aligned once with itself, as ``matrix`` aligns them."""
    aligned = []
    for ident, copies in enumerate(corpus.copies):
        if len(copies) < 2:
            continue
        profile = profile_text(corpus.text(ident), settings.synonyms)
        aligned.append((ident * corpus.count + ident, ident, ident, align_profiles(profile, profile, settings)))
    return _found_result(aligned)


def _partner_chunks(codes: np.ndarray, count: int, chunk_size: int) -> list[int]:
    return np.unique(codes % count // chunk_size).tolist()
