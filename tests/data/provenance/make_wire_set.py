"""Builds the dated wire story with rewrites in this folder from the BBC corpus (run once).

    python tests/data/provenance/make_wire_set.py /work/shared/corpora/bbc

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


def write(name: str, title: str, outlet: str, date: str | None, body: list[str]) -> None:
    front = ["---", f"title: {title}", f"source: {outlet}"] + ([f"date: {date}"] if date else []) + ["---"]
    text = "\n".join(front) + f"\n\n# {title}\n\n" + "\n\n".join(body) + "\n"
    (HERE / name).write_text(text, encoding="utf-8")


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
    copies = {
        ("courier.md", "wire.md"): [courier_p0, courier_p1, wire[3]],
        ("post.md", "courier.md"): [courier_own[1], courier_p1],
        ("post.md", "wire.md"): [courier_p1],
        ("blog.md", "wire.md"): [wire[4]],
        ("same-day.md", "wire.md"): [wire[5]],
    }
    expected: dict[str, dict] = {}
    for (copier, origin), pieces in copies.items():
        article = load_article(HERE / copier)
        chars = 0
        for piece in pieces:
            assert piece in article.text, (copier, piece[:40])
            chars += len(piece)
        entry = expected.setdefault(copier, {"chars": len(article.text), "copied_from": {}})
        entry["copied_from"][origin] = chars
    wire_article = load_article(HERE / "wire.md")
    expected["wire.md"] = {"chars": len(wire_article.text), "copied_from": {},
                           "copied_by": {"blog.md": len(wire[4]), "same-day.md": len(wire[5])}}
    (HERE / "expected.json").write_text(json.dumps(expected, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/corpora/bbc"))
