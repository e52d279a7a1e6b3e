"""A process killed while tagging loses nothing it committed and leaves an openable file."""

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from viewer.core.store.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = Path(__file__).parent / "data" / "workspace" / "article.txt"

# Tags quote after quote, one transaction each, and says which ids were committed.
TAGGER = textwrap.dedent(
    """
    import sys
    from viewer.core.loading.articles import load_article
    from viewer.core.store.workspace import Workspace, new_occurrence

    article = load_article(sys.argv[2])
    ws = Workspace.open(sys.argv[1])
    set_id = ws.create_set("Crash test").result.id
    n = 0
    while True:
        start = n % (len(article.text) - 40)
        edit = ws.add_occurrence(set_id, new_occurrence(article, start, start + 40, note="n" * 2000))
        print(edit.result.id, flush=True)
        n += 1
    """
)


def test_sigkill_mid_tagging_keeps_every_committed_occurrence(tmp_path):
    db = tmp_path / "ws.sqlite3"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", TAGGER, str(db), str(ARTICLE)], stdout=subprocess.PIPE, text=True, env=env
    )
    committed = []
    try:
        for line in child.stdout:
            committed.append(int(line))
            if len(committed) >= 60:
                break
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert child.returncode == -signal.SIGKILL
    assert len(committed) == 60

    with Workspace.open(db) as ws:
        stored = {o.id for o in ws.occurrences()}
        assert set(committed) <= stored
        assert all(not o.detached and len(o.text) == 40 for o in ws.occurrences())
        ws.create_set("Still writable")
    check = sqlite3.connect(db)
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    check.close()


WRITER = textwrap.dedent(
    """
    import sys
    from viewer.core.loading.articles import load_article
    from viewer.core.store.workspace import Workspace, new_occurrence

    article = load_article(sys.argv[2])
    with Workspace.open(sys.argv[1]) as ws:
        quote_set = ws.find_set("Shared") or ws.create_set("Shared" + sys.argv[3]).result
        for n in range(40):
            ws.add_occurrence(quote_set.id, new_occurrence(article, n, n + 10, note=sys.argv[3]))
    """
)


def test_two_processes_writing_at_once_lose_nothing(tmp_path):
    db = tmp_path / "ws.sqlite3"
    with Workspace.open(db) as ws:
        ws.create_set("Shared")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    children = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(ARTICLE), name], env=env, stderr=subprocess.PIPE)
        for name in ("one", "two")
    ]
    for child in children:
        _, err = child.communicate(timeout=60)
        assert child.returncode == 0, err.decode()
    with Workspace.open(db) as ws:
        notes = [o.note for o in ws.occurrences()]
        assert sorted(notes) == ["one"] * 40 + ["two"] * 40
        assert ws.revision == 1 + 80
