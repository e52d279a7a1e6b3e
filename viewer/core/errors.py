"""The errors every layer shares, in one place.

- :class:`Cancelled`: the one way a task stops early when asked (cooperative cancel), raised
  by the core's long loops, by the background-work layer and by child processes alike.
- :class:`CommandError`: a problem the user can fix (bad usage, bad input); the command line
  reports it as one line and exit status 2.
- :class:`ArticleError`: a path that could not be read as an article.
"""

from __future__ import annotations

import os


class Cancelled(Exception):
    """The work was asked to stop (``cancelled()`` returned True, or the task was superseded)."""


class CommandError(Exception):
    """A user-fixable problem: reported as one line, exit status 2."""


class ArticleError(Exception):
    """A path that could not be read as an article; ``str()`` names the file and why."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")
