"""Classes of English news constructions the attribution rules must handle, both ways.

Every text is invented for the test (no news copy).  Each class has cases
where a speaker must be found and cases where none may be guessed
(``""``): a wrong speaker is worse than none.  ``_speaker_of`` gives the
speaker of the quote holding ``words``.
"""

from __future__ import annotations

import pytest

from analysis.statements.cues import NAMING, cue_label
from analysis.statements.extract import extract_statements
from analysis.statements.reporting_verbs import framing_forms, load_reporting_verbs
from analysis.statements.speakers import SpeakerRegistry, default_registry


@pytest.fixture(scope="module")
def registry() -> SpeakerRegistry:
    return default_registry()


def _speaker_of(text: str, words: str, registry: SpeakerRegistry) -> tuple[str, str]:
    df = extract_statements(text, registry)
    rows = df[df["kind"].isin(["direct", "partial"]) & df["text"].str.contains(words, regex=False)]
    assert len(rows) == 1, f"no single quote holds {words!r}: {df[['kind', 'text']].values.tolist()}"
    return str(rows["speaker"].iloc[0]), str(rows["attribution"].iloc[0])


# -- partial quotes framed by a naming verb (reporting_verbs.csv, column framing) -----------------

@pytest.mark.parametrize("text, words, speaker", [
    ("Marta Kovalenko, a nurse, spoke at the hearing. She described the shelling as “deliberate terror.”",
     "deliberate terror", "Marta Kovalenko"),
    ("Marta Kovalenko, a nurse, spoke at the hearing. She often describes the siege as a “slow strangling.”",
     "slow strangling", "Marta Kovalenko"),
    ("Taras Bondar, a lawyer, spoke. In the interview he attacked the new law as “a gift to the occupiers.”",
     "gift to the occupiers", "Taras Bondar"),
    ("The Foreign Ministry of Ukraine has designated the two men as “collaborators” in a decree.",
     "collaborators", "Foreign Ministry of Ukraine"),
    ("Marta Kovalenko, a nurse, was angry. She dismissed the offer as “an insult” on Friday.",
     "an insult", "Marta Kovalenko"),
    ("Taras Bondar, a lawyer, met the envoy. Mr. Bondar called the verdict “a farce.”", "a farce", "Taras Bondar"),
    ("Taras Bondar, a lawyer, met the envoy and later characterized the talks as “a dead end.”",
     "a dead end", "Taras Bondar"),
])
def test_framing_verbs_give_the_quote_their_subject(text: str, words: str, speaker: str,
                                                      registry: SpeakerRegistry) -> None:
    assert _speaker_of(text, words, registry)[0] == speaker


@pytest.mark.parametrize("text", [
    "The army attacked the town as residents slept, and the ruins became a “dead zone.”",
    "Taras Bondar, a lawyer, called for talks on what the papers call the “grain corridor.”",
])
def test_a_framing_verb_without_its_frame_is_no_cue(text: str) -> None:
    # "attacked ... as residents slept" has no quote after "as"; "called for" is another verb
    assert not [m.group("verb") for m in NAMING.finditer(text)
                if m.group("verb").lower().startswith(("attack", "called for"))]


def test_framing_verbs_come_from_package_data() -> None:
    table = load_reporting_verbs()
    assert {table[f].framing for f in framing_forms("as")} == {"as"}
    assert "characterized" in framing_forms("as") and "dubbed" in framing_forms("object")
    assert cue_label("characterized the talks as a") == "characterized as"
    assert cue_label("was quoted as saying") == "was quoted as saying"


def test_bad_framing_value_names_file_line_and_field(tmp_path) -> None:
    bad = tmp_path / "verbs.csv"
    bad.write_text("lemma,stance,forms,source,rationale,framing\ncall,neutral,,CC94,labels,around\n",
                   encoding="utf-8")
    from analysis.statements.reporting_verbs import ReportingVerbError

    with pytest.raises(ReportingVerbError, match=r"line 2, field 'framing'"):
        load_reporting_verbs(bad)


