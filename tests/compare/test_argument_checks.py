"""compare/ and corpus/ check their arguments with analysis.validate_args: one
error type (ArgumentError, both a ValueError and a KeyError) whose message names
the function, the argument or column, what is allowed and what was passed."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.compare.aggregate import aggregate, bootstrap_ci
from analysis.compare.align import align_renderings
from analysis.compare.diff import render_diff, word_diff
from analysis.compare.logodds import distinctive_terms, log_odds_dirichlet, text_ngrams
from analysis.compare.renderings import cluster_diffs
from analysis.compare.tables import keyword_in_context, order_by_bloc, rate_table
from analysis.compare.timeline import add_period, before_after, match_rates
from analysis.corpus.clean import clean_text
from analysis.corpus.load import read_corpus
from analysis.validate_args import ArgumentError

SCORED = pd.DataFrame({"bloc": ["ru", "ua"], "n_tokens": [10, 20], "hostility_count": [1, 0],
                       "date": ["2022-01-01", "2022-03-01"]})


def test_missing_column_names_function_frame_column_and_columns() -> None:
    with pytest.raises(ArgumentError) as info:
        aggregate(SCORED.drop(columns="n_tokens"), "bloc", dimensions=["hostility"], n_boot=0)
    assert str(info.value) == (
        "aggregate: scored is missing column 'n_tokens'; "
        "its columns are 'bloc', 'hostility_count', 'date'"
    )
    with pytest.raises(KeyError, match="rate_table: agg is missing columns 'n_statements', 'n_tokens'"):
        rate_table(pd.DataFrame({"speaker": ["M"]}), "speaker", dimensions=[])
    with pytest.raises(ArgumentError, match="aggregate: 'by' names no column"):
        aggregate(SCORED, [], dimensions=["hostility"], n_boot=0)
    with pytest.raises(KeyError, match="add_period: frame is missing column 'when'"):
        add_period(SCORED, "when")
    with pytest.raises(KeyError, match="before_after: scored is missing column 'when'"):
        before_after(SCORED, "when", "2022-02-24", dimensions=["hostility"], n_boot=0)


def test_a_duplicated_column_is_named_rather_than_read_as_a_frame() -> None:
    dup = pd.concat([SCORED, SCORED[["bloc"]]], axis=1)
    with pytest.raises(ArgumentError, match="order_by_bloc: column 'bloc' appears 2 times in frame"):
        order_by_bloc(dup, "bloc", "bloc")


def test_match_rates_checks_the_matches_columns_too() -> None:
    matches = pd.DataFrame({"row": [0], "dimension": ["loaded"]})
    with pytest.raises(ArgumentError, match="match_rates: matches is missing column 'term'; its columns are 'row', 'dimension'"):
        match_rates(matches, SCORED, "bloc")


def test_align_renderings_names_a_missing_optional_column() -> None:
    st = pd.DataFrame({"article_id": ["a"], "text": ["We will win."]})
    with pytest.raises(ArgumentError, match="align_renderings: statements is missing column 'speaker'"):
        align_renderings(st, speaker_col="speaker")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: render_diff(word_diff("a", "b"), fmt="md"),  # type: ignore[arg-type]
         "render_diff: fmt must be one of 'text', 'html'; got 'md'"),
        (lambda: cluster_diffs(pd.DataFrame({"text": ["a"], "outlet_label": ["X"]}), fmt="md"),
         "cluster_diffs: fmt must be one of 'html', 'text'; got 'md'"),
        (lambda: clean_text("a\nb").to_raw(0, "middle"),
         "CleanedText.to_raw: side must be one of 'start', 'end'; got 'middle'"),
    ],
)
def test_bad_choice_names_function_options_and_value(call: object, message: str) -> None:
    with pytest.raises(ArgumentError) as info:
        call()  # type: ignore[operator]
    assert str(info.value) == message


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: bootstrap_ci([1.0, 2.0], ci=1.0), "bootstrap_ci: ci must be in (0, 1); got 1.0"),
        (lambda: bootstrap_ci([1.0, 2.0], n_boot=-1), "bootstrap_ci: n_boot must be >= 0; got -1"),
        (lambda: aggregate(SCORED, "bloc", dimensions=["hostility"], ci=0.0),
         "aggregate: ci must be in (0, 1); got 0.0"),
        (lambda: before_after(SCORED, "date", "2022-02-24", dimensions=["hostility"], n_boot=-2),
         "before_after: n_boot must be >= 0; got -2"),
        (lambda: align_renderings(pd.DataFrame({"article_id": ["a"], "text": ["x"]}), threshold=0),
         "align_renderings: threshold must be in (0, 1]; got 0"),
        (lambda: keyword_in_context("abc", 0, 1, width=-1), "keyword_in_context: width must be >= 0; got -1"),
        (lambda: keyword_in_context("abc", 2, 9), "keyword_in_context: span 2..9 is outside a text of 3 characters"),
        (lambda: log_odds_dirichlet({"x": 1}, {"x": 2}, prior_scale=0),
         "log_odds_dirichlet: prior_scale must be > 0; got 0"),
        (lambda: distinctive_terms({"a": ["x"]}, min_count=0), "distinctive_terms: min_count must be >= 1; got 0"),
        (lambda: distinctive_terms({"a": ["x"]}, top=-1), "distinctive_terms: top must be >= 0; got -1"),
        (lambda: distinctive_terms({"a": ["x"]}, prior_scale=-1.0),
         "distinctive_terms: prior_scale must be > 0; got -1.0"),
        (lambda: text_ngrams("a b", ngram_range=(2, 1)),
         "text_ngrams: ngram_range must satisfy 1 <= min <= max; got (2, 1)"),
    ],
)
def test_out_of_range_names_function_argument_range_and_value(call: object, message: str) -> None:
    with pytest.raises(ArgumentError) as info:
        call()  # type: ignore[operator]
    assert str(info.value) == message
    assert isinstance(info.value, ValueError)  # as before the conversion


def test_unknown_article_id_names_the_method_and_the_corpus_size() -> None:
    corpus = read_corpus()
    with pytest.raises(KeyError, match=r"Corpus.narrator_of: unknown article id 'nope'; the corpus has \d+ articles, e.g. '"):
        corpus.narrator_of("nope", 0, 1)
