"""Whom the narration has as the subject of a sentence: the person a pronoun or a description
can mean ("Reed's attorney, Linda Park, argued ...", "Telegraph executive Murdoch MacLennan said ..."),
a mixin of the speaker resolver kept apart from its clause rules."""

from __future__ import annotations

import re

from viewer.core.quotes.lexicon import NATIONALITIES, PLURAL_PRONOUNS, PRONOUNS, ROLES, TITLES
from viewer.core.quotes.names import CAP_RUN, _is_org, _split_name, _strip_titles, surname_key

_LOOKBACK = 3000  # characters of narration searched back, as the resolver does
# Openers whose phrase ends at a comma, the subject after it ("Having worked with Mr Cantalupo, Mr Bell focused")
_PREPOSITIONS = {"at", "in", "on", "during", "after", "before", "earlier", "later", "last", "since", "following",
                 "having"}
_CLAUSE_OPENERS = {"asked", "if", "whether", "when", "although", "though", "despite", "referring", "speaking",
                   "commenting", "responding", "reacting", "writing", "discussing", "talking", "addressing"}
_DESCRIBED_SUBJECT = re.compile(r"^The\s+(?:[a-z][\w\-]*\s+){0,2}?(\d{1,3}-year-old|[A-Za-z][\w\-]*)(?=\s+[a-z])")
_APPOSED_OPENING = re.compile(r"\s*(?:(?:But|And|However|Meanwhile),?\s+[Tt]he|The)\s+"
                              r"[^,.;:!?\"\u201c\u201d]{1,100},\s+(" + CAP_RUN.pattern + r"),")
# "['s] attorney, Linda Park,": what an owner has, and the name apposed to it
_OWNED_APPOSITION = re.compile(r"(?:['\u2019]s?)?\s+((?:[a-z][\w\-]*\s+){0,3}?[a-z][\w\-]*)(,?)\s+("
                               + CAP_RUN.pattern + r")(?=[,\s])")
_ROLE_THEN_NAME = re.compile(r"\s+((?:[a-z][\w\-]*\s+){1,2})(" + CAP_RUN.pattern + r")")
_OWNED_THING = re.compile(r"(?:['\u2019]s?)?\s+([a-z][\w\-]*)")
_DESCRIBED_AFTER_COMMA = re.compile(r"\s*(the\s+(?:[a-z\-]+\s+){0,2}?([a-z]+))\s+(?:has\s+|had\s+)?[a-z]+(?:ed|s)\b")
_NAME_THEN_VERB = re.compile(r",\s+(" + CAP_RUN.pattern + r")\s+(?:also\s+)?[a-z]+(?:ed|s)\b")
_ROLE_LEAD = re.compile(r"(?:[a-z][a-z\-]+\s+){1,3}(?=[A-Z])")