# -- participles and infinitives hang on their clause's subject --------------------------------------

@pytest.mark.parametrize("text, words, speaker", [
    # the subject after an intro phrase that itself names someone
    ("In reply to a question about Mr. Hrytsenko, Olha Savchuk, the deputy mayor, was blunt, "
     "calling Mr. Hrytsenko “a liar.”", "a liar", "Olha Savchuk"),
    # a participle phrase opening the sentence: the subject follows its comma
    ("In declaring the district a “zone of disaster,” Gov. Olha Savchuk ordered an evacuation.",
     "zone of disaster", "Olha Savchuk"),
    ("Mr. Hrytsenko would not discuss the deal, except to say that the terms were “not final.”",
     "not final", "Hrytsenko"),
])
def test_participles_and_infinitives(text: str, words: str, speaker: str, registry: SpeakerRegistry) -> None:
    assert _speaker_of(text, words, registry)[0] == speaker


# -- speech nouns and their owners or authors -----------------------------------------------------

@pytest.mark.parametrize("text, words, speaker", [
    ("The attack “bears every mark of a state operation,” Greyline Labs’ report said.",
     "bears every mark", "Greyline Labs"),
    ("A day after a statement by the British defense secretary, Ben Wallace, that said the fleet was "
     "“badly hurt,” the ships left.", "badly hurt", "Ben Wallace"),
])
def test_speech_nouns_speak_for_their_owner(text: str, words: str, speaker: str,
                                            registry: SpeakerRegistry) -> None:
    assert _speaker_of(text, words, registry)[0] == speaker


def test_secretary_of_state_is_no_speech_verb(registry: SpeakerRegistry) -> None:
    # "state" after "of" is the noun: the sentence's only cue is "said"
    text = "The secretary of state met Olha Savchuk, who said the port was “open again.”"
    df = extract_statements(text, registry)
    assert "state" not in df["cue"].tolist()


# -- pronouns ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, words, speaker", [
    # the possessor of a subject is the topic a later pronoun refers to
    ("Iryna Koval, a reporter, wrote first. Ms. Tkachenko’s campaign stalled, though she gained ground. "
     "After the vote, she posted that she was ready “to start at once.”", "to start at once", "Tkachenko"),
    # a relative clause's pronoun is not its head
    ("Mr. Savchuk said that Mr. Hrytsenko, whom he described as the “soul of the unit,” had died.",
     "soul of the unit", "Savchuk"),
    # the sentence's subject, not an object nearer the pronoun
    ("Mr. Savchuk said in his letter that he would not fire Mr. Hrytsenko, despite earlier remarks, "
     "when he said the commander “must go.”", "must go", "Savchuk"),
    # they -> a group
    ("Ukrainian officials said the camp was shelled, citing what they described as a “deliberate strike.”",
     "deliberate strike", "Ukrainian officials"),
    # a surname after a quote is a person a later pronoun can refer to
    ("Oleh Marchuk, the coach, spoke. “We lost,” Marchuk said. She added: “It hurts.”", "It hurts", "Oleh Marchuk"),
])
def test_pronouns(text: str, words: str, speaker: str, registry: SpeakerRegistry) -> None:
    assert _speaker_of(text, words, registry)[0] == speaker


@pytest.mark.parametrize("text, words", [
    # two subjects of one sentence compete: never guess
    ("Mr. Savchuk and Mr. Hrytsenko met in Lviv.\n\n“We agree on nothing,” he said.", "We agree on nothing"),
    ("Olha Savchuk and Iryna Koval toured the site. “It is worse than we feared,” she said.", "worse than"),
])
def test_competing_pronoun_antecedents_abstain(text: str, words: str, registry: SpeakerRegistry) -> None:
    assert _speaker_of(text, words, registry) == ("", "none")


def test_it_is_an_organisation_named_before(registry: SpeakerRegistry) -> None:
    text = ("The Institute for Grain Studies published its survey on Monday. It said the harvest was "
            "“the worst in a decade.”")
    assert _speaker_of(text, "worst in a decade", registry) == ("Institute for Grain Studies", "pronoun")


