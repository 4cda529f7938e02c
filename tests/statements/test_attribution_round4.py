"""Round-4 classes of English news and press-release constructions, both ways.

Every text is invented for the test (no news or press-release copy).  Each
class has cases where a speaker (or one ``speaker_id``) must be found and
cases where none may be guessed or two people must stay apart.
"""

from __future__ import annotations

import pytest

from analysis.statements.speakers import SpeakerRegistry
from tests.statements.quote_helpers import quote_row, quotes_of


def _ids(text: str, registry: SpeakerRegistry) -> list[str]:
    return quotes_of(text, registry)["speaker_id"].tolist()


# -- a registry spelling in another romanisation is a name, not a title ---------------------------

@pytest.mark.parametrize("text", [
    "“We will not give up,” Zelenskyy said.",
    "“We will not give up,” Zelenskiy said on Monday.",
])
def test_a_romanised_registry_name_is_a_name_tag(text: str, registry: SpeakerRegistry) -> None:
    row = quote_row(text, "give up", registry)
    assert (row["speaker"], row["attribution"]) == ("Volodymyr Zelensky", "name")


def test_a_lower_case_romanised_name_is_no_mention(registry: SpeakerRegistry) -> None:
    # names match case-sensitively: a URL or a hashtag in lower case names nobody
    row = quote_row("“Read it,” the page at zelenskyy.example said.", "Read it", registry)
    assert row["speaker"] != "Volodymyr Zelensky"


# -- the place in a capitalised title is no part of the name after it -----------------------------

@pytest.mark.parametrize("text, person", [
    ("Prime Minister of the United Kingdom Taras Bondarenko arrived. “We stand with you,” Taras Bondarenko "
     "said. “Always,” Mr. Bondarenko added. “Today,” the Prime Minister said.", "Taras Bondarenko"),
    ("Prime Minister of New Zealand Ann Kovalenko spoke. “Help is coming,” Ann Kovalenko said. "
     "“Soon,” Kovalenko added.", "Ann Kovalenko"),
    ("The ambassador to the Netherlands Ann Lee spoke. “We are ready,” Ann Lee said. “Yes,” Lee added.",
     "Ann Lee"),
])
def test_place_words_before_a_name_are_cut_and_one_id_remains(text: str, person: str,
                                                              registry: SpeakerRegistry) -> None:
    q = quotes_of(text, registry)
    assert set(q["speaker"]) == {person}
    assert q["speaker_id"].nunique() == 1


def test_a_three_word_name_after_a_one_word_place_stays_whole(registry: SpeakerRegistry) -> None:
    text = "President of Turkey Recep Tayyip Erdogan spoke. “We are ready,” Recep Tayyip Erdogan said."
    assert quote_row(text, "We are ready", registry)["speaker"] == "Recep Tayyip Erdogan"


# -- names with diacritics ------------------------------------------------------------------------

@pytest.mark.parametrize("text, person", [
    ("Zuzana Čaputová visited Kyiv. “Slovakia is with you,” Zuzana Čaputová noted. “Always,” Čaputová "
     "emphasized.", "Zuzana Čaputová"),
    ("“Lithuania will help,” Gitanas Nausėda said. “Now,” Nausėda added.", "Gitanas Nausėda"),
])
def test_names_with_diacritics_are_names(text: str, person: str, registry: SpeakerRegistry) -> None:
    q = quotes_of(text, registry)
    assert set(q["speaker"]) == {person} and q["speaker_id"].nunique() == 1


# -- capitalised "<Head> of <Body>" titles, and role nouns with their of-phrase ------------------

def test_an_of_title_confirms_the_name_and_gives_its_role(registry: SpeakerRegistry) -> None:
    text = ("President of Ukraine Volodymyr Zelenskyy had a call with President of the Republic of Finland "
            "Sauli Niinistö.\n\n“Finland is with Ukraine,” the President of Finland noted.")
    assert quote_row(text, "Finland is with", registry)["speaker"] == "Sauli Niinistö"


def test_a_role_with_another_country_is_not_the_president_named(registry: SpeakerRegistry) -> None:
    text = "President of Ukraine Volodymyr Zelenskyy spoke.\n\n“We are with you,” the President of Finland said."
    assert quote_row(text, "We are with you", registry)["speaker"] != "Volodymyr Zelensky"


