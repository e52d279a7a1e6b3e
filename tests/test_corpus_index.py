"""The corpus index: exact sparse similarities, cluster order, on-disk cache, cancel, reuse counts."""

from __future__ import annotations

from dataclasses import replace

import pytest
from corpus_samples import make_articles

from viewer.core.alignment.align import AlignSettings, Cancelled
from viewer.core.corpus import index as corpus_index
from viewer.core.corpus.index import CorpusIndex
from viewer.core.corpus.ordering import cluster_order, group_blocks
from viewer.core.corpus.similarity import similarity_matrix
from viewer.core.loading.articles import bundled_seeds_dir, load_articles
from viewer.core.tasks.task import TaskState


@pytest.fixture
def index(tmp_path):
    return CorpusIndex(tmp_path / "corpus-index.sqlite3")


def count_alignments(monkeypatch) -> list[tuple[str, str]]:
    """Record the texts of every pair the index aligns."""
    calls: list[tuple[str, str]] = []
    real = corpus_index.align_profiles

    def counting(pa, pb, *args, **kwargs):
        calls.append((pa.text, pb.text))
        return real(pa, pb, *args, **kwargs)

    monkeypatch.setattr(corpus_index, "align_profiles", counting)
    return calls


def test_sparse_pairs_equal_the_full_matrix(index):
    seeds = load_articles([bundled_seeds_dir()]).articles
    synthetic, _groups = make_articles(groups=2, per_group=3, singles=2)
    articles = seeds + synthetic
    result = index.build(articles)
    matrix = similarity_matrix([a.text for a in articles])
    for i in range(len(articles)):
        for j in range(len(articles)):
            assert result.similarity(i, j) == pytest.approx(matrix[i][j], abs=1e-9), (i, j)
    # Sparse: only pairs sharing text are held.
    assert all(value > 0 for value in result.pairs.values())
    assert len(result.pairs) < len(articles) * (len(articles) - 1) // 2


def test_order_puts_each_group_together(index):
    articles, groups = make_articles(groups=3, per_group=4, singles=5)
    result = index.build(articles)
    places = {article: place for place, article in enumerate(result.order)}
    assert sorted(result.order) == list(range(len(articles)))
    for group in range(3):
        members = sorted(places[i] for i, g in enumerate(groups) if g == group)
        assert members[-1] - members[0] == len(members) - 1, f"group {group} is split: {members}"
    # Articles sharing nothing come after every group.
    loners = [places[i] for i, g in enumerate(groups) if g < 0]
    assert min(loners) == 12


def test_cluster_order_chains_strongest_pairs_next_to_each_other():
    pairs = {(0, 5): 0.9, (2, 5): 0.8, (1, 3): 0.7, (3, 4): 0.6, (4, 6): 0.01}
    order = cluster_order(8, pairs)
    assert sorted(order) == list(range(8))
    for group in ({0, 2, 5}, {1, 3, 4, 6}):
        places = sorted(order.index(i) for i in group)
        assert places[-1] - places[0] == len(group) - 1
    assert abs(order.index(0) - order.index(5)) == 1
    assert abs(order.index(2) - order.index(5)) == 1
    assert order[-1] == 7  # shares nothing
    # Groups at a threshold are contiguous runs of that order.
    blocks = group_blocks(order, pairs, threshold=0.5)
    assert sorted(size for _start, size in blocks) == [3, 3]
    for start, size in blocks:
        assert len({frozenset(g) for g in ({0, 2, 5}, {1, 3, 4})} & {frozenset(order[start:start + size])}) == 1


def test_cluster_order_is_fast_for_ten_thousand_articles():
    # A chain plus noise: only checks the order is a permutation; the speed shows in the suite's time.
    pairs = {(i, i + 1): 0.1 + (i % 7) / 10 for i in range(9999)}
    order = cluster_order(10_000, pairs)
    assert sorted(order) == list(range(10_000))


def test_second_build_reads_the_cache(index, monkeypatch):
    articles, _groups = make_articles(groups=3, per_group=3, singles=3)
    first = index.build(articles)
    assert first.aligned == first.candidates > 0
    calls = count_alignments(monkeypatch)
    # A new index object on the same file: what the next session sees.
    again = CorpusIndex(index.cache_path).build(articles)
    assert again.from_cache and again.aligned == 0 and calls == []
    assert again.pairs == first.pairs
    assert again.passages == first.passages
    assert again.order == first.order


def test_changed_file_is_reindexed_alone(index, monkeypatch):
    articles, groups = make_articles(groups=3, per_group=3, singles=3)
    first = index.build(articles)
    changed = groups.index(1)
    edited = list(articles)
    edited[changed] = replace(articles[changed], text=articles[changed].text + "\nA correction appended later.\n")
    calls = count_alignments(monkeypatch)
    result = index.build(edited)
    assert not result.from_cache
    assert calls, "the changed article's pairs must be aligned again"
    assert all(edited[changed].text in pair for pair in calls)
    assert result.aligned == len(calls) == sum(1 for g in groups if g == 1) - 1
    matrix = similarity_matrix([a.text for a in edited])
    for j in range(len(edited)):
        assert result.similarity(changed, j) == pytest.approx(matrix[changed][j], abs=1e-9)
    # Unchanged pairs keep their values.
    assert {k: v for k, v in result.pairs.items() if changed not in k} == \
        {k: v for k, v in first.pairs.items() if changed not in k}


