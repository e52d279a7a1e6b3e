"""What showing speaker corrections costs the Quotes panel on a real corpus.

Finds the quotations of the BBC corpus (or the folder given) once, then fills the
panel's trees as the window does, with and without the correction overlay watching
the rows, and times applying a batch of corrections. Prints seconds of GUI time.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_speaker_overlay.py [FOLDER] [--limit N]
"""

from __future__ import annotations

import argparse
import os
import random
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from viewer.core.loading.articles import load_articles  # noqa: E402
from viewer.core.quotes.clusters import find_and_cluster  # noqa: E402
from viewer.core.store.model import SpeakerCorrection  # noqa: E402
from viewer.ui.quotes.quotes_panel import QuoteFindings, QuotesPanel  # noqa: E402
from viewer.ui.quotes.speaker_overlay import SpeakerOverlay  # noqa: E402

BBC = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bbc"


def fill(app: QApplication, panel: QuotesPanel, articles, findings) -> tuple[float, float, float]:
    """Seconds to fill the Shared tree, the By Article tree, and to empty both."""
    panel.articles = {a.path: a for a in articles}
    panel.findings = findings
    panel._cluster_of = {(q.article, q.start, q.end): c for c in findings.clusters for q in c.quotes}
    started = time.perf_counter()
    panel._fill_shared(findings.clusters)
    shared = time.perf_counter() - started
    started = time.perf_counter()
    panel._fill_articles(findings.quotes)
    while panel._pending_rows is not None:
        panel._fill_step()
    by_article = time.perf_counter() - started
    started = time.perf_counter()
    panel.shared_model.removeRows(0, panel.shared_model.rowCount())
    panel.article_model.removeRows(0, panel.article_model.rowCount())
    return shared, by_article, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", nargs="?", default=str(BBC))
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    articles = load_articles([args.folder]).articles
    if args.limit:
        articles = articles[: args.limit]
    started = time.perf_counter()
    quotes, clusters = find_and_cluster([(a.path, a.text) for a in articles], None, None)
    print(f"{len(articles)} articles, {len(quotes)} quotations, {len(clusters)} clusters "
          f"(found in {time.perf_counter() - started:.1f} s)")
    findings = QuoteFindings(quotes, clusters)
    bare = QuotesPanel()
    print("seconds: Shared tree, By Article tree (in slices), emptying both")
    print("without overlay: " + ", ".join(f"{t:.3f}" for t in fill(app, bare, articles, findings)))
    watched = QuotesPanel()
    overlay = SpeakerOverlay(watched)
    print("with overlay:    " + ", ".join(f"{t:.3f}" for t in fill(app, watched, articles, findings)))
    watched.articles = {a.path: a for a in articles}
    watched._on_found(tuple(watched.articles), findings)
    while watched._pending_rows is not None:
        watched._fill_step()
    picked = random.Random(1).sample(quotes, min(200, len(quotes)))
    corrections = [SpeakerCorrection(i, overlay.key(q)[0], "", q.start, q.end, q.text, "", "", "Someone Else",
                                     q.speaker, False, "", "") for i, q in enumerate(picked)]
    started = time.perf_counter()
    overlay.set_corrections(corrections)
    print(f"showing {len(corrections)} corrections: {time.perf_counter() - started:.3f} s")
    started = time.perf_counter()
    overlay.set_corrections(corrections[:-1])
    print(f"one correction undone: {time.perf_counter() - started:.4f} s")


if __name__ == "__main__":
    main()
