"""Speaker attribution in US house style: causes measured on the second web dev set (made-up
sentences in the same shapes)."""

from viewer.core.quotes.finder import find_quotes


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in find_quotes(text) if q.kind == "speech"]


def test_name_with_apposition_then_told_after_the_quote():
    text = ('The smog eased on Sunday.\n\n'
            '"This is mainly due to the change in wind direction," Maya Raman, a research analyst '
            'at the Delhi-based Council on Energy, told CBS News.')
    assert speakers(text) == ["Maya Raman"]


def test_lower_case_titles_listed_before_the_name():
    text = ('Acme Stores missed Wall Street forecasts.\n\n'
            '"Our results reflected broad growth," chairman, CEO and president Craig Menard said '
            'in the earnings release.')
    assert speakers(text) == ["Craig Menard"]


def test_long_apposition_between_name_and_said_in_a_statement():
    text = ('The Hubble Space Telescope saw plumes in 2012.\n\n'
            '"Essential elements are found all over the solar system," study lead author Lucas Pagano, '
            'a planetary scientist at NASA\'s Goddard Space Flight Center in Greenbelt, Maryland, said '
            'in a statement.')
    assert speakers(text) == ["Lucas Pagano"]


def test_wrote_then_an_age_and_a_place():
    text = ('"I was unable to walk without feeling faint," wrote 43-year-old Martin Tailor of '
            'Aberdeenshire, Scotland, in a case study.')
    assert speakers(text) == ["Martin Tailor"]


def test_has_written_after_an_apposition():
    text = ('"As a general matter, tariffs are a tax," said Laurence Whyte, a professor.\n\n'
            '"The importer pays the duty," Howard Gleason, a senior fellow at the Tax Policy Center, '
            'has written. "The Chinese government pays nothing."')
    assert speakers(text) == ["Laurence Whyte", "Howard Gleason", "Howard Gleason"]


def test_she_after_a_name_with_a_middle_initial():
    text = ('The Centre for Economic Policy Research found that consumers paid.\n\n'
            'Computers have been hit too, said Mary E. Lowery, a Syracuse University economist. '
            '"About a third of imports are computers," she said.')
    assert speakers(text) == ["Mary E. Lowery"]


def test_he_after_a_congressman_with_party_and_state():
    text = ('Jim Bridenstone, the NASA administrator, testified.\n\n'
            'Rep. Robert Aderhold (R-AL), ranking member of the subcommittee, pushed for more rockets.\n\n'
            '"I understand there is growing confidence," he said.')
    assert speakers(text) == ["Robert Aderhold"]


def test_description_comma_name_comma_said():
    text = ('Sweden has dropped its investigation.\n\n'
            '"The evidence has weakened considerably," Sweden\u2019s deputy director of public '
            'prosecutions, Eva-Marie Persen, said on Tuesday.')
    assert speakers(text) == ["Eva-Marie Persen"]


def test_single_first_name_introduced_with_dashes():
    text = ('In his book "Financial Freedom: All the Money You Will Ever Need," he sets a target.\n\n'
            'Tommy \u2014 who only goes by his first name online \u2014 retired at 51, he wrote in a blog post.\n\n'
            '"So much of a great retirement is mental," he wrote.')
    assert speakers(text) == ["Tommy"]


def test_apposition_without_its_closing_comma_before_told():
    text = ('"This is mainly due to the wind," Maya Raman, a research analyst at the Council on Energy, '
            'Environment and Water think tank told CBS News.')
    assert speakers(text) == ["Maya Raman"]


def test_she_after_an_inverted_said_in_narration():
    text = ('"The duty falls on consumers," said Dan Anthony, a trade consultant.\n\n'
            'Computers have been hit too, said Mary E. Lowery, a Syracuse University economist. '
            '"About a third of imports are computers," she said.')
    assert speakers(text) == ["Dan Anthony", "Mary E. Lowery"]


