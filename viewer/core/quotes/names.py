"""Names in an article: the people and organisations it introduces, each person in the fullest form given."""

from __future__ import annotations

import re
from functools import lru_cache

from viewer.core.quotes.lexicon import (
    ABBREVIATION_DOT,
    ABBREVIATIONS,
    DETERMINERS,
    FEMALE_NAMES,
    FEMALE_WORDS,
    FUNCTION_WORDS,
    HONORIFICS,
    MALE_NAMES,
    MALE_WORDS,
    NAME_SUFFIXES,
    NATIONALITIES,
    ORG_WORDS,
    PARTY_MEMBERS,
    PLURAL_PRONOUNS,
    POSSESSIVE_NAMES,
    PRONOUNS,
    RANKS_IN_NAME,
    ROLES,
    TITLES,
)

_NAME_WORD = r"(?:\d+(?=[A-Z]))?[A-Z\u00c0-\u00de](?:[a-z]{0,2}\.|[\w\u00c0-\u024f'\u2019\-]*)"
_PARTICLE = r"(?:de|du|da|van|von|der|den|bin|al|le|la|del|di|dos|el|ter|ten)"
# A run of capitalised words on one line ("Subir Raha", "Jean-Claude de la Tour"), never across a sentence end.
CAP_RUN = re.compile(r"\b" + _NAME_WORD + r"(?:[ \t\u00a0]+(?:" + _PARTICLE + r"[ \t\u00a0]+)*" + _NAME_WORD + r")*")


def _described(phrase: str) -> str:
    """An unnamed speaker as the text describes it: "a BaFin spokeswoman" -> "BaFin spokeswoman"."""
    words = [w for w in phrase.split() if w.casefold() not in DETERMINERS]
    return _clean(" ".join(words))


def _clean(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" ,.;:'\u2019\"")
    return re.sub(r"['\u2019]s$", "", name)


