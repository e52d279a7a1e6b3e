"""Whom a description, a document or an unnamed source stands for: "the French president",
"the 28-year-old", "the company", "the statement", "a BaFin spokeswoman" (rules of the speaker
resolver, kept apart from its pronoun and clause rules)."""

from __future__ import annotations

import re

from viewer.core.quotes.clauses import _clip_subject, _from_before, _sentence_start
from viewer.core.quotes.lexicon import (
    DETERMINERS,
    DOCUMENTS,
    FUNCTION_WORDS,
    GENERIC_SPEAKERS,
    NATIONALITIES,
    ROLES,
    TITLES,
)
from viewer.core.quotes.names import _PARTICLE, _clean, _described, _is_org, _strip_titles, surname_key

# A word of a name: "O'Brien", but not "Minister's" (what someone has is no name)
_NAME_PART = r"[A-Z][\w\-]*(?:['\u2019](?!s\b)[\w\-]+)*"
# "X filed a lawsuit", "X released its report": the one who issued the document
_FILED = re.compile(r"(?:^|[,;]\s*)([^,;]{2,80}?)\s+(?:has\s+|have\s+|had\s+)?(?:filed|brought|issued|released|"
                    r"published|sent|submitted|lodged)\s+(?:a|an|the|their|its|his|her)\s+(?:[\w\-]+\s+)?$")
# Words that make a title ("defense secretary", "former president") but name no one alone
_TITLE_MODIFIERS = {"foreign", "home", "defence", "defense", "finance", "trade", "national", "security", "state",
                    "health", "education", "interior", "culture", "shadow", "former", "new", "acting", "assistant",
                    "managing", "first", "deputy", "vice", "prosecution"}
# "Her lawsuit", "Smith's lawsuit": who has the document
_OWNED_DOCUMENT = re.compile(r"(?:\b([Hh]is|[Hh]er)|([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,2})['\u2019]s?)"
                             r"\s+(?:[a-z\-]+\s+)?$")
_AGE = re.compile(r"\b(?:the\s+)?(\d{1,3})-year-old\b", re.I)
_QUALIFIERS = {"former", "vice", "deputy", "ex", "acting", "interim"}
_BODY_WORDS = {"company", "firm", "group", "bank", "club", "government", "ministry", "department", "agency",
               "retailer", "airline", "carrier", "operator", "maker", "giant", "organisation", "organization",
               "union", "party", "body", "regulator", "watchdog", "committee", "commission", "council", "inquiry",
               "panel"}
# Bodies named with words in lower case, kept whole: "the Commons education select committee"
_PANELS = {"committee", "commission", "council", "inquiry", "panel"}
_SUBJECT_WORD = re.compile(r"(?:^|[.!?]\s+)([A-Z][\w&\-]+)\s+(?:is|was|has|had|said|says|will|would)\b", re.M)
_LOOKBACK = 3000  # characters of narration searched back, as the resolver does


