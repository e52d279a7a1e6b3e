"""Corpus similarity in worker processes: the same pairs as in-process, workers really used, cancel stops them."""

from __future__ import annotations

import json
import os
from collections import deque
from pathlib import Path

import numpy as np
import pytest

from viewer.cli import main
from viewer.core.alignment.align import AlignSettings, profile_text
from viewer.core.corpus.shingles import profile_shingles
from viewer.core.corpus.similarity import similarity_pairs, start_workers
from viewer.core.errors import Cancelled
from viewer.core.loading.articles import bundled_seeds_dir, load_article
from viewer.core.tasks import policy
from viewer.core.tasks.workers import WorkerGroup

DATA = Path(__file__).parent / "data"
FOLDERS = [DATA / "bbc_sample", DATA / "provenance", bundled_seeds_dir()]


def _paths() -> list[Path]:
    return sorted(p for folder in FOLDERS for p in folder.glob("*.txt")) + [DATA / "align" / "source.txt",
                                                                            DATA / "align" / "reuse.txt"]


def _texts() -> list[str]:
    return [load_article(p).text for p in _paths()]


def test_workers_give_the_same_pairs_and_progress_and_share_the_work():
    texts = _texts()
    expected = similarity_pairs(texts)
    assert len(expected) > 8  # the corpus has pairs to share out
    seen: list[tuple[int, int]] = []
    with WorkerGroup(2, "viewer.core.corpus.pair_workers:warm_up") as group:
        found = similarity_pairs(texts, workers=group, progress=lambda done, total: seen.append((done, total)))
        assert all(pid != os.getpid() for pid in group.pids)
        assert all(count >= 1 for count in group.chunks_done)  # both workers profiled and aligned
        # A second corpus in the same group: the workers' caches are per job.
        reversed_texts = texts[::-1]
        again = similarity_pairs(reversed_texts, workers=group)
    assert found == expected and list(found) == list(expected)  # values and key order
    assert again == similarity_pairs(reversed_texts)
    assert seen[-1][0] == seen[-1][1] and all(done <= total for done, total in seen)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_workers_keep_settings_and_the_boilerplate_bound():
    texts = _texts()
    settings = AlignSettings(min_words=5, synonyms=False)
    boilerplate_in: list[int] = []
    boilerplate_out: list[int] = []
    expected = similarity_pairs(texts, settings, boilerplate=boilerplate_in, max_posting=3)
    with WorkerGroup(2, "viewer.core.corpus.pair_workers:warm_up") as group:
        found = similarity_pairs(texts, settings, boilerplate=boilerplate_out, max_posting=3, workers=group)
    assert found == expected and boilerplate_out == boilerplate_in and boilerplate_in[0] > 0


def test_cancelling_stops_the_workers():
    texts = _texts()
    calls = [0]

    def cancelled() -> bool:
        calls[0] += 1
        return calls[0] > 3  # once the work is under way

    with WorkerGroup(2, "viewer.core.corpus.pair_workers:warm_up") as group:
        with pytest.raises(Cancelled):
            similarity_pairs(texts, workers=group, cancelled=cancelled)
        assert not group.alive()  # stopped at the cancel, not when the group is left


def test_small_corpora_stay_in_process():
    assert start_workers(4, policy.CHILD_PROCESS_FROM["pair_workers"] - 1) is None
    assert start_workers(1, 10_000) is None


def test_matrix_command_with_workers_prints_the_same_json(capsys, monkeypatch):
    paths = [str(folder) for folder in FOLDERS]
    assert main(["matrix", *paths, "--json", "--workers", "1"]) == 0
    alone = capsys.readouterr().out
    # The test corpus is below the size where workers pay: lower the bound to use them.
    monkeypatch.setitem(policy.CHILD_PROCESS_FROM, "pair_workers", 2)
    started: list[WorkerGroup] = []
    monkeypatch.setattr("viewer.commands.matrix.start_workers",
                        lambda workers, articles: started.append(start_workers(workers, articles)) or started[-1])
    assert main(["matrix", *paths, "--json", "--workers", "2"]) == 0
    assert capsys.readouterr().out == alone
    assert started[0] is not None and sum(started[0].chunks_done) > 0 and not started[0].alive()
    assert json.loads(alone)["similarity"][0][0] == 1.0


def test_matrix_rejects_a_bad_worker_count(capsys):
    assert main(["matrix", str(DATA / "bbc_sample"), "--workers", "0"]) == 2
    assert "--workers" in capsys.readouterr().err


def test_matrix_with_workers_names_an_unreadable_file(tmp_path, capsys, monkeypatch):
    for path in sorted((DATA / "bbc_sample").glob("*.txt"))[:6]:
        (tmp_path / path.name).write_bytes(path.read_bytes())
    binary = tmp_path / "zz_image.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    monkeypatch.setitem(policy.CHILD_PROCESS_FROM, "pair_workers", 2)
    assert main(["matrix", str(tmp_path), "--json", "--workers", "2"]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and str(binary) in lines[0]


def test_a_group_takes_work_still_being_made():
    # Chunks appended while the group runs (``feed``) are all done, each once.
    texts = _texts()[:7]
    fed = [[0, 1], [2], [3, 4, 5], [6]]
    queues: list[deque] = [deque(), deque()]
    results: dict[int, np.ndarray] = {}

    def feed() -> bool:
        if fed:
            queues[len(fed) % 2].append(fed.pop(0))
        return bool(fed)

    def payload(worker: int, chunk: list[int]) -> tuple:
        return "feed-test", AlignSettings(), {number: texts[number] for number in chunk}

    with WorkerGroup(2) as group:
        group.run("viewer.core.corpus.pair_workers:profile_chunk", queues, payload,
                  lambda chunk, found: results.update(found), feed=feed)
        assert sum(group.chunks_done) == 4
    assert sorted(results) == list(range(7))
    for number, text in enumerate(texts):
        assert np.array_equal(results[number], profile_shingles(profile_text(text, AlignSettings().synonyms)))


def test_a_worker_count_starts_and_ends_a_group_for_a_large_enough_corpus(monkeypatch):
    texts = _texts()
    expected = similarity_pairs(texts)
    monkeypatch.setitem(policy.CHILD_PROCESS_FROM, "pair_workers", len(texts))
    started: list[WorkerGroup] = []
    original = WorkerGroup.__init__

    def recording(self, *args, **kwargs):
        original(self, *args, **kwargs)
        started.append(self)

    monkeypatch.setattr(WorkerGroup, "__init__", recording)
    assert similarity_pairs(texts, workers=2) == expected
    assert len(started) == 1 and sum(started[0].chunks_done) > 0 and not started[0].alive()
    assert similarity_pairs(texts[:-1], workers=2) == similarity_pairs(texts[:-1])  # below: in process
    assert len(started) == 1
