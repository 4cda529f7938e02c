"""The fixed md5 dev/test split."""

from __future__ import annotations

import hashlib

from analysis.validation.split import split_counts, split_of


def test_rule_matches_its_written_definition():
    for key in ["111111111", "999000001", "abc", 42]:
        bucket = int(hashlib.md5(str(key).encode("utf-8")).hexdigest(), 16) % 10
        assert split_of(key) == ("dev" if bucket < 7 else "test")


def test_split_is_deterministic_and_order_free():
    keys = [str(k) for k in range(1000)]
    first = [split_of(k) for k in keys]
    assert first == [split_of(k) for k in keys]
    assert dict(zip(keys, first)) == {k: split_of(k) for k in reversed(keys)}


def test_split_is_about_70_30_on_many_keys():
    counts = split_counts(str(k) for k in range(10_000))
    assert 0.67 < counts["dev"] / 10_000 < 0.73


def test_split_on_real_ptc_ids(validation_dir):
    from analysis.validation.ptc import load_ptc

    ids = load_ptc(validation_dir).articles.article_id
    counts = split_counts(ids)
    share = counts["dev"] / len(ids)
    assert counts["test"] > 0 and 0.6 < share < 0.8, counts
