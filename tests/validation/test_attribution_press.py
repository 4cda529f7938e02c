"""The press-release gold: its draw, pairing and verifier, and the harness on hand-made releases.

The harness tests use two invented releases written to a temporary folder in
the vendored files' format, so they depend neither on the real releases nor
on the extractor; only the integrity tests at the end read the committed gold.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from analysis.validation import attribution_eval as ae
from analysis.validation import attribution_press as ap
from analysis.validation.attribution_gold import UNATTRIBUTED, fragment
from analysis.validation.exceptions import ValidationDataError

KREMLIN = 'Vladimir Putin said: "We will win." He called it a "special" day.'
UKRAINE = '"We stand," Volodymyr Zelenskyy said. "And we fight," the President added.'
#: fragment -> the speaker the fake extractor gives (Kremlin term wrongly given one, last Ukrainian quote none)
FAKE_SPEAKERS = {"We will win.": "Putin", "special": "Putin", "We stand,": "Zelenskyy", "And we fight,": ""}


def _write_releases(folder: Path, kremlin: str = KREMLIN, ukraine: str = UKRAINE) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    base = {"link": "https://example.org/1", "headline": "A headline", "date": "2022-03-01T10:00:00Z"}
    pd.DataFrame([{**base, "location": "Moscow", "summary": "", "body": kremlin}]).to_csv(
        folder / "putin.csv.gz", index=False, compression="gzip")
    pd.DataFrame([{**base, "body": ukraine}]).to_csv(folder / "zelenskyy.csv.gz", index=False, compression="gzip")
    return folder


def _row(doc: str, text: str, q: int, span: tuple[int, int], kind: str, speaker: str, variants: str,
         tag: str, notes: str = "") -> dict[str, object]:
    return {"article_key": ap.press_key(doc, text), "row": int(doc.rsplit("-", 1)[1]), "split": "test",
            "draw_position": 0, "quote_no": q, "start": span[0], "end": span[1],
            "fragment": fragment(text, *span), "kind": kind, "speaker": speaker,
            "speaker_named": int(speaker != UNATTRIBUTED), "variants": variants,
            "antecedent_needed": int(tag in ("pronoun", "role")), "tag_type": tag, "notes": notes}


def _gold() -> pd.DataFrame:
    k, u = ap.quote_spans(KREMLIN), ap.quote_spans(UKRAINE)
    return pd.DataFrame([
        _row("putin-0000", KREMLIN, 1, k[0], "direct", "Vladimir Putin", "Vladimir Putin", "name"),
        _row("putin-0000", KREMLIN, 2, k[1], "term", UNATTRIBUTED, "", "none"),
        _row("zelenskyy-0000", UKRAINE, 1, u[0], "direct", "Volodymyr Zelenskyy", "Volodymyr Zelenskyy", "name"),
        _row("zelenskyy-0000", UKRAINE, 2, u[1], "direct", "Volodymyr Zelenskyy",
             "Volodymyr Zelenskyy|the President", "role"),
    ])


def _fake_extractor(text: str) -> pd.DataFrame:
    rows = [(m.start(), m.end(), "direct", FAKE_SPEAKERS[m.group(1)]) for m in re.finditer(r'"([^"]*)"', text)]
    return pd.DataFrame(rows, columns=["start", "end", "kind", "speaker"])


@pytest.fixture()
def releases(tmp_path: Path) -> Path:
    return _write_releases(tmp_path / "releases")


def test_marks_pair_per_paragraph_and_an_odd_mark_runs_to_the_paragraph_end() -> None:
    text = 'a "b" c "d\ne "f" g'
    assert ap.quote_spans(text) == [(3, 4), (9, 10), (14, 15)]
    assert ap.annotation_sheet(text) == 'a "[Q1]b" c "[Q2]d\ne "[Q3]f" g'
    assert ap.quote_spans("no marks") == []


def test_turn_labels_are_counted_inline_and_at_line_starts() -> None:
    text = "President of Russia Vladimir Putin: Hello. Olaf Scholz (retranslated): Thanks.\nMark Rutte: Yes."
    assert ap.count_turns(text) == 3
    assert ap.count_turns("He said: yes. The Kremlin: fine.") == 1  # one-word names are not turns


def test_draw_is_seeded_interleaved_and_only_takes_releases_with_a_mark() -> None:
    n = 6
    texts = pd.DataFrame({
        "doc_id": [f"putin-{i:04d}" for i in range(n)] + [f"zelenskyy-{i:04d}" for i in range(n)],
        "side": ["russian"] * n + ["ukrainian"] * n,
        "body": ['x "y"'] * (n - 1) + ["no mark"] + ['x "y"'] * n,
        "status": ["ok"] * (2 * n - 1) + ["empty_headline"],
    })
    order = ap.draw_order(texts)
    assert order == ap.draw_order(texts)  # same seed, same order
    assert "putin-0005" not in order and "zelenskyy-0005" not in order
    assert [d.split("-")[0] for d in order[:8]] == ["putin", "zelenskyy"] * 4
    assert sorted(order) == sorted(set(order)) and len(order) == 2 * (n - 1)
    assert ap.draw_order(texts, seed=1) != order


def test_verifier_accepts_the_fixture_and_names_each_problem(releases: Path) -> None:
    texts = ap.load_press_texts(releases)
    articles = _gold().drop_duplicates("article_key")
    assert ap.verify_gold(_gold(), texts, articles) == []

    shifted = _gold().assign(start=lambda g: g["start"] + 1)
    assert any("do not sit between quotation marks" in p for p in ap.verify_gold(shifted, texts))
    long = _gold()
    long.loc[0, "fragment"] = "one two three four five six seven eight nine ten eleven"
    problems = ap.verify_gold(long, texts)
    assert any("more than 10 words" in p for p in problems)
    assert any("not the first words" in p for p in problems)
    absent = _gold()
    absent.loc[0, "variants"] = "Mr Putin"
    assert any("not in the release text: ['Mr Putin']" in p for p in ap.verify_gold(absent, texts))
    missing_row = _gold().drop(index=1)
    assert any("belong to no row" in p for p in ap.verify_gold(missing_row, texts, articles))
    renumbered = _gold().assign(quote_no=[2, 1, 1, 2])
    assert any("1..n in text order" in p for p in ap.verify_gold(renumbered, texts))


def test_a_changed_release_is_detected_by_its_hash(tmp_path: Path) -> None:
    changed = _write_releases(tmp_path / "changed", kremlin=KREMLIN + " More.")
    problems = ap.verify_gold(_gold(), ap.load_press_texts(changed))
    assert len(problems) == 2 and all("key not in the releases" in p for p in problems)


def test_a_dropped_opening_mark_is_allowed_only_with_its_note(releases: Path, tmp_path: Path) -> None:
    text = 'We stand," Volodymyr Zelenskyy said.'
    folder = _write_releases(tmp_path / "dropped", ukraine=text)
    row = _row("zelenskyy-0000", text, 1, (0, text.index('"')), "direct", "Volodymyr Zelenskyy",
               "Volodymyr Zelenskyy", "name", notes="no opening mark in the source (P1)")
    texts = ap.load_press_texts(folder)
    assert ap.verify_gold(pd.DataFrame([row]), texts) == []
    assert ap.verify_gold(pd.DataFrame([{**row, "notes": ""}]), texts) != []


def test_harness_measures_overall_and_per_side(releases: Path, tmp_path: Path) -> None:
    gold_csv = tmp_path / "quotes.csv"
    _gold().to_csv(gold_csv, index=False)
    report = ae.evaluate_press_attribution(_fake_extractor, releases_dir=releases, gold_path=gold_csv)
    m = report.metrics.set_index("side")
    assert list(m.index) == ["all", "kremlin", "ukraine"] and set(m["split"]) == {"test"}
    assert m.loc["all", "gold_quotes"] == 3 and m.loc["all", "quote_recall"] == 1.0
    assert m.loc["all", "speaker_accuracy"] == pytest.approx(2 / 3)
    assert m.loc["kremlin", "speaker_accuracy"] == 1.0 and m.loc["kremlin", "term_given_speaker"] == 1.0
    assert m.loc["ukraine", "speaker_accuracy"] == 0.5 and m.loc["ukraine", "unattributed_named"] == 0.5
    assert report.merge.empty and set(report.by_tag["tag_type"]) == {"name", "role"}


def test_harness_refuses_a_gold_that_does_not_match(tmp_path: Path) -> None:
    gold_csv = tmp_path / "quotes.csv"
    _gold().to_csv(gold_csv, index=False)
    changed = _write_releases(tmp_path / "changed", ukraine=UKRAINE.replace("stand", "stood"))
    with pytest.raises(ValidationDataError, match="does not match the releases"):
        ae.evaluate_press_attribution(_fake_extractor, releases_dir=changed, gold_path=gold_csv)
    with pytest.raises(ValidationDataError, match="press releases not readable"):
        ae.evaluate_press_attribution(_fake_extractor, releases_dir=tmp_path / "none", gold_path=gold_csv)


def test_cli_press_has_no_dev_split(capsys: pytest.CaptureFixture[str]) -> None:
    assert ae.main(["--gold", "press", "--split", "dev"]) == 2
    assert ae.main(["--gold", "press", "--errors", "5"]) == 2
    assert "all test" in capsys.readouterr().err


def test_validate_prints_the_press_table_or_says_why_not(monkeypatch: pytest.MonkeyPatch) -> None:
    from analysis.validation import evaluate
    from analysis.validation.report import ValidationReport

    metrics = pd.DataFrame([{c: 0.5 for c in ("articles", "gold_quotes", "found", "quote_recall",
                                              "speaker_accuracy", "speaker_accuracy_all", "unattributed_named",
                                              "one_id_per_person", "person_groups")} | {"split": "test", "side": s}
                            for s in ("all", "kremlin", "ukraine")])
    monkeypatch.setattr(ae, "evaluate_press_attribution",
                        lambda *a, **k: ae.AttributionReport(metrics, pd.DataFrame(), pd.DataFrame(), pd.DataFrame()))
    report = ValidationReport()
    evaluate._add_press_attribution(report)
    text = report.to_markdown()
    assert "## Quote attribution (press-release gold, all test" in text
    assert "| test | kremlin |" in text and "| test | ukraine |" in text

    def mismatch(*args: object, **kwargs: object) -> ae.AttributionReport:
        raise ValidationDataError("press attribution gold does not match the releases")

    monkeypatch.setattr(ae, "evaluate_press_attribution", mismatch)
    report = ValidationReport()
    evaluate._add_press_attribution(report)
    assert report.attribution_press.empty
    assert report.notes == ["press-release attribution part not run: press attribution gold does not match "
                            "the releases"]


def test_committed_gold_meets_the_issue_and_matches_the_vendored_releases() -> None:
    gold = ap.load_gold()
    articles = pd.read_csv(ap.ARTICLES_CSV, keep_default_na=False)
    assert (gold["kind"] == "direct").sum() >= 200 and len(articles) >= 25
    assert articles["side"].value_counts().to_dict() == {"russian": 51, "ukrainian": 51}
    assert sorted(articles["draw_position"]) == list(range(len(articles)))  # a prefix of the draw, none skipped
    order = ap.draw_order(ap.load_press_texts())
    assert [order[p] for p in articles["draw_position"]] == [k.rsplit("-", 1)[0] for k in articles["article_key"]]
    assert ap.verify_gold(gold, ap.load_press_texts(), articles) == []
    assert set(gold["split"]) == {"test"}
    counted = gold.groupby("article_key")["kind"].value_counts().unstack(fill_value=0)
    for rec in articles.to_dict("records"):
        row = counted.loc[rec["article_key"]] if rec["article_key"] in counted.index else {}
        assert [int(row.get(k, 0)) for k in ("direct", "partial", "term")] == \
            [rec["n_direct"], rec["n_partial"], rec["n_term"]]


def test_dev_draw_excludes_the_listed_releases_and_is_seeded() -> None:
    n = 6
    texts = pd.DataFrame({
        "doc_id": [f"putin-{i:04d}" for i in range(n)] + [f"zelenskyy-{i:04d}" for i in range(n)],
        "side": ["russian"] * n + ["ukrainian"] * n, "body": ['x "y"'] * (2 * n), "status": "ok",
    })
    excluded = ["putin-0001", "zelenskyy-0004"]
    order = ap.draw_order(texts, ap.DEV_DRAW_SEED, excluded)
    assert not set(order) & set(excluded) and len(order) == 2 * n - 2
    assert order == ap.draw_order(texts, ap.DEV_DRAW_SEED, excluded)
    assert [d.split("-")[0] for d in order[:6]] == ["putin", "zelenskyy"] * 3
    assert ap.draw_order(texts) == ap.draw_order(texts, ap.DRAW_SEED, ())  # the test draw is unchanged


def test_verifier_checks_the_split_it_is_given(releases: Path) -> None:
    texts = ap.load_press_texts(releases)
    dev = _gold().assign(split="dev")
    assert ap.verify_gold(dev, texts, split="dev") == []
    assert any("split not in the vocabulary" in p for p in ap.verify_gold(dev, texts))
    assert any("split not in the vocabulary" in p for p in ap.verify_gold(_gold(), texts, split="dev"))


def _persons() -> pd.DataFrame:
    key = ap.press_key("zelenskyy-0000", UKRAINE)
    return pd.DataFrame([
        {"article_key": ap.press_key("putin-0000", KREMLIN), "speaker": "Vladimir Putin", "speaker_named": 1,
         "variants": "Vladimir Putin", "n_quotes": 1},
        {"article_key": key, "speaker": "Volodymyr Zelenskyy", "speaker_named": 1,
         "variants": "Volodymyr Zelenskyy|the President", "n_quotes": 2},
    ])


def test_person_list_must_match_the_quote_rows(releases: Path) -> None:
    texts = ap.load_press_texts(releases)
    gold = _gold()
    gold.loc[2, "variants"] = "Volodymyr Zelenskyy|the President"  # one person, one variant list per release
    assert ap.verify_persons(_persons(), gold, texts) == []
    assert ap.verify_persons(_persons(), _gold(), texts) == [
        "persons.csv zelenskyy-0000-" + ap.press_key("zelenskyy-0000", UKRAINE).rsplit("-", 1)[1]
        + " 'Volodymyr Zelenskyy': quote rows carry other variants than the person list"]
    problems = ap.verify_persons(_persons().drop(index=0), gold, texts)
    assert len(problems) == 1 and "'Vladimir Putin': quoted but not listed" in problems[0]
    wrong = _persons().assign(n_quotes=[1, 3], variants=["Vladimir Putin|Mr Putin", "Volodymyr Zelenskyy|the President"])
    problems = ap.verify_persons(wrong, gold.assign(variants=["Vladimir Putin|Mr Putin", "", *gold["variants"][2:]]),
                                 texts)
    assert any("variant(s) not in the release text: ['Mr Putin']" in p for p in problems)
    assert any("n_quotes 3 but 2 quote rows" in p for p in problems)
    ghost = pd.concat([_persons(), _persons().iloc[[0]].assign(speaker="Olaf Scholz")], ignore_index=True)
    assert any("'Olaf Scholz': listed but quoted in no direct/partial row" in p
               for p in ap.verify_persons(ghost, gold, texts))


def test_committed_dev_set_is_a_seeded_prefix_outside_the_test_gold_and_verifies() -> None:
    gold = ap.load_gold(ap.DEV_QUOTES_CSV)
    articles = pd.read_csv(ap.DEV_ARTICLES_CSV, keep_default_na=False)
    persons = pd.read_csv(ap.DEV_PERSONS_CSV, keep_default_na=False)
    texts = ap.load_press_texts()
    assert (gold["kind"] == "direct").sum() >= 150 and len(articles) >= 30
    assert articles["side"].value_counts().to_dict() == {"russian": 47, "ukrainian": 47}
    assert sorted(articles["draw_position"]) == list(range(len(articles)))  # a prefix of the draw, none skipped
    order = ap.draw_order(texts, ap.DEV_DRAW_SEED, ap.test_doc_ids())
    doc_ids = [k.rsplit("-", 1)[0] for k in articles["article_key"]]
    assert [order[p] for p in articles["draw_position"]] == doc_ids
    assert not set(doc_ids) & set(ap.test_doc_ids())
    assert set(gold["split"]) == {"dev"} and set(articles["split"]) == {"dev"}
    assert ap.verify_gold(gold, texts, articles, split="dev") == []
    assert ap.verify_persons(persons, gold, texts) == []
    counted = gold.groupby("article_key")["kind"].value_counts().unstack(fill_value=0)
    for rec in articles.to_dict("records"):
        row = counted.loc[rec["article_key"]] if rec["article_key"] in counted.index else {}
        assert [int(row.get(k, 0)) for k in ("direct", "partial", "term")] == \
            [rec["n_direct"], rec["n_partial"], rec["n_term"]]


def test_verifier_cli_checks_the_dev_set(capsys: pytest.CaptureFixture[str]) -> None:
    assert ap.main(["--set", "dev"]) == 0
    out = capsys.readouterr().out
    assert "quotation marks in 94 releases" in out and out.rstrip().endswith("; 0 problems")


def test_harness_measures_a_dev_gold_with_the_same_measures(releases: Path, tmp_path: Path) -> None:
    gold_csv = tmp_path / "dev_quotes.csv"
    _gold().assign(split="dev").to_csv(gold_csv, index=False)
    report = ae.evaluate_press_attribution(_fake_extractor, releases_dir=releases, gold_path=gold_csv, split="dev")
    m = report.metrics.set_index("side")
    assert list(m.index) == ["all", "kremlin", "ukraine"] and set(m["split"]) == {"dev"}
    assert m.loc["all", "speaker_accuracy"] == pytest.approx(2 / 3)
    assert m.loc["ukraine", "unattributed_named"] == 0.5 and m.loc["kremlin", "term_given_speaker"] == 1.0
    wrong = ae.press_errors(report.aligned)
    assert wrong[["fragment", "ext_speaker"]].values.tolist() == [["And we fight,", ""]]
    assert "| dev | all |" in report.to_markdown(["dev"])
    with pytest.raises(ValidationDataError, match="split not in the vocabulary"):
        ae.evaluate_press_attribution(_fake_extractor, releases_dir=releases, gold_path=gold_csv)


def test_cli_pressdev_is_dev_only_and_lists_errors(monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    assert ae.main(["--gold", "pressdev", "--split", "test"]) == 2
    assert "all dev" in capsys.readouterr().err
    aligned = pd.DataFrame({"article_key": ["putin-0001-ab"] * 2, "quote_no": [1, 2], "fragment": ["a", "b"],
                            "kind": ["direct", "direct"], "speaker": ["Ann Lee"] * 2, "tag_type": ["name", "role"],
                            "found": [True, False], "correct": [True, False], "ext_speaker": ["Lee", ""]})
    metrics = pd.DataFrame([{"split": "dev", "side": "all", "quote_recall": 0.5}])
    seen: list[str] = []

    def fake(*args: object, split: str = "test", **kwargs: object) -> ae.AttributionReport:
        seen.append(split)
        return ae.AttributionReport(metrics, pd.DataFrame(), pd.DataFrame(), aligned)

    monkeypatch.setattr(ae, "evaluate_press_attribution", fake)
    assert ae.main(["--gold", "pressdev", "--errors", "5"]) == 0
    out = capsys.readouterr().out
    assert seen == ["dev"] and "| dev | all | 0.500 |" in out
    assert "putin-0001-ab" in out and out.count("Ann Lee") == 1  # only the wrong quote is listed
