"""Workspaces, exports and the corpus cache under odd conditions (issue 15, parts 5-6)."""

from __future__ import annotations

import csv
import os
import signal
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from corpus_samples import make_articles

from viewer.cli import main
from viewer.core.corpus.index import CorpusIndex
from viewer.core.loading.articles import load_article
from viewer.core.store import csv_export
from viewer.core.store import workspace as workspace_module
from viewer.core.store.csv_export import neutralise, write_csv
from viewer.core.store.workspace import Workspace, WorkspaceReadOnly, new_occurrence

ROOT = Path(__file__).resolve().parent.parent
QUOTED = 'The mayor said "we will rebuild the bridge" on Monday.\n'


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "quoted.txt"
    path.write_text(QUOTED)
    return path


def _tag(db, article, set_name="s", note=""):
    return main(["tag", "add", "--db", str(db), "--set", set_name, "--article", str(article), "--start", "16",
                 "--end", "42", "--note", note])


# --- set creation races -------------------------------------------------------------------------

def test_a_set_created_meanwhile_by_another_process_gets_the_occurrence(tmp_path, article, monkeypatch, capsys):
    """find_set says "no such set", then another process creates it before create_set runs."""
    db = tmp_path / "w.sqlite"
    assert _tag(db, article, note="first") == 0
    real = Workspace.find_set
    calls = []

    def late(self, name):
        calls.append(name)
        return None if len(calls) == 1 else real(self, name)

    monkeypatch.setattr(Workspace, "find_set", late)
    assert _tag(db, article, note="second") == 0
    with Workspace.open(db) as workspace:
        (only,) = workspace.sets()
        assert sorted(o.note for o in workspace.occurrences(only.id)) == ["first", "second"]


