"""Speaker attribution, one test per measured cause of wrong speakers (made-up sentences in news style)."""

from viewer.core.quotes.finder import find_quotes


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in find_quotes(text) if q.kind == "speech"]


# 1. Titles and abbreviations with a full stop, middle initials.
def test_title_with_full_stop_after_the_quote():
    text = ('Karl Rove, the strategist, spoke on Monday.\n\n'
            '"I don\'t see it happening," Mr. Rove said.')
    assert speakers(text) == ["Karl Rove"]


def test_senator_abbreviation_names_the_new_speaker():
    text = ('"We are close to a deal," Sen. Mitch Connell said.\n\n'
            '"We will win," Sen. John McCain said.')
    assert speakers(text) == ["Mitch Connell", "John McCain"]


def test_middle_initial_and_suffix():
    text = ('"The case highlights our duty," said James P. Kennedy Jr., the U.S. Attorney.\n\n'
            '"I was there," George W. Bush told reporters.')
    assert speakers(text) == ["James P. Kennedy Jr.", "George W. Bush"]


def test_country_abbreviation_is_not_a_speaker():
    text = '"Justice has been served," said U.S. Attorney Nealy Cox.'
    assert speakers(text) == ["Nealy Cox"]


def test_inverted_title_then_name_after_the_quote():
    text = '"The market is strong," said Dr. Jane Foster of the Federal Reserve.'
    assert speakers(text) == ["Jane Foster"]


# 2. Pronouns whose antecedent is in an earlier sentence or paragraph.
def test_pronoun_after_a_clause_opening():
    text = ('When Patrick walked into the room, the women turned around.\n\n'
            'Deval Patrick is a former governor.\n\n'
            'When Patrick sat down, they clapped.\n\n'
            '"Don\'t mind me!" he told them.')
    assert speakers(text) == ["Deval Patrick"]


def test_pronoun_refers_to_a_single_named_royal():
    text = ('The real Prince Andrew was busy distancing himself from the scandal.\n\n'
            'Andrew does not remember any of it. "I remember it weirdly, distinctly," he said.')
    assert speakers(text) == ["Prince Andrew"]


def test_he_added_in_a_new_paragraph():
    text = ('Finance minister Ruth Adler announced the budget on Tuesday. '
            'The plan cuts taxes for small firms.\n\n'
            'She added: "This is a budget for growth."')
    assert speakers(text) == ["Ruth Adler"]


# 3. Organisations and documents speaking.
def test_the_statement_said_is_the_body_that_issued_it():
    text = ('Two soldiers were killed in a crash, the US military said in a statement on Wednesday.\n\n'
            '"The cause of the crash is under investigation," the statement said.')
    assert speakers(text) == ["US military"]


def test_a_report_from_an_organisation():
    text = '"The market is factoring in a recovery," said a report from Kotak Institutional Equities.'
    assert speakers(text) == ["Kotak Institutional Equities"]


def test_the_firm_said_in_a_statement():
    text = ('Acme Holdings cut its forecast on Monday.\n\n'
            '"We remain confident in our strategy," the firm said in a statement.')
    assert speakers(text) == ["Acme Holdings"]


def test_the_lawsuit_says():
    text = ('The Sierra Club sued the agency in March.\n\n'
            '"The agency ignored the law," the lawsuit says.')
    assert speakers(text) == ["Sierra Club"]


# 4. Continued quotations across paragraphs.
def test_continued_quotation_across_paragraphs():
    text = ('"We have worked hard on this," said Maria Lopez, the project leader. "It was not easy.\n\n'
            '"And the best is yet to come."\n\n'
            'The project opens next year.')
    assert speakers(text) == ["Maria Lopez", "Maria Lopez", "Maria Lopez"]


# 5. Descriptions instead of names.
def test_the_cardinal_is_the_cardinal_introduced_earlier():
    text = ('Cardinal Keith O\'Brien spoke at the mass on Sunday.\n\n'
            'The church has faced criticism.\n\n'
            '"We must listen to the victims," the cardinal said.')
    assert speakers(text) == ["Keith O'Brien"]


