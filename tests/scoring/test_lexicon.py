from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from analysis import paths
from analysis.constants import SCORED_DIMENSIONS as DIMENSIONS
from analysis.scoring.lexicon import Lexicon, LexiconError, lexicon_version
from analysis.scoring.score import score_text

HEADER = "term,category,weight,note\n"


def _write(tmp_path: Path, body: str, name: str = "mine.csv", header: str = HEADER) -> Path:
    p = tmp_path / name
    p.write_text(header + body, encoding="utf-8")
    return p


def test_builtin_lexicons_are_valid_and_documented() -> None:
    lex = Lexicon.builtin()
    assert lex.dimensions == DIMENSIONS
    sizes = {d: len(lex.select(d)) for d in DIMENSIONS}
    assert sizes["hostility"] >= 300 and sizes["loaded"] >= 200
    assert sizes["hedging"] >= 100 and sizes["certainty"] >= 80
    assert all(e.note for e in lex)
    assert {e.side for e in lex.select("loaded")} >= {"russian", "ukrainian_western", "neutral"}
    readme = (paths.LEXICON_DIR / "README.md").read_text(encoding="utf-8")
    assert lexicon_version() in readme
    for d in DIMENSIONS:
        assert f"{d}.csv" in readme


def test_required_categories_present() -> None:
    cats = {(e.dimension, e.category) for e in Lexicon.builtin()}
    for need in [
        ("hostility", "insult"), ("hostility", "threat_violence"), ("hostility", "dehumanising_label"),
        ("hostility", "accusation"), ("hedging", "epistemic_modal"), ("hedging", "attribution"),
        ("hedging", "approximator"), ("certainty", "booster_adverb"), ("naming", "euphemism"), ("naming", "transliteration"),
        ("loaded", "delegitimising_label"), ("loaded", "emotive_atrocity"),
    ]:
        assert need in cats


def test_from_csv_reads_and_extends(tmp_path: Path) -> None:
    p = _write(tmp_path, "rogue actor,label,1.5,my project\n", name="hostility.csv")
    mine = Lexicon.from_csv(p)
    assert mine.dimensions == ("hostility",)
    s = score_text("They are a rogue actor.", lexicons=mine)
    assert [(m.term, m.category) for m in s.matches] == [("rogue actor", "label")]
    assert score_text("They are idiots.", lexicons=mine).hostility_count == 1  # built-ins still there


def test_replace_mode_drops_builtin_dimension(tmp_path: Path) -> None:
    mine = Lexicon.from_csv(_write(tmp_path, "rogue actor,label,1,x\n"), dimension="hostility")
    s = score_text("They are idiots, a rogue actor.", lexicons=mine, lexicon_mode="replace")
    assert [m.term for m in s.matches if m.dimension == "hostility"] == ["rogue actor"]
    assert Lexicon.builtin().merge(mine, mode="replace").select("hedging").entries


def test_user_entry_overrides_builtin_term() -> None:
    mine = Lexicon.from_records([{"term": "idiots", "category": "mild", "weight": 0.1, "note": ""}],
                                dimension="hostility")
    merged = Lexicon.builtin().merge(mine)
    assert [e.category for e in merged if e.term == "idiots" and e.dimension == "hostility"] == ["mild"]


@pytest.mark.parametrize(
    ("body", "header", "message"),
    [
        ("x,insult,1,n\n", "term,category,note\n", "missing column(s) weight"),
        (" ,insult,1,n\n", HEADER, "row 1: empty term"),
        ("x,Bad Category,1,n\n", HEADER, "row 1: category 'Bad Category'"),
        ("x,insult,1,n\ny,insult,heavy,n\n", HEADER, "row 2: weight 'heavy' is not a number"),
        ("x,insult,-1,n\n", HEADER, "positive finite"),
        ("x,insult,1,n\nX,insult,2,n\n", HEADER, "row 2: duplicate term 'x' (first at row 1)"),
        ("x,insult,1,n,hostile\n", "term,category,weight,note,dimension\n", "unknown dimension 'hostile'"),
        ("x,insult,1,n,modal_maybe\n", "term,category,weight,note,context\n", "unknown context rule"),
    ],
)
def test_from_csv_errors_name_file_and_row(tmp_path: Path, body: str, header: str, message: str) -> None:
    p = _write(tmp_path, body, header=header)
    with pytest.raises(LexiconError) as exc:
        Lexicon.from_csv(p, dimension=None if "dimension" in header else "hostility")
    assert message in str(exc.value)
    assert "mine.csv" in str(exc.value)


def test_loaded_requires_side(tmp_path: Path) -> None:
    p = _write(tmp_path, "kyiv regime,label,1,n\n")
    with pytest.raises(LexiconError, match="side"):
        Lexicon.from_csv(p, dimension="loaded")
    p2 = _write(tmp_path, "x,insult,1,n,russian\n", header="term,category,weight,note,side\n", name="h.csv")
    with pytest.raises(LexiconError, match="only meaningful for the loaded"):
        Lexicon.from_csv(p2, dimension="hostility")


def test_missing_file_and_unknown_dimension(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="not found"):
        Lexicon.from_csv(tmp_path / "nope.csv", dimension="hedging")
    with pytest.raises(LexiconError, match="pass dimension"):
        Lexicon.from_csv(_write(tmp_path, "x,c,1,n\n"))
    with pytest.raises(ValueError, match="dimension must be one of 'hostility'.*got 'tone'"):
        Lexicon.builtin("tone")


def test_lexicon_is_plain_data_and_pickles_without_its_matcher() -> None:
    from dataclasses import fields

    from analysis.scoring.match import compile_lexicon

    lex = Lexicon.builtin("hedging")
    matcher = compile_lexicon(lex)
    assert [f.name for f in fields(Lexicon)] == ["entries", "name"]
    data = pickle.dumps(lex)
    assert b"ahocorasick" not in data and len(data) < 4 * len(pickle.dumps(lex.entries))
    back = pickle.loads(data)
    assert back.entries == lex.entries and back.name == lex.name
    rebuilt = compile_lexicon(back)
    assert rebuilt is not matcher and rebuilt is compile_lexicon(back)
    text = "It may, perhaps, rain; allegedly."
    assert rebuilt.find(text) == matcher.find(text) != []


def test_lexicon_and_match_modules_do_not_import_each_other() -> None:
    import ast
    import inspect

    from analysis.scoring import lexicon

    tree = ast.parse(inspect.getsource(lexicon))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert not any(m and m.startswith(("analysis.scoring.match", "analysis.scoring.score")) for m in imported)