# -- organisations ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, words, speaker", [
    ("The Institute for Grain Studies published a survey.\n\n“Stocks are low,” the institute said.",
     "Stocks are low", "Institute for Grain Studies"),
    ("The National Bank of Moldova cut rates. “Inflation has peaked,” the bank said.", "Inflation has peaked",
     "National Bank of Moldova"),
    # dotted initials of a body
    ("The I.E.A. published a forecast. “Demand will fall,” it said.", "Demand will fall", "I.E.A."),
])
def test_organisations_named_before(text: str, words: str, speaker: str, registry: SpeakerRegistry) -> None:
    assert _speaker_of(text, words, registry)[0] == speaker


def test_a_lone_org_word_is_no_organisation(registry: SpeakerRegistry) -> None:
    # "Group of 7" names no body the pronoun may take; nothing else does either
    text = "Growth slowed in the Group of 7 economies. “Recession is near,” it said."
    assert _speaker_of(text, "Recession is near", registry) == ("", "none")


def test_described_source_with_a_body_word_inside(registry: SpeakerRegistry) -> None:
    text = ("“Nobody asked us,” a 40-year-old bank clerk said. He said he voted no. "
            "“One vote changes nothing,” he said.")
    assert _speaker_of(text, "Nobody asked us", registry)[0] == "a 40-year-old bank clerk"
    assert _speaker_of(text, "One vote changes nothing", registry)[0] == "a 40-year-old bank clerk"


# -- role nouns, backwards and forwards, with an ambiguity guard -----------------------------------

def test_role_noun_links_forward_to_the_one_holder(registry: SpeakerRegistry) -> None:
    text = ("“We will hold the line,” the governor said.\n\n"
            "Luhansk Governor Oleh Marchuk later repeated the promise.")
    assert _speaker_of(text, "hold the line", registry) == ("Oleh Marchuk", "role")


def test_role_noun_forward_with_two_holders_abstains(registry: SpeakerRegistry) -> None:
    text = ("“We will hold the line,” the governor said.\n\n"
            "Luhansk Governor Oleh Marchuk and Donetsk Governor Pavlo Savchuk met.")
    assert _speaker_of(text, "hold the line", registry)[0] not in ("Oleh Marchuk", "Pavlo Savchuk")


def test_role_noun_backwards_with_two_holders_abstains(registry: SpeakerRegistry) -> None:
    text = ("Ukrainian Ambassador Oleh Marchuk met Polish Ambassador Jan Nowak. "
            "“Nothing changed,” the ambassador said.")
    assert _speaker_of(text, "Nothing changed", registry)[0] not in ("Oleh Marchuk", "Jan Nowak")


def test_broader_role_noun_links_backwards(registry: SpeakerRegistry) -> None:
    text = "Ukrainian Ambassador Oleh Marchuk spoke in Warsaw. “Nothing changed,” the diplomat said."
    assert _speaker_of(text, "Nothing changed", registry) == ("Oleh Marchuk", "role")


# -- names -------------------------------------------------------------------------------------------

def test_who_clause_with_adverbs(registry: SpeakerRegistry) -> None:
    text = "He quoted Olha Savchuk, who also famously said, “We stay.”"
    assert _speaker_of(text, "We stay", registry)[0] == "Olha Savchuk"


def test_a_capitalised_title_is_not_part_of_the_name(registry: SpeakerRegistry) -> None:
    text = "FIFA Commissioner Iryna Koval issued a statement. “The match is off,” Koval said."
    assert _speaker_of(text, "The match is off", registry)[0] == "Iryna Koval"


# -- quoted terms, names and titles get no speaker -------------------------------------------------

