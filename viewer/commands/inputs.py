"""Reading the articles a command names: files and folders, every problem an error."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from viewer.core.errors import CommandError
from viewer.core.loading.articles import Article, expand_paths, load_article


def input_files(paths: Sequence[str]) -> list[Path]:
    """The files a command reads: every named file and every article in named folders."""
    files, problems = expand_paths(paths)
    if problems:
        raise problems[0]
    return files


def load_inputs(paths: Sequence[str], minimum: int = 1, files: Sequence[Path] | None = None) -> list[Article]:
    """Articles for a command: every named file and every article in named folders
    (``files``: those of :func:`input_files`, when the command listed them already).

    Anything unreadable is an error naming the file (exit 2), never skipped silently.
    """
    if files is None:
        files = input_files(paths)
    articles = [load_article(path) for path in files]
    if len(articles) < minimum:
        raise CommandError(f"needs at least {minimum} articles, found {len(articles)} in {' '.join(paths)}")
    return articles
