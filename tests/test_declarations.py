"""Rules declare the names they emit and the role of their cuts; cuts carry their index and evidence."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

import cleaner
from cleaner import Cleaner, CleanerConfig, UnknownRuleName
from cleaner.explain import explain, layout, rule_names, to_json
from cleaner.normalize import normalize_text
from cleaner.pipeline import DEFAULT_RULES
from cleaner.reflow import paragraphs
from cleaner.rules import DocumentView, Finding, declared_names, family_of, teasers
from cleaner.rules.roles import LIST_HEADING, ROLES

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
BODY = "The council met on Monday to discuss the budget for the coming year, officials said."


def _dev_pages() -> list[tuple[str, str]]:
    for parent in ROOT.parents:
        bench = parent / "shared" / "benchmark"
        if (bench / "dev" / "pages.jsonl").exists():
            out = []
            for name in ("dev", "trafeval-dev"):
                with open(bench / name / "pages.jsonl", encoding="utf-8") as f:
                    out.extend((d["id"], d["raw_text"]) for d in map(json.loads, f))
            return out
    return []


DECLARED = {n for names in declared_names(DEFAULT_RULES).values() for n in names}


def _check_cuts(raw: str, article: cleaner.Article, ascii_fold: bool = False) -> None:
    texts = [p.text for p in paragraphs(normalize_text(raw, ascii_fold=ascii_fold))]
    indices = [c.index for c in article.removed]
    assert indices == sorted(set(indices)), "cuts in document order, one per paragraph"
    for cut in article.removed:
        assert cut.rule in DECLARED, f"{cut.rule} is emitted but no rule declares it"
        assert texts[cut.index] == cut.text
        assert cut.why.get("signal"), f"{cut.rule} gives no evidence"
        json.dumps(cut.why)
    kept = [t for i, t in enumerate(texts) if i not in set(indices)]
    assert article.text == "\n\n".join(kept)
    assert [p.text for p in layout(article)] == texts


def test_every_emitted_name_is_declared_on_the_seeds_and_dev_pages():
    docs = [(p.stem, p.read_text(encoding="utf-8")) for p in SEEDS] + _dev_pages()
    c = Cleaner(detect_language=False)
    seen: set[str] = set()
    for doc_id, raw in docs:
        article = c.clean(raw, id=doc_id)
        _check_cuts(raw, article)
        seen.update(cut.rule for cut in article.removed)
    assert seen <= DECLARED
    if len(docs) > len(SEEDS):  # with the dev pages, the body model and the teaser rules are exercised
        assert {"boilerplate.before_body", "boilerplate.after_body", "teasers.related_title", "header.title"} <= seen


def test_every_rule_declares_a_known_role_and_names_in_its_family():
    for rule in DEFAULT_RULES:
        assert rule.role in ROLES
        assert rule.emits and all(family_of(n) == family_of(rule.name) for n in rule.emits)


def test_a_declaration_outside_the_family_or_of_an_unknown_role_is_refused():
    from cleaner.rules import ContextRule

    with pytest.raises(ValueError, match="own family"):
        ContextRule("mine.rule", lambda d: (), "x", emits=("other.name",))
    with pytest.raises(ValueError, match="unknown role"):
        ContextRule("mine.rule", lambda d: (), "x", role="decoration")


def test_no_rule_module_tests_another_familys_names():
    """Rules ask for roles, never for other families' names: no string in a rule module names another family."""
    modules = sorted((ROOT / "cleaner" / "rules").glob("*.py")) + [ROOT / "cleaner" / "extract" / "header.py"]
    families = set(declared_names(DEFAULT_RULES))
    name = re.compile(r"(" + "|".join(sorted(families)) + r")\.[a-z_]*")
    for path in modules:
        own = path.stem if path.stem in families else "header" if path.stem == "header" else None
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                m = name.fullmatch(node.value)
                assert m is None or m.group(1) == own, f"{path.name} names {node.value!r}"


def test_a_list_heading_of_any_rule_opens_a_teaser_list():
    """The teaser rule takes the titles under any cut whose role is a list heading, whatever its name."""
    texts = [BODY, "Our picks", "First Other Story Title Here", "Second Other Story Title", BODY]
    doc = DocumentView(paragraphs(normalize_text("\n\n".join(texts))))
    doc.cut[1], doc.roles[1] = "mine.picks_heading", LIST_HEADING
    found = list(teasers.HEADING_LIST.apply(doc))
    assert [f.index for f in found] == [2, 3]
    assert all(f.why["heading"] == 1 for f in found)
    doc.roles[1] = "furniture"
    assert list(teasers.HEADING_LIST.apply(doc)) == []


