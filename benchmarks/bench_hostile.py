"""Hostile and odd inputs at full size: every command ends in bounded time with exit 0 or 2.

Each case writes its input into a temporary folder, runs one ``python -m viewer`` command on
it, and checks: it ended within its budget (20 s; ``align`` on a 20 MB file 60 s; ``matrix``
over 10,000 tiny files 90 s), exit status 0 or 2, standard error at most one line with no raw
control characters, and for the workspace cases that no acknowledged write was lost.
Run: ``make bench-hostile`` (``--only NAME`` runs the cases whose name holds NAME; ``--scale
0.1`` shrinks the inputs for a quick look). A case past twice its budget is killed.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import re
import sqlite3
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_58809129abae67b4.txt"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@dataclass
class Outcome:
    name: str
    seconds: float
    status: int | None
    stderr: str
    problems: list[str] = field(default_factory=list)


def run_viewer(args: list[str], budget: float, cwd: Path, env: dict[str, str]) -> tuple[float, int | None, str, str]:
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "viewer", *args], cwd=cwd, env=env, capture_output=True,
            timeout=budget * 2, stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired as exc:
        return time.perf_counter() - started, None, (exc.stderr or b"").decode("utf-8", "replace"), ""
    return (time.perf_counter() - started, done.returncode, done.stderr.decode("utf-8", "replace"),
            done.stdout.decode("utf-8", "replace"))


def check(name: str, seconds: float, status: int | None, stderr: str, budget: float,
          error_expected: bool | None = None) -> Outcome:
    outcome = Outcome(name, seconds, status, stderr)
    if status is None:
        outcome.problems.append(f"killed after {seconds:.0f} s")
    elif status not in (0, 2):
        outcome.problems.append(f"exit {status}")
    if seconds > budget:
        outcome.problems.append(f"{seconds:.1f} s > {budget:.0f} s")
    lines = stderr.splitlines()
    if error_expected and status not in (None, 0) and len(lines) != 1:
        outcome.problems.append(f"{len(lines)} lines on stderr")
    if any(_CONTROL.search(line.replace("\t", " ")) for line in lines):
        outcome.problems.append("raw control characters on stderr")
    if error_expected is True and status == 0:
        outcome.problems.append("accepted (expected a refusal)")
    if error_expected is False and status != 0:
        outcome.problems.append("refused (expected success)")
    return outcome


# --- the inputs -------------------------------------------------------------------------------

def words(rng: random.Random, count: int) -> str:
    vocab = [f"w{n}" for n in range(5000)] + ["the", "a", "said", "minister", "government", "war"]
    return " ".join(rng.choice(vocab) for _ in range(count))


Case = tuple[str, list[str], float, "bool | None", "Callable[[str], list[str]] | None"]


def repeat(text: str, size: int) -> str:
    """``text`` over and over, cut at exactly ``size`` bytes of UTF-8 (at a character)."""
    whole = (text * (size // max(1, len(text.encode("utf-8"))) + 1)).encode("utf-8")[:size]
    return whole.decode("utf-8", errors="ignore")


def build_cases(tmp: Path, scale: float) -> list[Case]:
    """(name, command arguments, budget, error expected?, extra check on stdout)."""
    def n(count: int) -> int:
        return max(1, int(count * scale))

    def put(name: str, data: str | bytes) -> str:
        path = tmp / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return str(path)

    rng = random.Random(15)
    seed = str(SEED)
    seed_text = SEED.read_text(encoding="utf-8")
    seed_sentences = [part.strip() for part in seed_text.replace("\n", " ").split(". ") if part.strip()]
    cases = []
    # 1. small files that used to take minutes
    html_bi = put("bold_italic.html", "<b>" * n(100_000) + "</i>" * n(100_000))
    html_nav = put("nav_p.html", "<nav>" * n(100_000) + "</p>" * n(100_000) + "<p>after the nav</p>")
    cases += [
        ("html <b>x100k </i>x100k: quotes", ["quotes", html_bi, "--json"], 20, None, None),
        ("html <nav>x100k </p>x100k: align", ["align", html_nav, seed, "--json"], 20, None, None),
        ("md [ x50k: quotes", ["quotes", put("brackets.md", "[" * n(50_000) + " text"), "--json"], 20, None, None),
        ("md list 2000 deep: quotes", ["quotes", put("deep_list.md", "".join(
            "  " * depth + "- item\n" for depth in range(n(2000)))), "--json"], 20, None, None),
        ("md 200k reference uses: quotes", ["quotes", put("refs.md", "[x][r] " * n(200_000) + "\n\n[r]: http://e.x\n"),
                                            "--json"], 20, None, None),
        ("md *_ x100k: quotes", ["quotes", put("emphasis.md", "*_" * n(100_000)), "--json"], 20, None, None),
        ("md 7 KB brackets: quotes", ["quotes", put("brackets7k.md", "[" * 3500 + "]" * 3500), "--json"], 20, None,
         None),
        ("16k quotations on one line: quotes", ["quotes", put("quotes16k.txt", " ".join(
            f'He said "point {k} stands" and left.' for k in range(n(16_000)))), "--json"], 20, None, None),
        ('"word" x200k: quotes', ["quotes", put("word200k.txt", '"word" ' * n(200_000)), "--json"], 20, None, None),
        ("1 MB unclosed quotations: align", ["align", put("unclosed.txt", repeat(
            "".join(f'"{sentence}. ' for sentence in seed_sentences), n(1_000_000))), seed, "--json"], 20, None, None),
        ("5 MB single line (the seed repeated): align", ["align", put("line5mb.txt", repeat(
            " ".join(seed_text.split()) + " ", n(5_000_000))), seed, "--json"], 20, None, None),
        ("5 MB single line of random words: align", ["align", put("random5mb.txt", words(rng, n(800_000))), seed,
                                                     "--json"], 20, None, None),
    ]
    # Exactly the size limit, the seed itself over and over: every copy aligns with the seed.
    cases.append(("20 MB file: align", ["align", put("twenty.txt", repeat(seed_text + "\n", n(20 * 1024 * 1024))),
                                        seed, "--json"], 60, None, None))
    tiny = tmp / "tiny"
    tiny.mkdir()
    boiler = "Breaking news from the wire service, all rights reserved, do not redistribute this story. "
    for k in range(n(10_000)):
        (tiny / f"{k:05d}.txt").write_text(f"Item {k}\n\n{boiler}Story number {k} about {rng.randrange(10**9)}.\n")
    cases.append(("matrix 10,000 tiny near-identical files", ["matrix", str(tiny), "--json"], 90, None, None))
    # 2. special files
    fifo = tmp / "pipe.txt"
    os.mkfifo(fifo)
    db = str(tmp / "work.sqlite")
    cases += [
        ("FIFO: quotes", ["quotes", str(fifo), "--json"], 20, True, None),
        ("FIFO: align", ["align", str(fifo), seed, "--json"], 20, True, None),
        ("FIFO: tag add --article", ["tag", "add", "--db", db, "--set", "s", "--article", str(fifo), "--start", "0",
                                     "--end", "5"], 20, True, None),
        ("FIFO: tag list --db", ["tag", "list", "--db", str(fifo)], 20, True, None),
        ("FIFO: export --db", ["export", "--db", str(fifo), "--csv", str(tmp / "out.csv")], 20, True, None),
        ("/dev/zero: quotes", ["quotes", "/dev/zero"], 20, True, None),
        ("/dev/urandom: align", ["align", "/dev/urandom", seed], 20, True, None),
    ]
    # 3. decoding
    damaged = "Déjà vu in Zürich, “said” the mayor.\n".encode() * 20 + b"caf\xe9 \xc3"
    cases += [
        ("damaged UTF-8 stays UTF-8", ["quotes", put("damaged.txt", damaged), "--json"], 20, False,
         lambda out: [] if "Déjà vu" in out and "Ã" not in out else ["read as a legacy encoding"]),
        ("UTF-16 without BOM", ["quotes", put("utf16.txt", 'Zürich, "he said it".\n'.encode("utf-16-le") * 50),
                                "--json"], 20, False, None),
        ("vertical tab line breaks", ["quotes", put("vt.txt", "First line\x0bSecond line said \"so\".\n"), "--json"],
         20, False, None),
    ]
    # 4. messages
    cases.append(("file name with ESC/BEL/newline", ["quotes", str(tmp / "\x1b]0;pwned\x07\x1b[2J\nname.txt")], 20,
                  True, None))
    return cases


def device_node(tmp: Path) -> Path:
    """A character device to write to: as root our own copy of /dev/null (an export that
    replaces it harms nothing), otherwise /dev/null itself (which we may not replace)."""
    if os.geteuid() != 0:
        return Path("/dev/null")
    node = tmp / "null-device"
    os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    return node


def workspace_cases(tmp: Path, env: dict[str, str]) -> list[Outcome]:
    """Parallel set creation (no lost write) and export through a symlink."""
    outcomes = []
    article = tmp / "quoted.txt"
    article.write_text('The mayor said "we will rebuild the bridge" on Monday.\n')
    db = tmp / "race.sqlite"
    lost = 0
    started = time.perf_counter()
    for round_number in range(5):
        procs = [subprocess.Popen([sys.executable, "-m", "viewer", "tag", "add", "--db", str(db), "--set",
                                   f"set{round_number}", "--article", str(article), "--start", "15", "--end", "42",
                                   "--note", f"writer {k}"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE) for k in range(4)]
        codes = [p.wait(timeout=60) for p in procs]
        with sqlite3.connect(db) as con:
            stored = con.execute("SELECT count(*) FROM occurrence o JOIN quote_set s ON o.set_id = s.id "
                                 "WHERE s.name = ?", (f"set{round_number}",)).fetchone()[0]
        lost += codes.count(0) - stored + codes.count(2)
    outcome = Outcome("4 writers create the same set (5 rounds)", time.perf_counter() - started, 0, "")
    if lost:
        outcome.problems.append(f"{lost} write(s) lost or refused")
    outcomes.append(outcome)
    real = tmp / "real.csv"
    real.write_text("old\n")
    link = tmp / "link.csv"
    link.symlink_to(real)
    seconds, status, stderr, _ = run_viewer(["export", "--db", str(db), "--csv", str(link)], 20, ROOT, env)
    outcome = check("export through a symlink", seconds, status, stderr, 20, False)
    if not link.is_symlink() or "quote_set" not in real.read_text():
        outcome.problems.append("the symlink was replaced")
    with real.open(newline="") as handle:
        if len(list(csv.reader(handle))) != 1 + 5 * 4:
            outcome.problems.append("rows missing from the export")
    outcomes.append(outcome)
    device = device_node(tmp)
    seconds, status, stderr, _ = run_viewer(["export", "--db", str(db), "--csv", str(device)], 20, ROOT, env)
    outcome = check("export onto a device node", seconds, status, stderr, 20, True)
    if not stat.S_ISCHR(os.stat(device).st_mode):
        outcome.problems.append("the device node was replaced by a file")
    outcomes.append(outcome)
    return outcomes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="run only the cases whose name contains this")
    parser.add_argument("--scale", type=float, default=1.0, help="input size factor (1.0 = the issue's sizes)")
    options = parser.parse_args()
    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory(prefix="hostile-") as folder:
        tmp = Path(folder)
        env = dict(os.environ, ARTICLE_VIEWER_HOME=str(tmp / "home"), PYTHONPATH=str(ROOT))
        for name, args, budget, error_expected, extra in build_cases(tmp, options.scale):
            if options.only not in name:
                continue
            seconds, status, stderr, stdout = run_viewer(args, budget, ROOT, env)
            outcome = check(name, seconds, status, stderr, budget, error_expected)
            if extra is not None and status == 0:
                outcome.problems += extra(stdout)
            outcomes.append(outcome)
            report(outcome)
        if not options.only or options.only in "workspace":
            for outcome in workspace_cases(tmp, env):
                outcomes.append(outcome)
                report(outcome)
    failed = [o for o in outcomes if o.problems]
    print(f"{len(outcomes) - len(failed)} of {len(outcomes)} cases passed; slowest "
          f"{max((o.seconds for o in outcomes), default=0):.1f} s")
    return 1 if failed else 0


def report(outcome: Outcome) -> None:
    line = outcome.stderr.strip().splitlines()[-1][:100] if outcome.stderr.strip() else ""
    verdict = "ok  " if not outcome.problems else "FAIL"
    print(f"{verdict} {outcome.seconds:6.1f} s  exit {outcome.status}  {outcome.name}"
          + (f"  [{'; '.join(outcome.problems)}]" if outcome.problems else "")
          + (f"\n        stderr: {line.encode('unicode_escape').decode()}" if line else ""), flush=True)


if __name__ == "__main__":
    sys.exit(main())
