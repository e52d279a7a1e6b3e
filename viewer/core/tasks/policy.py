"""When work leaves the window's process: one table for every kind of background task.

All heavy work runs off the GUI thread (``viewer/ui/background.py``). A thread still
shares the interpreter lock with the window, so CPU-bound Python above these sizes runs
in a child process instead (``child_process.py``), where it holds its own lock: aligning
a long pair, clustering thousands of quotes and indexing a corpus starved the window for
seconds when they ran in a thread.
"""

from __future__ import annotations

# kind -> the size from which the work runs in a child process, and what the size counts.
CHILD_PROCESS_FROM: dict[str, int] = {
    "align": 300_000,  # characters of the two texts together
    "quotes": 100,  # articles
    "corpus": 100,  # articles: 100-500 ms stalls measured with 300 articles in a thread
    # Reading articles (viewer.core.loading.parallel): worker processes, which a stuck or
    # cancelled file can be killed in, from this many files or bytes; spawning one costs ~0.5 s.
    "load": 24,  # files
    "load_bytes": 2_000_000,  # bytes of all the files together
    # A corpus's similarities (viewer.core.corpus.similarity): profiled and aligned in worker
    # processes from this many articles (``matrix`` starts them before it reads the files).
    "pair_workers": 400,  # articles: about where they start to pay (BBC: 300 even, 400 ahead)
}


def in_child_process(kind: str, size: int) -> bool:
    """Whether a task of ``kind`` and ``size`` (see :data:`CHILD_PROCESS_FROM`) runs in a child process."""
    return size >= CHILD_PROCESS_FROM[kind]
