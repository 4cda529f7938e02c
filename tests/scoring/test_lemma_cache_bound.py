"""The ru/uk lemma cache stays bounded on an open vocabulary, and emptying it changes no lemma."""

from __future__ import annotations

import pytest

from analysis.scoring import morph


def test_the_lemma_cache_never_holds_more_than_its_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(morph, "LEMMA_CACHE_MAX", 50)
    before = morph.lemma("рашистов", "ru")
    sizes = []
    for i in range(300):  # an open vocabulary: invented words
        morph.lemma(f"слово{'абвгдежзиклмн'[i % 13]}{i}", "ru")
        sizes.append(morph.lemma_cache_size("ru"))
    assert max(sizes) <= 50
    assert morph.lemma("рашистов", "ru") == before
