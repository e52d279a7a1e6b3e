"""Reuse pairs built from the BBC corpus, with the true passages known, for ``eval_align.py``.

Each pair copies material from a source article into a host article of another topic
(or copies the whole article), altered the way outlets alter copy:

- ``verbatim``: the same words, quote marks changed (straight <-> curly).
- ``light``: a few words dropped, inserted or replaced, case and punctuation touched.
- ``heavy``: what a thesaurus spinner does (seed 004 is such a copy): most words found
  in the spinner's own thesaurus (``_SPINNER`` below, written apart from the engine's
  ``viewer/core/data/synonyms.txt`` and including first-sense blunders and multi-word
  swaps like "based on" -> "primarily based on") are replaced, a few function words are
  dropped or inserted, two sentences are swapped.
- ``harsh``: a third of the words replaced (half from the spinner's thesaurus, half by
  random words of the corpus, which no synonym table can see through), dropped and
  inserted random words, sentences swapped: a floor, harsher than real spinning.
- ``shuffled``: several passages of one to five sentences inserted in shuffled order.
- ``none``: two unrelated articles; any passage found is false.

Sizes: ``single`` (one sentence) or ``multi`` (two to five sentences) per passage.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from viewer.core.loading.articles import load_article

BBC = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "bbc"
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’]?\s+(?=[\"'“‘A-Z0-9])")
_WORD = re.compile(r"\w+(?:'\w+)?")


@dataclass
class Case:
    a_start: int
    a_end: int
    b_start: int
    b_end: int


@dataclass
class ReusePair:
    kind: str
    size: str
    a: str
    b: str
    cases: list[Case] = field(default_factory=list)


def load_bbc(limit: int | None = None) -> dict[str, list[str]]:
    topics: dict[str, list[str]] = {}
    for path in sorted(BBC.rglob("*.txt")):
        if path.parent == BBC:
            continue
        topics.setdefault(path.parent.name, []).append(load_article(path).text)
    if limit:
        topics = {k: v[:limit] for k, v in topics.items()}
    return topics


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of the body (the headline line is left out)."""
    body_start = text.find("\n") + 1
    spans = []
    for paragraph in re.finditer(r"[^\n]+", text[body_start:]):
        base = body_start + paragraph.start()
        start = 0
        chunk = paragraph.group()
        for cut in _SENTENCE_END.finditer(chunk):
            spans.append((base + start, base + cut.start() + len(cut.group().rstrip())))
            start = cut.end()
        if chunk[start:].strip():
            spans.append((base + start, base + len(chunk.rstrip())))
    return [s for s in spans if len(_WORD.findall(text[s[0] : s[1]])) >= 6]


