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


# C0 and C1 control characters, DEL, and the Unicode line and paragraph separators: in a
# message they would break the one-line contract or drive the terminal (a file name holding
# ESC ] 0 ; ... BEL retitles the window, ESC [ 2 J clears the screen).
_UNSAFE = {code: f"\\x{code:02x}" for code in [*range(0x20), 0x7F, *range(0x80, 0xA0)]}
_UNSAFE.update({0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t", 0x2028: "\\u2028", 0x2029: "\\u2029"})


def escape_controls(message: str) -> str:
    """``message`` safe to print as one line: control characters written as escapes."""
    return str(message).translate(_UNSAFE)
