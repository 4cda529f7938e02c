"""Issue 11 attribution patterns on short invented wire-style texts.

Each test names the pattern; the texts are made up for the test (no news
copy).  ``_said`` maps each quote's words to (speaker, attribution).
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.statements.attribution import ATTRIBUTIONS
from analysis.statements.extract import ATTRIBUTION_CONFIDENCE, COLUMNS, extract_statements
from analysis.statements.speakers import SpeakerRegistry, default_registry


@pytest.fixture(scope="module")
def registry() -> SpeakerRegistry:
    return default_registry()


def _quotes(text: str, registry: SpeakerRegistry) -> pd.DataFrame:
    df = extract_statements(text, registry)
    return df[df["kind"].isin(["direct", "partial"])]


def _said(text: str, registry: SpeakerRegistry) -> dict[str, tuple[str, str]]:
    q = _quotes(text, registry)
    return {t.strip("“”\"‘’,. "): (s, a) for t, s, a in zip(q["text"], q["speaker"], q["attribution"])}


@pytest.mark.parametrize("text, speaker", [
    ("“The bridge is gone,” Oksana Melnyk said.", "Oksana Melnyk"),
    ("“The bridge is gone,” said Oksana Melnyk, a local official.", "Oksana Melnyk"),
    ("The bridge is “gone for good,” according to Oksana Melnyk, the mayor.", "Oksana Melnyk"),
    ("Oksana Melnyk told reporters: “The bridge is gone.”", "Oksana Melnyk"),
    ("Oksana Melnyk wrote on Telegram: “The bridge is gone.”", "Oksana Melnyk"),
    ("Oksana Melnyk was quoted as saying “the bridge is gone.”", "Oksana Melnyk"),
    ("“Who else could we call?” Mr. Melnyk asked.", "Melnyk"),
    ("“The bridge is gone,” Defense Secretary Lloyd J. Austin III said.", "Lloyd J. Austin"),
    ("“The bridge is gone,” the spokeswoman for the southern command, Natalia Humeniuk, said.", "Natalia Humeniuk"),
    ("“The bridge is gone,” said the spokesman, John Kirby.", "John Kirby"),
    ("“He never agreed,” said his mother, Yevheniia Butkevych.", "Yevheniia Butkevych"),
])
def test_name_tags(text: str, speaker: str, registry: SpeakerRegistry) -> None:
    q = _quotes(text, registry)
    assert q["speaker"].tolist() == [speaker]
    assert q["attribution"].tolist() == ["name"]


def test_relayed_speech_goes_to_the_original_speaker(registry: SpeakerRegistry) -> None:
    text = "Belta reported Lukashenko as saying that “the border is closed.”"
    assert _said(text, registry)["the border is closed"][0] == "Lukashenko"


def test_pronouns_resolve_to_a_compatible_subject(registry: SpeakerRegistry) -> None:
    text = ("Olena Marchenko, a nurse, met Ivan Petrenko in Kharkiv.\n\n"
            "“We have no water,” she said. “The shelling never stops.”")
    got = _said(text, registry)
    assert got["We have no water"] == ("Olena Marchenko", "pronoun")
    assert got["The shelling never stops"] == ("Olena Marchenko", "continuation")


def test_he_prefers_the_subject_over_an_object(registry: SpeakerRegistry) -> None:
    text = "Mr. Biden denied that he offered the jets to win Mr. Erdogan’s support. “There was no deal,” he said."
    assert _said(text, registry)["There was no deal"][0] == "Joe Biden"


def test_it_is_an_organisation_never_a_person(registry: SpeakerRegistry) -> None:
    text = ("The Russian Foreign Ministry pointed out that talks had failed. Sergey Lavrov left.\n\n"
            "“Our country has repeatedly made offers,” it noted.")
    got = _said(text, registry)["Our country has repeatedly made offers"]
    assert got == ("Russian Foreign Ministry", "pronoun")


def test_it_with_no_organisation_stays_unattributed(registry: SpeakerRegistry) -> None:
    text = "Ivan Petrenko arrived. “We are ready,” it said."
    assert _said(text, registry)["We are ready"] == ("", "none")


@pytest.mark.parametrize("text, role", [
    ("Russian Ambassador to Havana Viktor Koronelli arrived.\n\n“We will not retreat,” the Russian diplomat told reporters.",
     "the Russian diplomat"),
    ("Russian Ambassador to Havana Viktor Koronelli arrived.\n\n“We will not retreat,” the ambassador argued.",
     "the ambassador"),
    ("Russian Ambassador to Havana Viktor Koronelli arrived.\n\n“We will not retreat,” the envoy said.", "the envoy"),
])
def test_role_nouns_link_to_the_person_with_that_role(text: str, role: str, registry: SpeakerRegistry) -> None:
    q = _quotes(text, registry)
    assert q[["speaker", "attribution", "speaker_as_written"]].values.tolist() == [["Viktor Koronelli", "role", role]]


def test_role_nouns_governor_minister_watchdog(registry: SpeakerRegistry) -> None:
    text = ("Serhiy Haidai, the governor of the Luhansk region, spoke on Monday. Rafael Grossi, the head of "
            "the International Atomic Energy Agency, visited the plant.\n\n"
            "“The city is surrounded,” the governor said.\n\n"
            "“The situation is dangerous,” the head of the U.N.’s atomic watchdog said.")
    got = _said(text, registry)
    assert got["The city is surrounded"] == ("Serhiy Haidai", "role")
    assert got["The situation is dangerous"] == ("Rafael Grossi", "role")


def test_role_noun_without_a_holder_stays_a_description(registry: SpeakerRegistry) -> None:
    got = _said("“We are ready,” the minister said.", registry)["We are ready"]
    assert got == ("minister", "name")  # the role as written; never a guessed registry minister


def test_quotes_over_paragraphs_and_continuations_inherit(registry: SpeakerRegistry) -> None:
    text = ("“The first part of the quote runs on,” Oksana Melnyk said.\n\n"
            "“And the next paragraph carries on without a tag.”\n\n"
            "“A new tag,” the engineer said.")
    got = _said(text, registry)
    assert got["And the next paragraph carries on without a tag"] == ("Oksana Melnyk", "continuation")
    # its own tag names nobody we can identify: not the previous speaker, never a guess
    assert got["A new tag"] == ("", "none")


def test_continuation_takes_the_reporting_verb_of_the_statement_it_continues(registry: SpeakerRegistry) -> None:
    df = _quotes("“We were warned,” Oksana Melnyk claimed. “Nobody listened.”", registry)
    assert df[["cue", "reporting_verb", "verb_stance"]].values.tolist() == [
        ["claimed", "claim", "distancing"], ["", "claim", "distancing"]]


def test_no_recoverable_speaker_is_unattributed(registry: SpeakerRegistry) -> None:
    df = _quotes("The talks were “constructive.” Nobody was named.", registry)
    assert df[["speaker", "attribution", "attribution_confidence"]].values.tolist() == [["", "none", 0.0]]


@pytest.mark.parametrize("text, junk", [
    ("“The ships will come,” Russian Ambassador to Havana Viktor Koronelli said.", "Havana Viktor Koronelli"),
    ("“Kyiv is winning,” the Institute for the Study of War said.", "War"),
    ("“Aid must pass,” Lindsey Graham of South Carolina said.", "Carolina"),
    ("“We are holding out,” a soldier in Azovstal said.", "Azovstal"),
    ("“We are holding out,” fighters in Mariupol said.", "Mariupol"),
])
def test_no_junk_speakers(text: str, junk: str, registry: SpeakerRegistry) -> None:
    speakers = set(_quotes(text, registry)["speaker"])
    assert junk not in speakers


def test_named_spans_are_exact(registry: SpeakerRegistry) -> None:
    got = _said("“The ships will come,” Russian Ambassador to Havana Viktor Koronelli said.", registry)
    assert got["The ships will come"] == ("Viktor Koronelli", "name")
    got = _said("“Kyiv is winning,” the Institute for the Study of War said.", registry)
    assert got["Kyiv is winning"][0] == "Institute for the Study of War"


def test_registry_never_overrides_the_text(registry: SpeakerRegistry) -> None:
    text = ("Lauri Myllyvirta, an analyst at a research group, spoke on Monday.\n\n"
            "“Fossil fuel exports are a key enabler of Putin’s regime,” he said.\n\n"
            "“News stories have falsely claimed otherwise,” the outlet said.")
    got = _said(text, registry)
    assert got["Fossil fuel exports are a key enabler of Putin’s regime"] == ("Lauri Myllyvirta", "pronoun")
    assert got["News stories have falsely claimed otherwise"][0] != "Volodymyr Zelensky"


def test_a_registry_role_alias_is_attributed_as_registry(registry: SpeakerRegistry) -> None:
    got = _said("“No comment,” the Kremlin spokesman said.", registry)["No comment"]
    assert got == ("Dmitry Peskov", "registry")


def test_one_speaker_id_per_person_within_an_article(registry: SpeakerRegistry) -> None:
    text = ("“We hold the line,” Serhiy Haidai, the governor, said.\n\n"
            "“We need weapons,” Mr. Haidai added.\n\n"
            "“We will rebuild,” the governor said. “Soon,” he added.")
    q = _quotes(text, registry)
    assert q["speaker_id"].nunique() == 1 and q["speaker"].unique().tolist() == ["Serhiy Haidai"]
    assert set(q["attribution"]) == {"name", "role", "pronoun"}
    assert set(q["speaker_as_written"]) >= {"Serhiy Haidai", "the governor", "he"}


def test_columns_and_confidence_scale(registry: SpeakerRegistry) -> None:
    df = extract_statements("“We are ready,” Peskov said. Talks ended.", registry)
    assert tuple(df.columns) == COLUMNS
    assert set(df["attribution"]) <= set(ATTRIBUTIONS) | {"narrator"}
    assert set(ATTRIBUTION_CONFIDENCE) == set(ATTRIBUTIONS) | {"narrator"}
    assert df["attribution_confidence"].between(0, 1).all()
    narration = df[df["kind"] == "narration"]
    assert (narration["reporting_verb"] == "").all() and (narration["attribution"] == "narrator").all()


def test_a_pronoun_in_its_own_clause_takes_the_nearest_person(registry: SpeakerRegistry) -> None:
    text = ("Volodymyr Zelensky urged tougher sanctions. A bill proposed by Graham, which he said will "
            "“start moving” this week, would impose tariffs.")
    assert _said(text, registry)["start moving"] == ("Lindsey Graham", "pronoun")


def test_a_quote_inside_a_reported_clause_keeps_the_clause(registry: SpeakerRegistry) -> None:
    df = extract_statements("The goal is a “swift victory” over the government, Medvedev said.", registry)
    assert df[df["kind"] == "reported"]["speaker"].tolist() == ["Dmitry Medvedev", "Dmitry Medvedev"]
