"""The library API: clean(), Cleaner, CleanerConfig, Article.to_record()."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import cleaner
from cleaner import Cleaner, CleanerConfig

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
BODY = "The council met on Monday to discuss the budget for the coming year, officials said."


def test_record_has_exactly_the_schema_fields():
    from cleaner.schema import load_schema

    record = cleaner.clean(SEEDS[0].read_text()).to_record()
    assert set(record) == set(load_schema()["properties"])


def test_default_id_is_a_hash_of_the_raw_text_and_ids_are_kept():
    a = cleaner.clean(BODY)
    assert a.id == a.raw_sha256[:16]
    assert cleaner.clean(BODY, id="doc-1").id == "doc-1"


def test_text_hash_and_word_count():
    import hashlib

    a = cleaner.clean(f"{BODY}\n\nViews: 12")
    assert a.text == BODY
    assert a.text_sha256 == hashlib.sha256(BODY.encode()).hexdigest()
    assert a.word_count == len(BODY.replace(",", " ").replace(".", " ").split())


def test_every_cut_names_its_rule_in_document_order():
    raw = f"Views: 12\n\n{BODY}\n\nShare this:\n\nComments are closed."
    cuts = cleaner.clean(raw).removed
    assert [(c.rule, c.text) for c in cuts] == [
        ("counters.views", "Views: 12"),
        ("social.share", "Share this:"),
        ("comments.closed", "Comments are closed."),
    ]


def test_disable_a_rule_or_a_family():
    raw = f"{BODY}\n\nShare this:\n\nViews: 12"
    # With the family or the rule off, no cut carries its name (the body model may still take the line
    # for furniture below the body; with it off too, the line stays).
    assert not any(c.rule.startswith("social") for c in Cleaner(disable=("social",)).clean(raw).removed)
    assert not any(c.rule == "social.share" for c in Cleaner(CleanerConfig(disable=("social.share",))).clean(raw).removed)
    assert "social.share" in {c.rule for c in Cleaner().clean(raw).removed}
    assert "Share this:" in Cleaner(disable=("social", "boilerplate")).clean(raw).text
    assert "Share this:" in Cleaner(CleanerConfig(disable=("social.share", "boilerplate"))).clean(raw).text
    # The body model would still take the counter for furniture below the body: disable it too.
    kept = Cleaner(disable=("counters.views", "boilerplate")).clean(raw)
    assert "Views: 12" in kept.text and kept.views is None
    assert "Share this:" not in kept.text


def test_ascii_fold_option():
    raw = f"{BODY} “Quoted” — done."
    assert "“Quoted” — done." in cleaner.clean(raw).text
    assert '"Quoted" - done.' in cleaner.clean(raw, ascii_fold=True).text


def test_header_and_language_can_be_switched_off():
    raw = f"A Title For The Story\n\nBy Jane Roe\n\n{BODY}"
    assert cleaner.clean(raw).title == "A Title For The Story"
    off = Cleaner(header=False, detect_language=False).clean(raw)
    assert off.title is None and off.language is None
    assert off.text.startswith("A Title For The Story")


def test_config_hash_is_stable_and_changes_with_options():
    assert CleanerConfig().hash == CleanerConfig().hash
    assert CleanerConfig(disable=("a", "b")).hash == CleanerConfig(disable=("b", "a")).hash
    assert CleanerConfig(ascii_fold=True).hash != CleanerConfig().hash


def test_bytes_are_refused_with_a_clear_error():
    with pytest.raises(TypeError, match="decode"):
        cleaner.clean(b"bytes")  # type: ignore[arg-type]


def test_config_and_options_together_are_refused():
    with pytest.raises(TypeError):
        Cleaner(CleanerConfig(), ascii_fold=True)


def test_deterministic_and_thread_safe():
    texts = [p.read_text() for p in SEEDS] * 8
    c = Cleaner()
    expected = [c.clean(t).to_record() for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(lambda t: c.clean(t).to_record(), texts))
    assert got == expected


def test_clean_many_keeps_order_and_ids():
    docs = [(p.stem, p.read_text()) for p in SEEDS]
    assert [a.id for a in Cleaner().clean_many(docs)] == [d[0] for d in docs]


def test_empty_and_blank_documents_give_empty_text():
    for raw in ("", "   \n\n \t "):
        a = cleaner.clean(raw)
        assert a.text == "" and a.word_count == 0 and a.removed == ()


def test_language_is_detected():
    assert cleaner.clean(SEEDS[0].read_text()).language == "en"
    de = "Die Regierung hat am Montag beschlossen, die Steuern für kleine Unternehmen im kommenden Jahr zu senken."
    assert cleaner.clean(de).language == "de"


def test_each_metadata_value_records_the_paragraph_and_rule_that_gave_it():
    body = "The council met on Monday to discuss the budget for the coming year, officials said after the session."
    raw = f"Council Splits Over Bridge Budget\n\nBy Jane Roe\n\nNovember 19, 2019\n\n{body}\n\n(Reporting by John Doe; Editing by Ann Lee)"
    art = cleaner.clean(raw)
    assert [(p.field, p.rule) for p in art.provenance] == [
        ("title", "header.title"), ("authors", "header.byline"), ("authors", "bylines.reporting_credit"),
        ("published", "header.date"),
    ]
    cuts = {c.index: c for c in art.removed}
    for p in art.provenance:
        assert cuts[p.paragraph].rule == p.rule  # the paragraph the value came from, cut by the rule that read it
    assert "Jane Roe" in cuts[art.provenance[1].paragraph].text and "John Doe" in cuts[art.provenance[2].paragraph].text
    record = art.to_record()
    assert record["provenance"][0] == {"field": "title", "paragraph": 0, "rule": "header.title"}
    from cleaner.schema import validate

    validate(record)
    # nothing read, nothing recorded
    assert cleaner.clean(body).provenance == ()
