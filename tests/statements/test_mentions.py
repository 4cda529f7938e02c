"""Mentions: aliases, titles, unregistered names, descriptors."""

from __future__ import annotations

from analysis.statements.mentions import find_mentions


def _entities(text: str, registry) -> list[tuple[str, str]]:
    return [(text[m.start:m.end], m.entity) for m in find_mentions(text, registry)]


def test_role_alias_before_name_is_a_title(registry) -> None:
    assert _entities("Russian President Vladimir Putin spoke.", registry) == [("Vladimir Putin", "Vladimir Putin")]
    text = "former Russian president and top security official Dmitry Medvedev"
    assert [e for _, e in _entities(text, registry)] == ["Dmitry Medvedev"]


def test_unnamed_spokesperson_is_the_organisation_not_a_person(registry) -> None:
    text = "A Kremlin representative spoke. Peskov agreed. The Kremlin representative left."
    assert [e for _, e in _entities(text, registry)] == ["Kremlin", "Dmitry Peskov", "Kremlin"]


def test_definite_role_noun_needs_an_antecedent(registry) -> None:
    text = "The minister left."
    assert _entities(text, registry) == [("The minister", "minister")]
    text = "Ukraine's Defence Minister Rustem Umerov arrived. The minister said no."
    assert [e for _, e in _entities(text, registry)] == ["Rustem Umerov", "Rustem Umerov"]


def test_unregistered_name_needs_confirmation(registry) -> None:
    assert _entities("Gleb Stolyarov said so.", registry) == [("Gleb Stolyarov", "Gleb Stolyarov")]
    assert _entities("Xinhua Middle East news summary", registry) == []


def test_descriptor_head_is_the_last_head_word(registry) -> None:
    text = "Vladimir Putin's chief lieutenant issued a statement."
    descriptors = [m for m in find_mentions(text, registry) if m.source == "descriptor"]
    assert [m.entity for m in descriptors] == ["Vladimir Putin's chief lieutenant"]
    assert "lieutenant" in descriptors[0].role_words
    text = "A foreign ministry spokesman declined to comment."
    assert _entities(text, registry) == [("A foreign ministry spokesman", "foreign ministry spokesman")]


def test_adjective_homograph_is_not_a_role_head(registry) -> None:
    assert _entities("Despite the talks, the general news remains bleak.", registry) == []
    assert _entities("He issued an official statement.", registry) == []
    assert _entities("The general said no.", registry) == [("The general", "general")]
    assert _entities("An official familiar with the talks left.", registry) == [("An official", "official")]


def test_apposition_role_words_stop_at_the_role(registry) -> None:
    text = ("said Graham, a Republican lawmaker backing a bill on major new sanctions against Russia. "
            "Graham made the statement in reaction to Medvedev's Telegram post, in which he said so.")
    graham = next(m for m in find_mentions(text, registry) if m.entity == "Lindsey Graham")
    assert {"republican", "lawmaker"} <= graham.role_words
    sentence_words = {"backing", "bill", "sanctions", "against", "made", "medvedev", "post", "reaction",
                      "telegram", "to", "in", "on"}
    assert not graham.role_words & sentence_words


def test_apposition_keeps_the_body_of_the_role(registry_without_kallas) -> None:
    text = "Kaja Kallas, the head of the European External Action Service, said no."
    kallas = next(m for m in find_mentions(text, registry_without_kallas) if m.entity == "Kaja Kallas")
    assert {"head", "european", "external", "action", "service"} <= kallas.role_words
    assert "said" not in kallas.role_words and "no" not in kallas.role_words
