"""Comment sections: prompts (also combined), form fields, and the thread under a comment heading."""

from __future__ import annotations

import pytest

import cleaner
from cleaner.rules.comments import FORM_FIELD, PROMPT

P1 = "The council met on Monday to discuss the budget for the coming year, officials said after the session."
P2 = "Members argued for three hours about the cost of the new bridge and the repairs to the old library."


@pytest.mark.parametrize(
    "rule,text",
    [
        (PROMPT, "Your email address will not be published. Required fields are marked *"),
        (PROMPT, "Want to join the discussion?"),
        (FORM_FIELD, "Name *"),
        (FORM_FIELD, "Email *"),
        (FORM_FIELD, "Save my name, email, and website in this browser for the next time I comment."),
    ],
)
def test_cuts(rule, text):
    assert rule.match(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Name the three rivers that cross the city, the teacher asked.",
        "Website traffic doubled in a year, the company said.",
        "Join the discussion groups at the library every Tuesday, the council urged residents.",
    ],
)
def test_lookalike_prose_stays(text):
    art = cleaner.clean(f"{P1}\n\n{text}\n\n{P2}")
    assert text in art.text


def test_thread_after_a_comment_heading_is_cut():
    raw = (
        f"{P1}\n\n{P2}\n\n10 thoughts on “The budget”\n\n1. Gaye\n\nAugust 8, 2018 at 3:17 pm\n\n"
        "What a great and thorough article this was, thank you so much for writing it.\n\n"
        "2. Jan Smith\n\nAugust 8, 2018 at 7:21 pm\n\nI disagree with most of it, but it was a good read all the same."
    )
    art = cleaner.clean(raw)
    assert art.text == f"{P1}\n\n{P2}"
    assert art.comment_count == 10
    assert any(c.rule == "comments.thread" for c in art.removed)
