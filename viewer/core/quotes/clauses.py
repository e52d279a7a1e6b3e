"""The clauses around a quotation: where its sentence starts and ends, the subject before a
reporting verb or after it, apposed phrases, and sources that are not speakers."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from viewer.core.quotes.lexicon import (
    DETERMINERS,
    DOCUMENTS,
    NOT_LABELS,
    NOT_SUBJECT_START,
    OUTLET_PHRASES,
    OUTLETS,
    PRONOUNS,
    ROLES,
    TITLES,
    VERB_ALT,
    WEAK_VERBS,
)
from viewer.core.quotes.names import _clean, _is_org, _name_in

_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])")


class _Phrases(Protocol):
    """What the clause rules ask of the speaker resolver."""

    book: Any

    def speaker_from_phrase(self, phrase: str, at: int) -> tuple[str | None, bool]: ...

    def _named_subject_of(self, sentence: str) -> str | None: ...

    def _document_author(self, head: str, at: int) -> tuple[str | None, bool]: ...


_SUBJ = r"(?P<subj>(?:[\w'\u2019.\-]+,?\s+){0,11}?[\w'\u2019.\-]+),?"
_ADVERBS = r"(?:(?:[a-z]\w*ly|also|has|had|have|was|is|were|would|will|then|later|once|again|further|previously)\s+)*"
_AFTER_SUBJ_VERB = re.compile(r"^[\s,;:\u2014\u2013-]*" + _SUBJ + r"\s+" + _ADVERBS + r"(?P<verb>" + VERB_ALT + r")\b")
_AFTER_VERB_SUBJ = re.compile(
    r"^[\s,;:\u2014\u2013-]*(?P<verb>" + VERB_ALT + r")\s+(?P<subj>[^,.;:!?\"\u201c\u201d()]{1,80})"
)
_ACCORDING = re.compile(r"\baccording\s+to\s+(?P<subj>[^,.;:!?\"\u201c\u201d()]{1,80})", re.I)
_BEFORE_VERB = re.compile(r"(?P<verb>\b(?:" + VERB_ALT + r"))\b")


_AFTER_NAME_APPOSITION_VERB = re.compile(
    # (lower-case titles may lead the name: "study lead author Lucas Paganini, a scientist at ..., said")
    r"^[\s,;:\u2014\u2013-]*(?:[a-z][\w\-]*\s+){0,4}(?P<subj>[A-Z][\w'\u2019\-]*(?:\s+[A-Z][\w'\u2019\-]*){0,3}),\s+[^\"\u201c\u201d.!?]{3,200}?,\s+"
    + _ADVERBS + r"(?P<verb>" + VERB_ALT + r")\b"
)
# '"...," Kurinji Selvaraj, a research analyst at the Council on Energy, Environment and Water think
# tank told CBS News.': a described name whose apposition lost its closing comma before the verb
_AFTER_NAME_DESCRIPTION_VERB = re.compile(
    r"^[\s,;:\u2014\u2013-]*(?P<subj>[A-Z][\w'\u2019\-]*(?:\s+[A-Z][\w'\u2019\-]*){1,3}),\s+(?:a|an|the)\s+[a-z]"
    r"[^\"\u201c\u201d.!?]{3,200}?\s[a-z][\w\-]*\s+" + _ADVERBS
    + r"(?P<verb>said|says|told|tells|added|adds|wrote|writes)\b"
)
_DOCUMENT_FROM = re.compile(r"(?:a|an|the|its|their)\s+(?:new\s+|latest\s+|recent\s+)?(?:" + "|".join(sorted(DOCUMENTS))
                            + r")\s+(?:from|by)\s+(?:the\s+)?([A-Z].*)")
# '"...," the statement read.': a document reading out words ("read" is no reporting verb elsewhere)
_DOCUMENT_READ = re.compile(r"^[\s,;:\u2014\u2013-]*(?:the|a|an|its|their|his|her)\s+(?:\w+\s+)?("
                            + "|".join(sorted(DOCUMENTS)) + r")\s+reads?\b")
# ", said another witness, former adviser Fiona Hill." closing a sentence that holds a quote
_CLOSING_SAID = re.compile(r",\s+(?:said|says|added|wrote|testified|told\s+\w+)\s+"
                           r"(?P<subj>[^.;:!?\"\u201c\u201d]{3,120})[.!?]?\s*$")
# "..." and affects every community, Noem said in the announcement.' closing a sentence
_CLOSING_X_SAID = re.compile(r",\s+(?:[a-z][\w\-]*\s+){0,2}?"
                             r"(?P<subj>[A-Z][\w'\u2019\-]*(?:\s+[A-Z][\w'\u2019\-]*){0,3}|he|she|it|they"
                             r"|(?:the|its|their|his|her)\s+(?:report|study|statement|survey|lawsuit|letter|ruling))"
                             r"\s+(?:has\s+|had\s+)?(?:said|says|added|adds|wrote|writes|argued|argues|insisted|insists|"
                             r"warned|warns|claimed|claims|found|finds|concluded|concludes|noted|notes|stated|states|"
                             r"told\s+\w+)\b[^.;:!?\"\u201c\u201d]{0,80}[.!?]?\s*$")
_BODY_OF = re.compile(r"^(?:the\s+)?((?:[A-Z][\w\-]*(?:['\u2019]s)?\s+){1,3}(?:foreign\s+|defence\s+|defense\s+|"
                      r"interior\s+|health\s+|finance\s+|state\s+|(?:attorney|sheriff|prosecutor|governor|mayor|"
                      r"president|coroner|comptroller|treasurer)['\u2019]s\s+)?(?:military|government|army|navy|"
                      r"police|ministry|embassy|administration|authorities|prosecutors|military\s+officials|office))$")
_LABEL = re.compile(r"^\s*([A-Z][A-Z'\u2019\-]+(?:\s+[A-Z][A-Z'\u2019\-]+){0,2})\s*:\s*$")
_SIGNATURE = re.compile(r"^\s*[\u2014\u2013-]{1,2}\s*([A-Z][\w'\u2019\-]+(?:\s+[A-Z][\w'\u2019\-]+){0,3})\s*$")


_ISSUED = re.compile(r"\b(?:issued|released|published|posted|put\s+out|sent)\s+(?:a|an|its|their)\s+(?:\w+\s+)?(?:"
                     + "|".join(sorted(DOCUMENTS)) + r")\s*$")


def _apposed_subject(resolver: _Phrases, head: str, offset: int) -> str | None:
    """The subject before a verb that apposed phrases separate from it: "General Mark Milley,
    chairman of the Joint Chiefs, told" or "the People's Daily, the party's mouthpiece, warned".
    Pieces that open in lower case ("chairman of ...", "who won ...", "the mouthpiece ...") are
    appositions; the piece before them, from its last conjunction on, is the subject."""
    pieces = head.rstrip().rstrip(",").split(",")
    while len(pieces) > 1 and _is_apposition(pieces[-1]):
        pieces.pop()
    if len(pieces) == len(head.rstrip().rstrip(",").split(",")):
        return None
    tail = re.split(r"\b(?:but|and|while|as|when|because|after|before|however|that)\b", pieces[-1])[-1].strip()
    if not tail or len(tail.split()) > 6:
        return None
    return tail if resolver.speaker_from_phrase(tail, offset)[0] else None


def _is_apposition(piece: str) -> bool:
    words = piece.split()
    if not words:
        return False
    if words[0] in {"but", "and", "while", "as", "when", "because", "after", "before", "however", "so", "yet"}:
        return False  # "..., but General Mark Milley, chairman ...": the subject's own clause
    if words[0][0].islower() and words[0] not in {"the", "a", "an"}:
        return True  # "chairman of ...", "who won ..."
    return words[0] in {"the", "a", "an"} and len(words) > 1 and words[1][0].islower()


def _predicate_first(subj: str) -> bool:
    """'... as part of a "coordination logic" – downplayed the risk of war in Ukraine and said':
    words after a quote that open with a verb in lower case carry on the sentence; they hold no
    subject ("chairman and chief executive Richard Parsons said" and "consultancy 4Cast said" do)."""
    words = subj.split()
    first = words[0]
    if len(words) == 1 or not first[0].islower() or first in TITLES | ROLES | DETERMINERS | PRONOUNS | {
            "it", "they", "we", "i", "you"}:
        return False
    # "announced in October, said X": a verb and its preposition
    return (len(words) > 1 and words[1][:1].islower() and words[1] not in TITLES | ROLES) or not any(
        w[:1].isupper() or w[:1].isdigit() for w in words[1:3])


def _bad_start(subj: str) -> bool:
    """A phrase after the verb that opens with a word no name starts with ("said in", "said last").
    "Will" and "May" start names too ("said Will Tjernlund")."""
    first = subj.split()[0]
    return first.casefold() in NOT_SUBJECT_START and not (first[0].isupper() and first.casefold() in {"will", "may"})


def _is_outlet(name: str) -> bool:
    """A news outlet named as the source of a report: not who spoke."""
    folded = _clean(name).casefold()
    folded = folded[4:] if folded.startswith("the ") else folded
    words = folded.split()
    return bool(words) and (folded in OUTLET_PHRASES or "the " + folded in OUTLET_PHRASES
                            or (words[0] in OUTLETS and len(words) <= 3))


# Unnamed people speaking for a body: "analysts from Citigroup Smith Barney"
STAFF_WORDS = r"analysts?|economists?|researchers?|experts?|scientists?|staff|lawyers?"
_STAFF_FROM = re.compile(r"(?:" + STAFF_WORDS + r")\s+(?:from|at|with)\s+(?:the\s+)?(?=[A-Z])")


def _clip_subject(subj: str) -> str:
    """Cut an inverted subject ("said Marc Toutai, an economist") to the name part."""
    staff = _STAFF_FROM.match(subj)
    if staff:  # "wrote analysts from Citigroup Smith Barney in a note": the body they speak for
        return staff.group(0) + _clip_subject(subj[staff.end():])
    subj = re.split(r"\s+(?:in|on|at|to|after|before|during|from|when|as|while|last|yesterday|that|who|which|"
                    r"ahead|following|with|about|for)\s+", subj)[0]
    # "Rafael Marques of the George Soros Foundation": the person, not the body he belongs to.
    named = re.match(r"((?:[A-Z][\w'\u2019\-]+\s+){1,3}?[A-Z][\w'\u2019\-]+)\s+of\s+the\s+", subj)
    if named and not _is_org(named.group(1).split()):
        subj = named.group(1)
    # "43-year-old Martin Taylor of Aberdeenshire": a person of two names or more, then the place he is from.
    named = re.search(r"\b((?:[A-Z][\w'\u2019\-]+\s+){1,3}[A-Z][\w'\u2019\-]+)\s+of\s+[A-Z]", subj)
    if named and not _is_org(named.group(1).split()) and not subj[:named.start()].strip(" -")[-1:].isupper():
        subj = subj[:named.end(1)]
    return subj.strip()


def _sentence_start(text: str, floor: int, at: int) -> int:
    start = floor
    for m in _SENTENCE_END.finditer(text, floor, at):
        start = m.end()
    return start


def _sentence_end(text: str, at: int, ceiling: int) -> int:
    m = _SENTENCE_END.search(text, at, ceiling)
    return m.start() + 1 if m else ceiling


class SpanLike(Protocol):
    kind: str
    start: int
    end: int
    continues: bool
    open_mark: int
    close_mark: int


@dataclass
class _Attribution:
    speaker: str | None
    person: bool
    by_verb: bool  # a reporting verb in the quote's own sentence names the speaker


# Sentences opening with these hold their subject after a clause ("Asked if Mr Blunkett could
# return, he replied"), so their first name is not whom a later "he" means.


def _credit_pull_quotes(text: str, spans: Sequence[SpanLike], results: list[_Attribution]) -> None:
    """A quote standing alone as a heading or pull quote ('"My fears have been realized"') repeats
    words the article quotes in full nearby: it has the speaker of that quote. (Linear: only the
    few characters around each quote are read, and only the nearest quotes compared.)"""
    for index, span in enumerate(spans):
        headline = results[index].speaker is None and "\n" not in text[:span.open_mark]
        if not headline and not _alone_on_its_line(text, span):
            continue  # (a headline: "Hurricanes in a pandemic: 'Absolutely our nightmare scenario'")
        mine = " ".join(re.findall(r"\w+", text[span.start:span.end].casefold()))
        if mine.count(" ") < 2:
            continue
        for other in range(max(0, index - _PULL_REACH), min(len(spans), index + _PULL_REACH + 1)):
            found = results[other]
            theirs = " ".join(re.findall(r"\w+", text[spans[other].start:spans[other].end].casefold()))
            if other != index and found.speaker and (len(theirs) > len(mine) or headline) and mine in theirs:
                results[index] = _Attribution(found.speaker, found.person, found.by_verb)
                break


_PULL_REACH = 40  # quotes either side where a heading's full quotation is looked for
_LINE_LEAD = re.compile(r"[ \t]*(?:\d+\.[ \t]*)?[\"'\u201c\u201d\u2018\u2019]?$")
_LINE_TAIL = re.compile(r"[\"'\u201c\u201d\u2018\u2019. \t]*(?:\n|$)")


def _alone_on_its_line(text: str, span: SpanLike) -> bool:
    """Nothing but a number, spaces and its marks share the quote's line."""
    lead_from = max(0, span.open_mark - 8)
    lead = text[lead_from:span.open_mark + 1]
    newline = lead.rfind("\n")
    if newline < 0 and lead_from > 0:
        return False
    if not _LINE_LEAD.match(lead[newline + 1:]):
        return False
    return bool(_LINE_TAIL.match(text, span.end))


