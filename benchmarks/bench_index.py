"""``index`` on Dask: BBC (2,225 articles) and the 10,000-article set, on a local cluster of two workers.

    .venv/bin/python benchmarks/bench_index.py            # BBC: local cluster, loopback scheduler, = matrix
    .venv/bin/python benchmarks/bench_index.py 10k        # the 10,000-article set of bench_corpus.py

For each set: the whole ``index --workers 2`` process (cold: an empty output folder), then
the same through the Python API to read the time per step, the peak memory of the driver
and of each worker, and the throughput per core; a re-run over the same folder (everything
reused). For BBC also ``index --scheduler`` against a ``dask scheduler`` and two ``dask
worker`` processes started here on 127.0.0.1, and the check that every pair's similarity
equals ``matrix --json``'s. Exits 0 with a message when the corpus is missing.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BBC = ROOT.parent / "shared" / "corpora" / "bbc"
WORKERS = 2


def _cli(args: list[str]) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "viewer", *args], cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"{' '.join(args[:2])} failed: {done.stderr.strip()}")
    return time.perf_counter() - started, done


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_api(label: str, folder: Path, out: Path) -> None:
    from viewer.core.alignment.model import AlignSettings
    from viewer.core.corpus.dask_index import build_index, open_client
    from viewer.core.loading.articles import load_articles

    started = time.perf_counter()
    articles = load_articles([folder]).articles
    read = time.perf_counter() - started
    started = time.perf_counter()
    cluster = open_client(WORKERS)
    boot = time.perf_counter() - started
    try:
        phases: list[tuple[str, float]] = []
        report = build_index(articles, out, AlignSettings(), cluster.client,
                             say=lambda text: phases.append((text, time.perf_counter())))
        workers_mb = cluster.client.run(_peak_rss_mb)
        again = build_index(articles, out, AlignSettings(), cluster.client)
    finally:
        cluster.close()
    first = phases[0][1]
    candidates_at = next(t for text, t in phases if "candidate pairs" in text)
    written_at = next(t for text, t in phases if text.startswith("writing"))
    align_seconds = written_at - candidates_at
    print(f"{label}: {report.articles:,} articles through the API, local cluster of {WORKERS} workers")
    print(f"  reading the files (driver)        {read:7.2f} s")
    print(f"  starting the cluster               {boot:7.2f} s")
    print(f"  index                              {report.seconds:7.2f} s  ({report.articles / report.seconds:,.0f} "
          f"articles/s, {report.articles / report.seconds / WORKERS:,.0f} per core)")
    print(f"    profile + shingles + candidates  {candidates_at - first:7.2f} s")
    print(f"    align {report.aligned:,} candidates      {align_seconds:7.2f} s  "
          f"({report.aligned / max(align_seconds, 1e-9) / WORKERS:,.0f} pairs/s per core)")
    print(f"  pairs sharing a passage            {report.pairs:7,}  ({report.passages:,} passages; longest posting "
          f"{report.longest_posting} texts)")
    print(f"  re-run over the same folder        {again.seconds:7.2f} s  (aligned {again.aligned}, "
          f"reused {again.reused:,})")
    print(f"  peak memory: driver {_peak_rss_mb():.0f} MB, workers "
          + ", ".join(f"{mb:.0f}" for mb in workers_mb.values()) + " MB")


def _start(args: list[str], log: Path) -> subprocess.Popen:
    return subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=log.open("wb"), cwd=ROOT, start_new_session=True)


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def against_scheduler(folder: Path, out: Path, tmp: Path) -> float:
    """``index --scheduler`` with a scheduler and two single-threaded workers on 127.0.0.1."""
    from dask.distributed import Client

    processes = []
    try:
        scheduler_file = tmp / "scheduler.json"
        processes.append(_start([sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
                                 "--port", "0", "--no-dashboard", "--scheduler-file", str(scheduler_file)],
                                tmp / "scheduler.log"))
        while not (scheduler_file.exists() and scheduler_file.stat().st_size):
            time.sleep(0.05)
        address = json.loads(scheduler_file.read_text())["address"]
        for number in range(WORKERS):
            processes.append(_start([sys.executable, "-m", "distributed.cli.dask_worker", address, "--nthreads", "1",
                                     "--host", "127.0.0.1", "--no-dashboard"], tmp / f"worker{number}.log"))
        with Client(address, timeout="30s") as client:
            client.wait_for_workers(WORKERS, timeout=120)
        seconds, done = _cli(["index", str(folder), "--out", str(out), "--scheduler", address])
        print(f"index --scheduler {address} ({WORKERS} workers on loopback): {seconds:.2f} s whole process")
        print("  " + done.stderr.strip().splitlines()[-1])
        return seconds
    finally:
        for process in reversed(processes):
            _stop(process)


def equals_matrix(outs: list[Path], folder: Path) -> None:
    seconds, done = _cli(["matrix", str(folder), "--json"])
    matrix = json.loads(done.stdout)
    for out in outs:
        _compare(matrix, out, seconds)


def _compare(matrix: dict, out: Path, seconds: float) -> None:
    import pyarrow.parquet as pq

    articles = pq.read_table(out / "articles.parquet").to_pydict()
    assert articles["path"] == [a["path"] for a in matrix["articles"]], "articles in another order"
    pairs = pq.read_table(out / "pairs.parquet").to_pydict()
    found = {(a, b): v for a, b, v in zip(pairs["a"], pairs["b"], pairs["similarity"], strict=True)}
    values = matrix["similarity"]
    count = len(values)
    differ = sum(1 for i in range(count) for j in range(i + 1, count)
                 if values[i][j] != (round(found[(i, j)], 4) if (i, j) in found else 0.0))
    shared = sum(1 for i in range(count) for j in range(i + 1, count) if values[i][j] > 0)
    print(f"matrix --json ({seconds:.2f} s): {count * (count - 1) // 2:,} pairs, {shared:,} share a passage; "
          f"{differ} differ from {out.name}/pairs.parquet")


def main(argv: list[str]) -> int:
    which = argv[0] if argv else "bbc"
    if which == "10k":
        sys.path.insert(0, str(ROOT / "benchmarks"))
        if not BBC.is_dir():
            print(f"corpus not found at {BBC}: nothing to measure")
            return 0
        from bench_corpus import build_synthetic

        folder = build_synthetic()
    else:
        folder = BBC
        if not folder.is_dir():
            print(f"corpus not found at {BBC}: nothing to measure")
            return 0
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        seconds, done = _cli(["index", str(folder), "--out", str(tmp / "cli"), "--workers", str(WORKERS)])
        print(f"index --workers {WORKERS}: {seconds:.2f} s whole process (cold)")
        print("  " + done.stderr.strip().splitlines()[-1])
        measure_api(which, folder, tmp / "api")
        if which != "10k":
            against_scheduler(folder, tmp / "scheduler", tmp)
            equals_matrix([tmp / "cli", tmp / "scheduler"], folder)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