def test_a_role_with_the_own_country_links(registry: SpeakerRegistry) -> None:
    text = "Volodymyr Zelenskyy met the delegation.\n\n“We count on you,” the President of Ukraine said."
    assert quote_row(text, "count on you", registry)["speaker"] == "Volodymyr Zelensky"


def test_head_of_state_is_the_president(registry: SpeakerRegistry) -> None:
    text = "President Taras Bondar of Moldova opened the summit.\n\n“We need peace,” the Head of State said."
    assert quote_row(text, "We need peace", registry)["speaker"] == "Taras Bondar"


def test_head_of_state_with_two_presidents_abstains(registry: SpeakerRegistry) -> None:
    text = ("President of Moldova Taras Bondar met President of Estonia Jaan Tamm.\n\n"
            "“We need peace,” the Head of State said.")
    assert quote_row(text, "We need peace", registry)["speaker"] not in ("Taras Bondar", "Jaan Tamm")


def test_first_lady_is_a_title(registry: SpeakerRegistry) -> None:
    text = ("First Lady Olha Bondar visited a school. “Children need hope,” the First Lady said. "
            "“Thank you,” Olha Bondar said.")
    q = quotes_of(text, registry)
    assert set(q["speaker"]) == {"Olha Bondar"} and q["speaker_id"].nunique() == 1


def test_a_possessor_in_the_of_phrase_does_not_narrow_the_role(registry: SpeakerRegistry) -> None:
    text = ("Rafael Grossi, the head of the International Atomic Energy Agency, visited.\n\n"
            "“It is dangerous,” the head of the U.N.’s atomic watchdog said.")
    assert quote_row(text, "It is dangerous", registry)["speaker"] == "Rafael Grossi"


# -- title + surname ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, person", [
    ("Admiral Ann Heinz spoke. “We are not tracking them,” Admiral Heinz said.", "Ann Heinz"),
    ("Gen. Valerii Zaluzhnyi said the line held. “We will not retreat,” General Zaluzhnyi said.",
     "Valerii Zaluzhnyi"),
])
def test_title_and_surname_join_the_full_name(text: str, person: str, registry: SpeakerRegistry) -> None:
    q = quotes_of(text, registry)
    assert set(q["speaker"]) == {person}


def test_a_title_that_clashes_keeps_two_people_apart(registry: SpeakerRegistry) -> None:
    # the First Lady and President Bondar share a surname, not a title
    text = "First Lady Olha Bondar visited a school. “Children need hope,” President Bondar said."
    assert quote_row(text, "need hope", registry)["speaker"] != "Olha Bondar"


def test_a_mononym_after_a_title_is_a_person(registry: SpeakerRegistry) -> None:
    text = "“The war must end,” Pope Francis said. “Peace now,” the pope added."
    q = quotes_of(text, registry)
    assert set(q["speaker"]) == {"Francis"} and q["speaker_id"].nunique() == 1


def test_general_assembly_is_no_person(registry: SpeakerRegistry) -> None:
    row = quote_row("“The resolution passed,” the General Assembly said.", "resolution passed", registry)
    assert row["speaker"] != "Assembly"


# -- a surname that speaks confirms the full name ------------------------------------------------

def test_a_speaking_surname_confirms_the_full_name_for_pronouns(registry: SpeakerRegistry) -> None:
    text = "Taras Bondar arrived in Kyiv on Monday with aid.\n\n“We will rebuild,” Bondar said. “Every house,” he vowed."
    q = quotes_of(text, registry)
    assert q["speaker"].tolist() == ["Taras Bondar", "Taras Bondar"]
    assert q["attribution"].tolist() == ["name", "pronoun"]


def test_a_surname_two_people_share_confirms_neither(registry: SpeakerRegistry) -> None:
    text = "Taras Bondar and Olha Bondar arrived in Kyiv.\n\n“We will rebuild,” Bondar said. “Every house,” he vowed."
    q = quotes_of(text, registry)
    assert not {"Taras Bondar", "Olha Bondar"} & set(q["speaker"])


# -- turns, colons and dashes ---------------------------------------------------------------------

