"""Every line rule cuts its own documented examples and keeps its look-alike prose counterexamples."""

from __future__ import annotations

import pytest

import cleaner
from cleaner.rules import FAMILIES, LineRule, all_rules

LINE_RULES = [r for r in all_rules() if isinstance(r, LineRule)]
EXAMPLES = [(r, e) for r in LINE_RULES for e in r.examples]
COUNTEREXAMPLES = [(r, e) for r in LINE_RULES for e in r.counterexamples]


def test_rule_names_are_unique_and_namespaced():
    names = [r.name for r in all_rules()]
    assert len(names) == len(set(names))
    for family, rules in FAMILIES.items():
        for r in rules:
            assert r.name.startswith(family + "."), r.name
            assert r.description


def test_every_line_rule_documents_examples_and_counterexamples():
    for r in LINE_RULES:
        assert r.examples, f"{r.name} has no examples"
        assert r.counterexamples, f"{r.name} has no counterexamples"


@pytest.mark.parametrize("rule,example", EXAMPLES, ids=[f"{r.name}:{e[:30]}" for r, e in EXAMPLES])
def test_rule_matches_its_examples(rule: LineRule, example: str):
    assert rule.match(example) is not None


@pytest.mark.parametrize("rule,text", COUNTEREXAMPLES, ids=[f"{r.name}:{e[:30]}" for r, e in COUNTEREXAMPLES])
def test_rule_keeps_lookalike_prose(rule: LineRule, text: str):
    assert rule.match(text) is None
    # and the whole pipeline keeps it too, when it stands between two body paragraphs
    body = "The council met on Monday to discuss the budget for the coming year, officials said."
    article = cleaner.clean(f"{body}\n\n{text}\n\n{body} It was the second meeting this month.")
    assert text in article.text


@pytest.mark.parametrize(
    "prose",
    [
        "Related issues were discussed at length during the summit in Geneva.",
        "Category: the law groups rentals into three bands by floor area and location.",
        "A video of the debate had 274 views by Monday morning, the organisers said.",
        "Comments are closed to the public until the inquiry reports, the council said.",
        "Share prices fell 3 percent after the announcement.",
        "By the end of 2020 the market had doubled in size.",
    ],
)
def test_lookalike_prose_survives_the_pipeline(prose: str):
    body = "The council met on Monday to discuss the budget for the coming year, officials said."
    article = cleaner.clean(f"{body}\n\n{prose}\n\n{body} It was the second meeting this month.")
    assert prose in article.text
    assert not any(c.text == prose for c in article.removed)
