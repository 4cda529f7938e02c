"""The speakers registry: bundled CSV facts, validation errors, resolution."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import paths
from analysis.statements.speakers import COLUMNS, RegistryError, SpeakerRegistry

SEED_SPEAKERS = {
    "Dmitry Medvedev": "russian", "Dmitry Peskov": "russian", "Vladimir Putin": "russian",
    "Volodymyr Zelensky": "ukrainian", "Rustem Umerov": "ukrainian", "Vasyl Malyuk": "ukrainian",
    "Lindsey Graham": "western", "Donald Trump": "western", "Kremlin": "russian",
    "Security Service of Ukraine": "ukrainian", "NATO": "western", "United Nations": "other",
}


def test_bundled_csv_has_the_columns_and_seed_speakers(registry: SpeakerRegistry) -> None:
    frame = pd.read_csv(paths.SPEAKERS_CSV, dtype=str, keep_default_na=False)
    assert list(frame.columns) == list(COLUMNS)
    for name, bloc in SEED_SPEAKERS.items():
        assert registry.bloc(name) == bloc, name
    for name in ("Sergey Lavrov", "Maria Zakharova", "Andrii Sybiha", "Kyrylo Budanov", "Marco Rubio",
                 "Kaja Kallas", "Mark Rutte", "Friedrich Merz", "António Guterres", "Hakan Fidan"):
        assert name in registry
    assert frame["note"].str.len().gt(0).mean() > 0.5


@pytest.mark.parametrize(("alias", "canonical"), [
    ("Zelenskyy", "Volodymyr Zelensky"), ("Vladimir Zelensky", "Volodymyr Zelensky"),
    ("the Kremlin spokesman", "Dmitry Peskov"), ("Presidential Press Secretary", "Dmitry Peskov"),
    ("deputy chairman of Russia’s Security Council", "Dmitry Medvedev"), ("SBU", "Security Service of Ukraine"),
    ("Ukraine's Security Service", "Security Service of Ukraine"), ("the Kremlin", "Kremlin"),
])
def test_resolve(registry: SpeakerRegistry, alias: str, canonical: str) -> None:
    assert registry.resolve(alias) == canonical


def test_resolve_unknown_is_none(registry: SpeakerRegistry) -> None:
    assert registry.resolve("Gleb Stolyarov") is None
    assert registry.bloc("Gleb Stolyarov") == ""


def _frame(**changes: str) -> pd.DataFrame:
    row = {"canonical": "X Y", "aliases": "Y", "role": "r", "country": "c", "bloc": "other",
           "kind": "person", "gender": "m", "note": ""}
    row.update(changes)
    return pd.DataFrame([row])


@pytest.mark.parametrize(("changes", "field"), [
    ({"bloc": "eastern"}, "bloc"), ({"kind": "robot"}, "kind"), ({"gender": "x"}, "gender"),
    ({"canonical": " "}, "canonical"),
])
def test_validation_names_file_row_and_field(changes: dict, field: str) -> None:
    with pytest.raises(RegistryError, match=rf"reg\.csv row 2 field '{field}'"):
        SpeakerRegistry.from_frame(_frame(**changes), "reg.csv")


def test_duplicate_and_missing_column_and_missing_file(tmp_path) -> None:
    frame = pd.concat([_frame(), _frame()])
    with pytest.raises(RegistryError, match="row 3 field 'canonical'.*already defined in row 2"):
        SpeakerRegistry.from_frame(frame, "dup.csv")
    with pytest.raises(RegistryError, match="missing column"):
        SpeakerRegistry.from_frame(_frame().drop(columns=["bloc"]), "x.csv")
    bad = tmp_path / "speakers.csv"
    _frame(bloc="blue").to_csv(bad, index=False)
    with pytest.raises(RegistryError, match=r"speakers\.csv row 2 field 'bloc'"):
        SpeakerRegistry.from_csv(bad)
    with pytest.raises(RegistryError, match="not found"):
        SpeakerRegistry.from_csv(tmp_path / "nope.csv")


def test_coerce_rejects_other_types() -> None:
    with pytest.raises(TypeError, match="speakers must be"):
        SpeakerRegistry.coerce(42)  # type: ignore[arg-type]