class _NameBook:
    """The people and organisations an article introduces: each person's fullest name, keyed by
    surname, for resolving "Ms Hewitt" and "Macron"; acronyms and nicknames as aliases
    ("QCA" -> "Qualifications and Curriculum Authority", "Mido" -> "Ahmed Hossam"); and whether
    the article writes of a person as "he" or "she"."""

    def __init__(self, text: str) -> None:
        self.full: dict[str, str] = {}  # surname (casefolded) -> fullest name given
        self.orgs: set[str] = set()
        self.org_names: list[str] = []  # as written, for expanding acronyms
        self.aliases: dict[str, str] = {}
        self.genders: dict[str, str] = {}  # full name -> "f" or "m"
        self._text = text
        self._by_surname: bool | None = None
        # Words the article also writes in lower case are common nouns when they lead a name.
        self.common = set(re.findall(r"(?<![\w'\u2019-])[a-z][a-z-]+(?![\w'\u2019-])", text))
        # Names of bodies joined by "of", "for", "and" ("Center for Disease Control and Prevention"):
        # no person is named inside them.
        bodies = []
        for m in _LONG_ORG.finditer(text):
            words = m.group(1).split()
            if any(w.casefold() in ORG_WORDS for w in words) and any(w in _CONNECTORS for w in words):
                bodies.append((m.start(1), m.end(1)))
                name = re.sub(r"^(?:The|A|An)\s+", "", m.group(1))
                self.org_names.append(name)
                self.orgs.add(name.casefold())
        headed: set[str] = set()
        titled: list[str] = []
        for match in CAP_RUN.finditer(text):
            if any(a <= match.start() < b for a, b in bodies):
                continue
            words = _split_name(match.group())
            if not words:
                continue
            if _is_org(words):
                self.orgs.add(" ".join(words).casefold())
                self.org_names.append(" ".join(w for w in words if w != "The"))
                continue
            if (len(words) >= 3 and words[0] == "The"
                    and not any(_fold(w) in TITLES | HONORIFICS | ROLES for w in words[1:])):
                continue  # "The Daily Telegraph", "The Sunday Times": a title, not a person
            if _fold(words[0]) == "st" and len(words) == 2:
                continue  # "St Helens", "St Andrews": a place
            if len(words) > 1 and all(w.isupper() for w in words):
                continue  # "NEW YORK (AP)": a dateline or a heading, not a person
            if ((match.group().startswith("The ") or text[max(0, match.start() - 4):match.start()] in ("The ", "the "))
                    and re.match(r"[ \t]+[a-z]+[ \t]+[a-z]", text[match.end():match.end() + 40])):
                continue  # "The Sydney Olympic gold medallist says": a name describing someone
            if _PLACED.search(text, max(0, match.start() - 12), match.start()):
                continue  # "in Las Vegas", "at Palm Springs": a place
            if _HEADED.search(text, max(0, match.start() - 40), match.start()):
                self.orgs.add(" ".join(words).casefold())  # "chief of Hewlett Packard": a body
                headed.add(" ".join(words).casefold())
                continue
            if any(re.search(r"['\u2019]s$", w) for w in words[:-1]) or _fold(words[-1]) in _OFFICES:
                continue  # "Prime Minister's Questions", "Tony Hawk's Underground": a thing someone has
            person = self.person_words(words)
            if person == _strip_titles(words) and any(w.casefold() in ORG_WORDS for w in person):
                continue  # ("Council Speaker Corey Johnson", "Police Chief Art Acevedo": the title ends the body)
            if len(person) == 1 and len(words) >= 2 and _fold(words[-2]) in RANKS_IN_NAME:
                person = [words[-2], person[0]]  # "Prince Andrew", "Pope Francis": the rank is the name
            elif (len(person) == 1 and len(words) >= 2 and _fold(words[-2]) in TITLES | HONORIFICS
                  and person[0].casefold() not in self.common | TITLES | ROLES | FUNCTION_WORDS
                  and not _is_org(person) and person[0][1:].islower()):
                titled.append(person[0])  # "Mayor Hernandez": maybe all the article gives
                continue
            if (not (2 <= len(person) <= 5) or any(w.casefold() in ORG_WORDS for w in person)
                    or person[-1].casefold() in PARTY_MEMBERS):  # "Massachusetts Democrat": no one's name
                continue
            key = surname_key(person)
            known = self.full.get(key)
            if known is None or (len(person) > len(known.split()) and (
                    person[0] == known.split()[0] or " " not in known)):  # ("Mayor Smith", then "Jo Smith")
                self.full[key] = " ".join(person)  # the fullest form: "James P. Kennedy Jr." over "James Kennedy"
            name = self.full[key]
            gender = _gender_of(words[:-len(person)] if len(words) > len(person) else [], person)
            if gender and name not in self.genders:
                self.genders[name] = gender
        for surname in titled:  # (once every full name is known: "Mr Barot" is "Jacques Barrot" misspelt)
            if surname.casefold() not in self.full and not self._variant(surname.casefold()):
                self.full[surname.casefold()] = surname
        for key in [k for k, name in self.full.items() if name.casefold() in headed]:
            del self.full[key]  # a body the article names a chief of, wherever else it stands alone
        for m in _ACRONYM.finditer(text):
            full = re.sub(r"^(?:The|the)\s+", "", m.group(1))
            self.aliases.setdefault(m.group(2).casefold(), full)
            self.orgs.add(full.casefold())
        for m in _NICKNAME.finditer(text):
            name = f"{m.group(1)} {m.group(3)}"
            self.aliases.setdefault(m.group(2).casefold(), name)
            self.full.setdefault(m.group(3).casefold(), name)
        for m in _KNOWN_AS.finditer(text) if "known as" in text else ():
            self.aliases.setdefault(m.group(1).casefold(), m.group(2))
        for m in _BRACKETED_FIRST.finditer(text) if "(" in text else ():
            # "Majority Leader (Mitch) McConnell": the editor adds a first name the copy left out
            self.full.setdefault(m.group(2).casefold(), f"{m.group(1)} {m.group(2)}")
        for m in _WHO.finditer(text) if "who" in text else ():
            name = _ONE_NAME_BEFORE.search(text, max(0, m.start() - 40), m.start())
            gendered = _GENDERED.search(m.group(1))
            # ("Trump, who is not charged in the case, called ...": a singular verb after the clause, unlike
            # "Leicester, who signed White, have")
            singular = _SINGULAR_AFTER.match(text, m.end())
            if not name or not (gendered or singular):
                continue
            word = name.group(1)
            if (word.casefold() not in FUNCTION_WORDS and word.casefold() not in self.common and not _is_org([word])
                    and word.casefold() not in self.orgs):
                self.full.setdefault(word.casefold(), word)
                if gendered:
                    self.genders.setdefault(self.full[word.casefold()],
                                            "f" if gendered.group(1).startswith("her") else "m")
        for m in _HONORIFIC_BEFORE.finditer(text):
            name = self.full.get(m.group(2).casefold())
            if name and name not in self.genders:
                self.genders[name] = "f" if m.group(1).casefold() in FEMALE_WORDS else "m"

    def expand(self, org: str) -> str:
        """An organisation's acronym in full: given in brackets ("(QCA)"), or spelt by the initials of
        a name the article gives ("CDC" in "Chinese Center for Disease Control and Prevention")."""
        alias = self.aliases.get(org.casefold())
        if alias or not (org.isupper() and org.isalpha() and 2 <= len(org) <= 6):
            return alias or org
        best = org
        for whole in self.org_names:
            # "Thursday to the Office of Management and Budget and the Office of Personnel Management":
            # two bodies in one capitalised run; one spelt exactly by the initials keeps them as the
            # name (as the article spelt it), never the whole run
            for name in [whole, *_TWO_BODIES.split(whole)[1:]] if " the " in whole else [whole]:
                initials = "".join(w[0] for w in name.split() if w[:1].isupper())
                if initials == org and name != whole:
                    return org
                if initials == org and name.upper() != name:
                    return name  # "IRB" for the "International Rugby Board" the article names
                if org in initials and len(initials) > len(org) and len(name) > len(best) and name.upper() != name:
                    best = name
        return best

    def person_words(self, words: list[str]) -> list[str]:
        """A person's name without titles, honorifics and the description leading it ("Sprinter")."""
        words = _after_inner_honorific(words)
        person = [w for w in _strip_titles(words) if _fold(w) not in HONORIFICS] or list(words)
        while len(person) > 1 and _fold(person[0]) in ROLES:
            person.pop(0)
        titled = [i for i, w in enumerate(person[:-1]) if w.casefold() in TITLES]
        if titled and len(person) - titled[-1] - 1 >= 2:
            person = person[titled[-1] + 1:]  # "White House Press Secretary Stephanie Grisham"
        while len(person) > 2 and person[0].casefold() in self.common:
            person.pop(0)  # "Nurse Amy Clarke" where the article also says "the nurse"
        return person

    def resolve(self, words: list[str]) -> str:
        """Honorifics dropped, a surname or alias alone completed to the fullest name given."""
        stripped = [w for w in _after_inner_honorific(words) if _fold(w) not in HONORIFICS]
        if not stripped:
            return " ".join(words)
        if len(stripped) == 1:
            alias = self.aliases.get(stripped[0].casefold())
            if alias:
                return alias
            full = self.full.get(stripped[0].casefold()) or self._variant(stripped[0].casefold())
            if full:
                return full
            return stripped[0]
        stripped = self.person_words(stripped)
        full = self.full.get(surname_key(stripped))
        if full and (full.split()[0] == stripped[0] or len(words) != len(stripped)) and len(full) >= len(
                " ".join(stripped)):
            return full
        return " ".join(stripped)

    def first_named(self, word: str) -> str | None:
        """The one person the article gave in full whose first name this is ("Hafiz" for "Hafiz Usama
        Tanveer"): feature copy calls people by first name after introducing them."""
        key = word.casefold()
        if key in self.full or key in self.common or key in FUNCTION_WORDS or _is_org([word]):
            return None
        found = {full for full in self.full.values() if full.split()[0].casefold() == key and " " in full}
        if len(found) != 1 or self._surname_style():
            return None
        # "in Lesotho", "a Honeynet machine": a place or a thing, never a person's first name
        for m in re.finditer(rf"(\w+)[ \t]+{re.escape(word)}\b", self._text):
            if m.group(1).casefold() in _NOT_BEFORE_A_NAME:
                return None
        return found.pop()

    def _surname_style(self) -> bool:
        """Whether the article calls someone it named in full by the surname alone ("Tanveer said"):
        news copy that does never calls a person by the first name alone."""
        if self._by_surname is None:
            self._by_surname = False
            for full in self.full.values():
                words = full.split()
                if len(words) < 2:
                    continue
                for m in re.finditer(rf"(\S*)\s+{re.escape(words[-1])}\b", self._text):
                    if not m.group(1)[:1].isupper() or _fold(m.group(1)) in HONORIFICS | TITLES:
                        self._by_surname = True
                        return True
        return self._by_surname

    def gender(self, name: str | None) -> str | None:
        if not name:
            return None
        known = self.genders.get(name)
        if known:
            return known
        first = name.split()[0].casefold()
        if first in FEMALE_NAMES:
            return "f"
        if first in MALE_NAMES:
            return "m"
        return None

    def _variant(self, surname: str) -> str | None:
        """The full name whose surname is this one spelt with one letter more, less or changed
        ("Hassel" for "Brian Hassell"): newsroom copy misspells names it has already given."""
        if len(surname) < 5:
            return None
        for known, full in self.full.items():
            if known[:3] == surname[:3] and abs(len(known) - len(surname)) <= 1 and _one_edit(known, surname):
                return full
        return None