def test_transcript_turns_name_their_speaker(registry: SpeakerRegistry) -> None:
    text = "Marta Kovalenko: “We have no water and no power.”\n\nTaras Bondar: “The city is surrounded.”"
    assert quotes_of(text, registry)["speaker"].tolist() == ["Marta Kovalenko", "Taras Bondar"]


def test_a_name_before_a_colon_inside_a_sentence_is_no_turn(registry: SpeakerRegistry) -> None:
    text = "We met Taras Bondar: “The city is surrounded.”"
    assert quote_row(text, "The city is surrounded", registry)["speaker"] == ""


def test_a_dash_introduces_speech_like_a_colon(registry: SpeakerRegistry) -> None:
    text = "Marta Kovalenko, a nurse, was blunt — “The hospital has run out of insulin.”"
    assert quote_row(text, "run out of insulin", registry)["speaker"] == "Marta Kovalenko"


@pytest.mark.parametrize("text", [
    "The army shelled the hospital overnight — “The hospital has run out of insulin.”",
    "Russian forces shelled the hospital where Marta Kovalenko works — “The hospital has run out of insulin.”",
])
def test_a_dash_after_no_named_subject_gives_no_speaker(text: str, registry: SpeakerRegistry) -> None:
    assert quote_row(text, "run out of insulin", registry)["speaker"] == ""


# -- bodies ---------------------------------------------------------------------------------------

def test_a_persons_office_speaks_as_a_body(registry: SpeakerRegistry) -> None:
    row = quote_row("“We will retaliate,” Zelensky's office said in a statement.", "retaliate", registry)
    assert (row["speaker"], row["speaker_id"][:4]) == ("Zelensky's office", "org:")


def test_a_persons_office_that_is_only_an_object_is_no_speaker(registry: SpeakerRegistry) -> None:
    row = quote_row("“We will retaliate,” the army said after Zelensky's office was shelled.", "retaliate", registry)
    assert row["speaker"] != "Zelensky's office"


def test_a_company_described_with_its_country_is_the_company(registry: SpeakerRegistry) -> None:
    text = "Gazprom, Russia's state energy giant, said it would cut supplies. “Flows will fall,” the company said."
    row = quote_row(text, "Flows will fall", registry)
    assert (row["speaker"], row["speaker_id"]) == ("Gazprom", "org:hazprom")


def test_the_company_with_no_company_named_is_not_guessed(registry: SpeakerRegistry) -> None:
    text = "Marta Kovalenko, a nurse, spoke. “Flows will fall,” the company said."
    assert quote_row(text, "Flows will fall", registry)["speaker"] != "Marta Kovalenko"


def test_a_registered_body_gets_a_body_id(registry: SpeakerRegistry) -> None:
    row = quote_row("According to Ukraine's military intelligence, “the attack was planned for weeks.”", "planned",
               registry)
    assert row["speaker_id"].startswith("org:")


# -- titles and role nouns in press-release style ------------------------------------------------

def test_a_role_noun_followed_by_its_verb_is_the_subject_not_an_apposition(registry: SpeakerRegistry) -> None:
    text = ("Vladimir Putin sent New Year messages. In his message to Kofi Mensah, the Russian leader noted: "
            "“We value the friendship.”")
    q = quotes_of(text, registry)
    assert q["speaker"].tolist() == ["Vladimir Putin"]


def test_a_closed_apposition_still_names_its_person(registry: SpeakerRegistry) -> None:
    text = "Kofi Mensah, the Ghanaian president, said: “We value the friendship.”"
    assert quote_row(text, "We value", registry)["speaker"] == "Kofi Mensah"


def test_an_of_title_stops_at_the_person_before_it(registry: SpeakerRegistry) -> None:
    text = ("In his message to Federal Chancellor of Germany Jan Weber Vladimir Putin wished him success.\n\n"
            "“We will keep talking,” the Chancellor said.")
    assert quote_row(text, "keep talking", registry)["speaker"] == "Jan Weber"


def test_a_deputy_heads_title_naming_an_office_is_no_body(registry: SpeakerRegistry) -> None:
    text = ("Deputy Head of the Office of the President of Ukraine Taras Bondar met the press. “Thank you,” "
            "Taras Bondar said.\n\n“We are grateful,” said the Deputy Head of the President's Office.")
    q = quotes_of(text, registry)
    assert set(q["speaker"]) == {"Taras Bondar"} and q["speaker_id"].nunique() == 1


