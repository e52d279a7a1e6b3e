"""Workspace speed: tagging one occurrence per transaction, re-anchoring, CSV export.

    .venv/bin/python benchmarks/bench_workspace.py [N]

Uses the bundled seed articles; one of them is edited before re-anchoring so that a
share of the occurrences goes through exact and fuzzy search.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from viewer.core.loading.articles import load_article  # noqa: E402
from viewer.core.store.csv_export import csv_rows, write_csv  # noqa: E402
from viewer.core.store.workspace import Workspace, new_occurrence  # noqa: E402


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        paths = []
        for seed in sorted((ROOT / "seeds").glob("*.txt")):
            shutil.copy(seed, folder / seed.name)
            paths.append(folder / seed.name)
        articles = [load_article(p) for p in paths]
        with Workspace.open(folder / "ws.sqlite3") as ws:
            set_id = ws.create_set("Bench").result.id
            began = time.perf_counter()
            for n in range(count):
                article = articles[n % len(articles)]
                start = (n * 97) % (len(article.text) - 200)
                ws.add_occurrence(set_id, new_occurrence(article, start, start + 120, note=f"note {n}"))
            tagging = time.perf_counter() - began
            print(f"tag: {count} occurrences, one transaction each (synchronous=FULL): "
                  f"{tagging:.2f} s, {tagging / count * 1000:.2f} ms each")

            began = time.perf_counter()
            ws.reanchor()
            print(f"re-anchor, no article changed: {(time.perf_counter() - began) * 1000:.0f} ms")

            text = paths[0].read_text(encoding="utf-8")
            paths[0].write_text("An inserted first line.\n" + text.replace(" the ", " a ", 40), encoding="utf-8")
            began = time.perf_counter()
            report = ws.reanchor()
            methods = {m: list(report.methods.values()).count(m) for m in set(report.methods.values())}
            print(f"re-anchor, one of {len(paths)} articles edited: {(time.perf_counter() - began) * 1000:.0f} ms "
                  f"{dict(sorted(methods.items()))}")

            began = time.perf_counter()
            rows = csv_rows([(s, ws.occurrences(s.id)) for s in ws.sets()])
            write_csv(rows, folder / "out.csv", bom=True)
            print(f"export: {len(rows) - 1} rows, {(folder / 'out.csv').stat().st_size / 1e3:.0f} kB in "
                  f"{(time.perf_counter() - began) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