def _gender_of(before: list[str], person: list[str]) -> str | None:
    for word in reversed(before):
        folded = _fold(word)
        if folded in FEMALE_WORDS:
            return "f"
        if folded in MALE_WORDS:
            return "m"
    return None


def surname_key(person: list[str]) -> str:
    """The word a person is looked up by: the last one that is not a suffix ("Kennedy" in "... Kennedy Jr.")."""
    words = [w for w in person if _fold(w) not in NAME_SUFFIXES] or person
    return words[-1].casefold()


@lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    return word.casefold().rstrip("." + ABBREVIATION_DOT)


def mask_abbreviations(text: str) -> str:
    """``text`` with the full stop of each abbreviation replaced by ABBREVIATION_DOT (same length)."""
    if "." not in text:
        return text
    chars = list(text)
    for pattern in (_ABBREVIATION, _INITIAL):
        for m in pattern.finditer(text):
            chars[m.end() - 1] = ABBREVIATION_DOT
    for m in _DOTTED.finditer(text):
        for i in range(m.start(), m.end() - 1):
            if chars[i] == ".":
                chars[i] = ABBREVIATION_DOT
        follow = text[m.end():m.end() + 30]
        nxt = re.match(r"[ \t\u00a0]+([A-Za-z0-9]+)|[,;:)\u2019']", follow)
        if nxt and (nxt.group(1) is None or not nxt.group(1)[0].isupper()
                    or nxt.group(1).casefold() in TITLES | HONORIFICS or nxt.group(1) in ABBREVIATIONS
                    or _initials_of_a_name(m.group(), nxt.group(1))):
            chars[m.end() - 1] = ABBREVIATION_DOT
    return "".join(chars)


