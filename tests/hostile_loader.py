"""A reader for tests of the progressive loader: stuck on files whose name holds ``stuck``, otherwise
the real one. Importable in a spawned worker process (tests/ is on its path)."""

from __future__ import annotations

import time
from pathlib import Path

from viewer.core.loading.articles import load_article


def load(path):
    if "stuck" in Path(path).name:
        while True:  # a parser that never finishes
            time.sleep(0.05)
    return load_article(path)