def _is_full_sentence(text: str, span: SpanLike) -> bool:
    body = text[span.start:span.end].lstrip("@#(['\u2018\u2019")  # "@Vanderkimberly and I have ..."
    return bool(body) and body[0].isupper() and len(body.split()) >= 3


def _from_before(resolver: _Phrases, before: str, offset: int) -> _Attribution | None:
    """Who the sentence before a quote names as speaking it: a transcript label, "according to X",
    or the subject of the last reporting verb ("X said:", "X, chairman of Y, told the BBC that")."""
    if not before.strip():
        return None
    label = _LABEL.match(before)
    if label and label.group(1) not in NOT_LABELS:
        # "WALLACE: ..." in a transcript
        return _Attribution(_clean(resolver.book.resolve([label.group(1).title()])), True, True)
    handle = _FROM_HANDLE.search(before) if "@" in before else None
    if handle:
        # an embedded tweet: "New statement from @RepAdamSchiff on ...: "..."" -> the person the handle spells
        parts = re.findall(r"[A-Z][a-z]+", handle.group(1))  # "RepAdamSchiff" -> Rep, Adam, Schiff
        if len(parts) >= 2 and " ".join(parts[-2:]) in resolver.text:
            return _Attribution(" ".join(parts[-2:]), True, True)  # as the article names the person
    matches = list(_ACCORDING.finditer(before))
    according = matches[-1] if matches else None
    if according and not _is_outlet(according.group("subj")):
        speaker, person = resolver.speaker_from_phrase(_clip_subject(according.group("subj")), offset)
        if speaker:
            return _Attribution(speaker, person, True)
    verbs = list(_BEFORE_VERB.finditer(before))
    for index, verb in enumerate(reversed(verbs)):
        head = before[:verb.start()]
        if verb.group("verb").casefold().startswith("according"):
            continue
        if (verb.group("verb").endswith("ing") and index + 1 < len(verbs) and head.rstrip().endswith(",")
                and not re.search(r"[.;:!?]", head[verbs[-2 - index].end():])):
            continue  # "Biller said he hoped ..., adding, "...": the participle's subject is the main verb's
        # "issued a statement warning that": the subject is who issued it
        head = _ISSUED.sub("", head)
        relative = _WHO_SAID.search(head)
        if relative:
            # "music critic Paul Connolly, who said they were": the name the relative clause hangs on
            speaker, person = resolver.speaker_from_phrase(relative.group(1), offset)
            if speaker:
                return _Attribution(speaker, person, verb.group("verb").casefold() not in WEAK_VERBS)
        # "Macron, who is expected to ..., said": the subject opens the sentence.
        if head.rstrip().endswith(",") and _apposed_subject(resolver, head, offset):
            subj = _apposed_subject(resolver, head, offset)
        elif head.rstrip().endswith(","):
            subject = re.match(r"\s*((?:[\w'\u2019.\-]+\s+){0,5}?[\w'\u2019.\-]+),", head)
            subj = subject.group(1) if subject else ""
            pieces = head.rstrip().rstrip(",").split(",")
            if (len(pieces) == 2 and 2 <= len(pieces[1].split()) <= 4
                    and all(w[:1].isupper() for w in pieces[1].split())
                    and any(w.casefold() in TITLES for w in pieces[0].split()) and _name_in(pieces[1])):
                subj = pieces[1].strip()  # "The Shadow Secretary of State for the Family, Theresa May, said"
            elif (subj and len(pieces) == 2 and 2 <= len(pieces[1].split()) <= 4
                    and all(w[:1].isupper() for w in pieces[1].split()) and _named_piece(pieces) != pieces[0]):
                subj = _named_piece(pieces).strip()  # "The senator's spokeswoman, Kristen Orthman, said"
            elif subj and resolver.speaker_from_phrase(subj, offset)[0] is None:
                # "Asked about it, Newsom's spokesperson, Erin Mellon, said": a name set apart by commas
                named = [p.strip() for p in pieces[1:] if 2 <= len(p.split()) <= 4
                         and all(w[:1].isupper() for w in p.split()) and _name_in(p)]
                # "On Monday, the People's Daily, the mouthpiece of the party, warned": a later piece
                for piece in named[-1:] or head.split(",")[1:]:
                    if piece.strip() and resolver.speaker_from_phrase(piece, offset)[0]:
                        subj = piece.strip()
                        break
        else:
            words = re.findall(r"[\w'\u2019.\-]+", head)
            # The subject is the noun phrase just before the verb, back to a clause boundary.
            clause_break = r"[,;:()\u2014\u2013]|\b(?i:and|but|that|while|as|when|because|after|before|however)\b"
            tail = re.split(clause_break, head)[-1]
            words = re.findall(r"[\w'\u2019.\-]+", tail)
            words = [w for w in words if w.casefold() not in {"has", "had", "have", "was", "also", "then",
                                                             "would", "will", "later", "again"}
                     and not (w.casefold().endswith("ly") and not w[0].isupper())]
            subj = " ".join(words[-8:])
            if words and words[-1].casefold() in PRONOUNS | {"they", "we"}:
                subj = words[-1]  # "In a Tumblr post at the time she described": the pronoun is the subject
            named_and = _NAME_AND.search(head[:len(head) - len(tail)]) if tail.strip()[:1].islower() else None
            if named_and and words and words[0].casefold() not in PRONOUNS | {"they", "we", "the", "a", "an"}:
                subj = named_and.group(1)  # "chief of staff Ron Klain and senior Biden adviser said"
            coordinated = _AND_PREDICATE.search(head) if not subj else None
            if coordinated:
                # "In the midst of the fear, Uber stepped in and tweeted": the first predicate's subject
                subject = _CLAUSE_SUBJECT.match(head[head.rfind(",", 0, coordinated.start()) + 1:])
                subj = subject.group(1) if subject else ""
        if not subj and verb.group("verb").casefold().endswith("ing") and head.rstrip().endswith(","):
            # "Margaret Beckett rejected the comment, telling Radio 4 that": the main clause's subject
            main = _CLAUSE_SUBJECT.match(head)
            subj = main.group(1) if main else ""
        if not subj and verb.group("verb").casefold() not in {"told", "tells", "tell", "telling", "asked", "asks"}:
            # "said Mr X that" inverted before the quote ("told BBC News" names the listener)
            inverted = re.match(r"\s+(?P<subj>[A-Z][^,.;:!?\"\u201c]{1,60})", before[verb.end():])
            if inverted:
                subj = _clip_subject(inverted.group("subj"))
        listener = _TOLD_WHOM.search(subj) if subj and index + 1 < len(verbs) else None
        if listener and (_name_in(subj) or [""])[-1] == listener.group(1).split()[-1]:
            continue  # "Mr Yousaf told MSPs the inquiry only asked ...": the name is who was told
        if subj in PRONOUNS and _PARENTHETICAL.match(head):
            # 'Biden, he said, also "was the first ...": "he" is someone before this sentence
            subj_at = offset - len(before)
        else:
            subj_at = offset
        if subj:
            speaker, person = resolver.speaker_from_phrase(subj, subj_at)
            if speaker and _is_outlet(speaker) and _CITING.search(before):
                # "Citing two sources close to Macron, the agency said": the outlet reports, unnamed sources spoke
                return _Attribution(None, False, True)
            if speaker:
                # "called it 'madness'" names who used the words, not that they were reported speech.
                return _Attribution(speaker, person, verb.group("verb").casefold() not in WEAK_VERBS)
    if before.rstrip().endswith(":") and not verbs:
        # 'Buckley, who phoned in from the set, had a similar experience: "..."': the sentence's subject
        subject = resolver._named_subject_of(before)
        clauses = list(_CONCESSIVE.finditer(before)) if subject is None else []
        if clauses:
            # "Hachette cancelled it, although Stephen King was among its critics, writing on Twitter:"
            subject = resolver._named_subject_of(before[clauses[-1].end():])
        if subject:
            return _Attribution(subject, True, False)
    return None