def test_cuts_carry_index_and_evidence():
    raw = f"Views: 12\n\n{BODY}\n\nShare this:\n\n{BODY} The vote is next week.\n\n{BODY} The vote is next week."
    art = Cleaner(detect_language=False).clean(raw)
    assert [(c.rule, c.index) for c in art.removed] == [
        ("counters.views", 0), ("social.share", 2), ("duplicates.repeated_paragraph", 4)]
    assert art.removed[0].why == {"signal": "line"}
    assert art.removed[2].why == {"signal": "repeat", "first": 3}
    record = art.to_record()
    assert record["removed"][2] == {"rule": "duplicates.repeated_paragraph", "index": 4, "text": f"{BODY} The vote is next week.",
                                    "why": {"signal": "repeat", "first": 3}}
    _check_cuts(raw, art)


def test_body_model_cuts_give_their_score_and_deciding_features():
    body = "\n\n".join(f"{BODY} Paragraph {n} of the story goes on about the bridge." for n in range(3))
    raw = (f"Skip to content\n\nWorld\n\nPolitics\n\nBusiness\n\nCulture\n\n{body}\n\nShare this:\n\n"
           "* Council to meet again\n\n* Bridge costs soar\n\n* Library closes early\n\n* Weather for the weekend")
    art = Cleaner(detect_language=False).clean(raw)
    body_cuts = [c for c in art.removed if c.why.get("signal") == "body_model"]
    assert body_cuts
    from cleaner.body import FEATURES

    for c in body_cuts:
        assert isinstance(c.why["score"], float)
        assert c.why["features"] and set(c.why["features"]) <= set(FEATURES)
        values = list(c.why["features"].values())
        assert values == sorted(values, key=abs, reverse=True)


def test_unknown_names_are_an_error_in_the_api():
    with pytest.raises(UnknownRuleName) as e:
        Cleaner(disable=("sociall",))
    assert "social" in e.value.close and e.value.names == ("sociall",)
    with pytest.raises(ValueError, match="teasers.trailing_byline"):
        Cleaner(CleanerConfig(disable=("teasers.trailing_bylines",)))
    with pytest.raises(UnknownRuleName):
        cleaner.clean("text", disable=("counters.likes",))
    # every declared name and family is accepted, and a name a rule emits switches its cuts off
    assert Cleaner(disable=tuple(rule_names()))
    raw = f"{BODY}\n\nA First Teaser Title Here\n\nJane Roe\n\nNovember 19, 2019"
    on, off = Cleaner(detect_language=False).clean(raw), Cleaner(disable=("teasers.trailing_byline",), detect_language=False).clean(raw)
    assert "teasers.trailing_byline" in {c.rule for c in on.removed} or "teasers.byline" in {c.rule for c in on.removed}
    assert "teasers.trailing_byline" not in {c.rule for c in off.removed}


def test_explain_lays_out_from_the_cuts_and_prints_json():
    raw = f"Views: 12\n\n{BODY}\n\nShare this:\n\n{BODY} The vote is next week."
    ex = explain(raw, Cleaner(detect_language=False))
    assert [(p.index, p.rule) for p in ex.paragraphs] == [(0, "counters.views"), (1, None), (2, "social.share"), (3, None)]
    data = to_json(ex)
    assert [p["kept"] for p in data["paragraphs"]] == [False, True, False, True]
    assert data["paragraphs"][0] == {"index": 0, "kept": False, "rule": "counters.views", "why": {"signal": "line"}, "text": "Views: 12"}
    assert data["metadata"]["views"] == 12


def test_an_engine_refuses_an_unknown_name_before_any_worker_starts():
    from cleaner.engines import run
    from cleaner.io.readers import Document

    items = [Document("a", f"{BODY}\n\nShare this:", "a.txt")]
    for engine in ("local", "dask"):
        with pytest.raises(UnknownRuleName, match="social"):
            run(items, CleanerConfig(disable=("sociall",)), workers=2, engine=engine)
    outcomes = list(run(items, CleanerConfig(disable=("social",), detect_language=False), workers=1))
    assert outcomes[0].record["text"].endswith("Share this:")