def _initials_of_a_name(dotted: str, following: str) -> bool:
    """"J.D. Salinger", "T.J. Miller": initials before a surname, not "the U.S." ending a sentence
    before "The ..." (the initials of a place, or a word that opens sentences, follow)."""
    letters = dotted.replace(".", "")
    return (letters.isupper() and letters not in _PLACE_INITIALS and following[0].isupper()
            and following.casefold() not in _SENTENCE_OPENERS)


_NOT_BEFORE_A_NAME = {"in", "at", "from", "to", "of", "by", "for", "with", "into", "near", "across", "a", "an",
                      "the", "this", "that", "its", "their"}
_TWO_BODIES = re.compile(r"\s+(?:and|to|from|by|with|at)\s+the\s+")
_SENTENCE_OPENERS = FUNCTION_WORDS | DETERMINERS | PRONOUNS | PLURAL_PRONOUNS | {"i", "it", "this"}
_PLACE_INITIALS = {"US", "UK", "UN", "EU", "DC", "USA", "UAE", "USSR", "NYC", "LA"}
# "Rep. Gerald E. Connolly (D-Va.), chairman of ...": a US party-and-state tag after a name
_PARTY_TAG = re.compile(r" \((?:D|R|I)-[A-Z][\w.\ua78f\- ]{0,14}\)(,?)")