def test_a_long_capitalised_title_run_ends_in_the_name(registry: SpeakerRegistry) -> None:
    text = ("This was announced by Deputy Prime Minister - Minister for Reintegration of the Temporarily Occupied "
            "Territories Olha Bondar. According to Olha Bondar, buses left.\n\n"
            "“We continue to work,” said the Deputy Prime Minister.")
    q = quotes_of(text, registry)
    assert q["speaker"].tolist() == ["Olha Bondar"]


def test_a_deputy_is_not_the_head_they_serve(registry: SpeakerRegistry) -> None:
    text = "Head of the Office Taras Bondar met the press.\n\n“We will respond,” the Deputy Head said."
    assert quote_row(text, "We will respond", registry)["speaker"] != "Taras Bondar"


def test_the_holder_sharing_most_of_the_role_words_wins(registry: SpeakerRegistry) -> None:
    # "the President's Office" names the office the deputy head works in, not the president
    text = ("President of Moldova Ion Rusu thanked Deputy Head of the Office of the President Taras Bondar.\n\n"
            "“It was useful,” said the Deputy Head of the President's Office.")
    assert quote_row(text, "It was useful", registry)["speaker"] == "Taras Bondar"


# -- pronouns and role chains --------------------------------------------------------------------

def test_the_agent_of_a_passive_speech_verb_is_the_pronouns_subject(registry: SpeakerRegistry) -> None:
    text = ("The position of President Ion Rusu remains firm. This was stated by Adviser to the Head of the "
            "Office Taras Bondar during a briefing. “There will be no concessions,” he said.")
    assert quote_row(text, "no concessions", registry)["speaker"] == "Taras Bondar"


def test_an_agent_of_a_non_speech_passive_is_no_subject(registry: SpeakerRegistry) -> None:
    text = ("Ion Rusu, the mayor, spoke on Monday. The hospital was visited by Taras Bondar, a lawyer, and his "
            "aides. “There will be no concessions,” he said.")
    assert quote_row(text, "no concessions", registry)["speaker"] == "Ion Rusu"


@pytest.mark.parametrize("text, person", [
    ("Polish President Jan Nowak arrived.\n\n“Blackmail must fail,” the President of Poland said.", "Jan Nowak"),
    ("President of Poland Jan Nowak arrived.\n\n“Blackmail must fail,” the Polish president said.", "Jan Nowak"),
])
def test_a_country_and_its_adjective_name_one_role(text: str, person: str, registry: SpeakerRegistry) -> None:
    assert quote_row(text, "Blackmail must fail", registry)["speaker"] == person


def test_the_president_is_never_a_vice_president(registry: SpeakerRegistry) -> None:
    text = "Vice President Ahmed Saleh received the envoy.\n\n“Relations are strong,” the President stressed."
    assert quote_row(text, "Relations are strong", registry)["speaker"] != "Ahmed Saleh"


def test_a_role_noun_continues_the_chain_of_the_one_before(registry: SpeakerRegistry) -> None:
    text = ("President of Moldova Ion Rusu thanked President of Estonia Jaan Tamm for the visit. “We are grateful,” "
            "Ion Rusu said. The President noted that the nations are close. “We are relatives,” the Head of State "
            "stressed.")
    assert quote_row(text, "We are relatives", registry)["speaker"] == "Ion Rusu"


def test_without_a_chain_two_presidents_still_abstain(registry: SpeakerRegistry) -> None:
    text = ("President of Moldova Ion Rusu thanked President of Estonia Jaan Tamm for the visit.\n\n"
            "“We are relatives,” the Head of State stressed.")
    assert quote_row(text, "We are relatives", registry)["speaker"] not in ("Ion Rusu", "Jaan Tamm")


def test_a_role_inside_a_longer_title_is_no_mention_of_its_own(registry: SpeakerRegistry) -> None:
    text = ("Deputy Head of the Office of the President Taras Bondar met the press. The Deputy Head of the Office "
            "of the President expressed hope. “The status is a first step,” he said.")
    assert quote_row(text, "first step", registry)["speaker"] == "Taras Bondar"