# The spinner's thesaurus: word -> replacements, as a thesaurus spinner picks them (first
# dictionary senses, multi-word paraphrases, occasional blunders such as "military" ->
# "navy"). Written for the generator, not copied from the engine's synonym table: how
# much of it the engine folds is part of what the "heavy" figures measure.
_SPINNER_TEXT = """
said: stated | mentioned | added | advised | told reporters
says: states | mentions | provides | notes
told: informed | instructed | advised
added: included | stated | further stated
announced: introduced | declared | unveiled | revealed
expected: anticipated | predicted | likely | projected
claims: assertions | allegations | statements
claimed: asserted | alleged | stated
warned: cautioned | alerted
believe: imagine | consider | suppose | think
think: suppose | imagine | consider | assume
thought: believed | thought about | considered
want: need | wish | desire
wanted: needed | wished | desired
need: want | require | must
needed: wanted | required | wanted to
make: create | produce | construct | generate
made: created | produced | constructed | made up
take: get | seize | consider | absorb
took: obtained | seized | grabbed
get: receive | obtain | acquire | get hold of
got: obtained | acquired | received
give: present | offer | provide | hand
given: offered | provided | presented
use: employ | utilize | make use of
used: utilized | employed | applied
help: assist | support | aid | assistance
show: present | demonstrate | reveal | display
shows: presents | demonstrates | reveals
find: locate | discover | uncover | uncover
found: discovered | located | identified
see: view | observe | witness | notice
seen: considered | viewed | noticed
look: search | appear | look for
looking: searching | wanting | trying
keep: preserve | retain | maintain | hold
hold: maintain | carry | grasp | keep
held: maintained | organised | carried | kept
start: begin | commence | launch | kick off
started: began | commenced | initiated | kicked off
end: finish | conclusion | close | stop
ended: finished | concluded | closed
move: transfer | step | transfer
set: established | place | established order to
win: victory | succeed | take
won: gained | received | achieved
lost: misplaced | dropped | lost out
beat: defeat | crush | overcome
play: perform | participate in | play out
played: performed | participated in
work: operate | paintings | job | labour
working: operating | running | working on
run: operate | manage | run out
call: name | phone | identify as
called: referred to as | known as | named | termed
try: attempt | strive | attempt to
trying: attempting | striving | making an attempt
allow: permit | let | enable
buy: purchase | acquire | obtain
sold: offered | bought | marketed
pay: pay for | compensate | fund
raise: elevate | increase | boost
cut: reduce | reduce | lower | trim
rise: increase | growth | upward push
increase: growth | rise | boom | boost
growth: increase | boom | expansion | growth rate
fall: drop | decline | autumn | decrease
reported: stated | mentioned | said
include: consist of | encompass | comprise | contain
including: consisting of | together with | such as
based: primarily based | centered | located
according: in line | consistent | in keeping
despite: in spite of | no matter | regardless of
however: but | although | nonetheless | though
although: though | even though | while
also: additionally | too | as well | moreover
because: due to the fact | as | since
before: earlier than | prior to | ahead of
after: after | following | after the
during: throughout | all through | in the course of
about: approximately | around | roughly | concerning
against: towards | in opposition to | against the
around: round | about | approximately
many: many | numerous | several | a lot of
much: a lot | lots | plenty
more: greater | extra | more than
most: maximum | most of | many
big: huge | large | massive | great
biggest: largest | greatest | most important
large: big | huge | massive | giant
high: excessive | high-level | elevated
higher: better | greater | upper
low: reduced | minimal | small
small: little | tiny | minor
good: correct | exact | suitable | appropriate
great: extraordinary | splendid | amazing
new: brand new | modern | novel | recent
old: previous | antique | aged
former: previous | past | ex
next: subsequent | following | next-door
last: ultimate | final | remaining
final: very last | closing | last
first: first actual | first-ever | primary
second: 2nd | second one | moment
early: early | premature | initial
later: later | later on | subsequently
recent: latest | current | recent
current: present | modern | contemporary
important: vital | crucial | essential | important
key: important | important | crucial
major: main | primary | predominant | important
main: primary | foremost | main | principal
top: pinnacle | top | main
able: capable | able to
likely: probable | possibly | in all likelihood
clear: clean | clear | apparent | obvious
hard: difficult | tough | exhausting
strong: robust | sturdy | powerful
free: loose | unfastened | unfastened
real: actual | real | genuine
public: public | civic
local: nearby | neighbourhood | regional
national: countrywide | national | domestic
international: worldwide | global | worldwide
foreign: overseas | international | distant
economic: financial | monetary | economic
financial: monetary | economic | economical
political: political | governmental
government: authorities | government | administration
minister: minister | secretary | priest
country: country | nation | state
countries: international locations | countries | nations
people: humans | people | human beings | individuals
man: man | guy | person
men: men | males | guys
women: girls | ladies | females
children: kids | children | youngsters
company: corporation | enterprise | company | firm
companies: organizations | corporations | businesses
firm: company | enterprise | corporation
firms: companies | corporations | businesses
business: commercial enterprise | enterprise | business
market: marketplace | market | market region
industry: enterprise | industry | industry sector
sales: income | sales | revenue
profits: earnings | income | revenue
shares: stocks | shares | stake
deal: deal | address | agreement | settlement
plans: plans | planning | designs
plan: plan | design | intend | scheme
report: record | file | document | document
record: document | file | report | report
figures: figures | discerns | parent
services: offerings | services | services
service: carrier | provider | service
system: device | machine | gadget
software: software program | software
computer: pc | laptop | computer
phone: telephone | cellphone | cell phone
mobile: cellular | mobile
network: community | network | network system
users: customers | users | consumers
technology: generation | era | technology
music: song | tune | music
film: movie | film | flick
films: movies | films | flicks
star: celebrity | big name | star
band: band | organization | group
album: album | record
award: award | prize | honor
awards: awards | prizes | honors
game: recreation | game | sport
games: video games | games | video games
match: suit | game | match
team: crew | group | team
players: gamers | players | gamers
player: player | participant | gamer
club: membership | club | society
season: season | period
election: election | poll
party: birthday party | party | celebration
campaign: marketing campaign | campaign | crusade
vote: vote | election | poll
police: police | law enforcement
court: court | court docket | tribunal
law: regulation | law | rule
rules: guidelines | rules | policies
decision: selection | choice | decision
issue: problem | difficulty | trouble | difficulty
problem: trouble | hassle | difficulty
problems: issues | troubles | difficulties
security: safety | protection | security
military: navy | army | military
war: battle | conflict | combat
attack: assault | attack | strike
officials: officers | officials | authorities
spokesman: spokesperson | spokesman
chief: leader | head | chief
leader: chief | leader | head
head: head | lead | chief
director: director | administrator | manager
chairman: chairman | chair | president
executive: govt | executive | government
members: contributors | participants | individuals
fans: fanatics | fans | enthusiasts
money: cash | money | funds
cash: coins | cash | money
cost: price | fee | value
costs: charges | fees | prices
price: rate | charge | fee
prices: charges | costs | expenses
tax: tax | levy | taxation
budget: finances | budget
investment: investment | funding
rate: charge | fee | rate
level: degree | stage | stage
part: a part | component | element
number: number | range | quantity
lot: lot | loads | great deal
week: week | per week
year: 12 months | year | yr
years: years | 12 months
month: month | month
months: months | weeks
day: day | afternoon
time: time | period
world: world | globe | international
home: domestic | home | residence
house: residence | home | house
place: vicinity | location | area
area: vicinity | area | region
city: town | city | metropolis
life: lifestyles | existence | life
future: destiny | future
change: trade | alternate | exchange | change
changes: modifications | adjustments | changes
support: guide | aid | assistance
way: manner | way | means
point: factor | point | issue
interest: hobby | interest | interest rate
power: power | electricity | energy
action: movement | motion | action
research: studies | research
study: take a look at | examine | study
data: records | information | facts
information: facts | data | statistics
news: information | news | news report
statement: assertion | declaration | statement
chance: danger | threat | opportunity | risk
risk: hazard | threat | danger
success: achievement | success | fulfillment
victory: victory | win | triumph
career: career | profession
injury: damage | harm | wound
bid: offer | attempt | bid
trade: exchange | change | trade
rights: rights | entitlements
""".strip()
_SPINNER: dict[str, list[str]] = {
    word.strip(): [r.strip() for r in replacements.split("|")]
    for word, replacements in (line.split(":", 1) for line in _SPINNER_TEXT.splitlines())
}
# Function words a spinner's grammar pass drops or inserts.
_FILLERS = ("also", "really", "actually", "the", "that", "very", "just", "a", "in fact", "then")
_DROPPABLE = frozenset({"the", "a", "an", "that", "very", "just", "also", "of", "which", "really"})


