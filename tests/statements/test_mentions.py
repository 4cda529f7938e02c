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
