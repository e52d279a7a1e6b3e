"""The quote finder: conventions, nesting, stray marks, apostrophes, kinds."""

from viewer.core.quotes.finder import find_quote_spans, find_quotes


def texts(text: str) -> list[str]:
    return [q.text for q in find_quotes(text)]


def test_straight_and_curly_double_quotes():
    text = 'He said "we will win," and later added \u201cthe game is not over.\u201d'
    assert texts(text) == ["we will win,", "the game is not over."]


def test_span_excludes_marks_and_matches_text():
    text = 'Intro. "Our results were strong," the chairman said.'
    (q,) = find_quotes(text, "a.txt")
    assert text[q.start:q.end] == q.text == "Our results were strong,"
    assert q.article == "a.txt"


def test_guillemets_with_french_spacing():
    text = "Le président a déclaré : « Nous ne céderons pas sur la souveraineté. » Puis il est parti."
    assert texts(text) == ["Nous ne céderons pas sur la souveraineté."]


def test_offsets_are_code_points_with_emoji_before():
    text = '\U0001F600 caf\u0065\u0301 "Any day now, Russia could act," he warned.'
    (q,) = find_quotes(text)
    assert text[q.start:q.end] == "Any day now, Russia could act,"


def test_continuation_into_new_paragraph():
    text = ('Mr Raha said: "The first paragraph of the quote goes on.\n\n'
            '"And the second paragraph reopens with a mark," he told Reuters.\n')
    spans = find_quote_spans(text)
    assert [text[s.start:s.end] for s in spans] == [
        "The first paragraph of the quote goes on.", "And the second paragraph reopens with a mark,"]
    assert spans[1].continues and not spans[0].continues


def test_continuation_inside_one_line():
    text = ('"We have the gas and the money," he said. "What we are saying is simple. '
            '"The investment may go up to dollars 20bn."')
    assert texts(text) == ["We have the gas and the money,", "What we are saying is simple.",
                           "The investment may go up to dollars 20bn."]


def test_quote_inside_quote_is_one_quote():
    text = "He said: \"Back then you'd hear: 'If you go to San Francisco, wear a flower'. We lived in Aston.\""
    assert texts(text) == ["Back then you'd hear: 'If you go to San Francisco, wear a flower'. We lived in Aston."]


def test_unclosed_quote_stops_at_sentence_end():
    text = ('He warned that unless productivity rises "retirement programmes would need "significant" changes. '
            'He called on Congress to cut benefits. The rest of the article goes on and on here.')
    (q,) = find_quotes(text)
    assert q.text == 'retirement programmes would need "significant" changes.'


def test_stray_mark_never_swallows_the_article():
    body = " ".join(["This sentence has no quotes at all."] * 200)
    text = 'A 6" screen and a stray " mark.\n\n"Unclosed start here. ' + body + "\n\nLast paragraph."
    quotes = find_quotes(text)
    assert all(len(q.text) < 200 for q in quotes)
    assert all("Last paragraph" not in q.text for q in quotes)


def test_apostrophes_are_not_single_quotes():
    text = "It's Ukraine\u2019s border, the 1990s' boom and the '90s; analysts' views differ and O'Neill's too."
    assert find_quotes(text) == []


def test_single_quotes_in_headline_and_scare_quotes():
    text = "Turkey-Iran mobile deal 'at risk'\n\nHe rejected a 'loan-for-oil deal' in the talks.\n"
    quotes = find_quotes(text)
    assert [q.text for q in quotes] == ["at risk", "loan-for-oil deal"]
    assert all(q.kind == "scare" for q in quotes)


def test_single_quotes_used_for_speech():
    text = "'We will fight this decision all the way to the top,' the manager said after the match."
    (q,) = find_quotes(text)
    assert q.kind == "speech" and q.text.startswith("We will fight")


def test_kinds_speech_scare_title():
    text = ('Critics called it "offensive". The film "Lord of the Rings" did well. '
            '"Our financial performance was strong," chairman Richard Parsons said.')
    kinds = {q.text: q.kind for q in find_quotes(text)}
    assert kinds["offensive"] == "scare"
    assert kinds["Lord of the Rings"] == "scare"
    assert kinds["Our financial performance was strong,"] == "speech"


def test_short_fragment_with_reporting_verb_is_speech():
    text = 'Jake Sullivan warned on Sunday that Russia could invade Ukraine \u201cany day,\u201d officials said.'
    (q,) = find_quotes(text)
    assert q.kind == "speech"


def test_ellipsis_opening_a_quote():
    text = 'The Judge wrote: "...it is not surprising that there were many \'hits\' on the site".'
    assert texts(text) == ["...it is not surprising that there were many 'hits' on the site"]


def test_empty_and_garbage_input():
    assert find_quotes("") == []
    assert isinstance(find_quotes('""" \u201c\u201d \u00ab \u00bb \' \' "'), list)


def test_one_word_stays_scare_even_with_a_reporting_verb():
    text = 'Age Concern said the plan was "cowardly" and a "complete u-turn".'
    kinds = {q.text: q.kind for q in find_quotes(text)}
    assert kinds == {"cowardly": "scare", "complete u-turn": "speech"}


def test_second_fragment_in_a_reported_sentence_is_speech():
    text = ('Michael Howard said his team had reached a "collective view" after holding a "good discussion", '
            'but it was "not an easy issue".')
    quotes = find_quotes(text)
    assert [q.kind for q in quotes] == ["speech", "speech", "speech"]
    assert [q.speaker for q in quotes] == ["Michael Howard"] * 3


def test_nickname_between_names_with_a_stray_space_is_closed_and_scare():
    text = ('Another player - Jimmy "the Whirlwind " White - has previously admitted missing lessons. '
            '"Tony Meo and me used to spend all of our spare time there," Mr White said.')
    quotes = find_quotes(text)
    assert [(q.text, q.kind) for q in quotes][0] == ("the Whirlwind", "scare")
    assert quotes[1].text.startswith("Tony Meo") and quotes[1].kind == "speech"


def test_a_title_case_show_name_after_a_reporting_verb_stays_a_title():
    text = ('McCarthy said on CBS\'s "Face the Nation" that Democrats were "playing games with the '
            'American people."')
    kinds = {q.text: q.kind for q in find_quotes(text)}
    assert kinds["Face the Nation"] == "scare"
    assert kinds["playing games with the American people."] == "speech"


def test_a_title_in_title_case_with_its_full_stop_inside_the_marks_is_scare():
    text = 'She read the poem "The End of Poetry." Then she said: "It is over for now."'
    kinds = {q.text: q.kind for q in find_quotes(text)}
    assert kinds["The End of Poetry."] == "scare"
    assert kinds["It is over for now."] == "speech"


def test_song_titles_in_full_title_case_are_scare():
    text = 'The band played "Listen To The Music," and then "What A Fool Believes," before they said "Thank you all."'
    kinds = {q.text: q.kind for q in find_quotes(text)}
    assert kinds["Listen To The Music,"] == "scare"
    assert kinds["What A Fool Believes,"] == "scare"


def test_two_straight_single_marks_close_an_open_double_quote():
    text = '"We hope to work with our neighbours,\'\' said Gianni Serandrei. \'It works,\'\' she wrote.'
    quotes = find_quotes(text)
    assert quotes[0].text == "We hope to work with our neighbours,"
    assert quotes[0].speaker == "Gianni Serandrei"
