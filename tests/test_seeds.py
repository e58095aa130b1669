"""Acceptance: the default pipeline reproduces every seeds/*.gold.json exactly (text and metadata)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cleaner

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
GOLD = sorted(SEEDS.glob("*.gold.json"))


def test_seeds_are_bundled():
    assert len(GOLD) >= 3
    for gold in GOLD:
        assert gold.with_name(gold.name.replace(".gold.json", ".txt")).exists()


@pytest.mark.parametrize("gold_path", GOLD, ids=lambda p: p.name.split(".")[0])
def test_seed_matches_gold(gold_path: Path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    raw = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
    record = cleaner.clean(raw, id=gold["id"]).to_record()
    for field, expected in gold.items():
        assert record[field] == expected, f"{gold_path.name}: field {field!r} differs"


@pytest.mark.parametrize("gold_path", GOLD, ids=lambda p: p.name.split(".")[0])
def test_seed_cuts_are_recorded(gold_path: Path):
    """Every word of the input is either in the clean text or in a recorded cut: nothing is lost silently."""
    from cleaner.normalize import normalize_text
    from cleaner.reflow import paragraphs

    raw = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
    article = cleaner.clean(raw)
    kept_or_cut = set(article.text.split()) | {w for c in article.removed for w in c.text.split()}
    for p in paragraphs(normalize_text(raw)):
        assert set(p.text.split()) <= kept_or_cut
    assert article.removed, "the seeds all carry debris"
