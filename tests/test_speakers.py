"""Speaker attribution: reporting verbs, names in full, pronouns, descriptions, organisations."""

from viewer.core.quotes.finder import find_quotes


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in find_quotes(text) if q.kind == "speech"]


def test_x_said_after_the_quote():
    assert speakers('"Our results were strong," chairman and chief executive Richard Parsons said.') == [
        "Richard Parsons"]


def test_said_x_inverted():
    assert speakers('"Nothing like it has ever been seen," said Justin Green, spokesman for MCD.') == ["Justin Green"]


def test_x_said_colon_before_the_quote():
    assert speakers('Gunners boss Arsene Wenger said: "Freddie is an option but we need a striker."') == [
        "Arsene Wenger"]


def test_according_to():
    text = 'According to US National Security Adviser Jake Sullivan, "Any day now" Russia could invade.'
    assert speakers(text) == ["Jake Sullivan"]


def test_honorific_resolved_to_full_name():
    text = ('Health Secretary Patricia Hewitt visited the hospital.\n\n'
            '"We will not close this ward," Ms Hewitt said.')
    assert speakers(text) == ["Patricia Hewitt"]


def test_surname_after_possessive():
    text = ("Oil chairman Subir Raha met Gazprom.\n\n"
            "ONGC's Mr Raha said: \"Our cash flow situation is good and we have the money.\"")
    assert speakers(text) == ["Subir Raha"]


def test_age_description():
    text = ('Norwich signed midfielder Graham Stuart, 34, on Monday.\n\n'
            '"It was a very easy decision to make," said the 34-year-old.')
    assert speakers(text) == ["Graham Stuart"]


def test_title_description():
    text = ('French President Emmanuel Macron flew to Moscow.\n\n'
            '"We must protect our European brothers and sisters," the French president said.')
    assert speakers(text) == ["Emmanuel Macron"]


def test_pronoun_and_continuation_resolve_to_last_speaker():
    text = ('Ashley Cole refused to blame anyone. "No-one is putting the blame on Robin," Cole said. '
            '"It just happens on the spur of the moment."\n\n'
            'Cole is a defender. "I have done it before and I hope they did not blame me," he added.')
    assert speakers(text) == ["Ashley Cole", "Ashley Cole", "Ashley Cole"]


def test_pronoun_prefers_the_latest_sentence_subject():
    text = ('Peter Halser of HVB said the debts were large. "This is the bill for their mismanagement," he said.\n\n'
            'Stephen Schechter, a banker, said the club needed money. "They need strong people on the board," he said.')
    assert speakers(text) == ["Peter Halser", "Stephen Schechter"]


def test_organisation_speaker():
    text = ('They discussed "ongoing diplomatic and deterrence efforts in response to the build-up," '
            'the White House said in a statement.')
    assert speakers(text) == ["White House"]


def test_appositive_after_name():
    text = ('"Religion needs to be a personal affair," Joseph Dias, general secretary of the Catholic '
            'Secular Forum, said in a statement.')
    assert speakers(text) == ["Joseph Dias"]


def test_next_sentence_is_not_an_attribution():
    text = ('Mr Blair told MPs: "Nothing is going to get in the way of a unified party." '
            'Labour\'s Paul Flynn said the pair had had a rough time.')
    assert speakers(text) == ["Blair"]


def test_no_speaker_when_the_text_never_says():
    assert speakers('"This is a quotation nobody claims at all," reads the sign.') == [None]


def test_it_said_is_the_organisation_opening_the_previous_sentence():
    text = ('Business leaders had opposed the plan. The British Chambers of Commerce welcomed the proposal. '
            '"This move today is the best of both worlds," it said.')
    assert speakers(text) == ["British Chambers of Commerce"]


def test_it_said_after_a_single_word_organisation_that_has_said():
    text = ('Tony Hawk\'s Underground 2 held its own at three. Sony has said that GT4 will not be ready. '
            '"The product is localised into 13 different languages," it said.')
    assert speakers(text) == ["Sony"]


def test_organisation_name_starting_with_a_digit():
    assert speakers('"Our primary worry is the budget," consultancy 4Cast said in a report.') == ["4Cast"]


def test_indefinite_spokesman_is_not_the_earlier_named_one():
    text = ('Mr Yeo, his transport spokesman, said the plans were bad. '
            '"It is important to remember that this bill will take a decade," a spokesman said.')
    assert speakers(text) == ["spokesman"]


def test_compound_adjective_is_not_a_name():
    text = ('Hollywood star Liam Neeson held a dinner. '
            'The Oscar-nominated actor said: "The Lyric is too important to crumble."')
    assert speakers(text) == ["Liam Neeson"]


def test_told_names_the_listener_not_the_speaker():
    text = ('Mr Blair told BBC News he had not read the report. But told BBC News: '
            '"As far as I am concerned, we have drawn a line under that."')
    assert speakers(text) == ["Blair"]


def test_narrated_speaker_without_quotes_is_the_antecedent():
    text = ('Others targeted include Oliver Letwin and David Davis, elections chief Lord Rennard said. '
            'He said it was "nothing personal" to anyone.')
    assert speakers(text) == ["Rennard"]


def test_name_after_the_sentence_subject_is_not_the_antecedent():
    text = ('Michael Howard met his team. But Mr Howard denied Mr Yeo, his spokesman, said the plans were bad. '
            'He also said Mr Davis would "set out the position very clearly" next week.')
    assert speakers(text) == ["Michael Howard"]


def test_inverted_speaker_of_an_organisation():
    text = ('"The programme is extremely important," said Rafael Marques of the pro-democracy '
            'George Soros Foundation for Southern Africa.')
    assert speakers(text) == ["Rafael Marques"]


def test_inverted_speaker_cut_before_ahead_of():
    text = '"All the chat in France has been about Ireland," said Castaignede ahead of the 12 March tie.'
    assert speakers(text) == ["Castaignede"]


def test_misspelt_surname_resolves_to_the_full_name():
    text = ('Agent Brian Hassell says no approach has been made. '
            '"He wants to stay in Britain," said Hassel.')
    assert speakers(text) == ["Brian Hassell"]


def test_names_inside_quotes_are_not_antecedents():
    text = ('Xbox frontman J. Allard spoke in the US. Mr Allard took swipes at rivals. '
            '"Our approach is Bruce Lee, not brute force," he said.')
    assert speakers(text) == ["J. Allard"]


def test_narration_naming_someone_else_takes_the_carried_quote():
    text = ('Her director Mike Leigh told the audience: "We always say it was a surprise." '
            'Best actor Jamie Foxx could not make the ceremony, but actress Helen Mirren read his speech. '
            '"I\'m honoured and proud to receive this Bafta."')
    assert speakers(text) == ["Mike Leigh", "Jamie Foxx"]


def test_pronoun_led_sentence_has_no_named_subject():
    text = ('Mr Blair told BBC News he still admired David Blunkett. '
            'He said Mr Blunkett\'s integrity remained intact: "He was the person who asked for this inquiry."')
    assert speakers(text) == ["Blair"]


def test_acronym_led_name_is_an_organisation():
    text = ('Speaking to BBC Northern Ireland before the event, Mr Neeson said he loved the Glens. '
            'Hollywood star Liam Neeson is from Ballymena. He said: "What an orator, and so dramatic."')
    assert speakers(text) == ["Liam Neeson"]


def test_party_shorthand_is_not_a_person():
    text = ('Lib Dem home affairs spokesman Mark Oaten has branded the scheme a waste. '
            'He said: "This has all the signs of Michael Howard overruling colleagues."')
    assert speakers(text) == ["Mark Oaten"]
