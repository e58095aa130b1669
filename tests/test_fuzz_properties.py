"""Fuzzed properties of reading and cleaning, beyond those of ``test_properties.py``.

``test_properties.py`` checks, on its own generators, that ``clean`` never raises, is
idempotent, loses no word without a cut and gives valid records. Here the input is
article-like text with debris *injected* anywhere (inside paragraphs, glued to prose with
single newlines, repeated in runs, damaged by mojibake, control characters and odd
spaces), sent through the whole reading path as bytes in several encodings, and the
properties are stricter:

* reading and cleaning never raise: every input becomes a record or an error outcome;
* cleaning is idempotent (on text with a real body);
* order: the output's words are a subsequence of the normalised input's words, and the kept
  and cut paragraphs interleave back into exactly the input's paragraphs;
* metadata is valid against the schema and comes from the input (authors, title, captions,
  related titles are made of the input's words; counts are non-negative);
* the readers never raise on arbitrary bytes or JSONL lines.

The regression inputs at the end are findings of the fuzzer in ``scripts/fuzz/``.
``CLEANER_FUZZ_EXAMPLES=N`` runs N examples per property instead of 60.
"""

from __future__ import annotations

import io
import json
import os
import re

import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleaner
from cleaner.io.readers import DecodeError, Document, DocumentError, decode_text, read_bytes, read_jsonl_stream
from cleaner.io.run import clean_item
from cleaner.normalize import normalize_text
from cleaner.reflow import paragraphs
from cleaner.schema import validate
from cleaner.text import count_words

EXAMPLES = int(os.environ.get("CLEANER_FUZZ_EXAMPLES", "60"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
CLEANER = cleaner.Cleaner(detect_language=False)

PROSE = [
    "The minister said on Monday that the talks would resume next week in Geneva.",
    "Prices rose by 3.2 percent in March, the statistics office said on Tuesday.",
    "“We are not going to accept this,” said Anna Petrova, a spokeswoman for the council.",
    "Officials in Moscow have looked on with apprehension ever since the decision was announced.",
    "Die Regierung hat am Montag neue Maßnahmen angekündigt, teilte das Ministerium mit.",
    "Le gouvernement a présenté mercredi un projet de loi sur les retraites et la santé.",
    "Share prices fell sharply after the report was published, analysts said.",
    "Related issues were discussed at the summit, but no agreement was reached by Friday.",
]
DEBRIS = [
    "Share this:", "Tweet", "Like this:", "Loading...", "Views: 274", "1.2K views", "12 Comments",
    "Comments (3)", "Leave a Reply", "Comments are closed.", "Related Stories", "Read more",
    "Related article: Why North Korea Can Unite Russia and Japan (Op-ed)", "Category: World",
    "Category: Category: World", "Tags: Russia, North Korea", "Domain: Afterhours", "Advertisement",
    "© 2019 Example Media. All rights reserved.", "Workers at the plant on Monday. (AP Photo/Evan Vucci)",
    "Photo: Reuters", "By Jane Roe", "By By By", "June 08, 2018", "Published: 5 November 2020",
    "(Reporting by Rodrigo Campos; Editing by Dan Grebler)", "Subscribe to our newsletter",
    "Follow us on Twitter", "Skip to content", "Home › World › Asia", "• • •", "...", "|", "1,204",
    "3 replies on “Russia inserts itself into North Korea game”", "Continue reading",
]
HEADERS = ["North Korea Talks Stall", "What Did the Trip Actually Do?", "By MEG KINNARD and ERRIN HAINES, Associated Press"]
NOISE = ["\u00a0", "\u200b", "\x07", "\u2028", "\t", "  ", "\ufeff", "\u00ad", "\r"]


@st.composite
def injected_articles(draw) -> str:
    """Prose paragraphs (at least two) with debris injected between, inside and around them."""
    blocks: list[str] = []
    if draw(st.booleans()):
        blocks += draw(st.lists(st.sampled_from(HEADERS + ["June 08, 2018"]), max_size=3))
    prose = draw(st.lists(st.lists(st.sampled_from(PROSE), min_size=1, max_size=4).map(" ".join), min_size=2, max_size=6))
    for p in prose:
        blocks.append(p)
        for _ in range(draw(st.integers(0, 3))):
            d = draw(st.sampled_from(DEBRIS))
            how = draw(st.integers(0, 4))
            if how == 0:
                blocks.append(d)  # its own paragraph
            elif how == 1:
                blocks[-1] = blocks[-1] + "\n" + d  # glued to the prose by a single newline
            elif how == 2:
                blocks.append("\n".join([d] * draw(st.integers(2, 40))))  # a run of it
            elif how == 3:
                blocks.append(d.encode("utf-8").decode("sloppy-windows-1252"))  # mojibake
            else:
                at = draw(st.integers(0, len(blocks[-1])))
                blocks[-1] = blocks[-1][:at] + " " + d + " " + blocks[-1][at:]  # inside the prose
    if draw(st.booleans()):
        blocks += [draw(st.sampled_from(DEBRIS)) for _ in range(draw(st.integers(1, 6)))]
    text = draw(st.sampled_from(["\n\n", "\n", "\r\n\r\n", "\n \n"])).join(blocks)
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.sampled_from(NOISE)) + text[at:]
    return text


ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "cp1252"]