class _SubjectRules:
    """Mixed into the speaker resolver (which gives text, book, _sentence_starts, _opening, _in_quote
    and _description)."""

    def _last_mention(self, at: int, want: str | None) -> str | None:
        """The last person the narration names before ``at`` (in any part of a sentence)."""
        best = exact = None
        for match in CAP_RUN.finditer(self.text, max(0, at - _LOOKBACK), at):
            if self._in_quote(match.start()):
                continue
            words = _strip_titles(_split_name(match.group()))
            if not words or _is_org(words) or surname_key(words) not in self.book.full:
                continue
            who = self.book.resolve(words)
            if want is None or self.book.gender(who) in (None, want):
                best = who
                if want is not None and self.book.gender(who) == want:
                    exact = who
        return exact or best  # "she": the last woman named, before the last name of unknown sex

    def _named_subject_of(self, sentence: str) -> str | None:
        """The known person whose name opens ``sentence`` (after function words, and a lower-case role:
        "poet Ada Limon"), if any."""
        sentence = sentence.lstrip()
        role = _ROLE_LEAD.match(sentence)
        if role and all(w in ROLES | TITLES | NATIONALITIES for w in role.group(0).split()):
            sentence = sentence[role.end():]
        match = CAP_RUN.match(sentence)
        words = _strip_titles(_split_name(match.group())) if match else []
        if words and not _is_org(words) and surname_key(words) in self.book.full:
            return self.book.resolve(words)
        return self.book.first_named(words[0]) if len(words) == 1 else None

    def _last_subject(self, at: int) -> tuple[str | None, int]:
        # The last sentence opened by a known person: searched backwards, stopping at the first.
        starts = self._sentence_starts(at)
        for i in range(len(starts) - 1, -1, -1):
            start = starts[i]
            opening = self._opening(start, at)
            # "He said Mr Blunkett's integrity ...": a sentence led by a pronoun has that as its subject.
            lead = [w.casefold() for w in opening.split()[:3]]
            while len(lead) > 1 and lead[0] in {"but", "and", "so", "yet", "however,", "meanwhile,"}:
                lead.pop(0)  # "But he told the Times ...": the pronoun is the subject, the name an object
            if lead and lead[0] in _CLAUSE_OPENERS | PRONOUNS | {"they", "we"}:
                continue
            if lead and lead[0] in _PREPOSITIONS:
                # "At a hearing last month of ..., Rep. Robert Aderholt pushed ...": the subject follows the
                # opening phrase's comma
                comma = self.text.find(",", start, min(at, start + 200))
                if lead[0] == "having":
                    # "Having worked with Mr Cantalupo, who ..., Mr Bell focused": the name before the main verb
                    main = _NAME_THEN_VERB.search(self.text, start, min(at, start + 300))
                    named = self._named_subject_in(main.group(1), owners=False) if main else None
                    if named:
                        return named, start
                    continue
                named = self._named_subject_in(self._opening(start, comma) if comma >= 0 else opening, owners=False)
                if named:
                    return named, start  # "Earlier Mr Kennedy, whose party ..., said"
                if comma >= 0 and not self._in_quote(comma):
                    # the subject right after the comma, or none ("During the call, he asked about the
                    # Muslim Brotherhood", "Last October, Arsenal lost at Old Trafford")
                    named = self._named_subject_of(self._opening(comma + 1, at))
                    if named:
                        return named, start
                    described = _DESCRIBED_AFTER_COMMA.match(self.text, comma + 1, min(at, comma + 80))
                    if described and described.group(2) in TITLES | ROLES:
                        # "In a furious response, the first minister said": the person so described
                        who, is_person = self._description(described.group(1), start)
                        if who and is_person:
                            return who, start
                    continue
            apposed = _APPOSED_OPENING.match(self.text, start, min(at, start + 200))
            if apposed and not self._in_quote(apposed.start(1)):
                # "The president of one of Mumbai's Catholic bodies, Dolphy D'Souza, says": the name apposed
                named = self._named_subject_in(apposed.group(1), owners=False)
                if named:
                    return named, start
            described = _DESCRIBED_SUBJECT.match(opening)
            if described and (described.group(1).casefold() in TITLES | ROLES | NATIONALITIES
                              or described.group(1).endswith("-year-old")):
                # "The Australian has suffered ...", "The 28-year-old was ...": the person so described
                who, is_person = self._description(described.group(0), start)
                if who and is_person:
                    return who, start
                continue
            named = self._named_subject_in(opening)
            if named:
                return named, start
            but = self.text.find(", but ", start, starts[i + 1] if i + 1 < len(starts) else at)
            if but >= 0 and not self._in_quote(but):
                # "April is a hard month, but forecaster Dan Kottlowski is sure": the last clause's subject
                clause = self._opening(but + 6, at)
                named = self._named_subject_in(clause, owners=False)
                if named and named in clause:  # named in full there ("but Villa were ...": a team)
                    return named, but
        return None, -1

    def _named_subject_in(self, opening: str, owners: bool = True) -> str | None:
        """The first known person named in a sentence's opening words (``owners``: or whose
        possession they name)."""
        for match in CAP_RUN.finditer(opening):
            if not owners and (re.match(r"['\u2019]s\b", opening[match.end():match.end() + 3])
                               or re.search(r"['\u2019]s$", match.group())):
                continue  # "in Connolly's subcommittee, Rep. Jody Hice": an owner, not the subject
            possessive = re.search(r"['\u2019]s?$", match.group()) or opening[match.end():match.end() + 1] in "'\u2019"
            apposed = possessive and _OWNED_APPOSITION.match(opening[match.end():])
            if owners and apposed and (apposed.group(2) or apposed.group(1).split()[-1] in TITLES | ROLES):
                # "Reed's attorney, Linda Park, argued", "Murray's coach Brad Gilbert was": the name apposed
                # to what the owner has is the subject
                named = self._named_subject_in(apposed.group(3), owners=False)
                if named:
                    return named
            role_then_name = _ROLE_THEN_NAME.match(opening, match.end())
            if role_then_name and all(w in ROLES | TITLES for w in role_then_name.group(1).split()):
                # "Telegraph executive Murdoch MacLennan said": the name after the role is the subject
                named = self._named_subject_in(role_then_name.group(2), owners=False)
                if named:
                    return named
            owned = _OWNED_THING.match(opening, match.end()) if possessive else None
            if owned and owned.group(1) not in ROLES | TITLES and self._named_subject_in(opening[owned.end():], False):
                continue  # "Bridge's injury also means Mourinho ...": the owner of a thing is not the subject
            words = _strip_titles(_split_name(match.group()))
            if not words or _is_org(words) or words[0].casefold() in PRONOUNS | PLURAL_PRONOUNS:
                continue
            if len(words) == 1 and match.group().startswith("The "):
                continue  # "The Keys closed its doors": a place or a body, not a person
            if surname_key(words) in self.book.full:
                return self.book.resolve(words)
            if len(words) == 1 and self.book.first_named(words[0]):
                return self.book.first_named(words[0])  # "Hafiz, from Pakistan, has created ..."
        return None
