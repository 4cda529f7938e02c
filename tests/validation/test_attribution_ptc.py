"""The PTC attribution gold's units, draw and verifier, on invented articles (no PTC text)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from analysis.validation import attribution_ptc as ap
from analysis.validation.attribution_gold import fragment
from analysis.validation.exceptions import ValidationDataError

# invented articles; 900000004 and 900000009 fall on the test side of split_of, 900000001 and 900000003 on dev
TEXTS = {
    "900000004": "Mayor backs plan\n\n“We will build it,” Ann Lee said.\nLee called it a “bridge to nowhere”.\n",
    "900000009": 'Storm hits coast\n\n"Stay inside," the police said. "Roads are closed.\n\n"Help is coming," '
                 "Bo Kim told reporters.\n",
    "900000001": "Quiet day\n\nNothing “happened” here.\n",
    "900000003": "Port reopens\n\n“Ships are moving again,” Ann Lee said. “Slowly.”\n",
    "900000002": "No quotes at all.\n",
}


def _write_ptc(root: Path, texts: dict[str, str]) -> Path:
    folder = root / "ptc2020" / "train-articles"
    folder.mkdir(parents=True)
    for article_id, text in texts.items():
        (folder / f"article{article_id}.txt").write_text(text, encoding="utf-8")
    (root / "ptc2020" / "train-task2-TC.labels").write_text("", encoding="utf-8")
    return root


LABELS = {  # article_id -> (kind, speaker, speaker_named, variants, tag_type) per unit
    "900000004": [("direct", "Ann Lee", "1", "Ann Lee|Lee", "name"), ("term", "UNATTRIBUTED", "0", "", "none")],
    "900000009": [("direct", "the police", "0", "", "role"), ("direct", "the police", "0", "", "continuation"),
                  ("direct", "Bo Kim", "1", "Bo Kim", "name")],
    "900000001": [("term", "UNATTRIBUTED", "0", "", "none")],
    "900000003": [("direct", "Ann Lee", "1", "Ann Lee", "name"), ("direct", "Ann Lee", "1", "Ann Lee", "continuation")],
}


def _part(texts: pd.DataFrame, split: str = "test") -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    by_id = dict(zip(texts["article_id"], texts["text"], strict=True))
    order = ap.split_order(texts, split)
    arts, rows = [], []
    for pos, aid in enumerate(order):
        text, key = by_id[aid], ap.article_key(aid, by_id[aid])
        units = ap.quote_units(text)
        kinds = [lab[0] for lab in LABELS[aid]]
        arts.append({"article_key": key, "row": aid, "side": "english_news", "draw_position": str(pos),
                     "split": split, "n_marks": str(ap.count_marks(text)), "n_direct": str(kinds.count("direct")),
                     "n_partial": str(kinds.count("partial")), "n_term": str(kinds.count("term")), "n_turns": "0"})
        for q, ((start, end), (kind, speaker, named, variants, tag)) in enumerate(zip(units, LABELS[aid],
                                                                                     strict=True), 1):
            rows.append({"article_key": key, "row": aid, "split": split, "draw_position": str(pos),
                         "quote_no": str(q), "start": str(start), "end": str(end),
                         "fragment": fragment(text, start, end, 6), "kind": kind, "speaker": speaker,
                         "speaker_named": named, "variants": variants, "antecedent_needed": "0", "tag_type": tag,
                         "notes": ""})
    quotes = pd.DataFrame(rows)
    persons = (quotes[(quotes["speaker"] != "UNATTRIBUTED") & (quotes["kind"] != "term")]
               .groupby(["article_key", "speaker", "speaker_named", "variants"], sort=False).size()
               .rename("n_quotes").reset_index())
    return pd.DataFrame(arts), quotes, persons


@pytest.fixture()
def texts(tmp_path: Path) -> pd.DataFrame:
    return ap.load_ptc_texts(_write_ptc(tmp_path, TEXTS))


def test_units_pair_curly_and_straight_marks_per_paragraph() -> None:
    text = TEXTS["900000009"]
    spans = [text[s:e] for s, e in ap.quote_units(text)]
    assert spans == ["Stay inside,", "Roads are closed.", "Help is coming,"]
    assert [TEXTS["900000004"][s:e] for s, e in ap.quote_units(TEXTS["900000004"])] == [
        "We will build it,", "bridge to nowhere"]


def test_an_unclosed_curly_quote_runs_to_its_paragraph_end_and_a_stray_closer_is_no_unit() -> None:
    text = "A “one “two” three\nfour\n\nfive” six"
    assert [text[s:e] for s, e in ap.quote_units(text)] == ["one “two” three\nfour", "two"]
    assert ap.quote_units("x ” y ‘z’ it's") == []


def test_a_whitespace_line_is_a_blank_line() -> None:
    assert ap.quote_units('a "b\n \t\nc" d') == [(3, 4), (10, 12)]


def test_draw_order_takes_the_marked_articles_in_a_fixed_permutation(texts: pd.DataFrame) -> None:
    order = ap.draw_order(texts)
    assert sorted(order) == ["900000001", "900000003", "900000004", "900000009"]
    assert order == ap.draw_order(texts.iloc[::-1])  # independent of the table's order
    assert set(ap.split_order(texts, "test")) == {"900000004", "900000009"}


def test_a_correct_part_verifies_clean(texts: pd.DataFrame) -> None:
    assert ap.verify_part(*_part(texts), texts, "test") == []


def test_the_verifier_names_each_kind_of_fault(texts: pd.DataFrame) -> None:
    arts, quotes, persons = _part(texts)
    bad = quotes.copy()
    bad.at[0, "end"] = str(int(str(bad.at[0, "end"])) - 1)
    bad.at[1, "fragment"] = "wrong words"
    bad.at[2, "variants"] = "Nobody Here"
    problems = ap.verify_part(arts, bad, persons, texts, "test")
    assert any("are not unit" in p for p in problems)
    assert any("fragment is not" in p for p in problems)
    assert any("not in the article text" in p for p in problems)
    assert any("missing" in p for p in ap.verify_part(arts, quotes.drop(columns="notes"), persons, texts, "test"))
    assert any("units of quote_units" in p for p in ap.verify_part(arts, quotes.iloc[1:], persons, texts, "test"))
    assert any("not listed" in p for p in ap.verify_part(arts, quotes, persons.iloc[1:], texts, "test"))


def test_the_verifier_catches_a_changed_text_a_skip_and_a_wrong_split(tmp_path: Path) -> None:
    texts = ap.load_ptc_texts(_write_ptc(tmp_path / "a", TEXTS))
    arts, quotes, persons = _part(texts)
    changed = ap.load_ptc_texts(_write_ptc(tmp_path / "b", {**TEXTS, "900000004": TEXTS["900000004"] + "x"}))
    assert any("text hash" in p for p in ap.verify_part(arts, quotes, persons, changed, "test"))
    second = arts.iloc[1:].assign(draw_position="0")
    assert any("first 1 of the test draw" in p for p in ap.verify_part(second, quotes, persons, texts, "test"))
    assert any("split must be dev" in p for p in ap.verify_part(arts, quotes, persons, texts, "dev"))


def test_main_verifies_a_folder_and_reports_missing_data(tmp_path: Path, texts: pd.DataFrame,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "gold"
    folder.mkdir()
    for name, frame in zip(("articles.csv", "quotes.csv", "persons.csv"), _part(texts), strict=True):
        frame.to_csv(folder / name, index=False)
    assert ap.main(["--data", str(tmp_path), "--folder", str(folder)]) == 0
    assert "5 units in 2 articles" in capsys.readouterr().out
    assert ap.main(["--data", str(tmp_path / "none"), "--folder", str(folder)]) == 2
    assert "PTC-2020 not found" in capsys.readouterr().out


def test_annotation_sheet_numbers_every_unit() -> None:
    sheet = ap.annotation_sheet(TEXTS["900000009"])
    assert [sheet.count(f"[Q{i}]") for i in (1, 2, 3, 4)] == [1, 1, 1, 0]


def _write_part(folder: Path, part: tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]) -> Path:
    folder.mkdir()
    for name, frame in zip(("articles.csv", "quotes.csv", "persons.csv"), part, strict=True):
        frame.to_csv(folder / name, index=False)
    return folder


def _fake_extractor(text: str) -> pd.DataFrame:
    """Every unit as a quote with its marks; speaker Ann Lee when the text names her, else none."""
    speaker = "Ann Lee" if "Ann Lee" in text else ""
    return pd.DataFrame([{"start": s - 1, "end": e + 1, "kind": "direct", "speaker": speaker}
                         for s, e in ap.quote_units(text)], columns=["start", "end", "kind", "speaker"])


def test_harness_measures_the_test_part_like_the_press_gold(tmp_path: Path, texts: pd.DataFrame) -> None:
    from analysis.validation import attribution_eval as ae

    folder = _write_part(tmp_path / "test_part", _part(texts))
    report = ae.evaluate_ptc_attribution(_fake_extractor, data_dir=tmp_path, folder=folder)
    m = report.metrics.iloc[0]
    assert (m["split"], m["articles"], m["gold_quotes"], m["found"]) == ("test", 2, 4, 4)
    assert m["speaker_accuracy"] == 0.25  # Ann Lee right; the police twice and Bo Kim left empty
    assert m["unattributed_named"] == 0.5  # of Ann Lee and Bo Kim (named), Bo Kim is empty
    assert m["term_given_speaker"] == 1.0  # 'bridge to nowhere' credited to Ann Lee
    assert set(report.by_tag["tag_type"]) == {"name", "role", "continuation"}


def test_harness_takes_the_dev_folder_and_counts_one_id_per_person(tmp_path: Path, texts: pd.DataFrame) -> None:
    from analysis.validation import attribution_eval as ae

    folder = _write_part(tmp_path / "dev_part", _part(texts, "dev"))
    m = ae.evaluate_ptc_attribution(_fake_extractor, data_dir=tmp_path, folder=folder, split="dev").metrics.iloc[0]
    assert (m["split"], m["gold_quotes"], m["speaker_accuracy"]) == ("dev", 2, 1.0)
    assert (m["one_id_per_person"], m["person_groups"]) == (1.0, 1)
    with pytest.raises(ValidationDataError, match="does not match PTC-2020"):
        ae.evaluate_ptc_attribution(_fake_extractor, data_dir=tmp_path, folder=folder, split="test")


def test_harness_refuses_a_missing_folder_or_text(tmp_path: Path, texts: pd.DataFrame) -> None:
    from analysis.validation import attribution_eval as ae

    with pytest.raises(ValidationDataError, match="dev part not found"):
        ae.evaluate_ptc_attribution(_fake_extractor, data_dir=tmp_path, folder=tmp_path / "none", split="dev")
    with pytest.raises(ValidationDataError, match="PTC-2020 not found"):
        ae.evaluate_ptc_attribution(_fake_extractor, data_dir=tmp_path / "none")
    with pytest.raises(ValidationDataError, match="split must be one of"):
        ae.evaluate_ptc_attribution(_fake_extractor, data_dir=tmp_path, split="train")


def test_cli_ptc_is_held_out_and_ptcdev_lists_errors(tmp_path: Path, texts: pd.DataFrame,
                                                       monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    from analysis.validation import attribution_eval as ae

    monkeypatch.setattr(ae, "default_extractor", lambda: _fake_extractor)
    test_dir = _write_part(tmp_path / "t", _part(texts))
    dev_dir = _write_part(tmp_path / "d", _part(texts, "dev"))
    assert ae.main(["--gold", "ptc", "--errors", "2", "--data", str(tmp_path), "--folder", str(test_dir)]) == 2
    assert "no error listing" in capsys.readouterr().err
    assert ae.main(["--gold", "ptcdev", "--split", "test", "--data", str(tmp_path)]) == 2
    assert ae.main(["--gold", "ptc", "--data", str(tmp_path), "--folder", str(test_dir)]) == 0
    assert "| test | 2 | 4 | 4 |" in capsys.readouterr().out
    assert ae.main(["--gold", "ptcdev", "--errors", "5", "--data", str(tmp_path), "--folder", str(dev_dir)]) == 0
    out = capsys.readouterr().out
    assert "| dev | 2 | 2 | 2 |" in out and "no wrong or missed quotes" in out
    assert ae.main(["--gold", "ptcdev", "--data", str(tmp_path), "--folder", str(tmp_path / "none")]) == 2


def test_validate_prints_the_ptc_table_or_says_why_not(tmp_path: Path, texts: pd.DataFrame,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from analysis.validation import attribution_eval as ae
    from analysis.validation import evaluate
    from analysis.validation.report import ValidationReport

    folder = _write_part(tmp_path / "t", _part(texts))
    monkeypatch.setattr(ae, "default_extractor", lambda: _fake_extractor)
    monkeypatch.setattr(ap, "GOLD_SETS", {"test": (folder, "test"), "dev": (tmp_path / "none", "dev")})
    report = ValidationReport()
    evaluate.add_ptc_attribution(report, tmp_path)
    text = report.to_markdown()
    assert "## Quote attribution (PTC-2020 English news gold, held-out test part)" in text
    assert "term_given_speaker" in text and "| test | 2 | 4 | 4 |" in text
    monkeypatch.setattr(ap, "GOLD_SETS", {"test": (tmp_path / "none", "test")})
    report = ValidationReport()
    evaluate.add_ptc_attribution(report, tmp_path)
    assert report.attribution_ptc.empty
    assert report.notes[0].startswith("PTC attribution part not run: PTC attribution test part not found")


def _corrupt(folder: Path, name: str, how: str) -> None:
    path = folder / name
    if how == "empty":
        path.write_bytes(b"")
    elif how == "not utf-8":
        path.write_bytes(path.read_bytes() + b"\xff\xfe\n")
    elif how == "ragged":
        path.write_text(path.read_text(encoding="utf-8") + "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r\n", encoding="utf-8")
    elif how == "header twice":
        lines = path.read_text(encoding="utf-8").split("\n")
        path.write_text("\n".join([lines[0] + ",notes", *lines[1:]]), encoding="utf-8")


@pytest.mark.parametrize(("name", "how", "message"), [
    ("quotes.csv", "empty", "quotes.csv: empty file"),
    ("persons.csv", "empty", "persons.csv: empty file"),
    ("quotes.csv", "not utf-8", r"quotes.csv: line 7 is not UTF-8 \(byte 0xff"),
    ("articles.csv", "ragged", "articles.csv: not a well-formed CSV.*line 4"),
    ("quotes.csv", "header twice", "quotes.csv: header names column 'notes' twice"),
])
def test_main_names_an_unreadable_file_instead_of_a_pandas_traceback(
        tmp_path: Path, texts: pd.DataFrame, capsys: pytest.CaptureFixture[str], name: str, how: str,
        message: str) -> None:
    # review5: each of these was an EmptyDataError/UnicodeDecodeError/ParserError traceback
    # (a repeated header column was read on, renamed 'notes.1')
    folder = _write_part(tmp_path / "gold", _part(texts))
    _corrupt(folder, name, how)
    assert ap.main(["--data", str(tmp_path), "--folder", str(folder)]) == 2
    assert re.search(message, capsys.readouterr().out)
    with pytest.raises(ValidationDataError, match=message):
        ap.check_part(folder, texts, "test")


def test_main_names_a_missing_column_a_repeated_article_and_offsets_past_the_end(
        tmp_path: Path, texts: pd.DataFrame, capsys: pytest.CaptureFixture[str]) -> None:
    articles, quotes, persons = _part(texts)
    folder = _write_part(tmp_path / "nokind", (articles, quotes.drop(columns=["kind"]), persons))
    assert ap.main(["--data", str(tmp_path), "--folder", str(folder)]) == 1  # was a KeyError in summary
    assert "quotes.csv: missing column(s) kind" in capsys.readouterr().out
    twice = pd.concat([articles, articles.iloc[[0]]], ignore_index=True)
    problems = ap.verify_part(twice, quotes, persons, texts, "test")
    assert f"articles.csv {articles.at[0, 'article_key']}: article listed more than once" in problems
    past = quotes.copy()
    past.loc[0, "end"] = "99999999"
    assert any("offsets" in p and "99999999" in p for p in ap.verify_part(articles, past, persons, texts, "test"))


def test_many_unclosed_curly_openers_each_run_to_the_paragraph_end() -> None:
    # review5: a text.find per opener rescanned the paragraph (quadratic in unclosed openers)
    text = "x \u201cq " * 50_000
    units = ap.quote_units(text)
    assert len(units) == 50_000
    assert units[0] == (3, len(text)) and units[-1] == (len(text) - 2, len(text))


def test_a_part_continuing_the_draw_verifies_from_its_first_position(texts: pd.DataFrame,
                                                                      tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    # test part 2 continues the test draw at position 33: the same check, shifted by ``first``
    rest = _second_part(texts)
    assert ap.verify_part(*rest, texts, "test", first=1) == []
    assert ap.verify_part(*rest, texts, "test") == ["articles.csv: draw_position is not 0..n-1 in file order"]
    shifted = rest[0].assign(draw_position="0")
    assert ap.verify_part(shifted, rest[1].assign(draw_position="0"), rest[2], texts, "test") == [
        "articles.csv: the articles are not the first 1 of the test draw order"]
    assert ap.verify_part(*rest, texts, "test", first=-1) == ["the first draw position must be 0 or more, not -1"]
    folder = _write_part(tmp_path / "t2", rest)
    assert ap.main(["--data", str(tmp_path), "--folder", str(folder), "--first", "1"]) == 0
    assert ap.main(["--data", str(tmp_path), "--folder", str(folder)]) == 1
    assert "draw_position is not 0..n-1" in capsys.readouterr().out
    assert ap.FIRST_POSITION["test2"] == 33 and ap.GOLD_SETS["test2"][1] == "test"


def _second_part(texts: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The invented test draw's position 1 alone: a part 2 that continues a one-article part 1."""
    articles, quotes, persons = _part(texts)
    second = articles.at[1, "article_key"]
    return (articles.iloc[1:].copy(), quotes[quotes["article_key"] == second].copy(),
            persons[persons["article_key"] == second])