def test_a_role_chain_spans_a_long_quote(registry: SpeakerRegistry) -> None:
    long_quote = " ".join(["We are grateful to our neighbours for every bus and every blanket."] * 6)
    text = ("President of Moldova Ion Rusu thanked President of Estonia Jaan Tamm for the visit. “Thank you,” "
            f"Ion Rusu said. The President noted that the nations are close. “{long_quote}” the Head of State "
            "stressed.")
    assert quote_row(text, "every blanket", registry)["speaker"] == "Ion Rusu"


# -- a long clause before a colon --------------------------------------------------------------

def test_a_long_clause_whose_subject_addresses_someone_introduces_their_words(registry: SpeakerRegistry) -> None:
    text = ("Mayor Taras Bondar thanked Denmark for sending free construction equipment to the regions that "
            "suffered the most from the shelling this spring: “We are grateful to our friends.”")
    assert quote_row(text, "grateful to our friends", registry)["speaker"] == "Taras Bondar"


def test_a_long_clause_with_another_verb_introduces_nobody(registry: SpeakerRegistry) -> None:
    text = ("Mayor Taras Bondar visited the plant where workers assemble trucks that are later sent to the "
            "regions of the east and the south of the country: “We need more parts.”")
    assert quote_row(text, "more parts", registry)["speaker"] == ""


# -- described sources -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, words", [
    ("“We do not have enough shells,” said one soldier, who asked not to be named.", "soldier"),
    ("“We do not have enough shells,” two officers said.", "officers"),
])
def test_a_counted_description_is_a_described_source(text: str, words: str, registry: SpeakerRegistry) -> None:
    row = quote_row(text, "enough shells", registry)
    assert words in row["speaker"] and row["speaker_as_written"].split()[0].lower() in ("one", "two")


def test_a_name_is_no_described_person(registry: SpeakerRegistry) -> None:
    text = "“We do not have enough shells,” a soldier who gave only his first name, Andriy, said."
    assert "name" not in quote_row(text, "enough shells", registry)["speaker"]


# -- messages and glued quotes -------------------------------------------------------------------

def test_a_quote_glued_to_the_sentence_before_opens_a_sentence() -> None:
    from analysis.statements.sentences import sentence_spans

    t = 'It rests on mutual respect."In 2021, we met," the messages say. Done.'
    assert [t[s:e] for s, e in sentence_spans(t)] == [
        "It rests on mutual respect.", '"In 2021, we met," the messages say.', "Done."]


def test_a_glued_closing_mark_is_no_new_sentence() -> None:
    from analysis.statements.sentences import sentence_spans

    t = '"We met," he said."Then we left."'
    assert len(sentence_spans(t)) == 2  # the first quote closes after "met,", the second opens after "said."


def test_the_message_reads_continues_the_speaker_before_it(registry: SpeakerRegistry) -> None:
    text = ("Addressing the Prime Minister of Italy, Vladimir Putin underscored that Russia values its ties with "
            "Italy.\"The G20 presidency helped find answers,\" the messages say.")
    assert quote_row(text, "G20 presidency", registry)["speaker"] == "Vladimir Putin"


def test_the_message_reads_with_no_speaker_before_stays_empty(registry: SpeakerRegistry) -> None:
    text = "Greetings were sent to the veterans. The message reads, in part: \"Your courage is remembered.\""
    assert quote_row(text, "courage", registry)["speaker"] == ""


def test_an_unknown_tag_still_stops_a_continuation(registry: SpeakerRegistry) -> None:
    text = "“We will rebuild,” Taras Bondar said. “Every house,” the engineer said."
    assert quote_row(text, "Every house", registry)["speaker"] == ""


@pytest.mark.parametrize("text, speaker", [
    ("Officials in Kyiv said the strikes were “deliberate,” but Moscow denied it.", "Officials in Kyiv"),
    ("The town was shelled overnight. Residents told reporters that the damage was “severe.”", "Residents"),
])
def test_a_bare_plural_group_opening_its_sentence_is_a_described_source(text: str, speaker: str,
                                                                       registry: SpeakerRegistry) -> None:
    assert quotes_of(text, registry)["speaker"].tolist() == [speaker]


def test_a_plural_group_inside_a_sentence_is_no_bare_source(registry: SpeakerRegistry) -> None:
    text = "The army warned residents that the area was “unsafe” on Monday."
    assert quote_row(text, "unsafe", registry)["speaker"] != "residents"