class _DescriptionRules:
    """Mixed into the speaker resolver (which gives text, book, last_org, _in_quote, _antecedent,
    _org_antecedent and speaker_from_phrase)."""

    def _description(self, phrase: str, at: int) -> tuple[str | None, bool]:
        before = self.text[:at]
        age = _AGE.search(phrase)
        if age:
            years = age.group(1)
            found = None
            for m in re.finditer(r"([A-Z][\w'\u2019\-]+(?:\s+[A-Z][\w'\u2019\-]+)+),\s+" + years + r"\b", before):
                found = m.group(1)
            for m in re.finditer(years + r"-year-old\s+(?:[a-z]+\s+){0,3}"
                                 r"([A-Z][\w'\u2019\-]+(?:\s+[A-Z][\w'\u2019\-]+)+)", before):
                found = m.group(1)
            if found:
                return _clean(self.book.resolve(_strip_titles(found.split()))), True
            return self._antecedent(at), True
        words = [w.casefold() for w in re.findall(r"[\w\-]+", phrase)]
        words = [w for w in words if w not in DETERMINERS]
        if not words:
            return None, False
        head = words[-1]
        if head in _TITLE_MODIFIERS:
            return None, False  # "the defense argued": a side, not one person
        if head in DOCUMENTS or head.rstrip("s") in DOCUMENTS:
            return self._document_author(head, at)
        if head == "government" and not self._named_body(head, at):
            return "government", False  # "the government said": no body named as such, none other meant
        if head in _BODY_WORDS | {"statement"}:
            named = self._named_body(head, at)
            if not named and head in {"ministry", "department", "agency", "committee", "commission", "council"}:
                named = self._named_body(head, at, anywhere=True)  # "the ministry": the one named so, earlier
            return named or self.last_org or self._org_antecedent(at), False
        if (phrase.split()[0].casefold() in {"a", "an", "one"} and len(words) == 2 and words[0] in _BODY_WORDS
                and head in {"spokesman", "spokeswoman", "spokesperson"}):
            # "a company spokesperson": speaking for the company the article is about
            body = (self._named_body(words[0], at) or self.last_org or self._org_antecedent(at)
                    or self._subject_body(at))
            if body:
                return body, False
        if (phrase.split()[0].casefold() in {"a", "an", "one"}
                and head in {"spokesman", "spokeswoman", "spokesperson", "official", "source", "insider"}):
            return self._unnamed(phrase)  # "a spokesman said": someone new and unnamed, not an earlier name
        if head in TITLES | ROLES | NATIONALITIES or head in {"official", "source", "woman", "man", "spokesperson",
                                                            "insider"}:
            # "the French president": the nearest earlier "President Emmanuel Macron" or "Macron, the president".
            pattern = re.compile(
                r"\b(?i:" + re.escape(head) + r")\s+((?:" + _NAME_PART + r"\s+(?:" + _PARTICLE + r"\s+)*){0,2}"
                + _NAME_PART + r")"
                r"|(" + _NAME_PART + r"(?:\s+" + _NAME_PART + r")+),\s+(?:the\s+|a\s+)?[\w\s\-']{0,40}?\b(?i:"
                + re.escape(head) + r")\b",
            )
            found = None
            qualifiers = [w for w in words[:-1] if w in _QUALIFIERS]
            for m in pattern.finditer(before):
                if qualifiers and not all(q in before[max(0, m.start() - 30):m.end()].casefold() for q in qualifiers):
                    continue  # "the former vice president" is not "President Donald Trump"
                if self._in_quote(m.start()):  # ("... in Australian Rules football," a doctor said)
                    continue
                if m.group(2) and surname_key(_strip_titles(m.group(2).split())) not in self.book.full:
                    continue  # "in the Northern Echo, the Bishop said": a name before the title, not his
                found = m.group(1) or m.group(2)
            for m in re.finditer(r"\b(?i:" + re.escape(head) + r")\s+of\s+(?:the\s+)?[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*,"
                                 r"\s+(?:the\s+)?((?:[A-Z][\w.\-]*\s+){1,5}[A-Z][\w'\u2019\-]+)", before):
                if not self._in_quote(m.start()):
                    found = m.group(1)  # "The Bishop of Durham, the Rt Rev Dr Tom Wright,"
            if found and found.split()[0][0].isupper():
                name = _strip_titles(found.split())
                if not _is_org(name) and name[0].casefold() not in TITLES | FUNCTION_WORDS:
                    return _clean(self.book.resolve(name)), True
            if head in {"official", "source", "spokesman", "spokeswoman", "spokesperson", "analyst", "economist",
                        "insider"}:
                return self._unnamed(phrase)
            # "the French leader": the nearest earlier "French ... Emmanuel Macron".
            for word in reversed(words[:-1]):
                found = None
                for m in re.finditer(r"\b(?i:" + re.escape(word) + r")\s+(?:[a-z]+\s+){0,3}"
                                     r"((?:[A-Z][\w\-]+[ \t]+){1,3}[A-Z][\w\-]+)\b", before):
                    found = m.group(1)
                if found:
                    name = _strip_titles(found.split())
                    if (not _is_org(name) and name[0].casefold() not in TITLES
                            and name[-1].casefold() not in TITLES | ROLES):  # ("East Midlands MEP": no name)
                        return _clean(self.book.resolve(name)), True
            return self._antecedent(at), True
        return None, False

    def _named_body(self, head: str, at: int, anywhere: bool = False) -> str | None:
        """Whom "the agency" means when the narration named it so after the last organisation
        quoted (``anywhere``: or before it): "the Reuters news agency" -> "Reuters"."""
        floor = max(0, at - _LOOKBACK) if anywhere else max(0, at - _LOOKBACK, self.last_org_at)
        found = None
        between = r"(?:[a-z]+\s+){0,3}" if head in _PANELS else r"(?:[a-z]+\s+)?"
        for m in re.finditer(r"\b((?:[A-Z][\w&'\u2019.\-]*\s+(?:(?:of|for|and)\s+)?){0,3}[A-Z][\w&'\u2019.\-]*)\s+"
                             + between + r"((?i:" + re.escape(head) + r"))\b", self.text[floor:at]):
            if all(w in {"The", "A", "An"} for w in m.group(1).split()):
                continue  # "The committee found": the description itself, not a name
            if not self._in_quote(floor + m.start()) and not re.search(r"\.\s", m.group(0)):
                found = m.group(1)  # (not across a sentence end: "in New York City. A company spokesperson")
                if m.group(2)[0].isupper():
                    found += " " + m.group(2)  # "the Finance and Economy Ministry": its name
                if head in _PANELS:
                    found = re.sub(r"^(?:The|the)\s+", "", m.group(0))
        if not found:
            return None
        words = [w for w in found.split() if w not in {"The", "A", "An"}]
        if not words or words[0].casefold() in FUNCTION_WORDS:
            return None
        if all(w.casefold() in NATIONALITIES for w in words):
            return " ".join(words) + " " + head  # "the Afghan government"
        return " ".join(words)

    def _subject_body(self, at: int) -> str | None:
        """The one name, not a person's, that opens two sentences or more before ``at`` ("WeWork is
        headquartered in ..."): the body an article about it has "a company spokesperson" speak for."""
        counts: dict[str, int] = {}
        for m in _SUBJECT_WORD.finditer(self.text, 0, at):
            word = m.group(1)
            if (word.casefold() not in FUNCTION_WORDS and word.casefold() not in self.book.full
                    and not self.book.first_named(word) and not self._in_quote(m.start(1))):
                counts[word] = counts.get(word, 0) + 1
        best = max(counts, key=counts.get, default=None)
        if best is None or counts[best] < 2 or list(counts.values()).count(counts[best]) > 1:
            return None
        return best

    def _unnamed(self, phrase: str) -> tuple[str | None, bool]:
        """Someone the text describes without a name: "BaFin spokeswoman", but no speaker for a bare
        "official" or "source" that could be anyone."""
        described = _described(phrase)
        if not described or (len(described.split()) == 1 and described.casefold() in GENERIC_SPEAKERS):
            return None, False
        return described, False

    def _document_author(self, head: str, at: int) -> tuple[str | None, bool]:
        """Who a statement, report or lawsuit speaks for: whoever the narration has issuing one
        ("the US military said in a statement"), else the organisation or person last in view."""
        floor = max(0, at - _LOOKBACK)
        stem = re.escape(head.rstrip("s"))
        for m in reversed(list(re.finditer(r"\b(?:law)?" + stem + r"s?\b", self.text[floor:at], re.I))):
            where = floor + m.start()
            if self._in_quote(where):
                continue
            start = _sentence_start(self.text, floor, where)
            clause = self.text[start:where]
            owner = _OWNED_DOCUMENT.search(clause)
            if owner and owner.group(1):
                # "Her lawsuit, filed in San Francisco, said": whose document it is
                who = self._antecedent(where, owner.group(1).casefold().replace("his", "he").replace("her", "she"))
                if who:
                    return who, True
            elif owner:
                speaker, person = self.speaker_from_phrase(owner.group(2), where)
                if speaker:
                    return speaker, person
            by = re.match(r"\s*(?:from|by|of)\s+(?:the\s+)?([A-Z][^,.;:!?\"\u201c\u201d()]{1,60})",
                          self.text[floor + m.end():floor + m.end() + 80])
            found = _from_before(self, clause, where) if clause.strip() else None
            if found and found.speaker:
                return found.speaker, found.person
            if by:
                speaker, person = self.speaker_from_phrase(_clip_subject(by.group(1)), where)
                if speaker:
                    return speaker, person
            filed = _FILED.search(clause)
            if filed and filed.group(1).strip(" ,"):
                # "Families of three workers filed a lawsuit": whoever filed it, named or not
                return self.speaker_from_phrase(_clip_subject(filed.group(1).strip(" ,")), where)
        org = self._org_antecedent(at)
        if org:
            return org, False
        return self._antecedent(at), True