def _swap_quotes(text: str, rng: random.Random) -> str:
    if rng.random() < 0.5:
        return re.sub(r'"(\w)', "“\\1", text).replace('"', "”").replace("'", "’")
    return text.translate(str.maketrans({"“": '"', "”": '"', "’": "'", "‘": "'"}))


def _match_case(replacement: str, original: str) -> str:
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _spin(text: str, rng: random.Random) -> str:
    """A thesaurus spinner's rewrite: most listed words swapped, a few function words moved."""
    out: list[str] = []
    for word in text.split(" "):
        core = word.strip(".,;:!?\"'“”‘’()")
        lower = core.lower()
        if lower in _DROPPABLE and rng.random() < 0.1:
            continue
        if lower in _SPINNER and rng.random() < 0.9:
            word = word.replace(core, _match_case(rng.choice(_SPINNER[lower]), core))
        if rng.random() < 0.03:
            out.append(rng.choice(_FILLERS))
        out.append(word)
    return " ".join(out)


def _edit_words(text: str, rng: random.Random, vocabulary: list[str], harsh: bool) -> str:
    words = text.split(" ")
    out: list[str] = []
    for word in words:
        core = word.strip(".,;:!?\"'“”‘’()")
        roll = rng.random()
        if harsh:
            if roll < 0.08:
                continue  # dropped
            if roll < 0.22 and core.lower() in _SPINNER:
                word = word.replace(core, rng.choice(_SPINNER[core.lower()]))
            elif roll < 0.3 and core:
                word = word.replace(core, rng.choice(vocabulary))
            if rng.random() < 0.05:
                out.append(rng.choice(vocabulary))  # inserted
        else:
            if roll < 0.02:
                continue
            if roll < 0.04 and core:
                word = word.replace(core, rng.choice(vocabulary))
            elif roll < 0.06:
                word = word.lower() if word[:1].isupper() else word.capitalize()
            if rng.random() < 0.02:
                out.append(rng.choice(vocabulary))
        out.append(word)
    result = " ".join(out)
    if not harsh and rng.random() < 0.5:
        result = result.replace(",", "", 1)
    return result


