"""The attribution harness on hand-made fixtures (no NYT text), plus one run on the real gold if present."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis.validation import attribution_eval as ae
from analysis.validation import attribution_gold as ag
from analysis.validation.exceptions import ValidationDataError

TEXT = "“We will win,” Ann Lee said. “Yes.” “Fake” news, said the ministry."
#          0         1         2         3         4         5         6


def _gold_rows() -> pd.DataFrame:
    def span(q: str) -> tuple[int, int]:
        s = TEXT.index(q)
        return s, s + len(q)

    rows = [(*span("We will win,"), "direct", "Ann Lee", "Ann Lee|Ms. Lee", 1, "name"),
            (*span("Yes."), "direct", "Ann Lee", "Ann Lee|Ms. Lee", 1, "continuation"),
            (*span("Fake"), "term", ag.UNATTRIBUTED, "", 0, "none")]
    g = pd.DataFrame(rows, columns=["start", "end", "kind", "speaker", "variants", "speaker_named", "tag_type"])
    return g.assign(article_key="k1", split="dev", quote_no=range(1, 4), fragment="x")


def _extracted(speakers: tuple[str, str, str], ids: tuple[str, str, str] | None = None) -> pd.DataFrame:
    spans = [(0, 14, "direct"), (29, 35, "direct"), (36, 42, "partial"), (43, 68, "narration")]
    df = pd.DataFrame([(s, e, k, sp) for (s, e, k), sp in zip(spans, [*speakers, ""], strict=True)],
                      columns=["start", "end", "kind", "speaker"])
    if ids is not None:
        df["speaker_id"] = [*ids, ""]
    return df


@pytest.mark.parametrize(("extracted", "gold", "variants", "expected"), [
    ("Zelenskyy", "Volodymyr Zelensky", "President Volodymyr Zelensky|Mr. Zelensky", True),
    ("Volodymyr Zelenskiy", "Volodymyr Zelensky", "Mr. Zelensky", True),
    ("Serhiy Gaidai", "Serhii Haidai", "Serhii Haidai|Mr. Haidai", True),
    ("Olena Zelenska", "Volodymyr Zelensky", "Mr. Zelensky", False),
    ("Jill Biden", "Joe Biden", "Mr. Biden|President Biden", False),
    ("Mr. Butkevych", "Yevheniia Butkevych", "Yevheniia Butkevych|Ms. Butkevych", False),
    ("Ms. Butkevych", "Yevheniia Butkevych", "Yevheniia Butkevych|Ms. Butkevych", True),
    ("War", "Institute for the Study of War", "the Institute for the Study of War", False),
    ("Carolina", "Lindsey Graham", "Lindsey Graham|Senator Lindsey Graham of South Carolina", False),
    ("German Economy Ministry", "German Economy Ministry", "the German Economy Ministry", True),
    ("the ministry", "Russian Defense Ministry", "Russia’s Defense Ministry", False),
    ("Britain’s National Grid", "National Grid", "Britain’s National Grid|The organization", True),
    ("bank employee", "a 50-year-old bank employee", "a 50-year-old bank employee", True),
    ("spokesman", "John Kirby", "John Kirby|the spokesman", False),
    ("", "John Kirby", "John Kirby", False),
    ("", ag.UNATTRIBUTED, "", True),
    ("Vladimir Putin", ag.UNATTRIBUTED, "", False),
])
def test_speaker_matches(extracted: str, gold: str, variants: str, expected: bool) -> None:
    assert ae.speaker_matches(extracted, gold, variants) is expected


def test_align_article_covers_half_and_ignores_narration() -> None:
    out = ae.align_article(_gold_rows(), _extracted(("Ann Lee", "Lee", "")))
    assert out["found"].tolist() == [True, True, True]
    assert out["correct"].tolist() == [True, True, True]
    narration_only = _extracted(("", "", "")).assign(kind="narration")
    assert not ae.align_article(_gold_rows(), narration_only)["found"].any()


def test_a_sliver_of_overlap_is_not_a_find() -> None:
    g = _gold_rows().head(1)
    sliver = pd.DataFrame({"start": [10], "end": [20], "kind": ["direct"], "speaker": ["Ann Lee"]})
    assert not ae.align_article(g, sliver)["found"].iloc[0]


def test_metrics_count_unattributed_and_split_ids() -> None:
    aligned = ae.align_article(_gold_rows(), _extracted(("Ann Lee", "", "Ministry"))).assign(split="dev")
    m = ae.attribution_metrics(aligned).iloc[0]
    assert m["gold_quotes"] == 2 and m["quote_recall"] == 1.0
    assert m["speaker_accuracy"] == 0.5 and m["unattributed_named"] == 0.5
    assert m["term_given_speaker"] == 1.0
    assert math.isnan(m["one_id_per_person"]) and m["person_groups"] == 0


def test_one_id_per_person_prefers_speaker_id() -> None:
    split_ids = ae.align_article(_gold_rows(), _extracted(("Ann Lee", "Lee", "")))
    assert ae.attribution_metrics(split_ids.assign(split="dev")).iloc[0]["one_id_per_person"] == 0.0
    one_id = ae.align_article(_gold_rows(), _extracted(("Ann Lee", "Lee", ""), ids=("p1", "p1", "")))
    assert ae.attribution_metrics(one_id.assign(split="dev")).iloc[0]["one_id_per_person"] == 1.0


def test_align_runs_the_extractor_per_article_and_checks_keys() -> None:
    gold = _gold_rows()
    articles = pd.DataFrame({"article_key": ["k1"], "articles": [TEXT]})
    calls: list[str] = []

    def extractor(text: str) -> pd.DataFrame:
        calls.append(text)
        return _extracted(("Ann Lee", "Ann Lee", ""))

    out = ae.align(gold, articles, extractor)
    assert calls == [TEXT] and out["correct"].all()
    with pytest.raises(ValidationDataError, match="article keys not in the NYT file"):
        ae.align(gold, articles.assign(article_key="other"), extractor)
    with pytest.raises(ValidationDataError, match="missing columns"):
        ae.align(gold, articles, lambda t: pd.DataFrame({"start": [0]}))


def test_by_tag_table() -> None:
    aligned = ae.align_article(_gold_rows(), _extracted(("Ann Lee", "", ""))).assign(split="dev")
    t = ae.accuracy_by_tag(aligned).set_index("tag_type")
    assert t.loc["name", "speaker_accuracy"] == 1.0 and t.loc["continuation", "speaker_accuracy"] == 0.0


VARIANTS = pd.DataFrame({"person_id": ["a", "a", "a", "b", "c"],
                         "variant": ["Serhiy Haidai", "Serhii Haidai", "Haidai", "Joe Biden", "Jill Biden"],
                         "split": ["dev"] * 5})
NEVER = pd.DataFrame({"variant_a": ["Joe Biden", "Boris Johnson"], "variant_b": ["Jill Biden", "Simon Johnson"],
                      "split": ["dev", "dev"]})


def test_merge_metrics_identity_perfect_and_surname_only() -> None:
    ident = ae.merge_metrics(VARIANTS, NEVER, ae.identity_merger).iloc[0]
    assert ident["merge_recall"] == 0.0 and math.isnan(ident["merge_precision"])
    assert ident["true_pairs"] == 3 and ident["names"] == 7
    perfect = ae.merge_metrics(VARIANTS, NEVER, lambda ns: ["a" if "Haidai" in n else n for n in ns]).iloc[0]
    assert perfect["merge_precision"] == 1.0 and perfect["merge_recall"] == 1.0
    surname = ae.merge_metrics(VARIANTS, NEVER, lambda ns: [n.split()[-1] for n in ns]).iloc[0]
    assert surname["never_merge_violations"] == 2
    # 3 right Haidai pairs; wrong: Joe/Jill (in the list) and the Johnsons (never-merge only)
    assert surname["merge_precision"] == pytest.approx(3 / 5)


def test_merge_metrics_rejects_a_short_answer() -> None:
    with pytest.raises(ValueError, match="keys for"):
        ae.merge_metrics(VARIANTS, NEVER, lambda ns: list(ns)[:1])


def test_main_without_the_nyt_file(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("ANALYSIS_NYT_RU_UA", raising=False)
    monkeypatch.delenv("ANALYSIS_VALIDATION_DATA", raising=False)
    assert ae.main([]) == 2
    assert "ANALYSIS_NYT_RU_UA" in capsys.readouterr().err


def test_runs_on_the_real_gold_when_present() -> None:
    path = ag.default_nyt_csv()
    if path is None:
        pytest.skip("NYT_Russia_Ukraine.csv not found")
    report = ae.evaluate_attribution(path)
    assert set(report.metrics["split"]) == {"dev", "test"}
    assert int(report.metrics["gold_quotes"].sum()) == int(ag.load_gold()["kind"].isin(ae.QUOTE_KINDS).sum())
    for col in ("quote_recall", "speaker_accuracy", "unattributed_named"):
        assert report.metrics[col].between(0, 1).all()
    assert set(report.merge["split"]) == {"dev", "heldout"}


def test_docstring_examples() -> None:
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module("analysis.validation.attribution_eval"), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


def test_validate_report_carries_attribution_or_says_why_not(monkeypatch: pytest.MonkeyPatch) -> None:
    from analysis.validation import evaluate
    from analysis.validation.report import ValidationReport

    def absent(*args: object, **kwargs: object) -> ae.AttributionReport:
        raise ValidationDataError("NYT_Russia_Ukraine.csv not found")

    monkeypatch.setattr(ae, "evaluate_attribution", absent)
    report = ValidationReport()
    evaluate._add_attribution(report)
    assert report.attribution.empty and "attribution part not run" in report.notes[0]

    metrics = pd.DataFrame([{c: 0.5 for c in ("articles", "gold_quotes", "found", "quote_recall",
                                              "speaker_accuracy", "speaker_accuracy_all", "unattributed_named",
                                              "one_id_per_person", "person_groups")} | {"split": s}
                            for s in ("dev", "test")])
    merge = pd.DataFrame([{"split": "heldout", "merger": "m", "people": 1, "names": 2, "merge_precision": 1.0,
                           "merge_recall": 1.0, "never_merge_violations": 0, "never_merge_pairs": 0}])
    monkeypatch.setattr(ae, "evaluate_attribution",
                        lambda *a, **k: ae.AttributionReport(metrics, pd.DataFrame(), merge, pd.DataFrame()))
    report = ValidationReport()
    evaluate._add_attribution(report)
    text = report.to_markdown()
    assert "Quote attribution (NYT 2022 gold), test articles" in text and "| test |" in text
    assert "| dev |" not in text and "held-out people" in text