def test_he_after_a_subject_that_follows_a_prepositional_opening():
    text = ('Jim Bridenstone expects three rockets by 2024.\n\n'
            'At a hearing last month of the subcommittee that funds NASA, Rep. Robert Aderhold (R-AL), '
            'ranking member of the subcommittee, pushed for more rockets.\n\n'
            '"I understand there is growing confidence," he said.')
    assert speakers(text) == ["Robert Aderhold"]


def test_pronoun_subject_after_a_prepositional_opening_is_not_the_name_after_it():
    text = ('Patrick Carlino Jr., 55, pleaded guilty.\n\n'
            'During the call, he asked about the Muslim Brotherhood and said, "somebody ought to stop her," '
            'the prosecutor\u2019s office said.')
    assert speakers(text)[0] != "Muslim Brotherhood"


def test_she_after_an_inverted_said_when_a_body_spoke_before():
    text = ('A study by the Centre for Economic Policy Research concluded that "the tariff falls on consumers."\n\n'
            '"The impact is large," said Daniel Anthony, a trade consultant.\n\n'
            'Computers have been hit too, said Mary E. Lowery, a Syracuse University economist. '
            '"About a third of imports are computers," she said.')
    assert speakers(text)[-1] == "Mary E. Lowery"


def test_said_before_a_name_that_opens_a_clause_is_no_inverted_reporter():
    text = ('Michael Howard met his team.\n\n'
            'He also said, Mr Davis would "set out the position very clearly" next week.')
    assert speakers(text) == ["Michael Howard"]


def test_a_club_introduced_with_who_is_no_one_name_person():
    text = ('Julian Whyte, a prop, expects a rough ride.\n\n'
            'The Leicester tight-head is in form. Leicester, who signed Whyte in 2003, have also gained. '
            '"The Welsh scrum is a force," he told BBC Sport.')
    assert speakers(text) == ["Julian Whyte"]


def test_name_before_the_comma_of_an_opening_adverb_stays_the_subject():
    text = ('Charles Kennedy leads the Liberal Democrats.\n\n'
            'Earlier Mr Kennedy, whose party opposes the plan as "deeply flawed" said it could wait. '
            'He told the Today programme that Mr Clarke was less keen.\n\n'
            '"Why do we need this legislation?" he asked.')
    assert speakers(text)[-1] == "Charles Kennedy"


def test_a_surname_ending_in_ly_is_no_adverb():
    text = ('Teachers could get more powers under a "zero tolerance" drive, Education Secretary Ruth Kelly '
            'has suggested.')
    assert [q.speaker for q in find_quotes(text)] == ["Ruth Kelly"]


def test_written_alone_is_an_adjective_not_a_reporting_verb():
    text = ('The attorney general has again denied being leant on.\n\n'
            'Claims a written answer was drafted by Downing Street were "wholly unfounded," he insisted.')
    assert "Claims" not in [q.speaker for q in find_quotes(text)]


def test_subject_after_an_opening_phrase_is_the_word_after_the_comma():
    text = ('Sol Campbell faces United again.\n\n'
            'Last October, Arsenal lost 2-0 at Old Trafford, which ended a record run.\n\n'
            '"It had a psychological impact on us," added the 30-year-old.')
    assert speakers(text) == ["Sol Campbell"]


def test_partial_quote_repeating_words_a_speaker_said_in_full():
    text = ('"I\'ve given plenty of on-the-record statements that were truthful," Stephanie Grisley told CNN.\n\n'
            'Which is the problem. She has given "plenty of on-the-record statements that were truthful." '
            'Which means she has given some that are not.')
    assert speakers(text) == ["Stephanie Grisley", "Stephanie Grisley"]


def test_partial_quote_in_a_sentence_about_a_known_person():
    text = ('Bruce Boudro coaches the Wild.\n\n'
            'Boudro gave his players a pep talk Tuesday, telling them to "believe in yourselves" and more.')
    assert speakers(text) == ["Bruce Boudro"]


def test_partial_quote_continues_the_paragraph_speaker():
    text = ('Andrew Vaughn studies tuft cells.\n\n'
            '"You may not always want to overreact," he said. That could explain asthma: there could be '
            'dangers "if you have too many of these cells and they are poised to respond."')
    assert speakers(text) == ["Andrew Vaughn", "Andrew Vaughn"]