def _alter(kind: str, sents: list[str], rng: random.Random, vocabulary: list[str]) -> str:
    if kind == "verbatim":
        return _swap_quotes(" ".join(sents), rng)
    if kind == "light":
        return _swap_quotes(" ".join(_edit_words(s, rng, vocabulary, False) for s in sents), rng)
    # heavy and harsh: spin, then swap two sentences
    if kind == "heavy":
        spun = [_spin(s, rng) for s in sents]
    else:
        spun = [_edit_words(s, rng, vocabulary, True) for s in sents]
    if len(spun) > 1:
        i = rng.randrange(len(spun) - 1)
        spun[i], spun[i + 1] = spun[i + 1], spun[i]
    return " ".join(spun)


def _insert(host: str, pieces: list[str], rng: random.Random) -> tuple[str, list[tuple[int, int]]]:
    """Insert pieces as their own paragraphs at distinct paragraph breaks of ``host``."""
    paragraphs = host.split("\n")
    slots = rng.sample(range(1, len(paragraphs) + 1), k=min(len(pieces), len(paragraphs)))
    slots.sort()
    placed: list[tuple[int, int]] = []
    result: list[str] = []
    used = 0
    position = 0
    for index in range(len(paragraphs) + 1):
        while used < len(slots) and slots[used] == index:
            piece = pieces[used]
            result.append(piece)
            placed.append((position, position + len(piece)))
            position += len(piece) + 1
            used += 1
        if index < len(paragraphs):
            result.append(paragraphs[index])
            position += len(paragraphs[index]) + 1
    return "\n".join(result), placed


def make_pairs(topics: dict[str, list[str]], per_kind: int = 40, seed: int = 7) -> list[ReusePair]:
    names = sorted(topics)
    vocabulary = sorted({w for t in names for text in topics[t][:40] for w in _WORD.findall(text) if len(w) > 3})
    pairs: list[ReusePair] = []

    # Each kind and size draws from its own generator, so changing one kind's recipe
    # leaves the pairs of the others as they were.
    rng = random.Random(seed)

    def pick_two() -> tuple[str, str]:
        t1, t2 = rng.sample(names, 2)
        return rng.choice(topics[t1]), rng.choice(topics[t2])

    for kind in ("verbatim", "light", "heavy", "harsh"):
        for size in ("single", "multi"):
            rng.seed(f"{seed}-{kind}-{size}")
            made = 0
            while made < per_kind:
                source, host = pick_two()
                spans = sentences(source)
                count = 1 if size == "single" else rng.randint(2, 5)
                if len(spans) < count + 1:
                    continue
                first = rng.randrange(len(spans) - count + 1)
                chosen = spans[first : first + count]
                piece = _alter(kind, [source[s:e] for s, e in chosen], rng, vocabulary)
                b, placed = _insert(host, [piece], rng)
                pairs.append(ReusePair(kind, size, source, b, [Case(chosen[0][0], chosen[-1][1], *placed[0])]))
                made += 1
    for size in ("single", "multi"):
        rng.seed(f"{seed}-shuffled-{size}")
        made = 0
        while made < per_kind:
            source, host = pick_two()
            spans = sentences(source)
            blocks: list[tuple[int, int]] = []
            cursor = 0
            while cursor < len(spans) and len(blocks) < 4:
                count = 1 if size == "single" else rng.randint(1, 5)
                if cursor + count > len(spans):
                    break
                if rng.random() < 0.5:
                    blocks.append((spans[cursor][0], spans[cursor + count - 1][1]))
                    cursor += count + 1  # keep a sentence between cases so they stay distinct
                else:
                    cursor += 1
            if not blocks:
                continue
            kinds = [rng.choice(("verbatim", "light")) for _ in blocks]
            pieces = [_alter(k, [source[s:e]], rng, vocabulary) for k, (s, e) in zip(kinds, blocks, strict=True)]
            order = list(range(len(blocks)))
            rng.shuffle(order)
            b, placed = _insert(host, [pieces[k] for k in order], rng)
            cases = [Case(*blocks[k], *placed[n]) for n, k in enumerate(order) if n < len(placed)]
            pairs.append(ReusePair("shuffled", size, source, b, cases))
            made += 1
    rng.seed(f"{seed}-none")
    for _ in range(per_kind * 2):
        source, host = pick_two()
        pairs.append(ReusePair("none", "-", source, host, []))
    # Whole-article copies: the reused passage is the entire text.
    for kind in ("verbatim", "light"):
        rng.seed(f"{seed}-{kind}-whole")
        for _ in range(per_kind // 2):
            source = rng.choice(topics[rng.choice(names)])
            b = _alter(kind, [source], rng, vocabulary)
            pairs.append(ReusePair(kind, "whole", source, b, [Case(0, len(source), 0, len(b))]))
    return pairs