def test_other_settings_are_indexed_separately(index):
    articles, _groups = make_articles(groups=2, per_group=3, singles=2)
    index.build(articles)
    strict = index.build(articles, AlignSettings(min_words=40))
    assert not strict.from_cache and strict.aligned == strict.candidates
    assert strict.pairs == {}  # the shared passages are 36 words long
    assert index.build(articles).from_cache


def test_cancel_stops_and_the_next_build_resumes(index, monkeypatch):
    articles, _groups = make_articles(groups=4, per_group=5, singles=2, boilerplate=24)
    calls = count_alignments(monkeypatch)
    reports: list[tuple[int, int]] = []

    def cancelled() -> bool:
        return len(calls) >= 40

    with pytest.raises(Cancelled):
        index.build(articles, progress=lambda d, t: reports.append((d, t)), cancelled=cancelled)
    assert 40 <= len(calls) < 100
    assert reports and all(done <= total for done, total in reports)
    done_before = len(calls)
    result = index.build(articles)
    assert result.candidates > 100
    # The pairs aligned before the cancel were kept (up to one batch still in flight).
    assert result.aligned <= result.candidates - done_before + 1
    matrix = similarity_matrix([a.text for a in articles])
    for (i, j), value in result.pairs.items():
        assert value == pytest.approx(matrix[i][j], abs=1e-9)


def test_engine_change_invalidates_the_cache(index, monkeypatch):
    articles, _groups = make_articles(groups=2, per_group=3, singles=1)
    index.build(articles)
    monkeypatch.setattr(corpus_index, "engine_fingerprint", lambda: "another engine")
    result = CorpusIndex(index.cache_path).build(articles)
    assert not result.from_cache and result.aligned == result.candidates


def test_top_pairs_and_neighbours(index):
    articles, groups = make_articles(groups=2, per_group=3, singles=2)
    result = index.build(articles)
    top = result.top_pairs(100)
    assert len(top) == 6  # two groups of three: three pairs each
    assert [t[0] for t in top] == sorted((t[0] for t in top), reverse=True)
    member = groups.index(0)
    neighbours = result.neighbours(member, 10)
    assert {j for _v, j in neighbours} == {i for i, g in enumerate(groups) if g == 0 and i != member}
    assert result.neighbours(groups.index(-1), 10) == []


def test_identical_files_pair_at_one(index):
    articles, _groups = make_articles(groups=1, per_group=2, singles=2)
    copy = replace(articles[0], path="/corpus/copy.txt")
    result = index.build([*articles, copy])
    assert result.similarity(0, len(articles)) == 1.0
    assert CorpusIndex(index.cache_path).build([*articles, copy]).similarity(0, len(articles)) == 1.0


def test_passage_reuse_names_the_other_carriers(index):
    articles, groups = make_articles(groups=2, per_group=4, singles=3)
    result = index.build(articles)
    members = [i for i, g in enumerate(groups) if g == 0]
    a, b = members[0], members[1]
    passages = result.passages_between(a, b)
    assert len(passages) == 1
    reuse = result.passage_reuse(a, b, passages)
    assert sorted(reuse[0]) == sorted(members[2:])
    # A pair with no third carrier: nothing listed.
    other_group = [i for i, g in enumerate(groups) if g == 1]
    alone = result.passage_reuse(a, other_group[0], [])
    assert alone == {}


def test_pool_workers_give_the_same_result(index, monkeypatch):
    articles, _groups = make_articles(groups=3, per_group=4, singles=3, boilerplate=10)
    single = CorpusIndex(index.cache_path.with_name("single.sqlite3")).build(articles)
    monkeypatch.setattr(corpus_index, "POOL_MIN_PAIRS", 1)
    monkeypatch.setattr(corpus_index, "POOL_CHUNK", 7)
    forked = index.build(articles, workers=2)
    assert forked.aligned == single.aligned > 40
    assert forked.pairs == single.pairs and forked.passages == single.passages


def test_build_in_a_child_process(index):
    articles, groups = make_articles(groups=2, per_group=3, singles=2)
    reports: list[tuple[int, int]] = []
    phases: list[str] = []
    state = TaskState(lambda d, t: reports.append((d, t)), phases.append)
    result = corpus_index.build_in_process(index.cache_path, articles, state=state)
    assert result.pairs == index.build(articles).pairs  # and the child wrote the cache
    assert result.paths == [a.path for a in articles]
    assert reports and "Aligning candidate pairs" in phases
    stopped = TaskState()
    stopped.cancel()
    with pytest.raises(Cancelled):
        corpus_index.build_in_process(index.cache_path, articles, state=stopped)


def test_child_process_stops_mid_run_and_keeps_its_pairs(index):
    import sqlite3

    articles, _groups = make_articles(groups=2, per_group=3, singles=250, boilerplate=200, seed=5)
    phases: list[str] = []
    reports: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        reports.append((done, total))
        if "Aligning candidate pairs" in phases and done > len(articles) + 3000:
            state.cancel()  # once more than one write batch is aligned

    state = TaskState(progress, phases.append)
    with pytest.raises(Cancelled):
        corpus_index.build_in_process(index.cache_path, articles, state=state)
    candidates = reports[-1][1] - len(articles)
    assert candidates > 15_000
    with sqlite3.connect(index.cache_path) as conn:
        kept = conn.execute("SELECT COUNT(*) FROM pairs").fetchone()[0]
    assert 0 < kept < candidates
