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
    "accepted accepts denied denies joking joked adding blamed blames branded brands pledged pledges "
    "testified testifies answered answers recounted recounts claim warn argue insist admit explain suggest "
    "tweeted tweets telling noting believe respond insisting arguing claiming stressing explaining"
).split()
# Verbs that take a quote without "that": "he called it 'madness'", "X described Y as 'Z'".
WEAK_VERBS = {"called", "calls", "described", "describes", "believes", "believed", "believe", "thinks", "thought",
               "hoped", "hopes", "feared", "fears", "accepted", "accepts", "denied", "denies", "estimated",
               "estimates", "reported", "reports", "indicated", "indicates", "blamed", "blames", "branded",
               "brands"}
VERB_SET = set(REPORTING_VERBS)
VERB_ALT = ("|".join(sorted(VERB_SET, key=len, reverse=True)) + r"|went\s+on|pointed\s+out|according\s+to"
            r"|(?:shot|fired|hit)\s+back|snapped|interjected|found|finds"
            r"|(?:has|have|had)\s+written")  # "written" alone is an adjective: "a written answer"

HONORIFICS = {"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady", "prof", "professor",
              # US titles written with a full stop ("Sen. John McCain", "Gov. Kristi Noem")
              "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "cmdr", "adm", "maj", "cpl", "pvt", "det",
              "supt", "insp", "hon", "atty", "amb", "pres", "sens", "reps", "gens", "messrs", "rt",
              "rev", "baroness", "baron", "mme", "m", "herr", "frau", "senor", "señor", "sr", "sra", "st"}
TITLES = set(
    "president vice prime minister chancellor secretary senator governor mayor chairman chairwoman chair "
    "chief executive officer director spokesman spokeswoman spokesperson adviser advisor leader boss "
    "manager coach captain king queen prince princess pope general colonel commissioner ambassador "
    "deputy head founder analyst economist editor judge justice attorney foreign home finance trade "
    "national security defence defense interior health education culture state shadow former new "
    "acting assistant managing vice-president mp mep rep representative congressman congresswoman "
    "speaker treasurer governor-general premier first lady agent striker midfielder defender goalkeeper "
    "singer actor actress star player skipper veteran boss owner counsel professor "
    "ceo cfo coo cto comptroller sheriff councilman councilwoman councilmember alderman alderwoman assemblyman "
    "assemblywoman assemblymember superintendent auditor lawmaker".split()
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
    "house publishing publishers office ministry department government council commission committee agency bank "
    "group company "
    "corporation corp inc ltd plc co association union party federation league club fc institute "
    "university college board authority service services news times post journal press reuters "
    "kremlin elysee palace parliament congress senate assembly court police army navy fund trust "
    "organisation organization foundation network channel airlines airways motors industries "
    "executive commons lords treasury downing cabinet tribunal exchange society centre center championships "
    "championship cup games awards festival olympics open league agreement act infirmary hospital clinic "
    "school academy museum church cathedral prison airport stadium studios records productions entertainment "
    "media labs laboratory laboratories systems technologies holdings partners capital securities equities "
    "investments ventures bureau administration observatory coalition alliance campaign institution "
    "commissioners prosecutors chamber show expo conference summit forum convention tournament united rovers "
    "athletic wanderers albion rangers hotspur".split()
)
# Nouns for a party's member: "the Massachusetts Democrat" describes someone, and names no one.
PARTY_MEMBERS = {"democrat", "republican", "independent", "libertarian", "conservative", "tory"}
PRONOUNS = {"he", "she", "him", "her"}
PLURAL_PRONOUNS = {"they", "we", "i", "you", "it"}
DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "one", "another"}
NOT_SUBJECT_START = {"in", "on", "at", "that", "last", "yesterday", "today", "earlier", "later", "this",
                      "it", "there", "to", "of", "for", "with", "by", "from", "after", "before", "when",
                      "while", "as", "and", "but", "so", "if", "then", "also", "recently", "previously",
                      "was", "is", "would", "will", "could", "may", "might", "had", "has", "have", "not"}