def test_partial_quote_after_a_narrated_reporter_in_the_paragraph():
    text = ('Michael Howitt is a biologist.\n\n'
            'It is not clear which function evolved first, Howitt says. Just because scientists found '
            'these receptors first, "that does not mean that is the order in which it evolved."')
    assert speakers(text) == ["Michael Howitt"]


def test_partial_quote_in_a_new_paragraph_takes_no_earlier_speaker():
    text = ('"We will win," said Jane Rowe, a senator.\n\n'
            'The plan is seen in the papers as "a disaster for families" this week.')
    assert speakers(text)[1:] in ([], [None])


def test_bracketed_party_tag_after_a_name():
    text = ('Federal workers are being called back.\n\n'
            '"I think we have to press the pause button," Rep. Gerald E. Connelly (D-Va.), chairman of the '
            'subcommittee, said in an interview. "There is no data that could make one comfortable."\n\n'
            'Senate Minority Leader Chuck Schumerr (D-N.Y.) said the revelations "further expose the concerns."')
    assert speakers(text) == ["Gerald E. Connelly", "Gerald E. Connelly", "Chuck Schumerr"]


def test_owner_before_an_opening_comma_is_not_the_subject():
    text = ('"We must wait," said Rep. Gerald Connelly, the chairman.\n\n'
            'At a hearing in Connelly\u2019s subcommittee, Rep. Jody Hyce (R-Ga.) pushed for a faster pace. '
            '"The telework numbers are down," he said.')
    assert speakers(text) == ["Gerald Connelly", "Jody Hyce"]


def test_the_with_one_capitalised_word_opening_a_sentence_is_no_person():
    text = ('Stephanie Kapel runs the Florida Keys Outreach Coalition. Kapel said most jobs depend on tourism.\n\n'
            'The Keys closed its doors to tourists on March 22.\n\n'
            '"We do have some reserves," she said.')
    assert speakers(text) == ["Stephanie Kapel"]


def test_quantifier_leading_a_capitalised_noun_is_no_name():
    text = ('Mitch McConnel spoke on Wednesday.\n\n'
            'Some Democrats said they would fight the nomination.\n\n'
            'McConnel took issue with the attacks.\n\n'
            '"The American people do not need revisionist history," he said.')
    assert speakers(text) == ["Mitch McConnel"]


def test_participle_after_a_clause_takes_the_main_verb_subject():
    text = ('Anthony Billers, a lawyer, wrote to the governor.\n\n'
            'In an interview, Billers said he hoped the state would allow ReOpenNC to demonstrate safely, '
            'adding, "What is sufficient safety to buy toilet paper should be enough."')
    assert speakers(text) == ["Anthony Billers"]


def test_corporate_office_acronym_before_a_name_is_a_title():
    text = ('Eastern Airlines has been flying people home. CEO Steve Harfest said they have helped 11,000 people.\n\n'
            '"It has been sometimes 36-hour notice," he said.')
    assert speakers(text) == ["Steve Harfest"]


def test_first_word_of_a_known_body_speaks_for_the_body_not_a_person():
    text = ('Woody Allan\u2019s memoir was released Monday by Arcade Publishing.\n\n'
            '"The book is a candid account," Arcade announced.\n\n'
            '"At the very early stages, I was happy," he writes.')
    assert speakers(text)[1] == "Woody Allan"


def test_a_name_after_in_is_a_place_not_the_speaker():
    text = ('Travellers are stuck abroad.\n\n'
            'A statement on the website of the U.S. Embassy in Bolivia says no more flights are '
            '"currently contemplated."')
    assert speakers(text)[0].endswith("Embassy")


def test_partial_quote_in_a_sentence_opened_by_a_body():
    text = ('The party suspended a candidate on Monday.\n\n'
            'UKIP asserts that Mr Hockney "has a moral obligation, if not a legal one" to stand down.')
    assert speakers(text) == ["UKIP"]


