"""Rules of the caller's own: Cleaner(rules=...) runs them in their stage, checks their names, lets
``disable`` switch them off, records their cuts and puts their identity into the config hash."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import regex

from cleaner import Cleaner, CleanerConfig, UnknownRuleName
from cleaner.dataset import publish, read_manifest
from cleaner.io.readers import Document
from cleaner.rules import ContextRule, Finding, LineRule
from cleaner.rules.roles import END, INLINE, LIST_HEADING

ROOT = Path(__file__).resolve().parent.parent
BODY = "The council met on Monday to discuss the budget for the coming year, officials said."
PROMO = LineRule("mysite.promo", regex.compile(r"Use code \w+ for \d+% off\W*"), "promo lines", needles=("use code",))


def _last_signoff(doc):
    live = list(doc.live())
    if live and live[-1][1].text.startswith("Filed by "):
        yield Finding(live[-1][0], "mysite.signoff", why={"signal": "last line"})


SIGNOFF = ContextRule("mysite.signoff", _last_signoff, "the desk's sign-off under the story")
RAW = f"Use code SAVE10 for 10% off!\n\n{BODY}\n\n{BODY} The vote is next week.\n\nFiled by the night desk"


def _cuts(cleaner: Cleaner, raw: str = RAW) -> list[tuple[str, int, str]]:
    return [(c.rule, c.index, c.text) for c in cleaner.clean(raw).removed]


def test_the_readme_example_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Your own rules", 1)[1].split("\n## ", 1)[0]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    assert len([line for line in code.splitlines() if line.strip()]) <= 12  # a short example
    namespace: dict = {}
    exec(compile(code, "README.md", "exec"), namespace)  # the example asserts its own cuts
    assert namespace["c"].config.rule_set is not None


def test_user_rules_cut_with_their_names_index_and_evidence():
    assert _cuts(Cleaner(detect_language=False)) == []  # the built-in rules alone leave these lines
    c = Cleaner(rules=[PROMO, SIGNOFF], detect_language=False)
    art = c.clean(RAW)
    assert [(x.rule, x.index, x.text) for x in art.removed] == [
        ("mysite.promo", 0, "Use code SAVE10 for 10% off!"), ("mysite.signoff", 3, "Filed by the night desk")]
    assert [x.why for x in art.removed] == [{"signal": "line", "needle": "use code"}, {"signal": "last line"}]
    assert art.text == f"{BODY}\n\n{BODY} The vote is next week."
    assert art.to_record()["removed"][1] == {"rule": "mysite.signoff", "index": 3, "text": "Filed by the night desk",
                                             "why": {"signal": "last line"}}
    # A line the rule's pattern does not match in full stays.
    assert _cuts(c, f"Use code SAVE10 for 10% off, the shop said on Monday in a long statement.\n\n{BODY}") == []


def test_user_rules_run_in_the_stage_of_their_kind():
    c = Cleaner(rules=[SIGNOFF, PROMO])
    names = [s.name for s in c.stages]
    assert names.index("context") + 1 == names.index("user") < names.index("body")
    line = next(s for s in c.stages if s.name == "line")
    assert line.rules[-1] is PROMO
    assert [r.name for r in next(s for s in c.stages if s.name == "user").rules] == ["mysite.signoff"]


def test_a_user_rules_role_is_read_by_the_later_rules():
    """The later rules read a user rule's cut by its role: a list heading opens a teaser list, an end marker
    ends the article, an inline interruption ends nothing."""
    raw = f"{BODY}\n\n{BODY} The vote is next week.\n\nOur picks\n\nFirst Other Story Title Here\n\nSecond Other Story Title"
    after: dict[str, list[tuple[str, object]]] = {}
    for role in (LIST_HEADING, END, INLINE):
        heading = LineRule("mysite.picks", regex.compile(r"Our picks"), "picks heading", role=role)
        cuts = Cleaner(rules=[heading], detect_language=False).clean(raw).removed
        assert (cuts[0].rule, cuts[0].index) == ("mysite.picks", 2)
        after[role] = [(c.rule, c.why.get("heading", c.why.get("marker"))) for c in cuts[1:]]
    assert {name for name, _ in after[LIST_HEADING]} <= {"teasers.related_title", "teasers.byline"}
    assert [h for _, h in after[LIST_HEADING]] == [2, 2]
    assert after[END] == [("boilerplate.after_end_marker", 2)] * 2
    assert after[INLINE] == []


def test_user_rules_are_switched_off_by_name_or_family():
    assert [n for n, _, _ in _cuts(Cleaner(rules=[PROMO, SIGNOFF], disable=("mysite.promo",), detect_language=False))] == ["mysite.signoff"]
    assert _cuts(Cleaner(rules=[PROMO, SIGNOFF], disable=("mysite",), detect_language=False)) == []
    with pytest.raises(UnknownRuleName, match="mysite.promo"):
        Cleaner(rules=[PROMO], disable=("mysite.promos",))
    with pytest.raises(UnknownRuleName):  # without the rule, its name is unknown
        Cleaner(disable=("mysite.promo",))


def test_the_default_config_hash_is_unchanged():
    # Computed from CleanerConfig() before rules of the caller's own existed: datasets published since
    # and the "same as LATEST" check compare against these.
    assert CleanerConfig().hash == "a8215f20ca5d06b4"
    assert CleanerConfig(disable=("social",)).hash == "d67bb879ae291a17"
    assert Cleaner().config.hash == "a8215f20ca5d06b4"
    assert "rule_set" not in CleanerConfig().to_dict()


def test_the_rule_set_goes_into_the_config_hash():
    a = Cleaner(rules=[PROMO, SIGNOFF])
    assert a.config.rule_set and a.config.to_dict()["rule_set"] == a.config.rule_set
    assert a.config.hash != Cleaner().config.hash
    assert Cleaner(rules=[PROMO, SIGNOFF]).config.hash == a.config.hash  # stable
    other = LineRule("mysite.promo", regex.compile(r"Use code \w+ for \d+ ?% off\W*"), "promo lines", needles=("use code",))
    hashes = {a.config.hash, Cleaner(rules=[other, SIGNOFF]).config.hash, Cleaner(rules=[PROMO]).config.hash,
              Cleaner(rules=[PROMO, SIGNOFF], rules_version="2").config.hash,
              Cleaner(rules=[PROMO, ContextRule("mysite.signoff", _last_signoff, "x", role=END)]).config.hash}
    assert len(hashes) == 5
    with pytest.raises(ValueError, match="rule set"):
        Cleaner(CleanerConfig(rule_set="0123456789abcdef"), rules=[PROMO])
    assert Cleaner(a.config, rules=[PROMO, SIGNOFF]).config == a.config


def test_the_manifest_records_the_rule_set(tmp_path):
    c = Cleaner(rules=[PROMO, SIGNOFF], detect_language=False)
    publish([c.clean(RAW, id="a")], tmp_path / "ds", config=c.config)
    m = read_manifest(tmp_path / "ds" / "v1.0.0")
    assert m["config"]["rule_set"] == c.config.rule_set and m["config_hash"] == c.config.hash
    assert m["config_hash"] != CleanerConfig(detect_language=False).hash


def test_misdeclared_rules_fail_clearly():
    with pytest.raises(ValueError, match="'social.share' is a built-in rule's"):
        Cleaner(rules=[LineRule("social.share", regex.compile("Share me"), "x")])
    with pytest.raises(ValueError, match="built-in"):
        Cleaner(rules=[ContextRule("mysite.x", lambda d: (), "x", emits=("mysite.x", "mysite.related")),
                       ContextRule("boilerplate.mine", lambda d: (), "x", emits=("boilerplate.after_body",))])
    with pytest.raises(ValueError, match="two rules are named 'mysite.promo'"):
        Cleaner(rules=[PROMO, PROMO])
    with pytest.raises(TypeError, match="LineRule or ContextRule"):
        Cleaner(rules=[lambda doc: ()])
    with pytest.raises(ValueError, match="unknown role"):
        LineRule("mysite.x", regex.compile("x"), "x", role="sidebar")
    with pytest.raises(ValueError, match="own family"):
        ContextRule("mysite.x", lambda d: (), "x", emits=("other.x",))


def test_a_cut_under_an_undeclared_name_is_an_error():
    def find(doc):
        yield Finding(0, "mysite.other", why={"signal": "x"})

    c = Cleaner(rules=[ContextRule("mysite.rule", find, "x")], detect_language=False)
    with pytest.raises(ValueError, match="'mysite.other', which it does not declare"):
        c.clean(f"Something\n\n{BODY}")
    declared = Cleaner(rules=[ContextRule("mysite.rule", find, "x", emits=("mysite.rule", "mysite.other"))], detect_language=False)
    assert [x.rule for x in declared.clean(f"Something\n\n{BODY}").removed] == ["mysite.other"]


def test_engines_and_config_only_cleaners_refuse_a_user_rule_set():
    from cleaner import engines, hf

    config = Cleaner(rules=[PROMO]).config
    with pytest.raises(ValueError, match="cannot run rules of your own"):
        engines.run([Document("a", RAW, "a.txt")], config, workers=1)
    with pytest.raises(ValueError, match="rule set of the caller's own"):
        Cleaner(config)
    with pytest.raises(ValueError, match="rule set of the caller's own"):
        hf.clean_batch({"text": [RAW]}, config=config)