_NAME_AND = re.compile(r"([A-Z][\w'\u2019\-]*(?:\s+[A-Z][\w'\u2019\-]*){1,3})\s+and$")
_AND_PREDICATE = re.compile(r"\s+(?:and|but)\s+(?:then\s+|also\s+)?$")
# A clause opening with its subject, then a verb: "Uber stepped in", "the Government came out fighting"
_CLAUSE_SUBJECT = re.compile(r"\s*(?:[Tt]he\s+)?([A-Z][\w&'\u2019\-]*(?:\s+[A-Z][\w&'\u2019\-]*){0,3})\s+"
                             r"(?:also\s+|then\s+)?(?:[a-z]+(?:ed|s|t)|came|went|took|gave|made|hit|put|set|kept|"
                             r"held|stood|ran|began|saw|got|rose|fell|struck)\b")
_CITING = re.compile(r"\b(?:[Cc]iting|[Qq]uoting)\s+(?:an?\s+|two\s+|three\s+|several\s+|unnamed\s+)?"
                     r"(?:[a-z]+\s+){0,2}(?:sources?|officials?|people|diplomats?|insiders?)\b")
_PARENTHETICAL = re.compile(r"\s*[A-Z][\w'\u2019\-]*(?:\s+[A-Z][\w'\u2019\-]*){0,3},\s+(?:he|she)\s+$")
_APPOSED_NAME = re.compile(r",\s+([A-Z][\w'\u2019\-]*(?:\s+[A-Z][\w'\u2019\-]*){1,3})\s*(?:[,.;]|$)")
# "Connors has also agreed to commentate": a sentence of its own after a question, not an attribution
_NEW_SENTENCE_TO = re.compile(r"\s+[A-Z][\w'\u2019\-]*(?:\s+[A-Z][\w'\u2019\-]*){0,2}\s+(?:has\s+|had\s+|also\s+)*"
                              r"[a-z]+\s+to\s+[a-z]")