@pytest.mark.parametrize("text, words", [
    ("Mr. Savchuk said the troops ran a so-called “filtration camp” near the city.", "filtration camp"),
    ("Mr. Savchuk said the new unit, known as the “Night Wolves,” was formed in May.", "Night Wolves"),
    ("The novel titled “Ash and Salt” was banned, Mr. Savchuk said.", "Ash and Salt"),
    ("Crowds watched “Servants of the Steppe” on television.", "Servants of the Steppe"),
    ("Students chanted the slogan “Bread and Peace” in the square.", "Bread and Peace"),
    ("The bunker is what is often called a “dead zone” by the troops.", "dead zone"),
])
def test_quoted_terms_get_no_speaker(text: str, words: str, registry: SpeakerRegistry) -> None:
    assert _speaker_of(text, words, registry) == ("", "none")


@pytest.mark.parametrize("text, words, speaker", [
    # a frame makes a capitalised or short quote someone's words
    ("The movement, which Mr. Savchuk described as “Putin Youth,” grew.", "Putin Youth", "Savchuk"),
    ("Mr. Savchuk said Russia had staged “a sham vote.”", "a sham vote", "Savchuk"),
    ("The war is “a Crime Against Us All,” Mr. Savchuk said.", "Crime Against", "Savchuk"),
])
def test_framed_quotes_keep_their_speaker(text: str, words: str, speaker: str, registry: SpeakerRegistry) -> None:
    assert _speaker_of(text, words, registry)[0] == speaker


# -- role evidence: titles, abbreviations, text over registry --------------------------------------

@pytest.mark.parametrize("text, words, speaker", [
    ("“The town is surrounded,” said the regional governor.\n\nGov. Oleh Marchuk of Mykolaiv posted a video.",
     "town is surrounded", "Oleh Marchuk"),
    ("Governor Oleh Marchuk spoke. “The town is surrounded,” the governor said.", "town is surrounded",
     "Oleh Marchuk"),
    # the text calls Shoigu the minister; Lavrov is a minister only in the registry
    ("Sergei Shoigu, the defense minister, met Sergey Lavrov on Monday. “The goals will be met,” the minister said.",
     "goals will be met", "Sergei Shoigu"),
])
def test_role_evidence_from_the_text(text: str, words: str, speaker: str, registry: SpeakerRegistry) -> None:
    assert _speaker_of(text, words, registry) == (speaker, "role")


def test_two_titled_ministers_abstain(registry: SpeakerRegistry) -> None:
    text = ("Defense Minister Oleh Marchuk met Foreign Minister Pavlo Savchuk. "
            "“The goals will be met,” the minister said.")
    assert _speaker_of(text, "goals will be met", registry)[0] not in ("Oleh Marchuk", "Pavlo Savchuk")


# -- bodies the text describes: outlets, companies ----------------------------------------------------

@pytest.mark.parametrize("text, words, speaker", [
    ("Zorya, an independent Ukrainian news site, was blocked. Mr. Hrytsenko spoke later.\n\n"
     "“Reports that we closed are false,” the outlet said.", "Reports that we closed", "Zorya"),
    ("The Lviv Herald reported that the bridge was hit. “Two spans collapsed,” the newspaper said.",
     "Two spans collapsed", "Lviv Herald"),
    ("Ukraine’s state grid operator, Enerhoset, said repairs would take weeks. “The damage is vast,” it said.",
     "The damage is vast", "Enerhoset"),
    ("Ukraine’s state grid company, Enerhoset, said flows would fall. The company blamed “technical problems.”",
     "technical problems", "Enerhoset"),
])
def test_bodies_named_in_apposition(text: str, words: str, speaker: str, registry: SpeakerRegistry) -> None:
    assert _speaker_of(text, words, registry)[0] == speaker


def test_a_person_in_apposition_is_no_body(registry: SpeakerRegistry) -> None:
    text = "Oleh Marchuk, the mayor, spoke. “Stay home,” it said."
    assert _speaker_of(text, "Stay home", registry) == ("", "none")


def test_a_report_speaks_for_its_author(registry: SpeakerRegistry) -> None:
    text = "The report, released by Amnesty International on Thursday, said the army had put civilians “at risk.”"
    assert _speaker_of(text, "at risk", registry)[0] == "Amnesty International"


