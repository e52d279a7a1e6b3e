"""The command line: ``python -m viewer [PATH ...]`` opens the window, subcommands script the core.

Every subcommand lives in ``viewer/commands/<name>.py`` with ``add_arguments(parser)``
and ``run(args) -> int``. Failures a user can fix raise :class:`CommandError` or
:class:`ArticleError` and end in exit status 2 with one plain line on stderr.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from viewer import __version__
from viewer.core.errors import ArticleError, CommandError, escape_controls

PROG = "article-viewer"

# What opens the window (module:function), imported only when a window is asked for.
WINDOW = "viewer.ui.app:run_app"

# name -> (module, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "align": ("viewer.commands.align", "aligned passages of two articles"),
    "matrix": ("viewer.commands.matrix", "similarity of every pair of articles"),
    "quotes": ("viewer.commands.quotes", "direct quotations, speakers and shared quotes"),
    "tag": ("viewer.commands.tag", "record and list quote occurrences in quote sets"),
    "export": ("viewer.commands.export", "write quote sets as CSV"),
    "provenance": ("viewer.commands.provenance", "which articles borrow text from which earlier ones"),
    "report": ("viewer.commands.report", "a self-contained evidence report (HTML or PDF) of a pair or of quote sets"),
    "index": ("viewer.commands.index", "the corpus index on Dask, written as Parquet"),
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one plain line instead of usage + error
        raise CommandError(f"{message} (see '{self.prog} --help')")


def _gui_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Compare news articles about the same event. "
        f"Subcommands: {', '.join(COMMANDS)} (run '{PROG} COMMAND --help').",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="article files or folders (default: the bundled seeds)")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument("--screenshot", metavar="OUT.png", help="render the window to a PNG and exit")
    parser.add_argument("--pair", nargs=2, metavar=("A", "B"), help="the two articles to show side by side")
    parser.add_argument("--db", metavar="FILE", help="the workspace file (quote sets)")
    parser.add_argument("--theme", choices=("system", "light", "dark"), default=None,
                        help="colours of the window: the system's (default), or a light or dark palette")
    parser.add_argument("--size", metavar="WxH", help="window size for --screenshot (default 1400x880)")
    return parser


def _run_command(name: str, argv: Sequence[str]) -> int:
    module_name, help_text = COMMANDS[name]
    module = importlib.import_module(module_name)
    parser = _Parser(prog=f"{PROG} {name}", description=help_text)
    module.add_arguments(parser)
    args = parser.parse_args(argv)
    return int(module.run(args) or 0)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in COMMANDS:
            return _run_command(argv[0], argv[1:])
        args = _gui_parser().parse_args(argv)
        # The window is looked up by name, like the subcommands: the command line never
        # imports Qt (an import-linter contract), and a script without a display needs none.
        module_name, _, function = WINDOW.partition(":")
        return int(getattr(importlib.import_module(module_name), function)(args) or 0)
    except (CommandError, ArticleError) as exc:
        print(escape_controls(f"{PROG}: {exc}"), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - last resort: one line, not a traceback
        if os.environ.get("ARTICLE_VIEWER_DEBUG"):
            raise
        print(escape_controls(f"{PROG}: internal error: {type(exc).__name__}: {exc}"), file=sys.stderr)
        return 1