def test_gold_ptc2_scores_test_part_2_with_the_ptc_measures_and_is_held_out(
        tmp_path: Path, texts: pd.DataFrame, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from analysis.validation import attribution_eval as ae

    monkeypatch.setattr(ae, "default_extractor", lambda: _fake_extractor)
    monkeypatch.setitem(ap.FIRST_POSITION, "test2", 1)
    part2 = _write_part(tmp_path / "t2", _second_part(texts))
    report = ae.evaluate_ptc_attribution(_fake_extractor, data_dir=tmp_path, folder=part2, split="test2")
    n_quotes = int(_second_part(texts)[1]["kind"].isin(["direct", "partial"]).sum())
    row = report.metrics.iloc[0]
    assert (row["split"], row["articles"], row["gold_quotes"], row["found"]) == ("test", 1, n_quotes, n_quotes)
    part1 = ae.evaluate_ptc_attribution(_fake_extractor, data_dir=tmp_path, folder=_write_part(
        tmp_path / "t1", _part(texts)))
    assert list(report.metrics.columns) == list(part1.metrics.columns)  # the same measures as --gold ptc
    assert ae.GOLD_RUNS["ptc2"].held_out
    assert ae.main(["--gold", "ptc2", "--data", str(tmp_path), "--folder", str(part2)]) == 0
    assert f"| test | 1 | {n_quotes} | {n_quotes} |" in capsys.readouterr().out
    assert ae.main(["--gold", "ptc2", "--errors", "2", "--data", str(tmp_path), "--folder", str(part2)]) == 2
    assert "no error listing" in capsys.readouterr().err
    assert ae.main(["--gold", "ptc2", "--split", "dev", "--data", str(tmp_path), "--folder", str(part2)]) == 2
    # part 1's folder is not a part 2: it starts at position 0, not 1
    assert ae.main(["--gold", "ptc2", "--data", str(tmp_path), "--folder", str(tmp_path / "t1")]) == 2
    assert "draw_position is not 1..1+n-1" in capsys.readouterr().err
    assert ae.main(["--gold", "ptc2", "--data", str(tmp_path), "--folder", str(tmp_path / "none")]) == 2
    assert "PTC attribution test2 part not found" in capsys.readouterr().err


def test_validate_prints_test_part_2_beside_the_ptc_table_or_says_why_not(
        tmp_path: Path, texts: pd.DataFrame, monkeypatch: pytest.MonkeyPatch) -> None:
    from analysis.validation import attribution_eval as ae
    from analysis.validation import evaluate
    from analysis.validation.report import ValidationReport

    part1 = _write_part(tmp_path / "t", _part(texts))
    part2 = _write_part(tmp_path / "t2", _second_part(texts))
    monkeypatch.setattr(ae, "default_extractor", lambda: _fake_extractor)
    # part 3 (tests/validation/test_attribution_ptc_test3.py) is measured beside them: here the same folder
    monkeypatch.setattr(ap, "GOLD_SETS", {"test": (part1, "test"), "test2": (part2, "test"),
                                          "test3": (part2, "test")})
    monkeypatch.setitem(ap.FIRST_POSITION, "test2", 1)
    monkeypatch.setitem(ap.FIRST_POSITION, "test3", 1)
    report = ValidationReport()
    evaluate.add_ptc_attribution(report, tmp_path)  # part 1, then part 2 beside it
    text = report.to_markdown()
    first = text.index("## Quote attribution (PTC-2020 English news gold, held-out test part)")
    second = text.index("## Quote attribution (PTC-2020 English news gold, held-out test part 2)")
    assert first < second and "| test | 2 | 4 | 4 |" in text[first:second]
    assert "| test | 1 |" in text[second:] and "term_given_speaker" in text[second:]
    assert report.notes == []
    monkeypatch.setattr(ap, "GOLD_SETS", {"test": (part1, "test"), "test2": (tmp_path / "none", "test")})
    report = ValidationReport()
    evaluate.add_ptc2_attribution(report, tmp_path)
    assert report.attribution_ptc2.empty
    assert report.notes == [f"PTC attribution test part 2 not run: PTC attribution test2 part not found: "
                            f"{tmp_path / 'none' / 'articles.csv'}: no such file (is the PTC attribution gold "
                            f"on this branch?)"]
    assert "test part 2" not in report.to_markdown().split("## Notes")[0]
