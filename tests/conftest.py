"""Test set-up: headless Qt, isolated settings and data folders, and no work left running."""

import os

# Without a platform plugin that needs no display, Qt aborts with no message.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import multiprocessing  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
import weakref  # noqa: E402
from multiprocessing import resource_tracker  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool, QTimer  # noqa: E402

# How long a test's background work may take to wind up after the test: not a speed
# limit (nothing is timed), only how long to wait before calling it "left running".
WIND_UP_S = 30

_timers: "weakref.WeakSet[QTimer]" = weakref.WeakSet()
_qtimer_init = QTimer.__init__


def _tracked_timer_init(self, *args, **kwargs):
    _qtimer_init(self, *args, **kwargs)
    _timers.add(self)


QTimer.__init__ = _tracked_timer_init


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Keep tests away from the user's real settings and workspaces."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("ARTICLE_VIEWER_HOME", str(home / "app"))
    yield


def _child_pids() -> set[int]:
    """Processes this one started and that still exist (zombies included: nobody waited).

    Python's multiprocessing resource tracker, started once with the first spawned process
    and kept for the whole session by design, is not counted.
    """
    pids: set[int] = set()
    for children in Path("/proc/self/task").glob("*/children"):
        try:
            pids.update(int(pid) for pid in children.read_text().split())
        except OSError:
            continue
    pids.discard(getattr(resource_tracker._resource_tracker, "_pid", None))
    return pids


def _python_threads() -> set[threading.Thread]:
    # Qt's own pool threads show up as "dummy" threads once they run Python: the pools are checked apart.
    return {t for t in threading.enumerate() if not isinstance(t, threading._DummyThread) and t.is_alive()}


def _left_running(threads_before, children_before) -> list[str]:
    app = QCoreApplication.instance()
    if app is not None:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
    found = []
    threads = _python_threads() - threads_before
    if threads:
        found.append(f"threads {sorted(t.name for t in threads)}")
    processes = multiprocessing.active_children()
    children = _child_pids() - children_before
    if processes or children:
        found.append(f"child processes {sorted(children | {p.pid for p in processes})}")
    if QThreadPool.globalInstance().activeThreadCount():
        found.append("tasks of Qt's global thread pool")
    timers = [t for t in list(_timers) if _alive(t) and t.isActive()]
    if timers:
        found.append(f"timers {[t.objectName() or repr(t) for t in timers]}")
    return found


def _alive(timer: QTimer) -> bool:
    try:
        timer.objectName()
    except RuntimeError:  # the C++ timer is gone with its parent
        return False
    return True


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item):
    """Fail a test that leaves a thread, a process or a timer running (as napari's fixtures do).

    Runs after pytest-qt closed and deleted the test's widgets.
    """
    before = getattr(item, "_running_before", (set(), set()))
    result = yield
    deadline = time.monotonic() + WIND_UP_S
    left = _left_running(*before)
    while left and time.monotonic() < deadline:
        time.sleep(0.05)
        left = _left_running(*before)
    for timer in [t for t in list(_timers) if _alive(t) and t.isActive()]:
        timer.stop()  # so that the next test starts clean
    if left:
        pytest.fail(f"{item.nodeid} left running: {'; '.join(left)}", pytrace=False)
    return result


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    item._running_before = (_python_threads(), _child_pids())
