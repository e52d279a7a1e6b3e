"""Speaker attribution: reporting verbs, names in full, pronouns, descriptions, organisations."""

from viewer.core.quotes import find_quotes


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