def test_the_28_year_old():
    text = ('Sprinter Laura Baines, 28, won the 200m on Saturday.\n\n'
            'It was her third title.\n\n'
            '"I am delighted," the 28-year-old said.')
    assert speakers(text) == ["Laura Baines"]


def test_the_former_minister():
    text = ('Former minister David Blunt has written a book.\n\n'
            '"Nobody listened to us," the former minister said.')
    assert speakers(text) == ["David Blunt"]


# 6. Appositions after the quote and between the name and the verb.
def test_apposition_after_an_inverted_speaker():
    text = ('"Schools need more money," said Barry Sheerman, chairman of the Commons education committee.')
    assert speakers(text) == ["Barry Sheerman"]


def test_apposition_between_name_and_verb():
    text = ('"Numbers like these are rare," Paul Torres, a professor at the University of Florida, said.\n\n'
            '"Experiments of this kind succeed," Dylan Nelson, a fellow at the Max Planck Institute for '
            'Astrophysics in Munich, Germany, and co-author of the study, said in a statement.')
    assert speakers(text) == ["Paul Torres", "Dylan Nelson"]


def test_inverted_speaker_with_a_relative_clause():
    text = ('"Of my 1,000 followers, five swiped away," said Will Tjernlund, a consultant who has a '
            'business Instagram account.')
    assert speakers(text) == ["Will Tjernlund"]


# 7. Speaker before the quote.
def test_she_told_the_bbc_colon():
    text = ('Nurse Amy Clarke has worked at the hospital for ten years.\n\n'
            'She told the BBC: "We are at breaking point."')
    assert speakers(text) == ["Amy Clarke"]


def test_transcript_labels():
    text = ('WALLACE: "Will you accept the result?"\n\n'
            'TRUMP: "I will look at it at the time."')
    assert speakers(text) == ["Wallace", "Trump"]


def test_dash_signature():
    text = '"The best advice I ever got was to listen." \u2014 Jane Doe'
    assert speakers(text) == ["Jane Doe"]


def test_asked_before_the_quote():
    text = 'Schiff asked Volker: "So you have not fixed the problem?"'
    assert speakers(text) == ["Schiff"]


# 8. Partial quotes inside reported speech.
def test_partial_quote_in_reported_speech():
    text = 'Mayor Tom Smith said the plan was "a disaster for families" and would be scrapped.'
    assert speakers(text) == ["Tom Smith"]


def test_partial_quote_after_told_that():
    text = ('General Mark Milley, chairman of the Joint Chiefs of Staff, told US media this month that '
            'its forces are likely to remain "for several more years".')
    assert speakers(text) == ["Mark Milley"]


def test_partial_quote_after_an_appositive_subject():
    text = ('On Monday, the People\'s Daily, the mouthpiece of the party, warned that there is '
            '"absolutely no room for compromise".')
    assert speakers(text) == ["People's Daily"]


# 9. Aliases, and sources that are not speakers.
def test_acronym_is_the_organisation_named_in_full():
    text = ('The Qualifications and Curriculum Authority (QCA) published the figures.\n\n'
            '"Standards are rising," the QCA said.')
    assert speakers(text) == ["Qualifications and Curriculum Authority"]


def test_nickname_is_the_same_person():
    text = ('Ahmed "Mido" Hossam joined the club in 2005.\n\n'
            '"I am happy here," Mido said.')
    assert speakers(text) == ["Ahmed Hossam"]


def test_per_bbc_is_a_source_not_a_speaker():
    text = ('French President Emmanuel Macron flew to Moscow.\n\n'
            'Per BBC, the French leader hopes that his talks would prevent conflict. '
            'He underscored that Europe needs "a new balance capable of preserving peace."')
    assert speakers(text) == ["Emmanuel Macron"]


def test_according_to_reuters_is_a_source_not_a_speaker():
    text = ('Chancellor Olaf Scholz met the president in Washington.\n\n'
            'According to Reuters, he said: "We are united in this."')
    assert speakers(text) == ["Olaf Scholz"]


def test_bare_official_is_not_a_speaker():
    text = ('The official told reporters that the agenda was "the new order of security in Europe, '
            'including guarantees of regional security."')
    assert speakers(text) == [None]


