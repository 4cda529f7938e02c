"""The reporting-verb table: classes of the issue's examples, inflections, validation errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.statements import reporting_verbs as rv

ISSUE_EXAMPLES = {
    "neutral": ["said", "told", "added"],
    "distancing": ["claimed", "alleged", "insisted", "purported"],
    "factive": ["noted", "pointed out", "acknowledged", "admitted", "revealed"],
    "emphatic": ["warned", "stressed", "declared", "vowed"],
}


@pytest.mark.parametrize(("stance", "verbs"), list(ISSUE_EXAMPLES.items()))
def test_issue_examples_get_their_class(stance: str, verbs: list[str]) -> None:
    assert [rv.reporting_verb_stance(v) for v in verbs] == [stance] * len(verbs)


@pytest.mark.parametrize(("form", "lemma"), [
    ("says", "say"), ("saying", "say"), ("wrote", "write"), ("written", "write"), ("Denies", "deny"),
    ("denied", "deny"), ("noting", "note"), ("points out", "point out"), ("pointing out", "point out"),
    ("admitting", "admit"), ("emphasised", "emphasize"), ("recognises", "recognize"), ("vows", "vow"),
    ("has warned", "warn"), ("was quoted as saying", "say"), ("According to", "according to"),
    ("swore", "swear"), ("“claimed,”", "claim"),
])
def test_inflections_and_phrases_find_the_lemma(form: str, lemma: str) -> None:
    assert rv.reporting_verb_lemma(form) == lemma


def test_unknown_verbs_are_unknown_not_neutral() -> None:
    assert rv.reporting_verb_stance("shouted") == rv.UNKNOWN
    assert rv.reporting_verb_stance("") == rv.UNKNOWN
    assert rv.reporting_verb_lemma("according") is None


def test_every_row_is_valid_and_every_class_used() -> None:
    table = rv.load_reporting_verbs()
    rows = {v.lemma: v for v in table.values()}
    assert len(rows) >= 60
    assert {v.stance for v in rows.values()} == set(rv.STANCES)
    assert all(v.rationale and v.source for v in rows.values())


def _write(tmp_path: Path, body: str) -> Path:
    p = tmp_path / "verbs.csv"
    p.write_text("lemma,stance,forms,source,rationale\n" + body, encoding="utf-8")
    return p


@pytest.mark.parametrize(("body", "message"), [
    ("say,neutralish,,AP,x\n", "line 2, field 'stance'"),
    ("say,neutral,,,x\n", "line 2, field 'source'"),
    ("say,neutral,,XYZ,x\n", "line 2, field 'source'"),
    ("say,neutral,,AP,\n", "line 2, field 'rationale'"),
    (",neutral,,AP,x\n", "line 2, field 'lemma'"),
    ("say,neutral,,AP,x\nsay,emphatic,,AP,y\n", "line 3, field 'lemma'"),
    ("note,neutral,,AP,x\nnotes,emphatic,,AP,y\n", "line 3, field 'forms'"),
])
def test_bad_rows_name_line_and_field(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(rv.ReportingVerbError, match=message):
        rv.load_reporting_verbs(_write(tmp_path, body))


def test_missing_file_and_columns(tmp_path: Path) -> None:
    with pytest.raises(rv.ReportingVerbError, match="not found"):
        rv.load_reporting_verbs(tmp_path / "nope.csv")
    bad = tmp_path / "bad.csv"
    bad.write_text("lemma,stance\nsay,neutral\n", encoding="utf-8")
    with pytest.raises(rv.ReportingVerbError, match="missing columns"):
        rv.load_reporting_verbs(bad)


def test_regular_inflection_rules() -> None:
    assert rv.inflections("stress") == ("stress", "stresses", "stressed", "stressing")
    assert rv.inflections("testify") == ("testify", "testifies", "testified", "testifying")
    assert rv.inflections("argue") == ("argue", "argues", "argued", "arguing")


def test_docstring_examples() -> None:
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module("analysis.statements.reporting_verbs"), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


def test_add_reporting_verbs_on_extracted_statements() -> None:
    from analysis.statements.extract import extract_statements

    extracted = extract_statements('"We are ready," Peskov said. Kyiv claimed the strike failed.')
    df = extracted.drop(columns=["reporting_verb", "verb_stance"])
    out = rv.add_reporting_verbs(df)
    assert len(out) == len(df) and "verb_stance" not in df.columns
    # extract_statements carries the same columns itself (rows with their own cue agree)
    assert out["verb_stance"].tolist() == extracted["verb_stance"].tolist()
    assert out["reporting_verb"].tolist() == extracted["reporting_verb"].tolist()
    cued = out[out["cue"] != ""]
    assert set(cued["verb_stance"]) <= {*rv.STANCES, rv.UNKNOWN} and not cued.empty
    assert (out.loc[out["cue"] == "", "verb_stance"] == "").all()
    with pytest.raises(KeyError, match="no column 'cue'"):
        rv.add_reporting_verbs(df.drop(columns="cue"))
