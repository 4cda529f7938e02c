"""A fake scorer (tiny fixed lexicon) and a tiny in-memory PTC, so evaluation tests
depend on neither the real scorer's behaviour nor the real data."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from analysis.validation.ptc import PTC

# term -> (dimension, category, weight, side)
FAKE_LEXICON: dict[str, tuple[str, str, float, str]] = {
    "traitors": ("hostility", "insult", 1.0, ""),
    "evil": ("hostility", "insult", 2.0, ""),
    "kill": ("hostility", "threat", 1.0, ""),
    "monstrous": ("loaded", "", 1.0, "russian"),
    "war": ("loaded", "", 1.0, "neutral"),
    "may": ("hedging", "modal", 1.0, ""),
    "perhaps": ("hedging", "adverb", 1.0, ""),
    "certainly": ("certainty", "adverb", 1.0, ""),
}
_WORD = re.compile(r"\w+")


def fake_matches_frame(df: pd.DataFrame, text_col: str = "text") -> pd.DataFrame:
    rows = []
    for idx, text in zip(df.index, df[text_col], strict=True):
        for m in _WORD.finditer(str(text)):
            entry = FAKE_LEXICON.get(m.group().lower())
            if entry:
                dim, cat, weight, side = entry
                rows.append({"row": idx, "term": m.group().lower(), "dimension": dim,
                             "category": cat, "start": m.start(), "end": m.end(),
                             "weight": weight, "side": side})
    return pd.DataFrame(rows, columns=["row", "term", "dimension", "category", "start", "end",
                                       "weight", "side"])


def fake_score_frame(df: pd.DataFrame, text_col: str = "text") -> pd.DataFrame:
    matches = fake_matches_frame(df, text_col)
    out = pd.DataFrame(index=df.index)
    out["n_tokens"] = [len(_WORD.findall(str(t))) for t in df[text_col]]
    for dim in ("hostility", "hedging", "certainty", "loaded"):
        sel = matches[matches["dimension"] == dim]
        count = sel.groupby("row").size().reindex(df.index, fill_value=0)
        weight = sel.groupby("row")["weight"].sum().reindex(df.index, fill_value=0.0)
        n = out["n_tokens"].where(out["n_tokens"] > 0)
        out[f"{dim}_count"] = count.to_numpy()
        out[f"{dim}_rate"] = (1000 * count / n).fillna(0.0).to_numpy()
        out[f"{dim}_score"] = (1000 * weight / n).fillna(0.0).to_numpy()
    # sentiment: negative when hostile, mildly positive otherwise
    out["sentiment_compound"] = [-0.5 if c else 0.1 for c in out["hostility_count"]]
    out["sentiment_neg"] = [0.4 if c else 0.0 for c in out["hostility_count"]]
    out["sentiment_pos"] = 0.0
    out["sentiment_neu"] = 1.0 - out["sentiment_neg"]
    out["status"] = "ok"
    return out


# Article "1" is on the dev side of the md5 split, "14" on the test side.
ART_DEV = ("Title here\n\nThey are traitors.\nThe weather is fine today.\n"
           "We will kill them all.\nA monstrous, evil lie.\n")
ART_TEST = "Another title\n\nThe traitors lied.\nNothing to see.\nA calm report.\n"


def _span(text: str, technique: str, surface: str, article_id: str) -> tuple[str, str, int, int]:
    start = text.index(surface)
    return (article_id, technique, start, start + len(surface))


@pytest.fixture(scope="session")
def tiny_ptc() -> PTC:
    """Two articles (dev '1', test '14') with hand-placed technique spans."""
    spans = [
        _span(ART_DEV, "Name_Calling,Labeling", "traitors", "1"),
        _span(ART_DEV, "Loaded_Language", "The weather is fine", "1"),
        _span(ART_DEV, "Appeal_to_fear-prejudice", "We will kill them all", "1"),
        _span(ART_DEV, "Loaded_Language", "monstrous, evil lie", "1"),
        _span(ART_TEST, "Name_Calling,Labeling", "traitors", "14"),
        _span(ART_TEST, "Loaded_Language", "Nothing to see", "14"),
    ]
    return PTC(
        articles=pd.DataFrame({"article_id": ["1", "14"], "text": [ART_DEV, ART_TEST]}),
        spans=pd.DataFrame(spans, columns=["article_id", "technique", "start", "end"]),
        source=Path("."),
    )


@pytest.fixture(scope="session")
def fake_scorer():
    return fake_score_frame


@pytest.fixture(scope="session")
def fake_matcher():
    return fake_matches_frame


@pytest.fixture
def tiny_ptc_dir(tmp_path: Path, tiny_ptc: PTC) -> Path:
    """``tiny_ptc`` written to ``tmp_path/ptc2020`` in the PTC file layout; returns tmp_path."""
    root, ptc = tmp_path, tiny_ptc
    folder = root / "ptc2020"
    (folder / "train-articles").mkdir(parents=True)
    for aid, text in zip(ptc.articles.article_id, ptc.articles.text, strict=True):
        (folder / "train-articles" / f"article{aid}.txt").write_text(text, newline="")
    labels = "".join(f"{a}\t{t}\t{s}\t{e}\n" for a, t, s, e in ptc.spans.itertuples(index=False))
    (folder / "train-task2-TC.labels").write_text(labels)
    return root
