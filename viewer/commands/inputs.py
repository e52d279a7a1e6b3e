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


class TextsAsRead:
    """The texts of ``files``, each file read when its text is first asked for (so a corpus job
    in worker processes can start on the first files while the rest are read); ``articles``
    once every text was asked for."""

    def __init__(self, files: Sequence[Path]) -> None:
        self.files = list(files)
        self._read: list[Article | None] = [None] * len(self.files)

    def __len__(self) -> int:
        return len(self.files)

    def __getitem__(self, number: int) -> str:
        article = self._read[number]
        if article is None:
            article = self._read[number] = load_article(self.files[number])
        return article.text

    @property
    def articles(self) -> list[Article]:
        return [article if article is not None else load_article(path)
                for article, path in zip(self._read, self.files, strict=True)]
