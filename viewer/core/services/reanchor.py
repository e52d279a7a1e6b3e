"""Re-anchoring: finding every tagged quote again in its article's current text."""

from __future__ import annotations

import os
from collections.abc import Callable

from viewer.core.loading.articles import Article, load_article
from viewer.core.store.model import ReanchorReport
from viewer.core.store.workspace import Workspace


def reanchor_workspace(db: str | os.PathLike[str] | None,
                       load: Callable[[str], Article] = load_article) -> ReanchorReport:
    """Re-anchor every occurrence of workspace ``db`` on a connection of its own (any thread)."""
    with Workspace.open(db) as workspace:
        return workspace.reanchor(load)
