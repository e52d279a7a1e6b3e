"""Jobs in a child process: result, progress, failures and cancel come back to the caller."""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
import threading

import pytest

from viewer.core.errors import Cancelled
from viewer.core.quotes.clusters import find_and_cluster
from viewer.core.tasks.child_process import run_in_child
from viewer.core.tasks.task import TaskState


def test_result_and_progress_come_back():
    texts = [("a.txt", 'He said: "We will meet again in Moscow on Monday next week," the minister said.'),
             ("b.txt", 'The minister told reporters "we will meet again in Moscow on Monday next week".')]
    seen = []
    quotes, clusters = run_in_child("viewer.core.quotes.clusters:find_and_cluster_job", texts,
                                    TaskState(lambda done, total: seen.append((done, total))))
    expected_quotes, expected_clusters = find_and_cluster(texts)
    assert quotes == expected_quotes
    assert [[q.text for q in c.quotes] for c in clusters] == [[q.text for q in c.quotes] for c in expected_clusters]
    assert clusters and seen[-1] == (2, 2)


def test_a_failure_is_raised_with_its_message():
    with pytest.raises(RuntimeError, match="TypeError: _resolve"):
        run_in_child("viewer.core.tasks.child_process:_resolve", [])  # it takes one argument, not two
    with pytest.raises(RuntimeError, match="TypeError"):
        run_in_child("viewer.core.quotes.clusters:find_and_cluster_job", [42])  # not (path, text)


def test_cancel_stops_the_child_and_leaves_no_process():
    texts = [(f"{i}.txt", 'She said: "' + "words " * 2000 + '"') for i in range(400)]
    # Cancelled once the child has really started working.
    state = TaskState(lambda done, _total: state.cancel() if done >= 1 else None)
    with pytest.raises(Cancelled):
        run_in_child("viewer.core.quotes.clusters:find_and_cluster_job", texts, state)
    assert multiprocessing.active_children() == []


def test_cancel_from_another_thread():
    texts = [(f"{i}.txt", 'She said: "' + "words " * 2000 + '"') for i in range(400)]
    state = TaskState()
    threading.Timer(0.2, state.cancel).start()
    with pytest.raises(Cancelled):
        run_in_child("viewer.core.quotes.clusters:find_and_cluster_job", texts, state)
    assert multiprocessing.active_children() == []


def test_a_script_without_a_main_guard_can_use_worker_processes(tmp_path):
    # Spawned children re-import the parent's main script unless it is hidden from them: an
    # unguarded script would then run again in every worker and leave the pool waiting.
    script = tmp_path / "unguarded.py"
    script.write_text(
        "from viewer.core.tasks.child_process import run_in_child\n"
        "from viewer.core.tasks.spawning import process_pool\n"
        "print('script body ran')\n"
        "texts = [('a.txt', 'He said: \"We will meet again in Moscow next week,\" the minister said.')]\n"
        "quotes, _clusters = run_in_child('viewer.core.quotes.clusters:find_and_cluster_job', texts)\n"
        "with process_pool(2) as pool:\n"
        "    print(len(quotes), pool.map(abs, [-1, -2, 3]))\n",
        encoding="utf-8")
    # The time-out only stops a hang from holding the suite; nothing here is timed.
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["script body ran", "1 [1, 2, 3]"]  # the body ran once, in the parent