_TOLD_WHOM = re.compile(r"\b(?:told|tells|tell)\s+((?:the\s+)?[A-Z][\w'\u2019\-]*(?:\s+[A-Z][\w'\u2019\-]*){0,3})")
_WHO_SAID = re.compile(r"([A-Z][\w'\u2019\-]*(?:\s+[A-Z][\w'\u2019\-]*){0,3}),\s+who\s+(?:has\s+|had\s+|also\s+)?$")
_FROM_HANDLE = re.compile(r"\b(?:statement|tweet|post|message|thread|video)s?\s+(?:from|by)\s+@(\w+)")
_CONCESSIVE = re.compile(r",\s+(?:although|though|but|while|whereas)\s+(?=[A-Z])")


def _named_piece(pieces: list[str]) -> str:
    """The piece of a subject phrase cut at commas that names the speaker: the first ("Joseph Dias,
    general secretary of ..."), unless it is a description in lower case whose head noun the next
    piece names ("chairman, CEO and president Craig Menear", "Sweden's deputy director of public
    prosecutions, Eva-Marie Persson")."""
    first = pieces[0].split()
    described = bool(first) and first[-1][:1].islower() and (
        not _name_in(pieces[0]) or re.search(r"['\u2019]s\s+[a-z]", pieces[0]) is not None
        or first[-1].casefold() in TITLES | ROLES)  # "RNID technology director, Guido Gybels"
    for piece in pieces[1:] if described else ():
        words = re.sub(r"^\s*(?:and|or)\s+", "", piece).split()
        while words and words[0][:1].islower() and words[0].casefold() in TITLES | ROLES:
            words.pop(0)  # "CEO and president Craig Menear"
        if words and words[0][:1].isupper() and _name_in(" ".join(words)):
            return " ".join(words)
    return pieces[0]