# 10. Speakers taking turns.
def test_speakers_taking_turns():
    text = ('Senator Ann Reid and Governor Bill Stone clashed in the debate.\n\n'
            '"You raised taxes twice," Reid said.\n\n'
            '"That is not true," Stone replied. "I cut them."\n\n'
            '"The record says otherwise," she said.')
    assert speakers(text) == ["Ann Reid", "Bill Stone", "Bill Stone", "Ann Reid"]


# One canonical name per person within an article.
def test_surname_first_then_full_name_later_is_the_full_name():
    text = ('"All of them bring different strengths," Clarke said.\n\n'
            '"Buying rides to the Moon enables NASA to do more," NASA\'s Steve Clarke said in the statement.')
    assert speakers(text) == ["Steve Clarke", "Steve Clarke"]


def test_subject_before_an_apposition_after_a_clause():
    text = ('President Ruth Hale has been eager to withdraw, but General Mark Milley, chairman of the Joint '
            'Chiefs of Staff, told reporters that troops will stay "for several more years".')
    assert speakers(text) == ["Mark Milley"]


def test_issued_a_statement_warning_is_the_issuer():
    text = ('In a sign of confusion, the Electoral Commission, which regulates campaign finances, issued a '
            'statement warning that "voters are entitled to transparency from campaigners."')
    assert speakers(text) == ["Electoral Commission"]


def test_two_single_marks_typed_for_a_double_closing_mark():
    text = '\u201cIt was an attempt to mislead voters,\u2019\u2019 Will Moy, chief executive of Full Fact, said.'
    quotes = [q for q in find_quotes(text) if q.kind == "speech"]
    assert [(q.text, q.speaker) for q in quotes] == [("It was an attempt to mislead voters,", "Will Moy")]


def test_cluster_speaker_is_the_name_most_articles_agree_on():
    from viewer.core.quotes.clusters import _speaker
    from viewer.core.quotes.finder import Quote

    def quote(article: str, speaker: str | None) -> Quote:
        return Quote(article, 0, 10, "We must protect Europe", "speech", speaker)

    quotes = [quote("a", "Macron"), quote("a", "Macron"), quote("a", "Macron"), quote("b", "Emmanuel Macron"),
              quote("c", "Emmanuel Macron"), quote("d", "Per BBC")]
    assert _speaker(quotes) == "Emmanuel Macron"


def test_described_sentence_subject_is_the_antecedent():
    text = ('Australian Mark Philippoussis hurt his knee in Sydney.\n\n'
            '"The injury is common in football," said physio Hamish Osborne.\n\n'
            'The Australian has suffered injuries before. "It is something I will go by feel."')
    assert speakers(text) == ["Hamish Osborne", "Mark Philippoussis"]


def test_continued_quote_after_a_lead_in_inside_an_open_quote():
    text = ('Ashley Cole said: "I have done it before. It happens when you go crazy for a second. '
            'Gunners boss Arsene Wenger said: "Freddie is an option but we need a striker."')
    assert speakers(text)[-1] == "Arsene Wenger"


def test_the_statement_read():
    text = ('Big Machine Records issued a statement on Monday.\n\n'
            '"We were shocked to see her statements," the statement read.')
    assert speakers(text) == ["Big Machine Records"]


def test_a_hospital_is_not_a_person():
    text = ('He sought advice from Owen Dempsey, a chest doctor at the Aberdeen Royal Infirmary.\n\n'
            '"Their immune system behaves in an exaggerated fashion."')
    assert speakers(text) == ["Owen Dempsey"]


def test_title_words_inside_a_long_name_run():
    assert speakers('"We pray for them," said White House Press Secretary Stephanie Grisham.') == [
        "Stephanie Grisham"]


def test_he_after_a_woman_spoke_is_the_man_last_named():
    text = ('"We thank the government," said press secretary Stephanie Grisham.\n\n'
            'When Afghan President Ashraf Ghani announced the exchange, he said it was safe.\n\n'
            'He also said he hoped the swap would "pave the way" for talks.')
    assert speakers(text) == ["Stephanie Grisham", "Ashraf Ghani"]


