"""Properties of the whole pipeline, checked on generated input (hypothesis).

* ``clean`` never raises, on any text (every code point, lone surrogates too) and on article-like text;
* it is idempotent: cleaning the clean text changes nothing;
* nothing is lost silently: every word of the re-flowed, normalised input is in the text or in a cut;
* every record validates against the record schema and its word count is the text's.
"""

from __future__ import annotations

import json
import textwrap

import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleaner
from cleaner.normalize import normalize_text
from cleaner.reflow import paragraphs
from cleaner.rules import all_rules
from cleaner.schema import validate
from cleaner.text import count_words

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

SENTENCES = [
    "The minister said on Monday that the talks would resume next week in Geneva.",
    "Prices rose by 3.2 percent in March, the statistics office said.",
    "“We are not going to accept this,” said Anna Petrova, a spokeswoman for the council.",
    "Officials in Moscow have looked on with apprehension ever since the decision was announced.",
    "The long-term plan, which critics call too little and too late, will cost €4.5 billion.",
    "It is, after all, the ultimate guarantee of the regime’s survival.",
    "Analysts expect the central bank to keep rates on hold — at least until the summer.",
    "Shares of the company fell sharply after the report was published.",
    "Related issues were discussed at the summit, but no agreement was reached.",
    "By the end of 2020 the market had grown to twice its size.",
    "Die Regierung hat am Montag neue Maßnahmen angekündigt.",
    "Le gouvernement a présenté mercredi un projet de loi sur les retraites.",
    "The Trans-Siberian railway links Moscow with the Pacific coast.",
    "Comments are closed on weekends, the editor said in a note to readers.",
    "Read more books, the minister urged the students at the ceremony.",
]
WORDS = "market government policy officials economy region security crisis talks agreement pressure".split()

# The rules' own examples (those that are literal paragraphs, not descriptions of a block).
_RULE_EXAMPLES = sorted(
    {ex for rule in all_rules() for ex in getattr(rule, "examples", ()) if "\n" not in ex and "(twice" not in ex}
)
DEBRIS = _RULE_EXAMPLES + [
    "Views: 274",
    "1.2K views",
    "12 Comments",
    "Share this:",
    "Share on Facebook Share on Twitter",
    "Tweet",
    "Like this:",
    "Loading...",
    "3 replies on “Russia inserts itself into North Korea game”",
    "Comments are closed.",
    "Leave a Reply",
    "Related article: Why North Korea Can Unite Russia and Japan (Op-ed)",
    "Related Stories",
    "Category: Entertainment",
    "Domain: Afterhours",
    "Tags: Russia, North Korea, Diplomacy",
    "Advertisement",
    "© 2019 Example Media. All rights reserved.",
    "Workers at the plant on Monday. (AP Photo/Evan Vucci)",
    "5530296 14.06.2018 June 14, 2018. Putin meets Kim Yong-nam. Alexei Druzhinin / Sputnik",
    "Paul D. Shinkman",
    "10 October, 2018",
    "By Vladimir Frolov",
    "June 08, 2018",
    "(Reporting by Rodrigo Campos; Editing by Dan Grebler)",
]


