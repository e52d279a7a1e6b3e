"""Builds the dated wire stories with rewrites used by the provenance tests, from the BBC corpus.

    python tests/data/provenance/make_wire_set.py /work/shared/corpora/bbc

Two sets: this folder (the development set, politics stories) and ``../provenance_heldout``
(a test set built the same way from technology stories, with a longer chain, written after
the code was done and not looked at while writing it).

- ``wire.md`` (2005-02-07): a BBC story as an agency sends it.
- ``courier.md`` (2005-02-08): its own opening (another BBC story), then three of the
  wire's paragraphs, two lightly edited, one word for word.
- ``post.md`` (2005-02-09): rewrites the Courier: one of the Courier's own paragraphs and
  the Courier's version of a wire paragraph, between its own text.
- ``blog.md`` (no date): a wire paragraph word for word, and its own text.
- ``same-day.md`` (2005-02-07, the wire's day): a wire paragraph and its own text.

``expected.json`` records, for each article, the characters of its text copied from each
other article (from the rendered text: where each copied paragraph landed), so a test can
compare ``provenance`` with what was really copied.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from viewer.core.loading.articles import load_article  # noqa: E402


def paragraphs(path: Path) -> tuple[str, list[str]]:
    lines = [line.strip() for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
    return lines[0], lines[1:]


def lightly_edit(paragraph: str) -> str:
    """What a subeditor does: a synonym, a dropped word, a name shortened, straight quotes curled."""
    edited = re.sub(r"\bsaid\b", "stated", paragraph, count=1)
    edited = re.sub(r"\bthe (\w+) (\w+)\b", r"the \2", edited, count=1)
    edited = re.sub(r'"([^"]+)"', "\u201c\\1\u201d", edited)
    return edited.replace(" has been ", " was ", 1)


def write(name: str, title: str, outlet: str, date: str | None, body: list[str], folder: Path = HERE) -> None:
    front = ["---", f"title: {title}", f"source: {outlet}"] + ([f"date: {date}"] if date else []) + ["---"]
    text = "\n".join(front) + f"\n\n# {title}\n\n" + "\n\n".join(body) + "\n"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def record(folder: Path, copies: dict[tuple[str, str], list[str]], extra: dict[str, dict] | None = None) -> None:
    """``expected.json``: per copier, its length and the characters it copied from each article."""
    expected: dict[str, dict] = {}
    for (copier, origin), pieces in copies.items():
        article = load_article(folder / copier)
        chars = 0
        for piece in pieces:
            assert piece in article.text, (copier, piece[:40])
            chars += len(piece)
        entry = expected.setdefault(copier, {"chars": len(article.text), "copied_from": {}})
        entry["copied_from"][origin] = chars
    for name, entry in (extra or {}).items():
        expected[name] = {"chars": len(load_article(folder / name).text), "copied_from": {}, **entry}
    (folder / "expected.json").write_text(json.dumps(expected, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def heldout(bbc: Path) -> None:
    """wire (03-01) -> daily (03-02) -> weekly (03-04) -> digest (03-07); an undated aggregator copy."""
    folder = HERE.parent / "provenance_heldout"
    _, wire = paragraphs(bbc / "tech" / "095.txt")
    wire_title = "Mobile games come of age"
    _, daily_own = paragraphs(bbc / "tech" / "099.txt")
    _, weekly_own = paragraphs(bbc / "tech" / "072.txt")
    _, digest_own = paragraphs(bbc / "tech" / "001.txt")
    write("a-wire.md", wire_title, "Tech Wire", "2005-03-01", wire, folder)
    daily = [daily_own[0], lightly_edit(wire[0]), lightly_edit(wire[1]), wire[2], daily_own[1]]
    write("b-daily.md", "Phones become game consoles", "The Daily", "2005-03-02", daily, folder)
    weekly = [weekly_own[0], daily[0], weekly_own[1], lightly_edit(daily[3]), weekly_own[2]]
    write("c-weekly.md", "The week in gadgets", "Gadget Weekly", "2005-03-04", weekly, folder)
    digest = [digest_own[0], weekly_own[1], digest_own[1]]
    write("d-digest.md", "Monthly digest", "Digest", "2005-03-07", digest, folder)
    write("e-aggregator.md", "Games news roundup", "Aggregator", None,
          [digest_own[2], wire[4], wire[5], digest_own[3]], folder)
    record(folder, {
        ("b-daily.md", "a-wire.md"): [daily[1], daily[2], wire[2]],
        ("c-weekly.md", "b-daily.md"): [daily[0], weekly[3]],
        ("c-weekly.md", "a-wire.md"): [weekly[3]],
        ("d-digest.md", "c-weekly.md"): [weekly_own[1]],
        ("e-aggregator.md", "a-wire.md"): [wire[4], wire[5]],
    })


def main(bbc: Path) -> None:
    wire_title, wire = paragraphs(bbc / "politics" / "019.txt")
    _, courier_own = paragraphs(bbc / "politics" / "012.txt")
    _, post_own = paragraphs(bbc / "politics" / "007.txt")
    _, blog_own = paragraphs(bbc / "politics" / "020.txt")
    _, same_day_own = paragraphs(bbc / "business" / "010.txt")

    write("wire.md", wire_title, "Scottish Wire", "2005-02-07", wire)
    courier_p0, courier_p1 = lightly_edit(wire[0]), lightly_edit(wire[1])
    courier = [courier_own[0], courier_own[1], courier_p0, courier_p1, wire[3], courier_own[2]]
    write("courier.md", "Drink remark row grows", "Daily Courier", "2005-02-08", courier)
    post = [post_own[0], courier_own[1], post_own[1], courier_p1, post_own[2]]
    write("post.md", "Ministers under fire over drink and justice", "Evening Post", "2005-02-09", post)
    write("blog.md", "What the papers missed", "A Blog", None, [blog_own[0], wire[4], blog_own[1]])
    write("same-day.md", "Morning briefing", "Morning Agency", "2005-02-07",
          [same_day_own[0], wire[5], same_day_own[1]])

    # Where the copied paragraphs are in each rendered text: (copier, copied from) -> characters.
    record(HERE, {
        ("courier.md", "wire.md"): [courier_p0, courier_p1, wire[3]],
        ("post.md", "courier.md"): [courier_own[1], courier_p1],
        ("post.md", "wire.md"): [courier_p1],
        ("blog.md", "wire.md"): [wire[4]],
        ("same-day.md", "wire.md"): [wire[5]],
    }, {"wire.md": {"copied_by": {"blog.md": len(wire[4]), "same-day.md": len(wire[5])}}})
    heldout(bbc)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/corpora/bbc"))
