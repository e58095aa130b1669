"""The staged engine: every stage reads one frozen view; its findings are applied when the stage ends."""

from __future__ import annotations

import pytest

import cleaner
from cleaner.normalize import normalize_text
from cleaner.pipeline import DEFAULT_RULES, DEFAULT_STAGES, Cleaner, Stage, resolve, run_stage, run_stages
from cleaner.reflow import paragraphs
from cleaner.rules import ContextRule, DocumentView, Finding
from cleaner.rules.roles import END, FURNITURE

BODY = "The council met on Monday to discuss the budget for the coming year, officials said."


def _view(*texts: str) -> DocumentView:
    return DocumentView(tuple(paragraphs(normalize_text("\n\n".join(texts)))))


def test_a_stage_sees_only_the_decisions_of_the_stages_before_it():
    seen: list[dict] = []
    first = ContextRule("mine.first", lambda d: [Finding(0, "mine.first")], "cuts paragraph 0", role=END)
    watcher = ContextRule("mine.watcher", lambda d: seen.append(dict(d.roles)) or [], "records what it sees")
    view = _view("Menu", BODY, "Share this:")
    decisions = run_stages((Stage("a", (first, watcher)), Stage("b", (watcher,))), view)
    assert seen == [{}, {0: END}]
    assert decisions[0].rule == "mine.first" and decisions[0].role == END


def test_the_first_rule_of_a_stage_wins_a_paragraph_and_disabled_names_claim_none():
    a = ContextRule("mine.a", lambda d: [Finding(1, "mine.a", why={"signal": "a"})], "a")
    b = ContextRule("mine.b", lambda d: [Finding(1, "mine.b"), Finding(2, "mine.b")], "b", role=END)
    view = _view("Menu", BODY, "Share this:")
    decisions = run_stages((Stage("s", (a, b)),), view)
    assert {i: d.rule for i, d in decisions.items()} == {1: "mine.a", 2: "mine.b"}
    assert decisions[1].why == {"signal": "a"} and decisions[2].why == {"signal": "mine.b"}
    without_a = run_stages((Stage("s", (a, b)),), view, enabled=lambda name: name != "mine.a")
    assert {i: d.rule for i, d in without_a.items()} == {1: "mine.b", 2: "mine.b"}


def test_views_given_to_rules_are_read_only_and_stages_are_pure():
    def meddle(d):
        d.cut[0] = "mine.meddle"
        return []

    view = _view("Menu", BODY)
    later = view.with_decisions({0: "mine.x"}, {0: FURNITURE})
    with pytest.raises(TypeError):
        run_stage(Stage("s", (ContextRule("mine.meddle", meddle, "tries to write"),)), later)
    stage = DEFAULT_STAGES[0]
    assert run_stage(stage, later) == run_stage(stage, later)
    assert later.cut == {0: "mine.x"} and view.cut == {}
    assert resolve({}, run_stage(stage, later)) == resolve({}, run_stage(stage, later))


def test_the_default_stages_run_every_default_rule_once_in_order():
    names = [r.name for s in DEFAULT_STAGES for r in s.rules]
    assert len(names) == len(set(names)) == len(DEFAULT_RULES)
    assert [s.name for s in DEFAULT_STAGES][:3] == ["line", "header", "context"]
    assert DEFAULT_STAGES[-1].name == "after_zones"


def test_a_cleaner_leaves_out_switched_off_rules_and_the_header_stage():
    c = Cleaner(disable=("social", "teasers.card"), header=False)
    names = {r.name for s in c.stages for r in s.rules}
    assert not any(n.startswith("social.") for n in names) and "teasers.card" not in names
    assert "header" not in {s.name for s in c.stages}
    raw = f"Title Of The Story\n\nBy Jane Roe\n\n{BODY}\n\nShare this:"
    art = c.clean(raw)
    assert art.title is None and "Share this:" in art.text
    assert cleaner.clean(raw).title == "Title Of The Story"


def test_the_body_layout_is_read_once_per_view_and_again_after_new_decisions():
    from cleaner.rules.boilerplate import layout

    view = _view("Menu", "Search", "Sign in", BODY + " It went on.", BODY, "Share this:", "Other story", "Another one")
    first = layout(view.with_decisions({}, {}))
    assert first.span == (3, 4)
    later = view.with_decisions({5: "social.share"}, {5: FURNITURE})
    assert layout(later) is layout(later) and layout(later) is not first and layout(later).span == first.span
    assert 6 in layout(later).zone and not first.zone  # the share line is debris a named rule found
    # a view whose decisions a caller still writes (DocumentView(paragraphs) alone) keeps no layout
    view.cut[5], view.roles[5] = "social.share", FURNITURE
    assert layout(view).zone == layout(later).zone