FUNCTION_WORDS = set(
    "but and however meanwhile earlier later when if as in on at after before ahead then so yet while although "
    "speaking last this that since despite for from with without per according under over of to by during now "
    "also both whereas though unlike some many most several few till until "
    "even only instead asked writing monday tuesday wednesday thursday friday saturday sunday january february "
    "march april may june july august september october november december".split()
)

# The mark that stands in for the full stop of an abbreviation ("Mr. Rove", "U.S. Attorney", "George
# W. Bush") while speakers are found, so that no pattern takes it for the end of a sentence. A letter
# (so names keep it as part of a word) that news copy never uses; it is turned back into "." on output.
ABBREVIATION_DOT = "\ua78f"
ABBREVIATIONS = set(
    "Mr Mrs Ms Dr St Jr Sr Sen Rep Gov Gen Lt Col Sgt Capt Cmdr Adm Maj Cpl Pvt Det Supt Insp Hon Atty Amb "
    "Pres Sens Reps Gens Messrs Mt Ft Rt Prof Rev Fr Mme Mlle Gov Insp Brig Cllr Dept Corp Inc Co Ltd Bros "
    "Jan Feb Mar Apr Aug Sept Sep Oct Nov Dec Vol Ave Blvd".split()
)
# Plural nouns that make one name with a possessive ("People's Daily", "Children's Society").
POSSESSIVE_NAMES = {"people", "children", "women", "men", "workers", "citizens", "veterans", "farmers", "lloyd",
                    "mcdonald", "sainsbury", "macy", "moody", "kellogg", "wendy", "domino", "denny", "people\u2019"}
# Name suffixes kept with the name but never taken as its surname.
NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# Words that stay part of a person's name when they lead a single name ("Prince Andrew", "Pope Francis").
RANKS_IN_NAME = {"prince", "princess", "queen", "king", "pope", "duke", "duchess", "sheikh", "emperor", "empress",
                 "cardinal", "archbishop", "bishop", "earl", "count", "countess"}