def mask_party_tags(text: str) -> str:
    """``text`` with each bracketed party tag blanked (same length, a comma after it kept next to
    the name), so the name reads as if the tag were not there: "Connolly,         chairman"."""
    if " (D-" not in text and " (R-" not in text and " (I-" not in text:
        return text
    return _PARTY_TAG.sub(lambda m: m.group(1) + " " * (len(m.group(0)) - len(m.group(1))), text)


def unmask(name: str | None) -> str | None:
    return name.replace(ABBREVIATION_DOT, ".") if name else name


_ABBREVIATION = re.compile(r"\b(?:" + "|".join(sorted(ABBREVIATIONS, key=len, reverse=True))
                           + r")\.(?=[ \t\u00a0]+[A-Z0-9a-z]|,)")
_INITIAL = re.compile(r"(?<![\w.\u2019'])[A-Z]\.(?=[ \t\u00a0]+[A-Z])")
_DOTTED = re.compile(r"(?<![\w.])(?:[A-Za-z]\.){2,}")
_ACRONYM = re.compile(r"((?:[A-Z][\w&'\u2019\-]*[ \t]+)"
                      r"(?:(?:of|for|and|the|on|in|to)[ \t]+|[A-Z][\w&'\u2019\-]*[ \t]+)*"
                      r"[A-Z][\w&'\u2019\-]*)[ \t]+\(([A-Z][A-Za-z&]{1,9})\)")
_NICKNAME = re.compile(r"\b([A-Z][\w'\u2019\-]+)[ \t]+[\"\u201c\u2018']([A-Z][\w'\u2019\-]+)[\"\u201d\u2019'][ \t]+"
                       r"([A-Z][\w'\u2019\-]+)")
# Offices that end a capitalised run but no one's name ("East Midlands MEP", "Foreign Secretary")
_OFFICES = {"minister", "secretary", "president", "senator", "governor", "mayor", "spokesman", "spokeswoman",
            "chairman", "chairwoman", "leader", "chief", "director", "mep", "mp", "ceo", "msp", "am"}
# A preposition of place just before a capitalised run: "in Las Vegas", "near Palm Springs"
_PLACED = re.compile(r"\b(?:in|at|near|outside|across|around|into|throughout|towards?)[ \t]+$")
# An office of a body just before a capitalised run: "chief of Hewlett Packard", "head of Marks and Spencer"
_HEADED = re.compile(r"\b(?:chief|head|boss|chairman|chairwoman|founder|owner|director|president|ceo|"
                     r"spokesman|spokeswoman|spokesperson)[ \t]+(?:executive[ \t]+)?(?:of|at)[ \t]+(?:the[ \t]+)?$",
                     re.I)
