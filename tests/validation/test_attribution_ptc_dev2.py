"""``--gold ptcdev2``: the PTC attribution dev part 2 through the PTC harness, on invented articles (no PTC text).

Part 2 continues the dev draw: the invented part holds dev draw positions
1-2 of three invented dev-side articles, not position 0 (the real part
starts at 25, ``FIRST_POSITION["dev2"]``; the fixture below moves it to 1).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from analysis.validation import attribution_eval as ae
from analysis.validation import attribution_ptc as ap
from analysis.validation.attribution_gold import fragment
from tests.validation.test_attribution_ptc import _write_part, _write_ptc

# invented articles, all on the dev side of split_of
TEXTS = {
    "900000005": "Bridge opens\n\n“It is finished,” Mayor Ann Lee said. “Cars may cross.”\n",
    "900000006": 'Rain again\n\n"Stay dry," the weather office said. Bo Kim called it a “wet week”.\n',
    "900000007": 'Market calm\n\nTraders shrugged.\n"Nothing moved," said Cy Dee.\n',
}
LABELS = {  # article_id -> (kind, speaker, speaker_named, variants, tag_type) per unit
    "900000005": [("direct", "Ann Lee", "1", "Mayor Ann Lee", "name"),
                  ("direct", "Ann Lee", "1", "Mayor Ann Lee", "continuation")],
    "900000006": [("direct", "the weather office", "0", "the weather office", "role"),
                  ("partial", "Bo Kim", "1", "Bo Kim", "name")],
    "900000007": [("direct", "Cy Dee", "1", "Cy Dee", "name")],
}


@pytest.fixture(autouse=True)
def _part2_starts_at_1(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(ap.FIRST_POSITION, "dev2", 1)


def _rows(aid: str, text: str, pos: int) -> list[dict[str, str]]:
    key = ap.article_key(aid, text)
    return [{"article_key": key, "row": aid, "split": "dev", "draw_position": str(pos), "quote_no": str(q),
             "start": str(s), "end": str(e), "fragment": fragment(text, s, e, 6), "kind": kind, "speaker": speaker,
             "speaker_named": named, "variants": variants, "antecedent_needed": "0", "tag_type": tag, "notes": ""}
            for q, ((s, e), (kind, speaker, named, variants, tag)) in enumerate(
                zip(ap.quote_units(text), LABELS[aid], strict=True), 1)]


def _part2(tmp_path: Path) -> tuple[Path, list[str]]:
    """A dev part 2 of dev draw positions 1-2; returns its folder and article ids."""
    texts = ap.load_ptc_texts(_write_ptc(tmp_path, TEXTS))
    order = ap.split_order(texts, "dev")
    assert sorted(order) == sorted(TEXTS)
    arts, rows = [], []
    for pos, aid in list(enumerate(order))[1:]:
        text = TEXTS[aid]
        kinds = [lab[0] for lab in LABELS[aid]]
        arts.append({"article_key": ap.article_key(aid, text), "row": aid, "side": "english_news",
                     "draw_position": str(pos), "split": "dev", "n_marks": str(ap.count_marks(text)),
                     "n_direct": str(kinds.count("direct")), "n_partial": str(kinds.count("partial")),
                     "n_term": str(kinds.count("term")), "n_turns": "0"})
        rows += _rows(aid, text, pos)
    quotes = pd.DataFrame(rows)
    persons = (quotes[quotes["speaker"] != "UNATTRIBUTED"]
               .groupby(["article_key", "speaker", "speaker_named", "variants"], sort=False).size()
               .rename("n_quotes").reset_index())
    folder = _write_part(tmp_path / "dev2", (pd.DataFrame(arts), quotes, persons))
    assert ap.verify_part(*ap.read_folder(folder), texts, "dev", first=1) == []
    return folder, order[1:]


def _extractor(speaker: str | None) -> Callable[[str], pd.DataFrame]:
    """Every unit as a direct quote with its marks; the given speaker, or Ann Lee where the text names her."""
    def run(text: str) -> pd.DataFrame:
        who = speaker if speaker is not None else ("Ann Lee" if "Ann Lee" in text else "")
        return pd.DataFrame([{"start": s - 1, "end": e + 1, "kind": "direct", "speaker": who}
                             for s, e in ap.quote_units(text)], columns=["start", "end", "kind", "speaker"])
    return run


def test_ptcdev2_is_a_dev_run_that_lists_errors() -> None:
    run = ae.GOLD_RUNS["ptcdev2"]
    assert (run.split, run.held_out) == ("dev", False)
    assert ae.GOLD_RUNS["ptcdev"].split == "dev"  # the part-1 entry is unchanged


def test_ptcdev2_scores_its_default_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    folder, ids = _part2(tmp_path)
    n_quotes = sum(1 for aid in ids for lab in LABELS[aid] if lab[0] != "term")
    monkeypatch.setattr(ae, "default_extractor", lambda: _extractor("Nobody"))
    monkeypatch.setitem(ap.GOLD_SETS, "dev2", (folder, "dev"))
    assert ae.main(["--gold", "ptcdev2", "--data", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert f"| dev | 2 | {n_quotes} | {n_quotes} | 1.000 | 0.000 |" in out  # all found, every speaker wrong


def test_ptcdev2_lists_each_wrong_speaker_and_refuses_the_test_split(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    folder, ids = _part2(tmp_path)
    monkeypatch.setattr(ae, "default_extractor", lambda: _extractor("Bo Kim"))
    assert ae.main(["--gold", "ptcdev2", "--errors", "9", "--data", str(tmp_path), "--folder", str(folder)]) == 0
    listing = capsys.readouterr().out.rstrip().rsplit("\n\n", 1)[1]  # the error list follows the tables
    wrong = [lab[1] for aid in ids for lab in LABELS[aid] if lab[0] != "term" and lab[1] != "Bo Kim"]
    assert wrong and all(s in listing for s in wrong)
    assert len(listing.strip().splitlines()) == 1 + len(wrong)  # header + one line per wrong quote
    assert ae.main(["--gold", "ptcdev2", "--split", "test", "--data", str(tmp_path), "--folder", str(folder)]) == 2
    assert "all dev" in capsys.readouterr().err


def test_ptcdev2_names_a_missing_folder_or_a_part_off_the_draw(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    folder, _ = _part2(tmp_path)
    assert ae.main(["--gold", "ptcdev2", "--data", str(tmp_path), "--folder", str(tmp_path / "none")]) == 2
    assert "dev2 part not found" in capsys.readouterr().err
    for name in ("articles.csv", "quotes.csv"):  # shift the part one position down the draw
        frame = pd.read_csv(folder / name, dtype=str, keep_default_na=False)
        frame["draw_position"] = (frame["draw_position"].astype(int) + 1).astype(str)
        frame.to_csv(folder / name, index=False)
    assert ae.main(["--gold", "ptcdev2", "--data", str(tmp_path), "--folder", str(folder)]) == 2
    assert "draw_position is not 1..1+n-1" in capsys.readouterr().err
