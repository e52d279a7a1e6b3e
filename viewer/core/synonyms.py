"""Words that article spinners and copy editors swap for one another, folded to one key.

"Spun" copies replace words with dictionary synonyms ("military" becomes "navy",
"said" becomes "stated", "security guarantees" becomes "safety ensures"). Folding
each group to one comparison key lets the aligner see through the swap. The table
holds single words only: multi-word swaps ("based on" -> "primarily based on",
"against" -> "in opposition to") are absorbed by the aligner's gap tolerance.

Groups are deliberately small and close: a loose group ("big" = "large" = "great")
would make unrelated sentences look alike.
"""

from __future__ import annotations

# Each tuple is one group; the first word is the key the others fold to.
_GROUPS: tuple[tuple[str, ...], ...] = (
    ("said", "stated", "says", "states", "told", "added", "explained", "remarked", "noted"),
    ("military", "navy", "army", "armed"),
    ("security", "safety"),
    ("guarantees", "ensures", "assurances", "guarantee", "ensure"),
    ("officials", "officers", "authorities"),
    ("country", "nation", "state"),
    ("countries", "nations", "locations"),
    ("leader", "chief", "head"),
    ("leaders", "chiefs", "heads"),
    ("threat", "menace", "danger"),
    ("help", "assist", "aid", "support", "assistance"),
    ("however", "nonetheless", "nevertheless", "but", "though", "although", "yet"),
    ("also", "additionally", "too"),
    ("about", "concerning", "regarding", "approximately", "around", "roughly"),
    ("many", "numerous", "several", "various"),
    ("thousands", "hundreds"),
    ("experts", "consultants", "specialists", "analysts"),
    ("suggested", "advised", "proposed", "recommended"),
    ("reason", "cause", "motive"),
    ("role", "position", "function"),
    ("eastern", "japanese", "east"),
    ("western", "west"),
    ("apparent", "obvious", "evident", "clear", "clearly", "obviously"),
    ("approach", "method", "strategy"),
    ("other", "different", "another"),
    ("along", "alongside"),
    ("provide", "supply", "give", "offer"),
    ("allow", "permit", "let", "enable"),
    ("send", "ship", "deliver", "bring"),
    ("crisis", "disaster", "emergency"),
    ("visit", "visiting", "touring", "tour", "trip"),
    ("response", "answer", "reply"),
    ("standoff", "showdown", "confrontation"),
    ("called", "referred", "termed", "named"),
    ("build", "construct", "create", "establish"),
    ("agreement", "arrangement", "deal", "accord", "settlement"),
    ("rest", "remainder"),
    ("meeting", "gathering", "assembly", "talks"),
    ("shortly", "quickly", "soon"),
    ("situation", "scenario", "circumstances"),
    ("issue", "difficulty", "problem", "matter"),
    ("conflict", "battle", "war", "struggle", "fighting"),
    ("internal", "inside", "domestic"),
    ("mention", "point out"),
    ("need", "want", "require"),
    ("needs", "wants", "requires"),
    ("latest", "newest", "recent"),
    ("decided", "determined", "chose", "resolved"),
    ("attack", "assault", "strike", "offensive"),
    ("growing", "rising", "increasing", "mounting"),
    ("came", "arrived"),
    ("demonstrate", "exhibit", "show", "display"),
    ("lethal", "deadly", "fatal"),
    ("big", "large", "huge", "massive"),
    ("begin", "start", "commence"),
    ("began", "started", "commenced", "launched"),
    ("end", "finish", "conclude"),
    ("buy", "purchase", "acquire"),
    ("bought", "purchased", "acquired"),
    ("sell", "trade"),
    ("company", "firm", "business", "corporation"),
    ("companies", "firms", "businesses", "corporations"),
    ("people", "individuals", "persons", "folks"),
    ("government", "administration"),
    ("important", "significant", "crucial", "vital", "essential", "key"),
    ("show", "indicate", "reveal", "suggest"),
    ("shows", "indicates", "reveals", "suggests"),
    ("showed", "indicated", "revealed"),
    ("increase", "rise", "boost", "raise", "enhance"),
    ("increased", "rose", "boosted", "raised", "enhanced", "elevated"),
    ("decrease", "fall", "drop", "decline", "reduce", "cut"),
    ("fell", "dropped", "declined", "reduced"),
    ("expected", "anticipated", "predicted", "forecast"),
    ("use", "utilize", "employ"),
    ("used", "utilized", "employed"),
    ("month", "months"),
    ("year", "yr", "years"),
    ("tv", "television"),
    ("fuel", "gas"),
    ("natural", "pure"),
    ("opportunity", "chance"),
    ("independent", "impartial"),
    ("influence", "affect", "impact"),
    ("vision", "imaginative"),
    ("calls", "demands"),
    ("home", "dwelling", "house"),
    ("several", "number"),
    ("times", "occasions"),
    ("placed", "positioned", "put"),
    ("statement", "announcement", "release"),
    ("rebellion", "insurrection", "uprising"),
    ("stable", "steady", "lasting"),
    ("facing", "going"),
    ("defence", "defense", "protection"),
    ("greater", "larger", "bigger", "more", "extra"),
    ("higher", "increased"),
    ("soldiers", "troops", "troopers"),
    ("grievances", "concerns", "complaints"),
    ("include", "embody", "contain", "comprise"),
    ("becoming", "turning"),
    ("region", "area", "zone"),
    ("rather", "reasonably", "fairly", "quite", "pretty"),
    ("capital", "city"),
    ("planned", "deliberate", "scheduled"),
    ("government", "authorities"),
    ("two", "2"),
    ("three", "3"),
    ("four", "4"),
    ("five", "5"),
    ("first", "1st"),
    ("second", "2nd"),
    ("tried", "attempted", "sought"),
    ("try", "attempt", "seek"),
    ("among", "amongst", "between"),
    ("while", "whilst", "whereas"),
    ("seeking", "searching", "looking"),
    ("stop", "cease", "halt"),
    ("amid", "amidst"),
    ("toward", "towards"),
    ("until", "till"),
    ("children", "kids"),
    ("car", "automobile", "vehicle"),
    ("film", "movie"),
    ("films", "movies"),
    ("phone", "telephone"),
    ("job", "employment"),
    ("profit", "profits", "earnings", "revenue"),
    ("shares", "stocks"),
    ("chance", "likelihood", "probability"),
)


def _build() -> dict[str, str]:
    table: dict[str, str] = {}
    for group in _GROUPS:
        key = table.get(group[0], group[0])  # a word in two groups joins the first one
        for word in group:
            table.setdefault(word, key)
    return table


SYNONYM_KEYS: dict[str, str] = _build()


def synonym_key(word: str) -> str:
    """The group key of a normalised word, or the word itself when it has no listed synonyms."""
    return SYNONYM_KEYS.get(word, word)
