"""The word lists of speaker attribution: reporting verbs, titles, nationalities, organisations."""

from __future__ import annotations

REPORTING_VERBS = (
    "said says say saying told tells tell added adds warned warns warning explained explains stated states "
    "insisted insists argued argues claimed claims noted notes continued continues admitted admits "
    "acknowledged acknowledges commented comments remarked remarks replied replies responded responds "
    "stressed stresses suggested suggests urged urges wrote writes asked asks announced announces "
    "declared declares conceded concedes predicted predicts believes believed thinks thought agreed agrees "
    "confirmed confirms revealed reveals observed maintained maintains complained complains joked jokes "
    "concluded concludes recalled recalls vowed vows promised promises cautioned cautions contended "
    "emphasised emphasized emphasises emphasizes underlined underscored advised advises "
    "told reported reports described describes called calls insisted boasted boasts pleaded "
    "demanded demands feared fears hoped hopes indicated indicates mused quipped shouted screamed "
    "assured assures blasted slammed countered retorted reiterated repeated estimated estimates "
    "accepted accepts denied denies joking joked adding blamed blames branded brands"
).split()
# Verbs that take a quote without "that": "he called it 'madness'", "X described Y as 'Z'".
WEAK_VERBS = {"called", "calls", "described", "describes", "believes", "believed", "thinks", "thought",
               "hoped", "hopes", "feared", "fears", "accepted", "accepts", "denied", "denies", "estimated",
               "estimates", "reported", "reports", "indicated", "indicates", "blamed", "blames", "branded",
               "brands"}
VERB_SET = set(REPORTING_VERBS)
VERB_ALT = "|".join(sorted(VERB_SET, key=len, reverse=True)) + r"|went\s+on|pointed\s+out|according\s+to"

HONORIFICS = {"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady", "prof", "professor",
              "rev", "baroness", "baron", "mme", "m", "herr", "frau", "senor", "señor", "sr", "sra", "st"}
TITLES = set(
    "president vice prime minister chancellor secretary senator governor mayor chairman chairwoman chair "
    "chief executive officer director spokesman spokeswoman spokesperson adviser advisor leader boss "
    "manager coach captain king queen prince princess pope general colonel commissioner ambassador "
    "deputy head founder analyst economist editor judge justice attorney foreign home finance trade "
    "national security defence defense interior health education culture state shadow former new "
    "acting assistant managing vice-president mp mep rep representative congressman congresswoman "
    "speaker treasurer governor-general premier first lady agent striker midfielder defender goalkeeper "
    "singer actor actress star player skipper veteran boss owner counsel professor".split()
)
NATIONALITIES = set(
    "us uk eu un american british english scottish welsh irish french german russian ukrainian chinese "
    "japanese indian italian spanish portuguese dutch belgian swiss swedish norwegian danish finnish polish "
    "greek turkish israeli palestinian iranian iraqi syrian egyptian saudi afghan pakistani australian "
    "canadian mexican brazilian argentine argentinian south north korean african european asian nigerian "
    "kenyan austrian hungarian czech romanian bulgarian serbian croatian lebanese jordanian "
    "zimbabwean new western eastern northern southern labour tory tories conservative liberal democrat lib dem dems "
    "republican democratic".split()
)
ORG_WORDS = set(
    "house office ministry department government council commission committee agency bank group company "
    "corporation corp inc ltd plc co association union party federation league club fc institute "
    "university college board authority service services news times post journal press reuters "
    "kremlin elysee palace parliament congress senate assembly court police army navy fund trust "
    "organisation organization foundation network channel airlines airways motors industries "
    "executive commons lords treasury downing cabinet tribunal exchange society centre center championships "
    "championship cup games awards festival olympics open league agreement act".split()
)
PRONOUNS = {"he", "she", "him", "her"}
PLURAL_PRONOUNS = {"they", "we", "i", "you", "it"}
DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "one", "another"}
NOT_SUBJECT_START = {"in", "on", "at", "that", "last", "yesterday", "today", "earlier", "later", "this",
                      "it", "there", "to", "of", "for", "with", "by", "from", "after", "before", "when",
                      "while", "as", "and", "but", "so", "if", "then", "also", "recently", "previously",
                      "was", "is", "would", "will", "could", "may", "might", "had", "has", "have", "not"}

FUNCTION_WORDS = set(
    "but and however meanwhile earlier later when if as in on at after before ahead then so yet while although "
    "speaking last this that since despite for from with without under over of to by during now also both "
    "even only instead asked writing monday tuesday wednesday thursday friday saturday sunday january february "
    "march april may june july august september october november december".split()
)