def test_a_description_is_not_matched_inside_a_quotation():
    text = ('Mark Philipousis faces a race to be fit.\n\n'
            '"The injury is common in Australian Rules football," said the doctor, Hamish Osbourne. '
            'The Australian has suffered many injuries. "I will go by feel," he said.')
    assert "Rules" not in speakers(text)


def test_place_before_an_honorific_is_no_part_of_the_name():
    text = ('The hearing went on for hours.\n\n'
            '"It is a sad day," said California Sen. Dianne Feinstein, the top Democrat on the committee.\n\n'
            '"No comment," said Texas Gov. Greg Abbott.')
    assert speakers(text) == ["Dianne Feinstein", "Greg Abbott"]


def test_office_named_with_a_lower_case_possessive_speaks_as_a_body():
    text = 'The trial opened.\n\n"The evidence is clear," the U.S. attorney\'s office said in a statement.'
    assert speakers(text) == ["U.S. attorney's office"]


def test_state_and_party_description_means_the_person_introduced():
    text = ('Sen. Elizabeth Warren, D-Mass., criticized the plan on Sunday. "This is a giveaway to the rich," '
            'the Massachusetts Democrat said.\n\n'
            'She also targeted the banks. "They have never paid their fair share."\n\n'
            '"We have heard this before," said Sen. Marco Rubio, R-Fla. The Florida Republican added that the '
            'bill "will create jobs."')
    assert speakers(text) == ["Elizabeth Warren", "Elizabeth Warren", "Marco Rubio", "Marco Rubio"]


def test_body_named_with_of_speaks_whole():
    text = ('The bill passed the House.\n\n'
            'In a statement, the Chamber of Commerce said the measure "would hurt small businesses across '
            'the country."')
    assert speakers(text) == ["Chamber of Commerce"]


def test_name_apposed_to_a_lower_case_description_speaks():
    text = ('Warren was in Iowa.\n\n'
            'The senator\'s spokeswoman, Kristen Orthman, said Warren "stands by every word."')
    assert speakers(text) == ["Kristen Orthman"]


def test_office_title_after_a_body_leads_the_name():
    text = ('The council met on Monday.\n\n'
            'Council Speaker Corey Johnson disagreed. "This budget fails the people who need it most," '
            'Johnson said.\n\n'
            'Comptroller Scott Stringer wrote that the plan was "a recipe for disaster."')
    assert speakers(text) == ["Corey Johnson", "Scott Stringer"]


def test_title_description_resolves_a_name_with_a_particle():
    text = ('Mayor Bill de Blasio defended his plan.\n\n'
            '"We\'ve made tough choices," de Blasio told reporters.\n\n'
            'Critics were unmoved. "Nobody wants cuts," the mayor replied.')
    assert speakers(text) == ["Bill de Blasio", "Bill de Blasio"]


def test_name_apposed_to_what_an_owner_has_is_the_subject_a_pronoun_means():
    text = ('Judge Amy Howe heard arguments from lawyers for Jordan Reed, 31, who was convicted in 2015.\n\n'
            'Reed\'s attorney, Linda Park, argued that the trial was unfair. "The jury never heard the key '
            'evidence," she said.')
    assert speakers(text) == ["Linda Park"]


def test_a_known_person_of_a_place_is_the_person():
    text = ('Mitch McConnell has led Senate Republicans since 2007.\n\n'
            'In 2013, Senator Mitch McConnell of Kentucky called the debt "the transcendent issue of our era."')
    assert speakers(text) == ["Mitch McConnell"]


def test_the_name_after_told_is_the_listener_not_the_speaker():
    text = ('Humza Yousaf faced questions on Tuesday.\n\n'
            'Last week, Mr Yousaf told MSPs the inquiry only asked for the messages in September, '
            '"just a matter of weeks ago".')
    assert speakers(text) == ["Humza Yousaf"]


def test_a_second_predicate_joined_by_and_has_the_first_ones_subject():
    text = ('Hostages were taken in the city centre.\n\n'
            'In the midst of the fear, Uber stepped in and tweeted this announcement: "We are all concerned '
            'with events in the city."')
    assert speakers(text) == ["Uber"]


