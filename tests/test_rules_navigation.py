"""Navigation lines: skip links, menu and account buttons, breadcrumbs, pagers, cookie notices."""

from __future__ import annotations

import pytest

import cleaner
from cleaner.rules.navigation import BREADCRUMB, COOKIES, PAGER, SKIP_LINK, UI_LINE

BODY = "The council met on Monday to discuss the budget for the coming year, officials said."


@pytest.mark.parametrize(
    "rule,text",
    [
        (SKIP_LINK, "Skip to main content"),
        (UI_LINE, "Menu"),
        (UI_LINE, "SubscribeSign In"),
        (UI_LINE, "Expand / Collapse search"),
        (BREADCRUMB, "Home » News » World"),
        (BREADCRUMB, "Home > Music > Music News"),
        (PAGER, "Previous Post"),
        (PAGER, "Back to top"),
        (COOKIES, "This website uses cookies to improve your experience. By continuing you accept them."),
    ],
)
def test_cuts(rule, text):
    assert rule.match(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Skip to the end of the season and the picture is different.",
        "Search for the missing hikers resumed on Monday.",
        "Home prices rose 4 percent in October, the survey found.",
        "Next post office reform is due in spring, the minister said.",
        "Back to top form, the striker scored twice on Sunday.",
        "The website uses cookies, the regulator found, without asking readers first.",
        "Menu prices at the canteen rose by a third this year.",
    ],
)
def test_lookalike_prose_stays(text):
    art = cleaner.clean(f"{BODY}\n\n{text}\n\n{BODY} It was the second meeting this month.")
    assert text in art.text