def test_closing_said_after_a_partial_quote():
    text = ('Sondland was known for telling others "he was in charge of Ukraine" despite being the envoy in '
            'Brussels, said another witness, former adviser Fiona Hill.')
    assert speakers(text) == ["Fiona Hill"]


def test_tweeted():
    assert speakers('"A great day for our Country!" Trump tweeted soon after the Committee on Intelligence met.') == [
        "Trump"]


def test_heading_quote_has_the_speaker_of_the_full_quote():
    text = ('Tim Morrison testified on Tuesday.\n\n'
            '"My fears have been realized"\n\n'
            'Morrison told the committee, "I feared how its disclosure would play. My fears have been realized."')
    assert speakers(text) == ["Tim Morrison", "Tim Morrison"]


def test_seeds_credit_no_outlet_country_or_official():
    from viewer.core.loading.articles import bundled_seeds_dir, load_article
    from viewer.core.quotes.clusters import cluster_quotes

    quotes = []
    for path in sorted(bundled_seeds_dir().glob("*.txt")):
        quotes.extend(find_quotes(load_article(path).text, path.name))
    not_speakers = {"Per BBC", "BBC", "Ukraine", "Russia", "France", "official", "Reuters news agency", "Reuters"}
    assert not {q.speaker for q in quotes} & not_speakers
    assert all(q.speaker != "White House" for q in quotes if "super April" in q.text)
    clusters = cluster_quotes(quotes)
    assert not {c.speaker for c in clusters} & (not_speakers | {"Reuters"})
    macron = [c for c in clusters if c.label.startswith("We must protect our European brothers")]
    assert macron and macron[0].speaker == "Emmanuel Macron"


def test_they_said_after_a_body_in_british_plural():
    text = ('Big Machine have twice denied doing anything wrong.\n\n'
            '"At no point did we say she could not perform," they said in a statement.')
    assert speakers(text) == ["Big Machine"]


def test_they_said_after_an_apposed_company():
    text = ('The company that runs the awards, Dick Clark Productions, denies that anything is sorted.\n\n'
            '"Any final agreement needs to be made with her team," they said.')
    assert speakers(text) == ["Dick Clark Productions"]


def test_a_foreign_ministry_not_its_country():
    text = 'Russia\'s foreign ministry said it viewed the move as "another measure contradicting" the law.'
    assert speakers(text) == ["Russia's foreign ministry"]


def test_pronoun_subject_after_a_prepositional_opening():
    text = ('Taylor Swift posted on Monday.\n\n'
            'In a Tumblr post at the time she described this as the "worst case scenario" for her.')
    assert speakers(text) == ["Taylor Swift"]


def test_new_paragraph_quote_after_narration_naming_another_speaker():
    text = ('"The consensus is broken," said Avi Bell, a fellow at a policy forum.\n\n'
            'Saeb Erekat said it was only the latest move to make them give up.\n\n'
            '"They wanted us on our knees. We stand tall."')
    assert speakers(text) == ["Avi Bell", "Saeb Erekat"]


def test_closing_said_skips_a_description_after_the_name():
    text = ('"The president wants a bigger deal" announced in October, said Derek Scissors, a China scholar '
            'with the American Enterprise Institute.')
    assert speakers(text) == ["Derek Scissors"]


def test_closing_name_said_after_a_partial_quote():
    text = ('Governor Kristi Noem launched the campaign.\n\n'
            'The crisis is "growing at an alarming rate" and affects every town, Noem said in the announcement.')
    assert speakers(text) == ["Kristi Noem"]


def test_acronym_spelt_by_the_initials_of_a_named_body():
    text = ('The Chinese Center for Disease Control and Prevention investigated the cases.\n\n'
            'The CDC assured the public that the risks were "extremely low."')
    assert speakers(text) == ["Chinese Center for Disease Control and Prevention"]


def test_colon_after_a_sentence_whose_subject_is_a_known_person():
    text = ('Jessie Buckley plays the lead.\n\n'
            'Buckley, who phoned in from the set of Fargo, had a similar experience: "It was just that feeling."')
    assert speakers(text) == ["Jessie Buckley"]
