"""The suite's own guard: a test that leaves a thread, a process or a timer running fails."""

from __future__ import annotations

import contextlib
import os
import re
import signal
from pathlib import Path

pytest_plugins = ["pytester"]

CONFTEST = (Path(__file__).parent / "conftest.py").read_text(encoding="utf-8")


def test_work_left_running_fails_the_test_that_left_it(pytester):
    # A short wind-up is enough here: nothing these tests leave winds up by itself.
    pytester.makeconftest(CONFTEST.replace("WIND_UP_S = 30", "WIND_UP_S = 0.2"))
    pytester.makepyfile(
        test_leaks="""
        import subprocess, sys, threading
        from PySide6.QtCore import QTimer

        def test_thread():
            stop = threading.Event()
            threading.Thread(target=stop.wait, name="forgotten", daemon=True).start()

        def test_process():
            subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])

        def test_timer(qtbot):
            test_timer.timer = QTimer()
            test_timer.timer.start(10_000)

        def test_clean(qtbot):
            thread = threading.Thread(target=lambda: None)
            thread.start()
            thread.join()
            timer = QTimer()
            timer.start(10_000)
            timer.stop()
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    output = result.stdout.str()
    for pid in re.findall(r"child processes \[(\d+)\]", output):
        with contextlib.suppress(ProcessLookupError):
            os.kill(int(pid), signal.SIGKILL)  # the orphan of the leaking test
    result.assert_outcomes(passed=4, errors=3)
    result.stdout.fnmatch_lines_random([
        "*test_thread left running: threads ?'forgotten'?*",
        "*test_process left running: child processes*",
        "*test_timer left running: timers*",
    ])
