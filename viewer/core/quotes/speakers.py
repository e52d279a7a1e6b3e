"""Who said each quotation: reporting verbs, names, pronouns, descriptions and organisations.

Rules only, no model: news prose states its speakers in a handful of shapes ("X said",
"said X", "X told Y that", "according to X", "the 25-year-old said") and, when it does not,
the quote belongs to the last person speaking. Names are reported in full as first
introduced ("Ms Hewitt" -> "Patricia Hewitt"), honorifics dropped.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence

from viewer.core.quotes.clauses import (
    _BODY_OF,
    _SENTENCE_END,
    STAFF_WORDS,
    SpanLike,
    _Attribution,
    _credit_pull_quotes,
    _from_after,
    _from_before,
    _is_full_sentence,
    _named_piece,
    _sentence_end,
    _sentence_start,
)
from viewer.core.quotes.descriptions import _DescriptionRules
from viewer.core.quotes.lexicon import (
    DETERMINERS,
    FUNCTION_WORDS,
    GENERIC_SPEAKERS,
    NOT_SUBJECT_START,
    PARTY_MEMBERS,
    PLURAL_PRONOUNS,
    PRONOUNS,
    ROLES,
    TITLES,
    VERB_ALT,
)
from viewer.core.quotes.names import (
    CAP_RUN,
    _clean,
    _is_org,
    _name_in,
    _NameBook,
    _split_name,
    _strip_titles,
    mask_abbreviations,
    mask_party_tags,
    surname_key,
    unmask,
)
from viewer.core.quotes.subjects import _SubjectRules

_AGE = re.compile(r"\b(?:the\s+)?(\d{1,3})-year-old\b", re.I)
# A body named with connecting words: "Chamber of Commerce", "Department of Health and Human Services"
_LONG_BODY = re.compile(r"\b[A-Z][\w&\-]*(?:\s+(?:of|for|and|on|the)(?:\s+the)?\s+[A-Z][\w&\-]*|\s+[A-Z][\w&\-]*)+")

# Sentence-opening "X said", "X told", "X has added": someone speaking without quotation marks.
_REPORTER = re.compile(CAP_RUN.pattern + r"(?:,[^,.;:!?\"\u201c\u201d]{1,60},)?\s+(?:has\s+|had\s+|also\s+)*"
                       r"(?:said|says|told|tells|added|adds|insisted|argued|warned|admitted|claimed|stressed|"
                       r"explained|denied|believes|agreed|conceded|urged)\b")
# ", said Mary E. Lovely, an economist.": an inverted verb after a comma, its subject closing the clause
_INVERTED_REPORTER = re.compile(r"[,\"\u201d\u2019]\s*(?:said|says|added|adds)\s+("
                                + CAP_RUN.pattern + r")(?=\s*[,.;])")
_PRONOUN_LEAD = re.compile(r"\s*(?:(?:In|On|At|By|During|After|Before|Since)\s+[^,\"\u201c]{1,40},\s*)?"
                           r"([Hh]e|[Ss]he)\s+[a-z]")
_DESCRIBED_PERSON = re.compile(r"\s*((?:The|the)\s+(?:[a-z\-]+\s+){0,3}?([a-z]+))\s+(?:also\s+)?[a-z]+ed\b")
# "The East Midlands MEP, who ...": a sentence opened by a capitalised description of someone
_TITLED_OPENING = re.compile(r"\s*((?:The|the)\s+(?:[A-Z][\w\-]*\s+){1,3}([A-Za-z]+))(?=[\s,])")
_DATELINE = re.compile(r"\s*[A-Z][A-Z .,'\-]+(?:\([^)]{1,30}\))?\s*[\u2014\u2013-]+\s*")
# "As the virus spread in March, poet Ada Limon struggled ...": the subject follows the opening clause
_OPENER_CLAUSE = re.compile(r"\s*(?:As|When|While|After|Before|Although|Though|If|Since|Because|Once|Until)\b"
                            r"[^,\"\u201c]{1,120},\s*")
# A sentence that is only a name, then a partial quote: 'Palestinian Authority President Mahmoud Abbas "has'
_BARE_NAME = re.compile(r"(?:[A-Z][\w'\u2019.\-]*\s+){0,5}[A-Z][\w'\u2019.\-]*")
_LEAD_IN = re.compile(r"\b(?:said|says|added|adds|told\s+[\w\s]{1,30}?|explained|insisted|stated)\s*:\s*$")
_ANY_MARK = re.compile(r"[\"\u201c\u201d]")
_STAFF_OF = re.compile(r"(?:" + STAFF_WORDS + r"|officials?)\s+(?:from|at|with)\s+(?:the\s+)?([A-Z].*)")
_UNSEEN = object()
_LOOKBACK = 3000  # characters of narration searched back for whom a pronoun means
_NEWLINE = re.compile(r"\n")
_ORG_OPENING = re.compile(r"(?:The\s+)?((?:[A-Z][\w&'.\-]*)(?:\s+(?:(?:of|for|and|the)\s+)*[A-Z][\w&'.\-]*)*)")


class _Resolver(_DescriptionRules, _SubjectRules):
    def __init__(self, text: str, quoted: Sequence[tuple[int, int]] = ()) -> None:
        self.text = text
        self.book = _NameBook(text)
        self.quoted = sorted(quoted)  # (opening mark, closing mark) of every quote: not narration
        self._quote_starts = [a for a, _ in self.quoted]
        self._quote_reach = list(itertools.accumulate((b for _, b in self.quoted), max))
        self.last_person: str | None = None
        self.last_person_at = -1
        self._sentence_found: list[tuple[int, int, int]] = []
        self._sentence_reach: list[int] | None = None
        self._reporters: dict[tuple[int, int, int], object] = {}
        self.last_org: str | None = None
        self.last_org_at = -1
        self._inverted: list[re.Match[str]] | None = None
        self._inverted_ends: list[int] = []
        self.history: list[tuple[int, str]] = []  # (where, who) of every person credited with a quote

    def sentence_start(self, floor: int, at: int) -> int:
        """Where the sentence holding ``at`` starts, ``floor`` at the earliest: the end of the last
        sentence end found searching ``text[floor:at]``, by bisection over the text's sentence ends.

        A sentence end counts when its look-ahead (the next sentence's first letter, or the
        quotation mark and letter opening it) ends at most two characters past ``at``: a quote
        opening at ``at`` starts a sentence of its own. ``_sentence_reach`` keeps that reach per end.
        """
        if self._sentence_reach is None:
            found = [(m.start(), m.end(), m.end() + (2 if self.text[m.end():m.end() + 1] in "\"'\u201c\u2018(" else 1))
                     for m in _SENTENCE_END.finditer(self.text)]
            self._sentence_found = found
            self._sentence_reach = [reach for _, _, reach in found]
        i = bisect.bisect_right(self._sentence_reach, at + 2) - 1
        if i >= 0 and self._sentence_found[i][0] >= floor:
            return self._sentence_found[i][1]
        return floor

    def _in_quote(self, at: int) -> bool:
        i = bisect.bisect_right(self._quote_starts, at) - 1
        return i >= 0 and self.quoted[i][0] <= at <= self._quote_reach[i]

    def _opening(self, start: int, at: int) -> str:
        """The first words of the sentence at ``start``, cut at the next quotation."""
        i = bisect.bisect_left(self._quote_starts, start)
        stop = min(at, start + 80)
        if i < len(self._quote_starts):
            stop = min(stop, self._quote_starts[i])
        return " ".join(self.text[start:stop].split()[:7])

    def _sentence_starts(self, at: int) -> list[int]:
        # Only the last few paragraphs: a pronoun never reaches further, and a book stays linear.
        floor = max(0, at - _LOOKBACK)
        starts = [floor] + [m.end() for m in _SENTENCE_END.finditer(self.text, floor, at)]
        starts += [m.end() for m in _NEWLINE.finditer(self.text, floor, at)]
        return [s for s in sorted(set(starts)) if not self._in_quote(s)]

    def _org_antecedent(self, at: int, since: int = -1, plural: bool = False) -> str | None:
        """Whom "it said" means: the later of the last organisation quoted and the last
        organisation opening a sentence ("The British Chambers of Commerce welcomed ..."); with
        ``since``, only one named from there on."""
        best, best_at = (self.last_org, self.last_org_at) if self.last_org_at >= since else (None, since - 1)
        for start in self._sentence_starts(at):
            if start < since:
                continue
            apposed = re.match(r"The\s+[a-z][^,.]{0,60},\s+((?:[A-Z][\w&'.\-]*\s+){0,3}[A-Z][\w&'.\-]*),",
                               self.text[start:min(at, start + 160)])
            if apposed and _is_org(apposed.group(1).split()) and start > best_at:
                best, best_at = apposed.group(1), start  # "The company that runs X, Dick Clark Productions, ..."
                continue
            if start <= best_at:
                continue
            m = _ORG_OPENING.match(self._opening(start, at))
            if not m:
                continue
            words = m.group(1).split()
            while words and words[-1] in {"of", "for", "and", "the"}:
                words.pop()
            if not words or words[0].casefold() in FUNCTION_WORDS | NOT_SUBJECT_START | PRONOUNS:
                continue
            known_person = words[-1].casefold() in self.book.full and not _is_org(words)
            rest = self._opening(start, at)[m.end():]
            says = re.match(r"\s+(?:has\s+|had\s+|also\s+)*(?:" + VERB_ALT + r")\b", rest)
            if plural and re.match(r"\s+(?:have|are|were|say)\b", rest):
                known_person = False  # "Big Machine have twice denied": a body, in British style
            if known_person or any("'" in w or "\u2019" in w for w in words):
                continue  # "Tony Hawk's Underground 2 held its own": a possessive names a thing, not a body
            if says or _is_org(words) or " ".join(words).casefold() in self.book.orgs or len(words) >= 2:
                best, best_at = " ".join(words), start
        return best

    def narrated_since(self, since: int, at: int) -> str | None:
        """A person the narration names as subject or speaker after ``since`` and before ``at``."""
        subject, subject_at = self._last_subject(at)
        reporter, reporter_at = self._last_reporter(at)
        if reporter and reporter_at > since and reporter_at >= subject_at:
            return reporter
        if subject and subject_at > since:
            return subject
        return None

    def _last_reporter(self, at: int) -> tuple[str | None, int]:
        """The last person the narration has saying something ("Lord Rennard said.")."""
        floor = max(0, at - _LOOKBACK)
        # Searched backwards, stopping at the first; every quote looks back over much the same
        # stretch, so each match is judged once.
        inverted = self._last_inverted_reporter(at)
        for m in reversed(list(_REPORTER.finditer(self.text, max(floor, inverted[1]), at))):
            key = (m.start(), m.end(), self.sentence_start(floor, m.start()))
            name = self._reporters.get(key, _UNSEEN)
            if name is _UNSEEN:
                name = self._reporters[key] = self._reporter_name(m, key[2])
            if name is not None:
                return name, m.start()
        return inverted

    def _last_inverted_reporter(self, at: int) -> tuple[str | None, int]:
        """The last person the narration names after a reporting verb ("..., said Mary E. Lovely, an
        economist."), outside quotations."""
        if self._inverted is None:  # found once per text, then bisected: each quote looks back over the same stretch
            self._inverted = list(_INVERTED_REPORTER.finditer(self.text))
            self._inverted_ends = [m.end() for m in self._inverted]
        first = bisect.bisect_left(self._inverted_ends, max(0, at - _LOOKBACK))
        last = bisect.bisect_right(self._inverted_ends, at)
        for m in reversed(self._inverted[first:last]):
            if m.start() < at - _LOOKBACK:
                continue
            name = self._reporters.get(m.start(1), _UNSEEN)
            if name is _UNSEEN:
                words = _strip_titles(_split_name(m.group(1)))
                known = words and (len(words) >= 2 or words[-1].casefold() in self.book.full)
                name = self._reporters[m.start(1)] = (
                    self.book.resolve(words) if known and not self._in_quote(m.start())
                    and not _is_org(words) and words[0].casefold() not in PRONOUNS | PLURAL_PRONOUNS else None)
            if name is not None:
                return name, m.start()
        return None, -1

    def _reporter_name(self, m: re.Match[str], sentence_from: int) -> str | None:
        if self._in_quote(m.start()):
            return None
        # "Mr Howard denied Mr Yeo said ...": a name after the sentence's own subject speaks only
        # when it closes the sentence ("..., Lord Rennard said.").
        opening = self.text[sentence_from:m.start()].split(",")[-1]
        final = re.match(r"\s*[.!?]", self.text[m.end():m.end() + 3])
        if not final and any(_split_name(w.group()) and _name_in(w.group()) for w in CAP_RUN.finditer(opening)):
            return None
        words = _strip_titles(_split_name(CAP_RUN.match(m.group(0)).group()))
        if not words or _is_org(words) or words[0].casefold() in PRONOUNS | PLURAL_PRONOUNS:
            return None
        if words[-1].casefold() in PARTY_MEMBERS:
            return None  # "the Massachusetts Democrat said": a description, resolved where it is quoted
        if len(words) >= 2 or words[-1].casefold() in self.book.full or self.book._variant(words[-1].casefold()):
            return self.book.resolve(words)
        return None

    def speaker_from_phrase(self, phrase: str, at: int) -> tuple[str | None, bool]:
        """A subject phrase ("he", "Ms Hewitt", "the French president") to (speaker, is_person)."""
        phrase = phrase.strip(" ,;:\u2014\u2013-")
        if not phrase:
            return None, False
        if "," in phrase:
            phrase = _named_piece(phrase.split(","))
        words = phrase.split()
        if not words:
            return None, False
        if len(words) == 1 and re.fullmatch(r"(?i:he|she)['\u2019](?:d|ll|s)", words[0]):
            words = [re.split(r"['\u2019]", words[0])[0]]  # "he'd respond", "she'll say"
            phrase = words[0]
        first = words[0].casefold()
        if first in {"her", "his"} and len(words) > 1:
            phrase = " ".join(words[1:])  # "Her director Leigh": a possessive, not the pronoun subject
            words = words[1:]
            first = words[0].casefold()
        if first in PRONOUNS:
            return self._antecedent(at, first), True
        if first == "it" and len(words) == 1:
            return self._org_antecedent(at), False
        if first == "they" and len(words) == 1:
            # "Big Machine have twice denied it ... "...," they said": a body named just before
            starts = self._sentence_starts(at)
            recent = self._org_antecedent(at, starts[-3:][0] if starts else 0, plural=True)
            return recent, False
        if first in PLURAL_PRONOUNS and len(words) == 1:
            return None, False
        staff_of = _STAFF_OF.match(phrase)
        if staff_of and _name_in(staff_of.group(1)):
            # "analysts from Citigroup Smith Barney": unnamed people speaking for a body
            return _clean(self.book.expand(staff_of.group(1))), False
        if all(w.casefold() in GENERIC_SPEAKERS | DETERMINERS | {"some", "several", "two", "three", "other"}
               for w in words):
            return None, False  # "Officials said", "Some analysts": no one in particular
        if len(words) == 1 and words[0][:1].isupper() and first in self.book.full:
            return _clean(self.book.resolve(words)), True  # "King" the person, not the title
        body = _BODY_OF.match(phrase)
        if body:
            return _clean(body.group(1)), False  # "the US military", "the Afghan government"
        located = re.split(r"\s+in\s+(?=[A-Z])", phrase, maxsplit=1)
        if len(located) == 2 and _name_in(located[0]):
            phrase = located[0]  # "the U.S. Embassy in Bolivia": the name after "in" is a place
        located = re.split(r"\s+(?:of|from)\s+(?=(?:the\s+)?[A-Z])", phrase, maxsplit=1)
        owner = _name_in(located[0]) if len(located) == 2 else None
        if owner and not _is_org(owner) and surname_key(owner) in self.book.full:
            phrase = located[0]  # "Senator Mitch McConnell of Kentucky": a person from a place
        name = _name_in(phrase)
        described = words[-1][:1].islower() and words[-1].casefold() in ROLES | TITLES
        if name and first == "the" and (described or (name[-1].casefold() in PARTY_MEMBERS | TITLES
                                                      and not _is_org(name))):
            # (and "the Sydney Olympic gold medallist": a name describing someone)
            # "the Massachusetts Democrat", "the Florida Republican": a description of someone named before
            who, is_person = self._description(phrase, at)
            if who:
                return who, is_person
        body = _LONG_BODY.search(phrase)
        if (name and body and body.group(0).split()[-1] == name[-1]
                and re.search(r"\s(?:of|for|and|on)\s", body.group(0))
                and any(_is_org([w]) for w in body.group(0).split() if w[:1].isupper())):
            return _clean(body.group(0)), False  # "the Chamber of Commerce", not "Commerce"
        if name and len(name) == 1 and name[0].casefold() not in self.book.full:
            # "Arcade announced" after "Arcade Publishing": the body the word begins
            body = next((o for o in self.book.org_names if len(o.split()) > 1 and o.split()[0] == name[0]), None)
            if body:
                return _clean(body), False
        if name:
            if _is_org(name):
                org = " ".join(w for w in name if w.casefold() != "the")
                return _clean(self.book.expand(org)), False
            return _clean(self.book.resolve(name)), True
        return self._description(phrase, at)

    def _antecedent(self, at: int, pronoun: str | None = None) -> str | None:
        """Whom "he" or "the 28-year-old" means: the latest of the last speakers, the last person
        opening a sentence and the last one narrated speaking, that the pronoun fits ("she" is
        not a man the article names); failing all, the last person the narration mentions."""
        subject, subject_at = self._last_subject(at)
        reporter, reporter_at = self._last_reporter(at)
        # On a tie the last speaker wins over a sentence subject, and that over a narrated speaker.
        candidates = [(reporter_at, 0, reporter), (subject_at, 1, subject)]
        candidates += [(where, 2, who) for where, who in self.history[-8:]]
        candidates = sorted((c for c in candidates if c[2]), reverse=True)
        want = "f" if pronoun in {"she", "her"} else "m" if pronoun in {"he", "him"} else None
        for _, _, who in candidates:
            if want is None or self.book.gender(who) in (None, want):
                return who
        mentioned = self._last_mention(at, want) if want and candidates else None
        if mentioned:
            return mentioned  # "he" after a woman spoke: the last man the narration names
        if candidates:
            return candidates[0][2]
        return self._last_mention(at, want)



def attribute_speakers(text: str, spans: Sequence[SpanLike]) -> list[str | None]:
    """The speaker of each quote span (None where the text never says)."""
    return [a.speaker for a in _attribute(text, spans)]


def attribute(text: str, spans: Sequence[SpanLike]) -> list[tuple[str | None, bool]]:
    """(speaker, named by a reporting verb in the quote's own sentence) for each span."""
    return [(a.speaker, a.by_verb) for a in _attribute(text, spans)]


def _attribute(text: str, spans: Sequence[SpanLike]) -> list[_Attribution]:
    if not spans:
        return []
    text = mask_party_tags(mask_abbreviations(text))  # "Mr. Rove", "U.S. Attorney": no sentence ends there
    resolver = _Resolver(text, [(s.open_mark, s.close_mark if s.close_mark >= 0 else s.end) for s in spans])
    results: list[_Attribution] = []
    # Sorted ends and starts of every quote: the nearest one each side is a bisection away
    # (a scan of all of them per quote made a line of 16,000 quotations take minutes).
    # (a scare quote earlier in the sentence does not cut it: "the Government came out fighting by branding
    # the letter 'totally misleading' and insisting: '...'")
    mark_ends = sorted(s.close_mark if s.close_mark >= 0 else s.end for s in spans
                       if getattr(s, "kind", "speech") != "scare")
    breaks = [m.start() for m in _NEWLINE.finditer(text)]
    mark_starts = sorted(s.open_mark for s in spans)
    for index, span in enumerate(spans):
        # (bisection over the newlines: a search from each quote ran the length of a long line)
        before_breaks = bisect.bisect_left(breaks, span.open_mark)
        line_start = breaks[before_breaks - 1] + 1 if before_breaks else 0
        after_break = bisect.bisect_left(breaks, span.end)
        line_end = breaks[after_break] if after_break < len(breaks) else len(text)
        before_ends = bisect.bisect_left(mark_ends, span.open_mark)
        prev_quote_end = line_start
        if before_ends and mark_ends[before_ends - 1] >= line_start:
            prev_quote_end = mark_ends[before_ends - 1] + 1
        after_starts = bisect.bisect_right(mark_starts, span.end)
        next_quote_start = mark_starts[after_starts] if after_starts < len(mark_starts) else line_end
        next_quote_start = min(next_quote_start, line_end)
        after_from = (span.close_mark + 1) if span.close_mark >= 0 else span.end
        after = ""
        if after_from < next_quote_start:
            after = text[after_from:_sentence_end(text, after_from, next_quote_start)]
        sentence_from = resolver.sentence_start(prev_quote_end, span.open_mark)
        before = text[sentence_from:span.open_mark]
        if span.continues and not before.strip():
            # 'Gunners boss Arsene Wenger said: "Freddie ...' after a quote left open: the lead-in
            # is the open quote's last sentence
            lead_in = text[_sentence_start(text, max(line_start, span.open_mark - 300), span.open_mark):span.open_mark]
            if _LEAD_IN.search(lead_in):
                before = lead_in
        found = (_from_after(resolver, after, after_from, text[span.start:span.end])
                 or _from_before(resolver, before, span.open_mark))
        if found is None and not before.strip() and not span.continues and sentence_from > line_start:
            # 'In a statement, the Cabinet Office said it was reviewing the scheme. "Unions will be
            # consulted."': a quote opening a sentence after narration of someone saying something
            floor = max(prev_quote_end, line_start)
            narrated_from = resolver.sentence_start(floor, sentence_from - 1)
            narrated = text[narrated_from:sentence_from]
            # (not the tail of an earlier quote's sentence: '..." said RNID director, Guido Gybels.')
            if (narrated_from > floor or floor == line_start) and not _ANY_MARK.search(narrated):
                found = _from_before(resolver, narrated, span.open_mark)
                found = found if found is not None and found.by_verb else None
        scare = getattr(span, "kind", "speech") == "scare"
        if found is None:
            speaker = None
            person, by_verb = True, False
            previous = spans[index - 1] if index else None
            same_sentence = (
                previous is not None and previous.close_mark >= 0 and results[-1].speaker is not None
                # (the sentence-end pattern looks ahead at the quote's first letter, so search past it)
                and not _SENTENCE_END.search(text, previous.close_mark, span.start + 1)
                and "\n" not in text[previous.close_mark:span.open_mark]
            )
            if same_sentence:
                # "X said "a", and "b"": one speaker, and one reporting verb, for the sentence
                speaker, person, by_verb = results[-1].speaker, results[-1].person, results[-1].by_verb
            elif not scare and (span.continues or _is_full_sentence(text, span)):
                speaker = results[-1].speaker if results and results[-1].speaker else resolver.last_person
                if not span.continues:
                    # Narration between the last quote and this one that names someone else
                    # ("Best actor Foxx could not come, ... "I'm honoured"") hands the quote to them.
                    since = previous.close_mark if previous is not None else -1
                    other = resolver.narrated_since(since, span.open_mark)
                    speaker = other or speaker
                if speaker is None:
                    speaker = resolver._antecedent(span.open_mark)
            elif not scare:
                # A partial quote inside reported speech: the words of the person the quoted words
                # repeat, else of the known person the sentence is about ("Grisham, by her own
                # accounting, has given "plenty of ..."", "Boudreau told them to "believe ..."").
                dateline = _DATELINE.match(before)
                if dateline:
                    before = before[dateline.end():]  # "NEW YORK (AP) — ": where the story was filed
                opener = _OPENER_CLAUSE.match(before)
                bare_name = (previous is not None and results[-1].speaker and results[-1].person
                             and previous.open_mark >= line_start and _BARE_NAME.fullmatch(before.strip()))
                if bare_name:
                    # '"...," Obama said. President Mahmoud Abbas "has put aside ...": the speaker goes on
                    # about someone; the name is who the words are about
                    speaker = results[-1].speaker
                else:
                    speaker = _echoed(text, spans, results, index) or resolver._named_subject_of(before) or (
                        resolver._named_subject_of(before[opener.end():]) if opener else None)
                if speaker is None:
                    # ... or of the body the sentence opens with ("UKIP asserts that Mr Hockney "has ...")
                    opening = CAP_RUN.match(before.lstrip())
                    words = _split_name(opening.group()) if opening else ()
                    if words and (_is_org(list(words)) or " ".join(words).casefold() in resolver.book.orgs):
                        speaker, person = _clean(resolver.book.expand(" ".join(words))), False
                if speaker is None:
                    # ... or of whom the pronoun leading the sentence means ("In 2011, he dismissed ... as "...")
                    lead = _PRONOUN_LEAD.match(before)
                    described = _DESCRIBED_PERSON.match(before) or _TITLED_OPENING.match(before)
                    if lead:
                        speaker = resolver._antecedent(sentence_from, lead.group(1).casefold())
                    elif described and described.group(2).casefold() in TITLES | ROLES:
                        # ... or of the person a title describes ("The former vice president accused Trump of "...")
                        who, is_person = resolver._description(described.group(1), sentence_from)
                        speaker = who if is_person else None
                if speaker is None and "\n" not in text[line_start:span.open_mark].strip("\n"):
                    # ... or of whoever the paragraph has speaking before it ("..., Howitt says. Just
                    # because ..., "that doesn't mean ...""); by_verb stays False: a weak guess
                    if (previous is not None and previous.open_mark >= line_start and results[-1].person
                            and results[-1].speaker):  # (a scare quote in between speaks for no one)
                        speaker = results[-1].speaker
                    else:
                        reporter, reporter_at = resolver._last_reporter(span.open_mark)
                        speaker = reporter if reporter_at >= line_start else None
            found = _Attribution(speaker, person, by_verb)
        if found.speaker and not scare:
            if found.person:
                resolver.last_person = found.speaker
                resolver.last_person_at = span.open_mark
                resolver.history.append((span.open_mark, found.speaker))
            else:
                resolver.last_org = found.speaker
                resolver.last_org_at = span.open_mark
        results.append(found)
    _credit_pull_quotes(text, spans, results)
    return [_Attribution(unmask(r.speaker), r.person, r.by_verb) for r in results]


def _echoed(text: str, spans: Sequence[SpanLike], results: list[_Attribution], index: int) -> str | None:
    """The speaker of one of the last quotes whose words this one repeats (three words at least)."""
    mine = " ".join(re.findall(r"\w+", text[spans[index].start:spans[index].end].casefold()))
    if mine.count(" ") < 2:
        return None
    for other in range(index - 1, max(-1, index - 20), -1):
        theirs = " ".join(re.findall(r"\w+", text[spans[other].start:spans[other].end].casefold()))
        if results[other].speaker and len(theirs) > len(mine) and mine in theirs:
            return results[other].speaker
    return None

