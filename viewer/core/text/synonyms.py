"""Words that article spinners and copy editors swap for one another, folded to one key.

"Spun" copies replace words with dictionary synonyms ("military" becomes "navy",
"said" becomes "stated", "security guarantees" becomes "safety ensures"). Folding
each group to one comparison key lets the aligner see through the swap. The groups
live in ``data/synonyms.txt`` (one group per line, the first word is the key). The
table holds single words only: multi-word swaps ("based on" -> "primarily based on",
"countries" -> "international locations") are absorbed by the aligner's gap tolerance.

Inflections fold too: a word missing from the table ("assisted", "supplies",
"stopping") is looked up again with a regular suffix taken off, so the file lists base
forms and irregular forms only.

Groups are deliberately small and close: a loose group ("big" = "great" = "major")
would make unrelated sentences look alike.
"""

from __future__ import annotations

import hashlib
from importlib.resources import files

DATA_FILE = "synonyms.txt"
_TEXT = files("viewer.core.text").joinpath("data", DATA_FILE).read_text(encoding="utf-8")
# The corpus index's cache keys on this: editing the data file invalidates it.
TABLE_SHA256 = hashlib.sha256(_TEXT.encode()).hexdigest()


def _read_groups(text: str) -> tuple[tuple[str, ...], ...]:
    groups = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        words = tuple(dict.fromkeys(word.strip().casefold() for word in line.split(",") if word.strip()))
        if len(words) > 1:
            groups.append(words)
    return tuple(groups)


# Each tuple is one group; the first word is the key the others fold to.
_GROUPS: tuple[tuple[str, ...], ...] = _read_groups(_TEXT)


def _build() -> dict[str, str]:
    table: dict[str, str] = {}
    for group in _GROUPS:
        key = table.get(group[0], group[0])  # a word in two groups joins the first one
        for word in group:
            table.setdefault(word, key)
    return table


SYNONYM_KEYS: dict[str, str] = _build()

# Regular suffixes, tried in order on a word the table lacks: (ending, replacement).
# "Doubled" endings undo the doubled consonant ("stopped" -> "stop").
_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""),
    ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"),
)
_MIN_STEM = 3  # "used" -> "us" must not happen: stems shorter than this are not looked up


def _inflected_key(word: str) -> str | None:
    for ending, replacement in _SUFFIXES:
        if len(word) - len(ending) >= _MIN_STEM and word.endswith(ending):
            stem = word[: len(word) - len(ending)]
            for candidate in (stem + replacement, stem[:-1] if stem[-1:] == stem[-2:-1] else None):
                if candidate and len(candidate) >= _MIN_STEM:
                    found = SYNONYM_KEYS.get(candidate)
                    if found is not None:
                        return found
    return None


def synonym_key(word: str) -> str:
    """The group key of a normalised word (or of its uninflected form), else the word itself."""
    found = SYNONYM_KEYS.get(word)
    if found is None:
        found = _inflected_key(word)
    return word if found is None else found