def test_an_outlet_citing_unnamed_sources_is_not_the_speaker():
    text = ('The trip was planned with Washington, according to the Reuters news agency.\n\n'
            'Citing two sources close to the president, the agency said the aim was to buy time until a '
            '"super April" of elections.')
    assert speakers(text) == [None]


def test_a_name_and_a_second_description_of_the_same_person():
    text = ('Biden praised her work.\n\n'
            'In an interview, former White House chief of staff Ron Klain and senior Biden adviser said that '
            '"She is great as a leader."')
    assert speakers(text) == ["Ron Klain"]


def test_unnamed_officials_are_no_speaker():
    text = ('"This was entirely preventable," said Houston Mayor Sylvester Turner.\n\n'
            'Officials said the investigation "could take months."')
    assert speakers(text) == ["Sylvester Turner", None]


def test_a_lawsuit_speaks_for_whoever_filed_it():
    text = ('Houston Mayor Sylvester Turner visited the site.\n\n'
            'On behalf of three families, lawyer Tony Buzbee filed a lawsuit Tuesday against Acme Chemical Corp.\n\n'
            'The lawsuit says the company "ignored repeated warnings about the leaking tanks."')
    assert speakers(text) == ["Tony Buzbee"]


def test_a_name_then_a_partial_quote_goes_on_with_the_paragraphs_speaker():
    text = ('"Leaders have taken risks," Obama said in his speech. Palestinian Authority President Mahmoud Abbas '
            '"has put aside efforts to shortcut the pursuit of peace."')
    assert speakers(text) == ["Obama", "Obama"]


def test_he_said_set_inside_a_sentence_about_someone_else():
    text = ('"We are proud of the record," said Ben LaBolt, White House communications director.\n\n'
            'Biden, he said, also "was the first president to stand at an active strike site."')
    assert speakers(text) == ["Ben LaBolt", "Ben LaBolt"]


def test_a_quote_closed_with_two_straight_single_marks():
    text = ('Tourism operators were waiting.\n\n'
            '"We hope to work with the neighboring countries, those who can travel by car,\'\' said Gianni '
            'Serandrei, the owner of a hotel.')
    assert speakers(text) == ["Gianni Serandrei"]


def test_a_contracted_pronoun_before_the_verb():
    text = ('Mike Ford hated explaining his books.\n\n'
            'When his editors would ask him to explain himself more, he\'d respond, "I have a horror of being '
            'obvious."')
    assert speakers(text) == ["Mike Ford"]


def test_a_name_set_apart_by_commas_after_an_opening_clause():
    text = ('Gov. Gavin Newsom signed the budget.\n\n'
            'Asked about the criticism, Newsom\'s spokesperson, Erin Mellon, said the governor "is committed to '
            'doing more."')
    assert speakers(text) == ["Erin Mellon"]


def test_a_surname_alone_with_a_who_clause_is_a_person_a_description_can_mean():
    text = ('Prosecutors opened their case against former Trump Organization executive Allen Weisselberg.\n\n'
            'Trump, who is not charged in the case, called the prosecution "a witch hunt" in a post. '
            '"They are after me, not Allen," the former president wrote.')
    assert speakers(text) == ["Trump", "Trump"]


def test_the_defense_is_a_side_not_the_last_person_quoted():
    text = ('"I feel bad for him," Michael Cohen said.\n\n'
            'In court papers, the defense argued that the charges were "unprecedented and politically motivated."')
    assert speakers(text) == ["Michael Cohen", None]


def test_a_reply_verb_and_a_short_surname_closing_a_sentence():
    text = ('"You have no plan for the economy," Rep. Jim Clyburn told his opponent, state Sen. Mark Lee.\n\n'
            '"I have a plan, and it starts with cutting your waste," Lee shot back.')
    assert speakers(text) == ["Jim Clyburn", "Mark Lee"]


def test_a_scare_quote_earlier_in_the_sentence_does_not_hide_its_subject():
    text = ('Campaign news.\n\n'
            "But last night, the Government came out fighting by branding the letter 'totally misleading' and "
            "insisting: 'Our manifesto commitment could not be clearer, we will not compromise.'")
    assert speakers(text) == ["Government"]
