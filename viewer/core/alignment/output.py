"""The SPEC's ``align --json`` object."""

from __future__ import annotations

from viewer.core.alignment.model import Alignment


def alignment_to_json(a_article, b_article, alignment: Alignment) -> dict:
    """The SPEC's ``align --json`` object for two loaded articles."""

    def side(article) -> dict:
        return {"path": str(article.path), "title": article.title, "chars": len(article.text)}

    a_text, b_text = a_article.text, b_article.text
    return {
        "a": side(a_article),
        "b": side(b_article),
        "similarity": alignment.similarity,
        "passages": [
            {
                "a_start": p.a_start, "a_end": p.a_end, "b_start": p.b_start, "b_end": p.b_end,
                "score": p.score,
                "a_text": a_text[p.a_start : p.a_end], "b_text": b_text[p.b_start : p.b_end],
            }
            for p in alignment.passages
        ],
    }
