"""The benchmark metrics (scripts/aeb_metric.py) on tiny hand-made examples."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import aeb_metric as M  # noqa: E402


def test_tokens_keep_case_and_unicode():
    assert M.tokens("Hello, wörld! 2019 it's") == ["Hello", "wörld", "2019", "it", "s"]


def test_shingles_are_a_multiset():
    s = M.shingle_counts("a b c d a b c d")
    assert s[("a", "b", "c", "d")] == 2
    assert sum(s.values()) == 5


def test_short_text_is_one_shingle():
    assert M.shingle_counts("a b") == {("a", "b"): 1}
    assert M.shingle_counts("") == {}


def test_identical_texts():
    assert M.page_tp_fp_fn("one two three four five", "one two three four five") == (1.0, 0.0, 0.0)
    # case is kept: 'One' differs, so one of the two shingles is not shared
    s = M.score_pairs([("one two three four five", "One two, three four five.")])
    assert (s.aeb_p, s.aeb_r, s.exact) == (0.5, 0.5, 0.0)
    s = M.score_pairs([("one two three four five", "one two, three four five.")])
    assert (s.aeb_f1, s.aeb_p, s.aeb_r, s.exact) == (1.0, 1.0, 1.0, 1.0)
    assert (s.bow_f1, s.bow_p, s.bow_r) == (1.0, 1.0, 1.0)


def test_disjoint_texts():
    s = M.score_pairs([("a b c d e", "v w x y z")])
    assert (s.aeb_f1, s.aeb_p, s.aeb_r, s.exact) == (0.0, 0.0, 0.0, 0.0)
    assert s.bow_f1 == 0.0


def test_partial_case_by_hand():
    # gold: 6 tokens -> shingles abcd, bcde, cdef; pred adds 'g': abcd, bcde, cdef, defg
    tp, fp, fn = M.page_tp_fp_fn("a b c d e f", "a b c d e f g")
    assert (tp, fp, fn) == pytest.approx((3 / 4, 1 / 4, 0.0))
    assert M.page_precision(tp, fp, fn) == pytest.approx(0.75)
    assert M.page_recall(tp, fp, fn) == 1.0
    # BoW: 6 of 7 predicted words are gold words
    f1, p, r = M.bow_page("a b c d e f", "a b c d e f g")
    assert (p, r) == pytest.approx((6 / 7, 1.0))
    assert f1 == pytest.approx(2 * (6 / 7) / (6 / 7 + 1))


def test_means_over_pages_then_f1():
    # page 1 perfect; page 2 precision 0.75, recall 1
    s = M.score_pairs([("a b c d e f", "a b c d e f"), ("a b c d e f", "a b c d e f g")])
    assert s.aeb_p == pytest.approx((1 + 0.75) / 2)
    assert s.aeb_r == 1.0
    assert s.aeb_f1 == pytest.approx(2 * 0.875 / 1.875)
    assert s.exact == 0.5


def test_empty_prediction_counts_for_recall_only():
    # tp + fp == 0: left out of the precision mean, counts 0 in the recall mean
    s = M.score_pairs([("a b c d e", ""), ("a b c d e", "a b c d e")])
    assert s.aeb_p == 1.0
    assert s.aeb_r == 0.5