def test_four_processes_creating_the_same_set_all_succeed_into_one_set(tmp_path, article):
    db = tmp_path / "race.sqlite"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    procs = [subprocess.Popen([sys.executable, "-m", "viewer", "tag", "add", "--db", str(db), "--set", "same",
                               "--article", str(article), "--start", "16", "--end", "42", "--note", f"w{k}"],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
             for k in range(4)]
    errors = [p.communicate()[1].decode() for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], errors
    with Workspace.open(db) as workspace:
        (only,) = workspace.sets()
        assert sorted(o.note for o in workspace.occurrences(only.id)) == ["w0", "w1", "w2", "w3"]


# --- read-only workspaces ---------------------------------------------------------------------------

def _make_workspace(db, article):
    with Workspace.open(db) as workspace:
        workspace.create_set("s", occurrences=[new_occurrence(load_article(article), 16, 42)])


def test_a_workspace_the_user_may_not_write_opens_read_only(tmp_path, article, monkeypatch, capsys):
    db = tmp_path / "w.sqlite"
    _make_workspace(db, article)
    real_access = os.access
    monkeypatch.setattr(workspace_module.os, "access",
                        lambda path, mode: False if mode == os.W_OK else real_access(path, mode))
    with Workspace.open(db) as workspace:
        assert workspace.read_only and [s.name for s in workspace.sets()] == ["s"]
        with pytest.raises(WorkspaceReadOnly, match=r"read-only \(you may not write this file\)"):
            workspace.create_set("t")
    assert main(["tag", "list", "--db", str(db)]) == 0
    assert "we will rebuild the bridge" in capsys.readouterr().out
    assert main(["export", "--db", str(db), "--csv", str(tmp_path / "out.csv")]) == 0
    assert _tag(db, article) == 2
    assert "read-only (you may not write this file); nothing was changed" in capsys.readouterr().err


def _read_only_mount_works() -> bool:
    if os.geteuid() != 0 or not Path("/usr/bin/unshare").exists():
        return False
    probe = subprocess.run(["unshare", "-m", "sh", "-c", "mount --bind /tmp /tmp && mount -o remount,bind,ro /tmp"],
                           capture_output=True)
    return probe.returncode == 0


@pytest.mark.skipif(not _read_only_mount_works(), reason="needs root and mount namespaces for a read-only mount")
def test_a_workspace_on_a_read_only_mount_can_be_listed_and_exported(tmp_path, article):
    """WAL workspaces need a -shm file SQLite cannot create there: opened "immutable" instead."""
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "w.sqlite"
    _make_workspace(db, article)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = tmp_path / "out.csv"
    script = (f"mount --bind {folder} {folder} && mount -o remount,bind,ro {folder} && "
              f"{sys.executable} -m viewer tag list --db {db} && "
              f"{sys.executable} -m viewer export --db {db} --csv {out}; "
              f"{sys.executable} -m viewer tag add --db {db} --set s --article {article} --start 16 --end 42")
    done = subprocess.run(["unshare", "-m", "sh", "-c", script], cwd=ROOT, env=env, capture_output=True, text=True)
    assert "we will rebuild the bridge" in done.stdout
    assert "we will rebuild the bridge" in out.read_text()
    assert done.returncode == 2 and done.stderr.strip().endswith(
        "is read-only (the file system is read-only); nothing was changed")


# --- export targets ---------------------------------------------------------------------------------

ROWS = [["quote_set", "text"], ["s", "words"]]


def test_export_writes_through_a_symlink(tmp_path):
    real = tmp_path / "real.csv"
    real.write_text("old\n")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    write_csv(ROWS, link)
    assert link.is_symlink() and real.read_text().startswith("quote_set,text")


def test_export_refuses_a_fifo_or_device_target(tmp_path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    with pytest.raises(OSError, match="named pipe"):
        write_csv(ROWS, fifo)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    if os.geteuid() == 0:  # our own device node: replacing /dev/null itself would harm the machine
        device = tmp_path / "null"
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        with pytest.raises(OSError, match="character device"):
            write_csv(ROWS, device)
        assert stat.S_ISCHR(os.stat(device).st_mode)
    assert not list(tmp_path.glob(".*.tmp"))


def test_export_removes_its_temp_file_when_the_move_fails(tmp_path, monkeypatch):
    def fail(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(csv_export.os, "replace", fail)
    with pytest.raises(OSError, match="No space left"):
        write_csv(ROWS, tmp_path / "out.csv")
    assert list(tmp_path.iterdir()) == []


def test_export_removes_its_temp_file_when_terminated(tmp_path, monkeypatch):
    """SIGTERM during the write unwinds (exit status 143) instead of leaving a hidden .tmp file."""
    real_fsync = os.fsync

    def terminated(fd):
        real_fsync(fd)
        os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.setattr(csv_export.os, "fsync", terminated)
    with pytest.raises(SystemExit) as info:
        write_csv(ROWS, tmp_path / "out.csv")
    assert info.value.code == 128 + signal.SIGTERM
    assert list(tmp_path.iterdir()) == []
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL


def test_export_sweeps_temp_files_left_by_a_killed_export(tmp_path):
    stale = tmp_path / ".out.csv.abc123.tmp"
    stale.write_bytes(b"x" * 1000)
    os.utime(stale, (1, 1))
    fresh = tmp_path / ".out.csv.def456.tmp"  # perhaps another export running now
    fresh.write_bytes(b"y")
    write_csv(ROWS, tmp_path / "out.csv")
    assert not stale.exists() and fresh.exists()


@pytest.mark.parametrize("cell", [
    " =1+1", "\u00a0=HYPERLINK(\"x\")", "\u200b=1", "\u3000+1", "\ufeff-1", "\t=1", "\n@SUM(A1)",
    "\uff1d1+1", "\uff0bcmd", "\uff0d1", "\uff20SUM(A1)", "  \u2009\u3000\uff1d1",
])
def test_csv_neutralises_formulas_behind_blanks_and_in_fullwidth(cell):
    assert neutralise(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["plain words", " leading space only", "\u00a0", "a=b", "50% -2"])
def test_csv_leaves_ordinary_cells_alone(cell):
    assert neutralise(cell) == cell


def test_export_command_refuses_a_device_in_one_line(tmp_path, article, capsys):
    db = tmp_path / "w.sqlite"
    assert _tag(db, article) == 0
    fifo = tmp_path / "out.csv"
    os.mkfifo(fifo)
    capsys.readouterr()
    assert main(["export", "--db", str(db), "--csv", str(fifo)]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert "not written: it is a named pipe (FIFO), not a regular file; use '-' for standard output" in line
    with (tmp_path / "ok.csv").open("w"):
        pass
    assert main(["export", "--db", str(db), "--csv", str(tmp_path / "ok.csv")]) == 0
    assert len(list(csv.reader((tmp_path / "ok.csv").open(newline="")))) == 2


# --- the corpus cache ---------------------------------------------------------------------------------

@pytest.fixture
def corpus():
    articles, _groups = make_articles(groups=2, per_group=3, singles=2)
    return articles


def test_a_damaged_cache_is_discarded_and_rebuilt_with_a_note(tmp_path, corpus):
    cache = tmp_path / "cache.sqlite3"
    truth = CorpusIndex(tmp_path / "clean.sqlite3").build(corpus)
    cache.write_bytes(b"SQLite format 3\x00" + os.urandom(4096))
    result = CorpusIndex(cache).build(corpus)
    assert result.pairs == truth.pairs
    assert result.notes and "discarded and is being rebuilt" in result.notes[0]
    again = CorpusIndex(cache).build(corpus)  # healthy now: read back, no note
    assert again.from_cache and again.pairs == truth.pairs and not again.notes


def test_another_programs_database_in_the_cache_place_is_replaced(tmp_path, corpus):
    cache = tmp_path / "cache.sqlite3"
    with sqlite3.connect(cache) as other:
        other.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    result = CorpusIndex(cache).build(corpus)
    assert result.pairs and "another program's database" in result.notes[0]


def test_a_forged_cache_entry_is_not_shown(tmp_path, corpus):
    cache = tmp_path / "cache.sqlite3"
    truth = CorpusIndex(cache).build(corpus)
    (a, b), value = next(iter(truth.pairs.items()))
    with sqlite3.connect(cache) as db:
        db.execute("UPDATE pairs SET similarity = 0.99")  # every stored pair claims 99 %
    result = CorpusIndex(cache).build(corpus)
    assert result.pairs == truth.pairs and result.similarity(a, b) == value
    assert any("did not match the articles" in note for note in result.notes)


def test_a_workspace_seen_half_written_is_looked_at_again_before_it_is_refused(tmp_path, article, monkeypatch):
    # Another process copying its log into the file can show it half written to an unlocked look
    # (tables, no application id yet): the look is repeated, and the file judged when settled.
    from viewer.core.store import schema

    db = tmp_path / "w.sqlite"
    _make_workspace(db, article)
    real_probe = schema._probe
    looks = []

    def probe(path, mode):
        looks.append(mode)
        return (0, 0, 3, "ok") if len(looks) == 1 else real_probe(path, mode)

    monkeypatch.setattr(schema, "_probe", probe)
    with Workspace.open(db) as workspace:
        assert [s.name for s in workspace.sets()] == ["s"]
    assert len(looks) == 2 and all("immutable" in mode for mode in looks)