def _from_after(resolver: _Phrases, after: str, offset: int, quoted: str = "") -> _Attribution | None:
    if after[:1] in "'\u2019":
        after = " " + after[1:]  # 'countries, those who can travel by car,\'\' said': a doubled close
    if not after.strip():
        return None
    if quoted.rstrip()[-1:] == "." and re.match(r"^\s+[A-Z]", after):
        return None  # the quote ended its sentence: what follows is the next sentence, not an attribution
    if quoted.rstrip()[-1:] in "?!" and _NEW_SENTENCE_TO.match(after):
        return None  # '... successful?" Connors has also agreed to commentate for the BBC': a new sentence
    if re.search(r"[.!?][\"'\u201d\u2019]*$", quoted.rstrip()) and after.rstrip().endswith(":"):
        return None  # '... there?\'" LTA chief executive, John Crowther, added:': the next quote's lead-in
    if not re.match(r"^[\s,;:.!?\u2014\u2013-]*[\w]", after):
        return None
    according = _ACCORDING.match(after.lstrip(" ,"))
    if according:
        if _is_outlet(according.group("subj")):
            return None  # "according to Reuters": where the report came from, not who spoke
        speaker, person = resolver.speaker_from_phrase(_clip_subject(according.group("subj")), offset)
        return _Attribution(speaker, person, True) if speaker else None
    document = _DOCUMENT_READ.match(after)
    if document:
        speaker, person = resolver._document_author(document.group(1), offset)
        if speaker:
            return _Attribution(speaker, person, True)
    signature = _SIGNATURE.match(after)
    if signature:
        return _Attribution(_clean(resolver.book.resolve(signature.group(1).split())), True, True)
    m = _AFTER_NAME_APPOSITION_VERB.match(after) or _AFTER_NAME_DESCRIPTION_VERB.match(after)
    if m and _name_in(m.group("subj")):
        speaker, person = resolver.speaker_from_phrase(m.group("subj"), offset)
        if speaker:
            return _Attribution(speaker, person, True)
    m = _AFTER_VERB_SUBJ.match(after)
    if m and m.group("verb").casefold() not in WEAK_VERBS:
        document = _DOCUMENT_FROM.match(m.group("subj"))
        if document:
            speaker, person = resolver.speaker_from_phrase(_clip_subject(document.group(1)), offset)
            if speaker:
                return _Attribution(speaker, person, True)
        subj = _clip_subject(m.group("subj"))
        apposed = _APPOSED_NAME.match(after, m.end("subj"))
        if subj and apposed and subj.split()[-1] in TITLES | ROLES and _name_in(apposed.group(1)):
            subj = apposed.group(1)  # ', said RNID technology director, Guido Gybels.'
        if subj and not _bad_start(subj):
            speaker, person = resolver.speaker_from_phrase(subj, offset)
            if speaker:
                return _Attribution(speaker, person, True)
    m = _AFTER_SUBJ_VERB.match(after)
    if m and not _predicate_first(m.group("subj")):
        subj = m.group("subj")
        if subj.split(",")[-1].strip().casefold() in PRONOUNS:
            subj = subj.split(",")[-1].strip()  # ', including Russia and Pakistan, who ..., he argues.'
        first = subj.split()[0].casefold()
        if not _bad_start(subj) or first == "it":
            speaker, person = resolver.speaker_from_phrase(subj, offset)
            if speaker:
                return _Attribution(speaker, person, True)
    according = _ACCORDING.search(after)
    if according and not _is_outlet(according.group("subj")):
        speaker, person = resolver.speaker_from_phrase(_clip_subject(according.group("subj")), offset)
        if speaker:
            return _Attribution(speaker, person, True)
    closing = _CLOSING_X_SAID.search(after)
    if closing:
        speaker, person = resolver.speaker_from_phrase(closing.group("subj"), offset)
        if speaker:
            return _Attribution(speaker, person, True)
    closing = _CLOSING_SAID.search(after)
    if closing:
        # '... "he was in charge" despite being an envoy, said another witness, Fiona Hill.'
        for piece in closing.group("subj").split(","):
            words = piece.split()
            if not words or (words[0] in {"a", "an", "the", "another"} and words[1:2] and words[1][0].islower()):
                continue  # "a China scholar with ...", "another witness": a description, not the name
            speaker, person = resolver.speaker_from_phrase(_clip_subject(piece), offset)
            if speaker and _name_in(piece):
                return _Attribution(speaker, person, True)
            break
    return None
