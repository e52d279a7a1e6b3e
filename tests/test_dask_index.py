"""``index`` on Dask: the Parquet result equals ``matrix`` pair for pair, on a local cluster and on
a scheduler with workers started on 127.0.0.1; re-runs reuse the pairs of unchanged texts."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from corpus_samples import make_texts

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

from viewer import cli  # noqa: E402
from viewer.core.alignment.align import AlignSettings, align_texts  # noqa: E402
from viewer.core.corpus import index_files  # noqa: E402
from viewer.core.corpus.dask_index import build_index, open_client  # noqa: E402
from viewer.core.corpus.similarity import similarity_matrix  # noqa: E402
from viewer.core.loading.articles import load_articles  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BBC_SAMPLE = Path(__file__).parent / "data" / "bbc_sample"
SETTINGS = AlignSettings()


def _corpus(folder: Path) -> Path:
    """Real BBC articles (some sharing passages, two pairs of copies), synthetic groups with
    boilerplate, and one more copy of a file under another name."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in sorted(BBC_SAMPLE.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    texts, _members = make_texts(groups=2, per_group=3, singles=2, boilerplate=5, seed=4)
    for number, text in enumerate(texts):
        (folder / f"synthetic_{number:02d}.txt").write_text(text, encoding="utf-8")
    shutil.copy(folder / "synthetic_00.txt", folder / "synthetic_copy.txt")
    return folder


def _expected(folder: Path, max_posting: int | None = None):
    articles = load_articles(sorted(str(p) for p in folder.glob("*.txt"))).articles
    return articles, similarity_matrix([a.text for a in articles], SETTINGS, max_posting=max_posting)


def _assert_equal(out: Path, articles, matrix) -> index_files.IndexTables:
    tables = index_files.read_index(out)
    assert [row.path for row in tables.articles] == [a.path for a in articles]
    assert [row.sha256 for row in tables.articles] == [a.sha256 for a in articles]
    found = {(a, b): v for a, b, v in zip(tables.pair_a.tolist(), tables.pair_b.tolist(),
                                          tables.similarity.tolist(), strict=True)}
    for i in range(len(articles)):
        for j in range(i + 1, len(articles)):
            assert found.get((i, j), 0.0) == matrix[i][j], (articles[i].path, articles[j].path)
    assert all(value > 0 for value in found.values())
    return tables


def _start_dask_offload_thread() -> None:
    """Dask keeps one thread per process for its whole life ("Dask-Offload"): started at
    import, it is not counted as work a test left running."""
    from distributed.utils import _offload_executor

    _offload_executor.submit(lambda: None).result()


_start_dask_offload_thread()


@pytest.fixture
def cluster():
    opened = open_client(workers=2)
    yield opened
    opened.close()


def test_local_cluster_equals_matrix_pair_for_pair(cluster, tmp_path):
    folder = _corpus(tmp_path / "corpus")
    articles, matrix = _expected(folder)
    out = tmp_path / "index"
    report = build_index(articles, out, SETTINGS, cluster.client)
    assert report.workers == 2
    tables = _assert_equal(out, articles, matrix)
    assert report.pairs == len(tables.pair_a) > 10
    assert report.aligned == report.candidates and report.reused == 0
    # Passages are align's, A = the article with the smaller id.
    passages = tables.passages_of()
    for i, j in list(passages)[:6]:
        expected = align_texts(articles[i].text, articles[j].text, SETTINGS).passages
        assert passages[(i, j)] == expected
    copy = next(k for k, a in enumerate(articles) if a.path.endswith("synthetic_copy.txt"))
    original = next(k for k, a in enumerate(articles) if a.path.endswith("synthetic_00.txt"))
    assert passages[(min(copy, original), max(copy, original))][0].a_start == 0


def test_rerun_aligns_only_new_pairs_and_the_posting_cap_is_the_rule_of_matrix(cluster, tmp_path):
    folder = _corpus(tmp_path / "corpus")
    names = sorted(p.name for p in folder.glob("*.txt"))
    held_back = [name for name in names if name.startswith("synthetic_0")][:4]
    later = tmp_path / "later"
    later.mkdir()
    for name in held_back:
        shutil.move(folder / name, later / name)
    out = tmp_path / "index"
    first, _matrix = _expected(folder)
    build_index(first, out, SETTINGS, cluster.client)
    for name in held_back:
        shutil.move(later / name, folder / name)
    # One file changed too: its pairs are aligned again.
    changed = folder / "business_106.txt"
    original = changed.read_text(encoding="utf-8", errors="replace")
    changed.write_text(original + "\nA closing line added later.\n", encoding="utf-8")
    articles, matrix = _expected(folder)
    report = build_index(articles, out, SETTINGS, cluster.client)
    _assert_equal(out, articles, matrix)
    assert report.reused > 0 and report.aligned > 0
    assert report.reused + report.aligned == report.candidates
    # Every pair aligned again involves a new or changed text.
    fresh = {a.sha256 for a in articles} - {a.sha256 for a in first}
    tables = index_files.read_index(out)
    again = [(a, b) for a, b in zip(tables.cand_a.tolist(), tables.cand_b.tolist(), strict=True)
             if tables.articles[a].sha256 in fresh or tables.articles[b].sha256 in fresh]
    assert report.aligned == len(again)
    # A third run over the same articles aligns nothing.
    assert build_index(articles, out, SETTINGS, cluster.client).aligned == 0
    _assert_equal(out, articles, matrix)

    _posting_cap_is_the_same_rule_as_matrix(cluster, tmp_path)


