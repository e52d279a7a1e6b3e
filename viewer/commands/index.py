"""``index PATH ... --out DIR [--workers N | --scheduler ADDRESS]``: the corpus index on Dask, as Parquet."""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time

from viewer.commands.align import add_setting_arguments, settings_from
from viewer.commands.inputs import load_inputs
from viewer.core.corpus.candidates import MAX_SHINGLE_HOLDERS
from viewer.core.errors import CommandError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    parser.add_argument("--out", required=True, metavar="DIR",
                        help="folder for articles.parquet, pairs.parquet and passages.parquet "
                             "(an index already there is reused for unchanged texts)")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--workers", type=int, default=2, metavar="N",
                       help="start a local Dask cluster of N worker processes (default 2)")
    where.add_argument("--scheduler", metavar="ADDRESS",
                       help="use an existing Dask cluster, e.g. tcp://10.0.0.5:8786")
    add_posting_argument(parser)
    add_setting_arguments(parser)


def add_posting_argument(parser: argparse.ArgumentParser) -> None:
    """The boilerplate cap, shared with ``matrix`` so both compute the same similarities."""
    parser.add_argument("--max-posting", type=int, default=MAX_SHINGLE_HOLDERS, metavar="N",
                        help="ignore anchor shingles found in more than N texts (boilerplate; default "
                             f"{MAX_SHINGLE_HOLDERS}); 0 ignores none")


def max_posting_from(args: argparse.Namespace) -> int | None:
    if args.max_posting < 0 or args.max_posting == 1:
        raise CommandError(f"--max-posting must be 0 (no cap) or at least 2, not {args.max_posting}")
    return args.max_posting or None


class _Progress:
    """One updating line on a terminal, a line per phase otherwise (at most one a second)."""

    def __init__(self, stream) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self.last = 0.0
        self.open_line = False

    def say(self, text: str) -> None:
        self._end_line()
        self.stream.write(f"index: {text}\n")
        self.stream.flush()

    def tick(self, phase: str, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self.last < (0.2 if self.tty else 1.0):
            return
        self.last = now
        line = f"index: {phase} {done}/{total}"
        if self.tty:
            self.stream.write(f"\r{line}\x1b[K")
            self.open_line = True
            if done == total:
                self._end_line()
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def _end_line(self) -> None:
        if self.open_line:
            self.stream.write("\n")
            self.open_line = False


def run(args: argparse.Namespace) -> int:
    missing = [name for name in ("dask", "distributed", "pyarrow") if importlib.util.find_spec(name) is None]
    if missing:
        raise CommandError(f"index needs {', '.join(missing)}: install them with "
                           "pip install 'dask[distributed]' pyarrow")
    settings = settings_from(args)
    max_posting = max_posting_from(args)
    if args.scheduler is None and args.workers < 1:
        raise CommandError(f"--workers must be at least 1, not {args.workers}")
    articles = load_inputs(args.paths, minimum=1)
    from viewer.core.corpus.dask_index import build_index, open_client

    progress = _Progress(sys.stderr)
    started = time.perf_counter()
    try:
        cluster = open_client(args.workers, args.scheduler)
    except OSError as exc:
        raise CommandError(f"cannot reach the Dask scheduler {args.scheduler}: {exc}") from exc
    try:
        report = build_index(articles, args.out, settings, cluster.client, max_posting, progress.say, progress.tick)
    finally:
        cluster.close()
    progress.say(
        f"{report.articles} articles, {report.candidates} candidate pairs: aligned {report.aligned}, "
        f"reused {report.reused} from the previous index; {report.pairs} pairs share {report.passages} passages; "
        f"{time.perf_counter() - started:.1f} s on {report.workers} workers -> {args.out}"
    )
    return 0