def _words(text: str) -> list[str]:
    return text.split()


def _is_subsequence(small: list[str], big: list[str]) -> bool:
    it = iter(big)
    return all(any(w == b for b in it) for w in small)


def _input_paragraphs(raw: str) -> list[str]:
    return [p.text for p in paragraphs(normalize_text(raw))]


# --------------------------------------------------------------------------- never raises


@SETTINGS
@given(injected_articles(), st.sampled_from(ENCODINGS))
def test_the_reading_path_never_raises_and_gives_a_record_or_an_error(raw, encoding):
    try:
        data = raw.encode(encoding)
    except UnicodeEncodeError:
        data = raw.encode(encoding, "replace")
    item = read_bytes(data, "doc", "doc.txt")
    outcome = clean_item(CLEANER, item)
    assert outcome.ok != (outcome.error is not None)
    if outcome.ok:
        validate(outcome.record)
        json.dumps(outcome.record, ensure_ascii=False).encode("utf-8")
    else:
        assert isinstance(item, DocumentError) and outcome.problems()[-1]["error"] == item.reason


@SETTINGS
@given(st.binary(max_size=3000))
def test_decoding_arbitrary_bytes_gives_text_or_a_decode_error(data):
    try:
        text, warnings = decode_text(data)
    except DecodeError:
        return
    text.encode("utf-8")  # no lone surrogates
    assert all(isinstance(w, str) and w for w in warnings)
    assert isinstance(read_bytes(data, "x", "x"), (Document, DocumentError))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)


@SETTINGS
@given(st.one_of(
    st.fixed_dictionaries({"id": json_values, "text": json_values}).map(json.dumps),
    st.fixed_dictionaries({"id": st.text(max_size=10), "text": injected_articles()}).map(json.dumps),
    json_values.map(json.dumps),
    st.text(max_size=200),
))
def test_a_jsonl_line_is_always_exactly_one_item(line):
    items = list(read_jsonl_stream(io.BytesIO(line.replace("\n", " ").encode("utf-8", "surrogatepass") + b"\n"), "f.jsonl"))
    if not line.replace("\n", " ").strip():
        assert items == []
        return
    (item,) = items
    assert item.source == "f.jsonl:1"
    outcome = clean_item(CLEANER, item)
    if outcome.ok:
        validate(outcome.record)


# --------------------------------------------------------------------------- idempotence and order


@SETTINGS
@given(injected_articles(), st.booleans())
def test_cleaning_injected_articles_is_idempotent(raw, fold):
    c = cleaner.Cleaner(detect_language=False, ascii_fold=fold)
    once = c.clean(raw).text
    assert c.clean(once).text == once


