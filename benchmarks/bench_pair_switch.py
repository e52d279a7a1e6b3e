"""Pair view responsiveness: switching between cached seed pairs, and a long pair's GUI stalls.

Run: python benchmarks/bench_pair_switch.py   (offscreen; no display needed)
Prints the time from choosing a pair to its highlights being applied, for every seed
pair once its alignment is cached (target: under 150 ms), and, with the shared corpora
present, the longest GUI-thread stall while Moby-Dick is aligned against a shuffled copy.
"""

from __future__ import annotations

import itertools
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("ARTICLE_VIEWER_HOME", tempfile.mkdtemp(prefix="bench-home-"))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from viewer.core.loading.articles import bundled_seeds_dir, load_articles  # noqa: E402
from viewer.ui.main_window import MainWindow  # noqa: E402

MOBY = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "gutenberg" / "2701-0.txt"


def wait(app: QApplication, window: MainWindow, limit: float = 120.0) -> None:
    """Run the event loop (idle, as in real use) until the pair on screen is aligned."""
    loop = QEventLoop()
    started = time.perf_counter()

    def check() -> None:
        done = not window.busy and window.pair_view.alignment is not None
        if done or time.perf_counter() - started > limit:
            loop.quit()

    poll = QTimer()
    poll.timeout.connect(check)
    poll.start(20)
    loop.exec()
    poll.stop()


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = MainWindow()
    window.resize(1400, 880)
    window.show()
    articles = load_articles([bundled_seeds_dir()]).articles
    window.model.set_articles(articles)
    pairs = list(itertools.combinations(articles, 2))
    for a, b in pairs:  # fill the cache
        window.show_pair(a, b)
        wait(app, window)
    latencies = []
    for a, b in pairs * 3:
        started = time.perf_counter()
        window.show_pair(a, b)
        app.processEvents()  # the highlights and band are painted in this turn
        latencies.append((time.perf_counter() - started) * 1000)
        assert window.pair_view.alignment is not None
    print(f"cached seed pair switch ({len(latencies)} switches): median {statistics.median(latencies):.1f} ms, "
          f"max {max(latencies):.1f} ms (target < 150 ms)")

    if not MOBY.is_file():
        print(f"{MOBY} not found: the long-pair stall measurement needs ../shared/corpora (skipped)")
        return 0
    text = MOBY.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    paragraphs = text.split("\n\n")
    blocks = [paragraphs[i:i + 20] for i in range(0, len(paragraphs), 20)]
    random.Random(1).shuffle(blocks)
    folder = Path(tempfile.mkdtemp(prefix="bench-moby-"))
    (folder / "moby.txt").write_text(text, encoding="utf-8")
    (folder / "moby-shuffled.txt").write_text("\n\n".join(p for b in blocks for p in b), encoding="utf-8")
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(10)
    started = time.perf_counter()
    window.open_paths([folder])
    wait(app, window, limit=300)
    timer.stop()
    print(f"Moby-Dick vs shuffled copy: shown aligned after {time.perf_counter() - started:.1f} s, "
          f"{len(window.pair_view.passages)} passages; longest GUI-thread stall {max(gaps) * 1000:.0f} ms")
    window.persist_state = False
    window.close()
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)  # skip interpreter teardown of Qt objects