@st.composite
def articles(draw) -> str:
    """Article-like text: an optional header, body paragraphs, debris lines, and the damage scrapers do.

    Every article has at least one body paragraph: in a document made only of short
    header- and teaser-shaped lines, what remains once the header is cut can read as
    another header, so cleaning such a document twice can cut more.
    """
    blocks: list[str] = []
    if draw(st.booleans()):
        blocks.append(draw(st.sampled_from(["North Korea Talks Stall", "What Did the Trip Actually Do?", "Markets Rally"])))
        if draw(st.booleans()):
            blocks.append(draw(st.sampled_from(["By Jane Roe", "By MEG KINNARD and ERRIN HAINES, Associated Press"])))
        if draw(st.booleans()):
            blocks.append(draw(st.sampled_from(["June 08, 2018", "Published: 5 November 2020", "2019-07-22"])))
    body_at = len(blocks)
    for _ in range(draw(st.integers(0, 8))):
        kind = draw(st.integers(0, 9))
        if kind < 6:
            sentences = draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=5))
            blocks.append(" ".join(sentences))
        elif kind < 9:
            blocks.append(draw(st.sampled_from(DEBRIS)))
        else:
            blocks.append(" ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12))))
    body = " ".join(draw(st.lists(st.sampled_from(SENTENCES), min_size=2, max_size=5)))
    blocks.insert(draw(st.integers(body_at, len(blocks))), body)
    if draw(st.booleans()):
        blocks.append(draw(st.sampled_from(blocks)))  # a repeated paragraph or caption
    damage = draw(st.sets(st.sampled_from(["wrap", "nbsp", "mojibake", "crlf", "single", "indent", "zero-width"])))
    if "mojibake" in damage and blocks:
        i = draw(st.integers(0, len(blocks) - 1))
        blocks[i] = blocks[i].encode("utf-8").decode("sloppy-windows-1252")
    if "wrap" in damage:
        width = draw(st.integers(60, 100))
        blocks = [textwrap.fill(b, width, break_on_hyphens=False) or b for b in blocks]
    sep = "\n" if "single" in damage else "\n\n"
    if "indent" in damage:
        sep += " "
    text = sep.join(blocks)
    if "nbsp" in damage:
        text = text.replace(" ", "\u00a0", draw(st.integers(1, 20)))
    if "zero-width" in damage:
        text = text.replace("e", "e\u200b", 3)
    if "crlf" in damage:
        text = text.replace("\n", "\r\n")
    return text


any_text = st.text(max_size=400)
with_surrogates = st.lists(
    st.one_of(st.text(max_size=20), st.characters(categories=["Cs"])), max_size=20
).map("".join)
inputs = st.one_of(articles(), any_text)


def _words(text: str) -> set[str]:
    return set(text.split())


# --------------------------------------------------------------------------- (a) never raises


@SETTINGS
@given(any_text)
def test_clean_never_raises_on_any_text(raw):
    article = cleaner.clean(raw)
    json.dumps(article.to_record(), ensure_ascii=False).encode("utf-8")


@SETTINGS
@given(with_surrogates)
def test_lone_surrogates_are_repaired_not_passed_on(raw):
    record = cleaner.clean(raw).to_record()
    # Nothing in the record holds a surrogate: it encodes as UTF-8 as it is.
    json.dumps(record, ensure_ascii=False).encode("utf-8")


@SETTINGS
@given(articles())
def test_clean_never_raises_on_articles(raw):
    cleaner.clean(raw)
    cleaner.clean(raw, ascii_fold=True)


# --------------------------------------------------------------------------- (b) idempotent


@SETTINGS
@given(inputs)
def test_cleaning_is_idempotent(raw):
    once = cleaner.clean(raw).text
    assert cleaner.clean(once).text == once


@SETTINGS
@given(articles())
def test_cleaning_is_idempotent_when_folding(raw):
    once = cleaner.clean(raw, ascii_fold=True).text
    assert cleaner.clean(once, ascii_fold=True).text == once


# --------------------------------------------------------------------------- (c) nothing lost silently


@SETTINGS
@given(inputs)
def test_every_word_is_kept_or_recorded_in_a_cut(raw):
    article = cleaner.clean(raw)
    kept_or_cut = _words(article.text).union(*(_words(c.text) for c in article.removed))
    for p in paragraphs(normalize_text(raw)):
        missing = _words(p.text) - kept_or_cut
        assert not missing, f"lost without a cut: {sorted(missing)} from {p.text!r}"


# --------------------------------------------------------------------------- (d) records


@SETTINGS
@given(inputs)
def test_records_validate_and_count_their_words(raw):
    article = cleaner.clean(raw, id="doc-1", source="test")
    record = article.to_record()
    validate(record)
    assert record["word_count"] == count_words(record["text"])
    assert json.loads(json.dumps(record)) == record