@SETTINGS
@given(injected_articles())
def test_output_words_are_a_subsequence_of_the_normalised_input(raw):
    article = CLEANER.clean(raw)
    source_words = [w for p in _input_paragraphs(raw) for w in _words(p)]
    assert _is_subsequence(_words(article.text), source_words)


@SETTINGS
@given(injected_articles())
def test_kept_and_cut_paragraphs_interleave_into_the_input_paragraphs(raw):
    article = CLEANER.clean(raw)
    source = _input_paragraphs(raw)
    kept = article.text.split("\n\n") if article.text else []
    cut = [c.text for c in article.removed]
    assert len(kept) + len(cut) == len(source)
    assert _is_subsequence(kept, source) and _is_subsequence(cut, source)


# --------------------------------------------------------------------------- metadata


def _folded_words(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"\w+", text)}


@SETTINGS
@given(injected_articles(), st.booleans())
def test_metadata_is_valid_and_comes_from_the_input(raw, fold):
    article = cleaner.Cleaner(detect_language=False, ascii_fold=fold).clean(raw, id="d", source="s")
    record = article.to_record()
    validate(record)
    assert record["word_count"] == count_words(record["text"])
    assert record["id"] == "d" and record["source"] == "s"
    for key in ("views", "comment_count"):
        assert record[key] is None or record[key] >= 0
    if record["published"] is not None:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?", record["published"])
    vocabulary = _folded_words("\n".join(normalize_text(raw, ascii_fold=fold)))
    named = [record["title"], record["subtitle"], record["category"], *record["authors"], *record["related"]]
    named += [c["text"] for c in record["captions"]] + [c["credit"] for c in record["captions"] if c["credit"]]
    for value in filter(None, named):
        assert _folded_words(value) <= vocabulary, value


# --------------------------------------------------------------------------- fuzzer findings

# Documents made only of short header-shaped lines: once the title and the byline are cut,
# what is left reads as a title and a byline again (scripts/fuzz/fuzz_clean.py, not-idempotent).
HEADER_ONLY = [
    "Jpan out, Ra in\n\nJapann Rtu\nJapanniaapan out, Ra in\n\nJapann Rtu\nJapannia",
    "5302her hand, is gropd as fun out, Russia in\n\nJapann R.\n\nJapan, on#the other hats are closssia in\n\nJapann R.",
]


@pytest.mark.parametrize("raw", HEADER_ONLY)
def test_header_only_fuzz_findings_clean_without_error(raw):
    record = CLEANER.clean(raw).to_record()
    validate(record)


# A headline printed twice around a byline, above a body whose end is furniture: the first clean keeps
# the three lines (the body zone is drawn differently while the furniture is still there), the second
# reads them as a header.
HEADER_AFTER_FURNITURE = (
    "North Korea Talks Stall\n\nBy MEG KINNARD and ERRIN HAINES, Associated Press\n\nNorth Korea Talks Stall\n\n"
    + "The minister said on Monday that the talks would resume next week in Geneva.\n\n"
    + " ".join(["The minister said on Monday that the talks would resume next week in Geneva."] * 3) + "\n\n"
    + "Share this:\nShare this:\n\n"
    + "The minister said on Monday that the talks would resume next week in Geneva.\n\n" * 2
    + "Category: Category: World\n" * 34
    + "\nThe minister said on Monday that the talks would resume next week in Geneva.\n\n"
    + " ".join(["The minister said on Monday that the talks would resume next week in Geneva."] * 4)
)


def test_repeated_headline_above_furniture_is_idempotent():
    once = CLEANER.clean(HEADER_AFTER_FURNITURE).text
    assert CLEANER.clean(once).text == once


@pytest.mark.parametrize("raw", HEADER_ONLY)
def test_header_only_fuzz_findings_are_idempotent(raw):
    # A document without prose has no header to read: nothing is cut as one, so a second clean finds the same.
    once = CLEANER.clean(raw).text
    assert CLEANER.clean(once).text == once
