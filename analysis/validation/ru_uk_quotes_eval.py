"""Quote precision/recall and speaker accuracy of the ru/uk extractor on the resistinua quote gold.

The gold (``corpus/validation/ru_uk_quotes/quotes.csv``, frozen before the
extractor was written) labels every ``«`` of 26 paragraphs of 20 resistinua
addresses.  Each paragraph is extracted on its own, with the address's first
speaker as ``narrator`` (the speaker of ``я``/``ми``).  A gold quote is
*found* when an extracted direct or partial row starts with ``«`` + its
fragment.

* **direct precision**: extracted ``direct`` rows that are gold ``direct`` /
  extracted ``direct`` rows (in the gold paragraphs);
* **direct recall**: gold ``direct`` quotes extracted as ``direct`` / gold
  ``direct`` quotes;
* **speaker accuracy**: over gold ``direct`` quotes that were found, the
  share whose ``speaker_id`` equals the gold speaker's (the gold name goes
  through the same transliteration and registry; ``UNATTRIBUTED`` must be
  ''); also reported over direct + partial.

Run: ``python -m analysis.validation.ru_uk_quotes_eval``.

Example:
    >>> m = evaluate_ru_uk_quotes()
    >>> m["n_gold_direct"], m["n_paragraphs"]
    (20, 26)
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analysis import paths
from analysis.corpus.external import load_resistinua
from analysis.statements import cues_ru_uk as cyr
from analysis.statements.extract import extract_statements
from analysis.statements.extract_ru_uk import Cyr, cyrillic_speaker
from analysis.statements.speakers import default_registry

GOLD_CSV: Path = paths.CORPUS_VALIDATION_DIR / "ru_uk_quotes" / "quotes.csv"
UNATTRIBUTED = "UNATTRIBUTED"


def gold_speaker_id(name: str, language: str = "uk") -> str:
    """The ``speaker_id`` the extractor should give for a gold name ('' for UNATTRIBUTED).

    Example:
        >>> gold_speaker_id("Андрій Єрмак") == gold_speaker_id("Andriy Yermak", "en")
        True
        >>> gold_speaker_id("UNATTRIBUTED")
        ''
    """
    if name == UNATTRIBUTED:
        return ""
    named = name[:1].isupper()
    who = Cyr(name, name, "name" if named else "role", 1.0, named)
    return cyrillic_speaker(who, language if language in cyr.CYR_LANGUAGES else "uk", default_registry()).speaker_id


def quote_table(gold: pd.DataFrame | None = None) -> pd.DataFrame:
    """The gold rows with what the extractor gave: ``got_kind``, ``got_speaker``, ``got_speaker_id``, ``got_attribution``."""
    gold = pd.read_csv(GOLD_CSV, dtype=str, keep_default_na=False) if gold is None else gold
    addresses = load_resistinua().set_index("id")
    out = []
    texts = dict(zip(addresses.index.astype(str), addresses["text_uk"].astype(str)))
    narrators = {str(k): str(v[0]) if len(v) else "" for k, v in addresses["speakers"].items()}
    for key, rows in gold.groupby(["address_id", "paragraph"], sort=False):
        aid, para = str(key[0]), int(str(key[1]))
        got = extract_statements(texts[aid].split("\n")[para], narrator=narrators[aid])
        quotes = got[got["kind"].isin(["direct", "partial"])]
        for _, r in rows.iterrows():
            hit = quotes[quotes["text"].str.startswith("«" + r["fragment"])]
            first = hit.iloc[0] if len(hit) else None
            out.append({**r.to_dict(),
                        "got_kind": first["kind"] if first is not None else "",
                        "got_speaker": first["speaker"] if first is not None else "",
                        "got_speaker_id": first["speaker_id"] if first is not None else "",
                        "got_attribution": first["attribution"] if first is not None else "",
                        "n_direct_in_paragraph": int((got["kind"] == "direct").sum())})
    return pd.DataFrame(out)


def evaluate_ru_uk_quotes(table: pd.DataFrame | None = None) -> dict[str, float | int]:
    """Direct-quote precision and recall, speaker accuracy (see the module docstring)."""
    t = quote_table() if table is None else table
    t = t.assign(gold_id=[gold_speaker_id(s) for s in t["speaker"]])
    direct = t[t["kind"] == "direct"]
    found = direct[direct["got_kind"] == "direct"]
    per_para = t.drop_duplicates(["address_id", "paragraph"])
    n_pred = int(per_para["n_direct_in_paragraph"].sum())
    speech = t[t["kind"].isin(["direct", "partial"]) & (t["got_kind"] != "")]
    return {
        "n_paragraphs": len(per_para),
        "n_gold_direct": len(direct),
        "n_pred_direct": n_pred,
        "direct_precision": round(len(found) / n_pred, 3) if n_pred else float("nan"),
        "direct_recall": round(len(found) / len(direct), 3) if len(direct) else float("nan"),
        "speaker_accuracy_direct": round(float((found["gold_id"] == found["got_speaker_id"]).mean()), 3),
        "n_found_direct": len(found),
        "speaker_accuracy_quotes": round(float((speech["gold_id"] == speech["got_speaker_id"]).mean()), 3),
        "n_found_quotes": len(speech),
    }


def main() -> int:
    """Print the figures and the per-quote table."""
    table = quote_table()
    for k, v in evaluate_ru_uk_quotes(table).items():
        print(f"{k}: {v}")
    cols = ["address_id", "paragraph", "fragment", "kind", "speaker", "got_kind", "got_speaker", "got_attribution"]
    print(table[cols].to_string(index=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