# Common nouns that lead a name as a description ("Sprinter Laura Baines", "Nurse Amy Clarke").
ROLES = set(
    "nurse doctor surgeon midwife teacher headteacher pupil student professor lecturer researcher scientist "
    "sprinter runner athlete swimmer cyclist boxer golfer jockey trainer footballer batsman bowler rider driver "
    "author writer novelist poet playwright director producer musician singer rapper guitarist drummer dancer "
    "comedian presenter host anchor reporter correspondent journalist columnist historian economist analyst "
    "lawyer solicitor barrister attorney prosecutor judge detective inspector sergeant constable officer "
    "firefighter paramedic soldier veteran pilot farmer fisherman chef designer architect engineer artist "
    "photographer filmmaker actor actress model entrepreneur businessman businesswoman banker investor tycoon "
    "billionaire millionaire campaigner activist protester witness victim survivor resident neighbour "
    "neighbor fan supporter shopkeeper owner landlord tenant councillor mayor bishop cardinal archbishop "
    "rabbi imam pastor vicar reverend father priest monk nun sister brother uncle aunt mother grandmother "
    "grandfather widow mum dad chancellor republican democrat conservative mp mep senator congressman "
    "congresswoman governor candidate minister secretary spokesman spokeswoman chairman chairwoman "
    "frenchman frenchwoman englishman englishwoman scotsman scotswoman welshman welshwoman irishman irishwoman "
    "dutchman spaniard swede briton medallist medalist champion winner finalist winger striker keeper forward "
    "hooker flanker batsman dj".split()
)
# Gendered words before or for a name, for choosing whom "he" or "she" means.
FEMALE_WORDS = set(
    "mrs ms miss dame lady madam mme queen princess duchess countess empress baroness she her hers actress "
    "spokeswoman chairwoman congresswoman businesswoman sportswoman policewoman councilwoman mother wife "
    "daughter sister aunt grandmother widow girl woman nun mum".split()
)
MALE_WORDS = set(
    "mr sir lord king prince duke earl emperor baron he him his spokesman chairman congressman businessman "
    "sportsman policeman councilman father husband son brother uncle grandfather widower boy man monk "
    "dad pope cardinal bishop archbishop".split()
)
# Common first names whose bearers the news mostly writes of as "she" / "he".
FEMALE_NAMES = set(
    "mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret sandra "
    "ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca sharon laura "
    "cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine "
    "debra rachel carolyn janet catherine maria heather diane ruth julie olivia joyce virginia victoria kelly "
    "lauren christina joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa ann sara "
    "madison frances kathryn janice jean abigail alice judy sophia grace denise amber doris marilyn danielle "
    "beverly isabella theresa diana natalie brittany charlotte marie kayla alexis lori hillary kamala nancy "
    "theresa angela ursula christine kristi elizabeth nicola priti liz jacinda greta taylor beyonce rihanna "
    "serena venus naomi simona ilhan alexandria nikki kirsten tulsi amy sheila yvette harriet caroline "
    "penny andrea jess kate katie lucy sophie chloe ellie zoe fiona gemma claire jane julia anne annie "
    "rosa rose carmen ana eva ella ava mia nina tina gina kim michelle oprah meghan camilla diana beverley "
    "carly julie melania ivanka stormy marianne kristalina christiane ngozi jennifer".split()
)
MALE_NAMES = set(
    "james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony "
    "mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan "
    "jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander "
    "frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle "
    "walter ethan jeremy harold keith christian roger noah gerald carl terry sean austin arthur lawrence "
    "jesse dylan bryan joe jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph randy "
    "eugene vincent russell elijah louis bobby philip johnny boris emmanuel vladimir olaf xi jair narendra "
    "recep benjamin volodymyr mike bernie pete beto cory tom tim jim bill bob dan dave steve chris matt nick "
    "ben sam tony jeremy keir rishi gordon tony ed nigel liam harry charlie oliver jamie lewis ian neil "
    "graham colin barry trevor kurt rudy adam lindsey mitch chuck kevin ted rand marco jared jeff elon "
    "lebron kobe tiger rafael roger novak andy jose cristiano lionel diego sergio luis carlos pedro pablo "
    "miguel jorge ahmed mohammed muhammad ali hassan omar abdul sheldon myles mason cam dennis".split()
)
# More common first names (US and British), read as "she" / "he" in the same way.
FEMALE_NAMES |= set(
    "adele adriana aisha alisha alison allison alyssa amelia anita annette antoinette april aretha "
    "arlene audrey ayanna ayesha belinda bernadette betsy bonnie brianna bridget britney candace carla "
    "carrie cassandra cathy cecilia charity charlene chrissy cindy colleen condoleezza connie constance "
    "courtney crystal daisy darlene dawn deb debbie della delores desiree dianne dolly dolores edith "
    "eileen elaine eleanor elena elise ellen eloise erica erika erin esther ethel eunice faith fatima "
    "felicia florence gail geraldine gladys glenda gretchen gwen gwendolyn hazel heidi hilary holly hope "
    "ida irene iris isabel ivana jacinta jackie jeanine jeanne jeannette jenifer jenna jennie jenny jill "
    "joann joanne jodi johanna joni josephine josie joy juanita june kaitlin kaitlyn kara karin katelyn "
    "kathrine kathy katrina kay kellyanne kendra kirsty krista kristen kristin kristina kyrsten lana "
    "latoya layla leah leanne leila lena leticia lillian lillie lindsay lois loretta lorna lorraine "
    "louise lucia lucille luz lyndsey lynn mabel madeleine madeline madonna mae maggie mairead mandy "
    "marcia marcy margarita margo mariah maribel marjorie marlene marsha marta mattie maureen maxine "
    "melanie melinda mercedes meredith mildred minnie miranda miriam molly monica myra myrtle nadia "
    "nadine natasha nellie nichola nora norma olga opal orla patty paula pauline pearl peggy phyllis "
    "polly priscilla rachael rachelle ramona rashida rebekah regina renee rhian rhiannon rita roberta "
    "rochelle rosalind rosalynn rosemary rosie roxanne ruby sabrina sally sandy selena shakira shannon "
    "shelley shelly sherry sheryl silvia sinead siobhan sofia sonia sonya stacey stacy stella sue "
    "susanne susie suzanne sylvia tabitha tamara tamika tammy tanya tara terri tessa thelma tonya tracy "
    "trisha una valerie vanessa velma vera vicki vickie viola violet wendy whitney wilma winifred yasmin "
    "yolanda yvonne zara ".split()
)
MALE_NAMES |= set(
    "abdullah aidan alastair alec alexei alexey alfred alistair allen alvin andre andrej andrzej angelo "
    "angus antonio antony archie arnold barney bashar bennie benyamin bernard bert bradley brent brett "
    "byron callum calvin cecil cedric chad chester cillian clarence clark claude clayton clifford clint "
    "clyde cody connor conor craig curtis dale damian darius darren darryl dean declan derek dermot "
    "desmond devin dmitry dominic doug duane dustin dwayne dwight eamon earl edgar edmund eduardo edwin "
    "elliot elliott emilio enrico enrique ernest ernesto felix fergus fernando floyd francis francisco "
    "francois franklin fred freddie frederick friedrich fumio gareth garrett gavin gene geoffrey gerard "
    "gerhard gerry gilbert giorgio giuseppe glen glenn grant greg hakeem hamish hank harvey hector "
    "helmut herbert herman homer hosni howard hugh hugo iain igor imran isaac ivan jacques jake jamaal "
    "jasper jean-claude jean-luc jeffery jerome jerrold jimmy joel jon jonah jonny julian julius jurgen "
    "karl kenny kent khalid kieran kirk klaus kwasi kweisi lachlan lance leo leon leonard leroy lester "
    "lloyd lonnie lorenzo lucas luigi luke mahmoud malcolm manuel marcus mario marshall martin marty "
    "marvin mateusz matteo maurice max melvin merrick micheal mikhail milos milton mitchell mitt morris "
    "mustafa nathaniel nawaz neal ned nelson newt niall nikolai norman oscar otis owen pavel perry phil "
    "pierre pierre-luc preston quentin rahul ramon randall randolph raphael raul reggie reginald rex "
    "rhys ricardo rick ricky ro rob robbie roberto rod rodney roland ron ronnie rory ross ruben rudolph "
    "rufus rupert sadiq salman salvador sammy saul seamus sergei sergey seth shane shaun shehbaz shinzo "
    "silvio simon stanley stuart teddy terrence theodore tobias todd tommy travis troy tyrone vernon "
    "victor viktor vince wade wallace wesley wilbur wilfred will willard winston wolfgang wyn xavier "
    "yasser yoshihide yuri yusuf zach ".split()
)
# News outlets: where a report came from ("per BBC", "according to Reuters"), not who spoke.
OUTLETS = set(
    "bbc reuters ap afp cnn nbc cbs abc fox msnbc bloomberg politico axios npr pbs itv sky upi dpa efe "
    "ansa xinhua tass ria interfax yonhap kyodo variety".split()
)
OUTLET_PHRASES = ("associated press", "new york times", "washington post", "wall street journal", "the guardian",
                  "financial times", "the times", "daily mail", "the telegraph", "the independent", "usa today",
                  "los angeles times", "bbc news", "sky news", "fox news", "nbc news", "cbs news", "abc news",
                  "cnn business", "e! news", "tmz", "the hill", "business insider", "the verge", "al jazeera")
# Things that speak for their authors: "the statement said", "the report says", "the lawsuit claims".
DOCUMENTS = set(
    "statement report letter lawsuit suit complaint filing indictment study paper survey document memo "
    "release ruling judgment judgement order email e-mail tweet post petition motion audit review analysis "
    "note notice affidavit verdict decision warrant summary transcript charge charges brief guidance "
    "announcement communique bulletin".split()
)
# Unnamed people a bare noun cannot identify ("the official said"): no speaker rather than a word.
GENERIC_SPEAKERS = {"official", "officials", "source", "sources", "aide", "person", "people", "representative",
                    "rep"}
# Labels in capitals that open a line without naming a speaker.
NOT_LABELS = {"Q", "A", "NOTE", "UPDATE", "EXCLUSIVE", "WATCH", "READ", "BREAKING", "LIVE", "VIDEO", "PHOTOS",
              "CLOSEOUT", "TIP", "TIP-INS", "UP", "NEXT", "MORE", "ALSO", "RELATED", "EDITOR", "CORRECTION"}