def _posting_cap_is_the_same_rule_as_matrix(cluster, tmp_path):
    folder = tmp_path / "capped_corpus"
    folder.mkdir()
    texts, _members = make_texts(groups=2, per_group=3, singles=3, boilerplate=6, seed=9)
    for number, text in enumerate(texts):
        (folder / f"{number:02d}.txt").write_text(text, encoding="utf-8")
    articles, uncapped = _expected(folder)
    _capped_articles, capped = _expected(folder, max_posting=4)
    assert capped != uncapped  # the boilerplate notice is in 6 texts: its pairs go
    report = build_index(articles, tmp_path / "capped", SETTINGS, cluster.client, max_posting=4)
    assert report.capped_postings > 0 and report.longest_posting >= 6
    _assert_equal(tmp_path / "capped", articles, capped)
    # Another cap is another index: nothing is reused.
    assert build_index(articles, tmp_path / "capped", SETTINGS, cluster.client).reused == 0
    _assert_equal(tmp_path / "capped", articles, uncapped)


def test_candidate_codes_group_postings():
    from viewer.core.corpus.shingles import candidate_codes

    hashes = np.array([5, 5, 5, 7, 7, 9, 11, 11, 11, 11], dtype=np.uint64)
    ids = np.array([3, 1, 2, 0, 4, 1, 0, 1, 2, 3], dtype=np.int64)
    codes, longest, capped = candidate_codes(hashes, ids, 10)
    assert sorted(divmod(c, 10) for c in codes.tolist()) == [(0, 1), (0, 2), (0, 3), (0, 4), (1, 2), (1, 3), (2, 3)]
    assert (longest, capped) == (4, 0)
    codes, _longest, capped = candidate_codes(hashes, ids, 10, max_posting=3)
    assert sorted(divmod(c, 10) for c in codes.tolist()) == [(0, 4), (1, 2), (1, 3), (2, 3)] and capped == 1


def test_without_dask_one_line_says_what_to_install(monkeypatch, capsys, tmp_path):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "distributed" else real(name, *a))
    assert cli.main(["index", str(BBC_SAMPLE), "--out", str(tmp_path / "x")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "pip install" in err[0] and "distributed" in err[0]


def _start(args: list[str], log: Path) -> subprocess.Popen:
    env = dict(os.environ, DASK_DISTRIBUTED__WORKER__DAEMON="False")
    return subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=log.open("wb"), env=env, cwd=ROOT,
                            start_new_session=True)


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def test_command_against_a_scheduler_and_workers_on_loopback(tmp_path):
    folder = _corpus(tmp_path / "corpus")
    articles, matrix = _expected(folder)
    dask = [sys.executable, "-m", "distributed.cli.dask_scheduler"]
    scheduler_file = tmp_path / "scheduler.json"
    processes = []
    try:
        processes.append(_start([*dask, "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                                 "--scheduler-file", str(scheduler_file)], tmp_path / "scheduler.log"))
        for _ in range(600):  # the scheduler writes its address once it listens
            if scheduler_file.exists() and scheduler_file.stat().st_size:
                break
            assert processes[0].poll() is None, (tmp_path / "scheduler.log").read_text()
            time.sleep(0.05)
        import json

        address = json.loads(scheduler_file.read_text())["address"]
        for number in range(2):
            processes.append(_start([sys.executable, "-m", "distributed.cli.dask_worker", address, "--nthreads", "1",
                                     "--host", "127.0.0.1", "--no-dashboard", "--name", f"w{number}"],
                                    tmp_path / f"worker{number}.log"))
        from dask.distributed import Client

        with Client(address, timeout="30s") as client:
            client.wait_for_workers(2, timeout=60)
        out = tmp_path / "index"
        done = subprocess.run([sys.executable, "-m", "viewer", "index", str(folder), "--out", str(out),
                               "--scheduler", address], cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        assert "on 2 workers" in done.stderr and "reused 0" in done.stderr
        _assert_equal(out, articles, matrix)
    finally:
        for process in reversed(processes):
            _stop(process)
    assert all(process.poll() is not None for process in processes)
