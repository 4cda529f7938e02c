"""``extract_statements`` (one text) and ``statement_records`` share one per-text dispatch.

Both used to repeat it: unencodable characters, language runs, then the ru/uk
or the English rules.  The two round-6 versions are kept below, test-only, as
the reference; the shared ``_text_statements`` must give the same frames and
tuples on English, Russian, Ukrainian, mixed and damaged texts, with and
without ``language``, voices and ``passages``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd
import pytest

from analysis import paths
from analysis.corpus.voices import Voice
from analysis.statements import extract as ex
from analysis.statements.extract import extract_statements, statement_records
from analysis.statements.speakers import SpeakerRegistry

TEXTS = (
    'Peskov said the talks were useful. "We are ready," he added.',
    "По словам Пескова, переговоры идут. Он добавил: «Мы ждём ответа».",
    "Зеленський заявив: «Ми переможемо». Він додав, що допомога потрібна.",
    'Zelensky said: "We will win." Зеленский заявил: «Мы победим». Він сказав: «Так».',
    "\ufeffWe will \ud800 win, Kallas said. «Мы \udfff победим», — заявил Лавров.",
    "", "   ", "12345", "Talks ended.", "Київ Kyiv Киев mixed scripts, the regime said.",
    'From The Kyiv Independent:\n\n"We hold the line," said Oleksandr Syrskyi.',
)


def old_extract_one(text: str, speakers: SpeakerRegistry | None, narrator: str | Sequence[Voice] = "",
                    passages: Iterable[tuple[int, int, str]] | None = None,
                    language: str | None = None) -> pd.DataFrame:
    """Round 6's single-text branch of ``extract_statements``, verbatim after its None check."""
    text = ex.unencodable_as_replacement(text)
    runs = ex.language_runs(text) if language is None and isinstance(narrator, str) and passages is None else []
    if len(runs) > 1:
        return ex.records_frame(ex._mixed_records(text, SpeakerRegistry.coerce(speakers), runs, narrator))
    if (lang := language or (runs[0][2] if runs else ex._cyrillic_language(text))) in ("ru", "uk"):
        return ex.extract_statements_ru_uk(text, speakers, language=lang, narrator=narrator, passages=passages)
    return ex.records_frame(ex._english_records(text, SpeakerRegistry.coerce(speakers), narrator, passages))


def old_statement_records(text: str, speakers: SpeakerRegistry) -> list[tuple[object, ...]]:
    """Round 6's ``statement_records``, verbatim."""
    text = ex.unencodable_as_replacement(text)
    runs = ex.language_runs(text)
    if len(runs) > 1:
        return ex._mixed_records(text, speakers, runs)
    if (lang := runs[0][2]) in ("ru", "uk"):
        return list(ex.extract_statements_ru_uk(text, speakers, language=lang).itertuples(index=False, name=None))
    return ex._english_records(text, speakers, "", None)


@pytest.fixture(scope="module")
def registry() -> SpeakerRegistry:
    return SpeakerRegistry.coerce(None)


def _seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(paths.RAW_SEEDS_DIR.glob("*.txt"))]


def test_there_are_seeds() -> None:
    assert len(_seed_texts()) == 5


@pytest.mark.parametrize("text", TEXTS + tuple(_seed_texts()))
def test_default_dispatch_unchanged(text: str, registry: SpeakerRegistry) -> None:
    expected = old_extract_one(text, registry)
    pd.testing.assert_frame_equal(extract_statements(text, registry), expected)
    assert statement_records(text, registry) == old_statement_records(text, registry)
    assert statement_records(text, registry) == list(expected.itertuples(index=False, name=None))


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("language", ["en", "ru", "uk", "other"])
def test_given_language_unchanged(text: str, language: str, registry: SpeakerRegistry) -> None:
    pd.testing.assert_frame_equal(extract_statements(text, registry, language=language),
                                  old_extract_one(text, registry, language=language))


@pytest.mark.parametrize("text", [t for t in TEXTS if t.strip()])
def test_voices_and_passages_unchanged(text: str, registry: SpeakerRegistry) -> None:
    voices = [Voice(0, len(text), "Some Blog", "other", "", "narration")]
    passages = [(0, len(text) // 2, "Reuters")]
    pd.testing.assert_frame_equal(extract_statements(text, registry, narrator=voices),
                                  old_extract_one(text, registry, narrator=voices))
    pd.testing.assert_frame_equal(extract_statements(text, registry, passages=passages),
                                  old_extract_one(text, registry, passages=passages))
    pd.testing.assert_frame_equal(extract_statements(text, registry, narrator="Outlet"),
                                  old_extract_one(text, registry, narrator="Outlet"))


def test_not_a_string_is_a_type_error(registry: SpeakerRegistry) -> None:
    with pytest.raises(TypeError, match="text must be str, not int"):
        extract_statements(3, registry)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="text must be str, not bytes"):
        statement_records(b"Talks ended.", registry)  # type: ignore[arg-type]