def test_a_body_name_is_no_person_name(registry: SpeakerRegistry) -> None:
    text = "The statement by the Institute for Grain Studies said stocks were “critically low.”"
    assert _speaker_of(text, "critically low", registry)[0] == "Institute for Grain Studies"


def test_a_person_with_a_body_in_the_apposition_stays_a_person(registry: SpeakerRegistry) -> None:
    text = "Oleh Marchuk, an analyst at a research group, spoke. “Exports fund the war,” he said."
    assert _speaker_of(text, "Exports fund the war", registry) == ("Oleh Marchuk", "pronoun")


# -- untagged partial quotes continuing a speaker's quote ------------------------------------------

def test_untagged_partials_continue_the_quote_before(registry: SpeakerRegistry) -> None:
    text = ("“I take a hard line on it,” said Oleh Marchuk, a former envoy. “Swaps are one thing.” "
            "But “talks with kidnappers” become dangerous “because then you put a price on hostages.”")
    assert _speaker_of(text, "talks with kidnappers", registry) == ("Oleh Marchuk", "continuation")
    assert _speaker_of(text, "put a price on hostages", registry) == ("Oleh Marchuk", "continuation")


@pytest.mark.parametrize("text, words", [
    # a scare-quoted word in the reporter's next sentence
    ("“We will fight,” Mr. Marchuk said. The “referendum” was held anyway.", "referendum"),
    # a new paragraph is the reporter's again
    ("“We will fight,” Mr. Marchuk said.\n\nThe “vote on joining Russia” was held anyway.", "vote on joining"),
    # someone else is named in the sentence
    ("“We will fight,” Mr. Marchuk said. Olha Savchuk doubted “the will of the west.”", "the will of the west"),
])
def test_untagged_partials_that_do_not_continue(text: str, words: str, registry: SpeakerRegistry) -> None:
    assert _speaker_of(text, words, registry)[0] != "Marchuk"


# -- a pronoun whose speaker is named later (a delayed-identification lede) -----------------------

def test_pronoun_named_in_the_next_paragraph(registry: SpeakerRegistry) -> None:
    text = ("The man in a grey coat spoke at a rally in March.\n\n"
            "“The sanctions are theft,” he said through an interpreter.\n\n"
            "His name was Ivan Sirko, and he called himself a “peace activist.”")
    assert _speaker_of(text, "The sanctions are theft", registry) == ("Ivan Sirko", "pronoun")


@pytest.mark.parametrize("text", [
    # two people named after it
    "“The sanctions are theft,” he said.\n\nMr. Sirko and Mr. Koval, both traders, were fined.",
    # too far ahead
    "“The sanctions are theft,” he said.\n\nPrices rose.\n\nHis name was Ivan Sirko.",
])
def test_pronoun_named_later_abstains_when_unsure(text: str, registry: SpeakerRegistry) -> None:
    assert _speaker_of(text, "The sanctions are theft", registry) == ("", "none")


# -- a short clause with a colon introduces its subject's words ----------------------------------

def test_colon_intro_names_the_speaker(registry: SpeakerRegistry) -> None:
    text = "Olha Savchuk, the mayor, spoke on Monday. Ms. Savchuk was blunt: “The town will not surrender.”"
    assert _speaker_of(text, "will not surrender", registry) == ("Olha Savchuk", "name")


@pytest.mark.parametrize("text, words", [
    ("The message to Mr. Savchuk was blunt: “Leave now.”", "Leave now"),          # the name is an object
    ("Mr. Savchuk met Mr. Hrytsenko and was blunt: “Leave now.”", "Leave now"),   # two people named
    ("Here is what we know: “The bridge fell.”", "The bridge fell"),              # nobody named
])
def test_colon_intro_without_a_lone_subject_abstains(text: str, words: str, registry: SpeakerRegistry) -> None:
    assert _speaker_of(text, words, registry) == ("", "none")
