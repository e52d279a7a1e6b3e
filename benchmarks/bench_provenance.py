"""Provenance over the 2,225 BBC articles: the command, the core and the window's graph.

The BBC articles carry no dates, so every link is undirected and every article keeps an
original share of 1: this measures cost, and that nothing undated is ever ordered. Times:
``provenance --json`` as a whole process (cold cache, then warm), the core over a built
index, and laying out the view (table and graph, ``MAX_EDGES`` links). Run:
``python benchmarks/bench_provenance.py``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BBC = ROOT.parent / "shared" / "corpora" / "bbc"


def main() -> int:
    if not BBC.is_dir():
        print(f"corpus not found at {BBC}: nothing to measure")
        return 0
    home = tempfile.mkdtemp(prefix="bench-provenance-")
    env = {**os.environ, "ARTICLE_VIEWER_HOME": home, "QT_QPA_PLATFORM": "offscreen"}
    for label in ("cold cache", "warm cache"):
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "viewer", "provenance", str(BBC), "--json"],
                              cwd=ROOT, env=env, capture_output=True, text=True, check=True)
        print(f"provenance --json, {label}: {time.perf_counter() - started:.2f} s whole process")
    document = json.loads(done.stdout)
    edges = document["edges"]
    print(f"{len(document['articles'])} articles, {len(edges)} links, "
          f"{sum(e['directed'] for e in edges)} directed (the BBC set carries no dates), "
          f"{sum(a['original_share'] == 1.0 for a in document['articles'])} articles with an original share of 1")

    os.environ.update(env)
    from PySide6.QtWidgets import QApplication

    from viewer.core.corpus.index import CorpusIndex
    from viewer.core.corpus.provenance import provenance_of_similarity
    from viewer.core.loading.articles import load_articles
    from viewer.core.paths import cache_dir
    from viewer.ui.corpus.provenance_view import ProvenanceView

    articles = load_articles([BBC]).articles
    result = CorpusIndex(cache_dir() / "corpus-index.sqlite3").build(articles)
    started = time.perf_counter()
    found = provenance_of_similarity(result, articles)
    print(f"core over the built index: {time.perf_counter() - started:.3f} s")
    app = QApplication([])
    view = ProvenanceView()
    started = time.perf_counter()
    view.set_provenance(found)
    app.processEvents()
    print(f"view (table of {view.model.rowCount()} rows, graph of {len(view.graph.nodes)} boxes and "
          f"{len(view.graph.edges)} links): {time.perf_counter() - started:.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
