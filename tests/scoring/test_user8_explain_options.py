"""A bad option to ``explain`` is reported as explain's, not as score_text's (round 8)."""

from __future__ import annotations

import pytest

from analysis import explain
from analysis.validate_args import ArgumentError


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"language": "fr"}, "explain: language must be one of 'en', 'ru', 'uk', 'other'; got 'fr'"),
    ({"language": ["en"]}, "explain: language must be one of"),
    ({"sentiment": "textblob"}, "explain: sentiment must be one of 'fast', 'vader', 'none'"),
    ({"lexicon_mode": "merge"}, "explain: lexicon_mode must be one of 'extend', 'replace'"),
])
def test_bad_option_names_explain(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ArgumentError) as caught:
        explain("They are idiots.", **kwargs)  # type: ignore[arg-type]
    assert str(caught.value).startswith(message)


def test_good_options_still_explain() -> None:
    e = explain("They are idiots.", language="en", sentiment="none", lexicon_mode="extend")
    assert [m.surface for m in e.matches] == ["idiots"]