# "JK, also known as Jason King": a short name, then the person's full name
_KNOWN_AS = re.compile(r"\b([A-Z][\w'\u2019\-]*),[ \t]+(?:also[ \t]+)?known[ \t]+as[ \t]+([A-Z][\w'\u2019\-]+"
                       r"(?:[ \t]+[A-Z][\w'\u2019\-]+){1,3})")
_BRACKETED_FIRST = re.compile(r"\(([A-Z][a-z]+)\)[ \t]+([A-Z][\w'\u2019\-]*[a-z][\w'\u2019\-]*)\b(?![ \t]+[A-Z])")
_CONNECTORS = {"of", "for", "and", "on", "in", "to"}
_LONG_ORG = re.compile(r"\b([A-Z][\w&'\u2019\-]*(?:[ \t]+(?:(?:of|for|and|on|in|to|the)[ \t]+)*[A-Z][\w&'\u2019\-]*)+)")
# "Tommy — who only goes by his first name online — retired": one name, then "who": a person.
# (A gendered word in the clause tells a person from a club: "Leicester, who signed White ..., have")
# (found from each "who": a pattern that starts at every capital letter made the book a fifth slower)
_WHO = re.compile(r"[,\u2014\u2013-][ \t]*who\b([^,.;:!?\u2014\u2013]{0,80})")
_ONE_NAME_BEFORE = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))([A-Z][a-z]+)[ \t]*-?$")
_SINGULAR_AFTER = re.compile(r",[ \t]+(?:also[ \t]+|later[ \t]+)?(?:said|says|told|called|wrote|added|argued|insisted|"
                             r"warned|is|was|has)\b")
