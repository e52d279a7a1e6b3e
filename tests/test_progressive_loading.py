"""Folders load file by file: each file listed when read, cancel at any point, a stuck file
reported without holding the others (issue 15, the window's loader)."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from viewer.core.errors import ArticleError, Cancelled
from viewer.core.loading.articles import Article
from viewer.core.loading.parallel import load_progressively
from viewer.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parent.parent


def write_folder(folder: Path, count: int) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for k in range(count):
        path = folder / f"{k:03d}.txt"
        path.write_text(f"Story {k}\n\nThe council said \"we will decide on item {k} soon\" on Monday.\n")
        paths.append(path)
    return paths


def test_worker_processes_deliver_each_file_and_keep_the_files_order(tmp_path):
    paths = write_folder(tmp_path / "f", 6)
    (tmp_path / "f" / "bad.txt").write_bytes(b"")
    delivered = []
    summary = load_progressively([tmp_path / "f"], delivered.append, workers=2)
    assert len(delivered) == 7  # one delivery per file, as each was read
    assert [a.path for a in summary.articles] == [str(p) for p in paths]
    assert [p.reason for p in summary.problems] == ["is empty"]
    same = load_progressively([tmp_path / "f"], lambda _item: None, workers=0)
    assert [a.text for a in same.articles] == [a.text for a in summary.articles]


def test_a_stuck_file_is_reported_and_the_others_are_read(tmp_path):
    paths = write_folder(tmp_path / "f", 5)
    (tmp_path / "f" / "stuck.txt").write_text("never read")
    delivered = []
    summary = load_progressively([tmp_path / "f"], delivered.append, workers=2, stuck_after=1.0,
                                 loader="hostile_loader:load")
    assert [a.path for a in summary.articles] == [str(p) for p in paths]
    (stuck,) = summary.problems
    assert stuck.path.endswith("stuck.txt") and "took more than 1 s to read; skipped" in stuck.reason
    assert not multiprocessing.active_children()


def test_cancel_stops_a_file_in_the_middle_of_its_parse(tmp_path):
    write_folder(tmp_path / "f", 3)
    for k in range(2):
        (tmp_path / "f" / f"stuck{k}.txt").write_text("never read")
    delivered: list[object] = []
    # Cancelled once the three readable files are in: both readers are then inside a parse
    # that never ends, and only killing them can stop it.
    with pytest.raises(Cancelled):
        load_progressively([tmp_path / "f"], delivered.append, cancelled=lambda: len(delivered) >= 3,
                           workers=2, stuck_after=10**6, loader="hostile_loader:load")
    assert all(isinstance(item, Article) for item in delivered)
    assert not multiprocessing.active_children()


def make_window(qtbot) -> MainWindow:
    window = MainWindow()
    window.persist_state = False
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_window_lists_articles_while_the_folder_is_still_being_read(qtbot, tmp_path):
    write_folder(tmp_path / "f", 30)  # past the policy's size: worker processes
    (tmp_path / "f" / "empty.txt").write_bytes(b"")
    window = make_window(qtbot)
    batches: list[int] = []
    window._loader.partial.connect(lambda _key, items: batches.append(len(window.model.articles)))
    with qtbot.waitSignal(window.loadFinished, timeout=60_000):
        window.open_paths([str(tmp_path / "f")])
    assert len(batches) > 1 and batches[0] < 30  # listed in several steps, the first before the end
    assert len(window.model.articles) == 30
    assert [a.path for a in window.model.articles] == sorted(a.path for a in window.model.articles)
    assert [p.reason for p in window.problems] == ["is empty"]


def test_cancel_in_the_window_keeps_what_was_read(qtbot, tmp_path, monkeypatch):
    write_folder(tmp_path / "f", 30)
    (tmp_path / "f" / "00-stuck.txt").write_text("never read")  # read first: one reader hangs in it
    monkeypatch.setattr("viewer.core.loading.parallel.DEFAULT_LOADER", "hostile_loader:load")
    window = make_window(qtbot)
    window.open_paths([str(tmp_path / "f")])
    qtbot.waitUntil(lambda: len(window.model.articles) >= 10, timeout=60_000)
    qtbot.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    assert not window._loader.busy
    assert window._loader.wait(10_000)  # the worker thread ends: the stuck parses were killed
    assert not multiprocessing.active_children()
    assert 10 <= len(window.model.articles) <= 30
    assert not any("stuck" in a.path for a in window.model.articles) and not window.problems


def test_screenshot_of_a_folder_of_hostile_files_exits(tmp_path):
    folder = tmp_path / "hostile"
    write_folder(folder, 2)
    (folder / "tags.html").write_text("<b>" * 20_000 + "</i>" * 20_000)
    (folder / "brackets.md").write_text("[" * 20_000 + " text")
    (folder / "quotes.txt").write_text('"word" ' * 20_000)
    os.mkfifo(folder / "pipe.txt")
    out = tmp_path / "shot.png"
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen", ARTICLE_VIEWER_HOME=str(tmp_path / "h"))
    done = subprocess.run([sys.executable, "-m", "viewer", "--screenshot", str(out), str(folder)], cwd=ROOT,
                          env=env, capture_output=True, timeout=600)
    assert done.returncode == 0, done.stderr.decode()[-500:]
    assert out.stat().st_size > 1000


def test_problems_with_unprintable_names_are_listed_on_one_line(qtbot, tmp_path):
    window = make_window(qtbot)
    window.problems.append(ArticleError(tmp_path / "a\x1b[2Jb\nc.txt", "is empty"))
    window._show_problems()
    assert window.problem_list.item(0).text() == "a\\x1b[2Jb\\nc.txt: is empty"
