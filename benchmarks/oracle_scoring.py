"""Equivalence oracle for scoring optimisations: same inputs, byte-identical outputs.

Scores a fixed, varied set of inputs (the seed corpus statements, the press
releases, RUWA titles and leads, resistinua uk/en, Russian SemEval paragraphs
when ``ANALYSIS_VALIDATION_DATA`` is set, every benchmark sentence and a list
of hostile strings) and pickles every output an optimisation must not
change: ``score_frame`` (default, ``count_mentions=True``, ``unit="sentence"``,
``sentiment="vader"`` on a sample), ``matches_frame``, ``explain`` strings,
``detect_language_status``, ``language_spans``, ``normalize_for_match``,
``count_words`` and ``sentence_spans``.

Usage:
    python benchmarks/oracle_scoring.py save /tmp/oracle.pkl      # with the reference code
    python benchmarks/oracle_scoring.py check /tmp/oracle.pkl     # after a change: exits 1 on any difference

The pickle holds corpus text (some of it not redistributable): keep it under
/tmp, never commit it.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from pathlib import Path

import pandas as pd

from analysis import paths
from analysis.scoring.lexicon import Lexicon

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_scoring import _external_texts, real_sentences  # noqa: E402

#: Strings that have broken or could break a fast path.
HOSTILE: tuple[str, ...] = (
    "", " ", "\t\n ", "\u00a0", ".", ":", "...", "!!!", "12345", "😀😀😀", "They are idiots 😀.",
    "\ud800 lone surrogate \udfff idiots", "x" * 5000, ("They are idiots. " * 400).strip(),
    "Київ Kyiv Киев mixed scripts, the regime said.", "Le régime a dit que c'était inévitable.",
    "Ελληνικά κείμενα", "中文文本 regime", "the so-called referendums were a sham",
    'Troops entered what Moscow calls "liberated" Kherson.', 'The "liberators" arrived in Kiev.',
    "It is what Moscow calls a \u201cspecial military operation\u201d.", "Putin's term for it, denazification,",
    "He said: \"the neo-Nazi regime must be destroyed\".", "\"The Kiev regime is doomed,\" he said.",
    "On May 16 the talks resumed. You may go. May I ask? Prices may rise in mid-May.",
    "Much of Mariupol was destroyed. The destroyed theatre. They will be destroyed.",
    "Homes destroyed by shelling.", "It is not certain. Not at all clear. No doubt it works.",
    "neo  Nazi   regime\n\nspecial military\n operation", "İstanbul talks about 12,000 troops",
    "The non-violent anti-war counter-terrorism regime's troops", "don't doubt it, the regime's end",
    "with all his might, military might", "Dr. Smith went home. He was tired. U.S. troops left at 5 p.m. Then.",
    "Ленд-ліз: U.S. senators back the bill.", "Он заявил: всё хорошо. Він зазначив, що все добре.",
    "Киев", "Київ", "Рашисти обстріляли Київ.", "Киевский режим обстреливает Донецк.",
    "Беларусь ўзброеная", "Србија је", "`backtick` and \x0bcontrol\x0c chars", "a\u2011b c\u2013d e\u2212f",
    "THE REGIME SAID IT WAS INEVITABLE", "the the the the", "Kyiv", "Bonjour tout le monde ici",
    "self-styled \"republic\" leaders", "the word \"genocide\" was used", "what the Kremlin calls it",
)


def _resistinua() -> list[str]:
    from analysis.corpus.external import load_resistinua

    df = load_resistinua()
    return [str(t) for col in ("title_uk", "title_en", "text_uk", "text_en") for t in df[col].fillna("")]


def _russian() -> list[str]:
    root = paths.validation_data_dir()
    if root is None:
        return []
    from analysis.validation.ru_gold import default_source_path, read_paragraphs

    source = default_source_path(root)
    return list(read_paragraphs(source).values()) if source.is_file() else []


def _corpus_statements() -> list[str]:
    from analysis.pipeline import load_corpus

    return [str(t) for t in load_corpus().statements["text"].tolist()]


def inputs() -> list[str]:
    """Every oracle input, in a fixed order."""
    texts = [*HOSTILE, *_corpus_statements(), *_external_texts(), *_resistinua(), *_russian()]
    return texts + real_sentences()


_PATTERNS = ("so-called", " calls ", '"', "\u201c", " may ", "May ", "destroyed", "not ", "must", "regime",
             "Kiev", "Kyiv", "occupiers", "about ", "'s ", "might", "special military operation", "!", "?")


def fixture_texts() -> list[str]:
    """The texts of tests/scoring/equivalence.json: committable sources only (no NYT, PTC, SemEval).

    The hostile strings, the first sentences of the vendored corpora showing
    each of ``_PATTERNS``, an even sample of the rest, a few three-sentence
    texts and resistinua uk/en sentences.
    """
    sentences = real_sentences()
    picked: list[str] = []
    for pattern in _PATTERNS:
        picked += [t for t in sentences if pattern in t][:6]
    picked += sentences[:: len(sentences) // 60][:60]
    picked += [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), len(sentences) // 8)][:8]
    resist = [t for t in _resistinua() if t][:400]
    picked += [t.split(". ")[0] for t in resist[::50]]
    return list(dict.fromkeys([*HOSTILE, *picked]))  # in order, each text once


def fixture_lexicon(texts: list[str]) -> Lexicon:
    """The built-in English entries whose term occurs in ``texts`` (normalised), notes blanked: a lexicon to freeze."""
    from dataclasses import replace

    from analysis.scoring.normalize import normalize_for_match

    blob = "\x00".join(normalize_for_match(t)[0] for t in texts)
    entries = (replace(e, note="") for e in Lexicon.builtin().entries if e.term in blob)
    return Lexicon(tuple(entries), name="equivalence fixture")


def outputs(texts: list[str]) -> dict[str, object]:
    """Everything an optimisation must leave unchanged, by name."""
    from analysis.language import detect_language_status, language_spans
    from analysis.scoring.explain import explain
    from analysis.scoring.normalize import normalize_text
    from analysis.scoring.score import matches_frame, score_frame
    from analysis.scoring.tokenize import count_words, sentence_spans

    # object dtype: pyarrow strings cannot hold the lone surrogates of HOSTILE
    df = pd.DataFrame({"text": pd.Series(texts, dtype=object)})
    sample = df.iloc[::7].reset_index(drop=True)
    few = texts[:60] + texts[60::97]
    out: dict[str, object] = {
        "score_frame": score_frame(df),
        "score_frame_mentions": score_frame(df, count_mentions=True),
        "score_frame_sentence": score_frame(sample, unit="sentence"),
        "score_frame_vader": score_frame(df.iloc[::29].reset_index(drop=True), sentiment="vader"),
        "score_frame_en": score_frame(sample, language="en", sentiment="none"),
        "matches_frame": matches_frame(df),
        "explain": [str(explain(t)) if t.strip() else "" for t in few],
        "language": [detect_language_status(t) for t in texts],
        "language_spans": [language_spans(t) for t in few],
        "normalize": [normalize_text(t) for t in texts],
        "count_words": [count_words(t) for t in texts],
        "sentence_spans": [sentence_spans(t) for t in texts],
    }
    return out


def compare(want: dict[str, object], got: dict[str, object]) -> list[str]:
    """Names of the outputs that differ (frames exactly, lists element by element)."""
    bad: list[str] = []
    for name, w in want.items():
        g = got.get(name)
        if isinstance(w, pd.DataFrame):
            try:
                pd.testing.assert_frame_equal(w, g, check_exact=True)  # type: ignore[arg-type]
            except AssertionError as err:
                bad.append(f"{name}: {str(err)[:400]}")
        elif w != g:
            diff = next(i for i, (a, b) in enumerate(zip(w, g)) if a != b)  # type: ignore[call-overload]
            bad.append(f"{name}: first difference at item {diff}")
    return bad


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["save", "check"])
    parser.add_argument("path", type=Path)
    args = parser.parse_args(argv)
    texts = inputs()
    start = time.perf_counter()
    got = outputs(texts)
    print(f"{len(texts):,} inputs scored in {time.perf_counter() - start:.1f} s")
    if args.action == "save":
        with open(args.path, "wb") as fh:
            pickle.dump({"texts": texts, "outputs": got}, fh)
        print(f"saved {args.path}")
        return 0
    with open(args.path, "rb") as fh:
        saved = pickle.load(fh)
    if saved["texts"] != texts:
        print("the inputs differ from the saved ones", file=sys.stderr)
        return 1
    bad = compare(saved["outputs"], got)
    for line in bad:
        print("DIFFERENT", line)
    print("identical" if not bad else f"{len(bad)} outputs differ")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