_GENDERED = re.compile(r"\b(his|her|himself|herself)\b")
_HONORIFIC_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Lady|Lord|Dame)[.\ua78f]?[ \t]+([A-Z][\w'\u2019\-]+)")


_FIRST_PERSON = re.compile(r"^I(?:['\u2019](?:m|ve|d|ll))?$")
# "The Ballymena-born actor", "Glasgow-based firm": a place or prize made into an adjective.
_COMPOUND_ADJECTIVE = re.compile(r"^[A-Z][\w']*-[a-z][\w\-]*$")


def _one_edit(a: str, b: str) -> bool:
    if a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    if len(a) > len(b):
        a, b = b, a
    return any(b[:i] + b[i + 1:] == a for i in range(len(b)))


def _split_name(run: str) -> list[str]:
    """The words of a capitalised run that may name someone (a fresh list: callers change it)."""
    return list(_split_name_cached(run))


@lru_cache(maxsize=65536)
def _split_name_cached(run: str) -> tuple[str, ...]:
    # "ONGC's Mr Raha" -> "Mr Raha": a possessive belongs to the owner, not the speaker
    # (but "People's Daily" is one name).
    parts = re.split(r"(['\u2019]s\s+)", run.strip())
    run = parts[-1]
    if len(parts) == 3 and parts[0].split()[-1].casefold() in POSSESSIVE_NAMES:
        run = "".join(parts)
    words = [w.rstrip(",") for w in run.split() if w]
    words = [w if i < len(words) - 1 and w.endswith(("\u2019s", "'s")) else re.sub(r"['\u2019]s?$", "", w)
             for i, w in enumerate(words)]
    while words and (words[0].casefold() in FUNCTION_WORDS or _FIRST_PERSON.match(words[0])
                     or _COMPOUND_ADJECTIVE.match(words[0])
                     or (len(words) > 1 and words[0].endswith("ly") and words[0][1:].islower()
                         and words[0].casefold() not in FEMALE_NAMES | MALE_NAMES)):  # (not "Carly", "Emily")
        words.pop(0)  # "I", "Unfortunately", "Oscar-nominated" open a clause, they do not name anyone
    if any(_FIRST_PERSON.match(w) or _COMPOUND_ADJECTIVE.match(w) for w in words):
        return ()
    if words and len(words[-1]) > 2 and words[-1].endswith(".") and _fold(words[-1]) not in NAME_SUFFIXES:
        words[-1] = words[-1][:-1]  # "state Sen. Mark Lee." closing a sentence: the full stop is no part of it
    return tuple(w for w in words if w)


def _is_org(words: list[str]) -> bool:
    folded = [_fold(w) for w in words]
    if folded and folded[-1] in ORG_WORDS:
        return True
    # All capitals (ONGC, BBC) is an organisation's acronym, not a person; so is a name it leads
    # ("BBC News", "BBC Northern Ireland").
    if not words or not (words[0].isupper() and len(words[0]) > 1 and words[0].isalpha()):
        return False
    if words[0].count(ABBREVIATION_DOT) == 1 or (len(words) > 1 and folded[0] in TITLES):
        return False  # an initial ("J. Allard") or an office ("CEO Steve Harfst"), not an acronym
    if len(words) == 2 and len(words[0]) == 2 and words[1][1:].islower() and words[1].casefold() not in ORG_WORDS:
        return False  # initials before a surname: "JF Sullivan"
    # ... but "US National Security Adviser Jake Sullivan" is a person with a country and a title.
    return len(words) == 1 or (folded[0] not in NATIONALITIES and not any(w in TITLES for w in folded[1:]))


# Honorifics that may sit inside a capitalised run and still lead the name ("California Sen. Dianne
# Feinstein", "Texas Gov. Greg Abbott"); not "St" ("Mary St. John") nor "Sr" (a suffix too).
_INNER_HONORIFICS = HONORIFICS - {"st", "sr", "m", "sra", "hon"}


def _after_inner_honorific(words: list[str]) -> list[str]:
    """The name after an honorific inside a run: the place or party before it is no part of the name."""
    for i in range(len(words) - 2, 0, -1):
        if _fold(words[i]) in _INNER_HONORIFICS and any(
                w[:1].isupper() and _fold(w) not in NAME_SUFFIXES for w in words[i + 1:]):
            return words[i + 1:]
    return words


def _strip_titles(words: list[str]) -> list[str]:
    out = list(words)
    while len(out) > 1 and (out[0].casefold() in TITLES or _fold(out[0]).replace(".", "").replace(
            ABBREVIATION_DOT, "") in NATIONALITIES or out[0].casefold() in DETERMINERS
            or out[0].casefold() in FUNCTION_WORDS):
        out.pop(0)
    return out


# Nationality nouns written with a capital ("the Dutchman", "the Irishman"): descriptions, never names
_ROLE_NOUNS = {w.capitalize() for w in ROLES if w.endswith(("man", "woman")) or w in {"spaniard", "swede", "briton"}}


def _name_in(phrase: str) -> list[str] | None:
    """The last proper name in a subject phrase, or None when it holds none."""
    best: list[str] | None = None
    for match in CAP_RUN.finditer(phrase):
        words = _split_name(match.group())
        words = [w for w in words if w.casefold() not in DETERMINERS or w[0].isupper() and w.casefold() not in
                 DETERMINERS]
        words = [w for w in words if w.casefold() not in DETERMINERS]
        if not words:
            continue
        core = _strip_titles(words)
        if len(core) == 1 and (core[0].casefold() in TITLES | NATIONALITIES | RANKS_IN_NAME or core[0] in _ROLE_NOUNS
                               or (core[0].isupper() and core[0].casefold() in ROLES)):  # ("the DJ")
            continue  # "French President", "the Dutchman", "the Bishop" alone are descriptions, not names
        if core[0].casefold() in PRONOUNS | PLURAL_PRONOUNS:
            continue
        best = core if not _is_org(words) else [w for w in words if w.casefold() not in DETERMINERS]
    return best
