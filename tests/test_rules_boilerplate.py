"""The page furniture around the body: zones before and after it, repeated widget lines, end-of-article markers."""

from __future__ import annotations

import cleaner
from cleaner.rules.boilerplate import is_prose, is_row

P1 = "The council met on Monday to discuss the budget for the coming year, officials said after the session."
P2 = "Members argued for three hours about the cost of the new bridge and the repairs to the old library."
P3 = "A final vote is expected next month, when the auditors will have delivered their report on the accounts."
BODY = f"{P1}\n\n{P2}\n\n{P3}"


def rules_of(article, text):
    return [c.rule for c in article.removed if c.text == text]


def test_menu_above_and_link_list_below_the_body_are_cut():
    top = "Skip to content\n\nWorld\n\nPolitics\n\nBusiness\n\nCulture"
    bottom = "Share this:\n\n* Council to meet again\n\n* Bridge costs soar\n\n* Library closes early\n\n* Weather for the weekend"
    art = cleaner.clean(f"{top}\n\n{BODY}\n\n{bottom}")
    assert art.text == BODY
    assert rules_of(art, "Politics") == ["boilerplate.before_body"]
    assert rules_of(art, "* Bridge costs soar") == ["boilerplate.after_body"]


def test_zones_without_named_debris_stay():
    # A list inside an article, closing remarks, or questions and answers score like furniture by shape
    # alone; with no debris a rule can name around them, they are kept.
    listing = (
        "Here are the five things you need to know today about the markets and the economy, in brief.\n\n"
        "* Stocks rose\n* Oil fell\n* Gold flat\n* Bonds up\n* Dollar down\n\n"
        "That is all for today, and we will be back tomorrow with more news for you."
    )
    qa = "Q: What happened?\n\nA: The plant closed.\n\nQ: Why?\n\nA: Costs rose by a third over two years, the company said."
    menu = "World\n\nPolitics\n\nBusiness\n\nCulture"
    for raw in (listing, qa, f"{menu}\n\n{BODY}"):
        art = cleaner.clean(raw)
        assert not art.removed, [c.rule for c in art.removed]


def test_cookie_notice_far_above_the_body_is_cut_but_body_halves_around_a_gallery_stay():
    gallery = "\n\n".join(f"Photo {i} of 6" for i in range(1, 7))
    art = cleaner.clean(f"{P1}\n\n{P2}\n\n{gallery}\n\n{P3}\n\n{P1} Again.\n\n{P2} Again.")
    for p in (P1, P2, P3):
        assert p in art.text


def test_subheadings_and_short_sentences_inside_the_body_stay():
    raw = f"{P1}\n\nThe cost\n\n{P2}\n\nIt was not.\n\n{P3}\n\n\"That's correct,\" she said."
    art = cleaner.clean(raw)
    assert "The cost" in art.text
    assert "It was not." in art.text
    assert "\"That's correct,\" she said." in art.text


def test_short_zones_are_left_to_the_line_rules():
    # One or two lines around the body are no page furniture: they stay unless a line rule names them.
    art = cleaner.clean(f"Council Special\n\n{BODY}\n\nMore to come")
    assert art.text.startswith("Council Special") and art.text.endswith("More to come")


def test_a_table_after_the_body_stays_with_it():
    table = (
        "Tour dates\n\nJune 9 – West Palm Beach, FL @ Coral Sky Amphitheatre\n\n"
        "June 10 – Tampa, FL @ Credit Union Amphitheatre\n\nJune 14 – Alpharetta, GA @ Ameris Bank Amphitheatre"
    )
    art = cleaner.clean(f"{BODY}\n\n{table}\n\nTrending\n\n* A story\n\n* Another story\n\n* A third story")
    assert "June 14 – Alpharetta, GA @ Ameris Bank Amphitheatre" in art.text
    assert "* Another story" not in art.text


def test_a_list_introduced_by_a_colon_stays():
    raw = f"{BODY}\n\nHere is how to sign up for the bundled plan, step by step:\n\n* Open an account\n\n* Upgrade it\n\n* Sign up for the bundle\n\nMenu\n\nSearch\n\nLog in"
    art = cleaner.clean(raw)
    assert art.text.endswith("* Sign up for the bundle")


def test_an_embedded_post_at_the_end_stays():
    raw = (
        f"{BODY}\n\nWho are we as a nation if we respond to threats with more threats? pic.twitter.com/s96jjh8\n\n"
        "— Rep. Jane Roe (@janeroe) November 19, 2019\n\nShare\n\nTweet\n\nEmail\n\nMost Read"
    )
    art = cleaner.clean(raw)
    assert art.text.endswith("— Rep. Jane Roe (@janeroe) November 19, 2019")


def test_repeated_share_line_is_cut():
    widget = "Whatsapp Facebook Pin Download"
    raw = f"{P1}\n\n{widget}\n\n{P2}\n\n{widget}\n\n{P3}\n\n{widget}"
    art = cleaner.clean(raw)
    assert widget not in art.text
    assert all(r == "boilerplate.repeated_line" for r in rules_of(art, widget))
    assert art.text == BODY


def test_repeated_short_prose_and_table_rows_are_not_widget_lines():
    raw = f"{P1}\n\nIt was 3-1.\n\n{P2}\n\nIt was 3-1.\n\n{P3}\n\nIt was 3-1."
    assert cleaner.clean(raw).text.count("It was 3-1.") == 3


def test_teasers_after_a_related_heading_are_cut_to_the_end():
    teasers = "\n\n".join(
        f"Teaser number {i} tells of another story entirely, in one paragraph of text.\n\nShare on Facebook"
        for i in range(3)
    )
    art = cleaner.clean(f"{BODY}\n\n{P1} More.\n\nYou may also like\n\n{teasers}")
    assert "Teaser number" not in art.text
    assert any(c.rule == "boilerplate.after_end_marker" for c in art.removed)


def test_body_after_an_inline_related_box_stays():
    raw = f"{P1}\n\n{P2}\n\nRelated Stories\n\n* A title of another story\n\n* Yet another title here\n\n{P3}\n\n{P1} It went on."
    art = cleaner.clean(raw)
    assert P3 in art.text and f"{P1} It went on." in art.text


def test_privacy_text_after_a_comment_form_is_cut():
    raw = (
        f"{BODY}\n\n{P1} And so on.\n\n{P2} And so on.\n\nLeave a Reply\n\nYour email address will not be published. Required fields are marked *\n\n"
        "Name *\n\nEmail *\n\nBy submitting this form you agree to our using your data to publish your comment on this site.\n\n"
        "Your personal data will only be given to third parties to filter spam or when the law requires it."
    )
    art = cleaner.clean(raw)
    assert "personal data" not in art.text
    assert art.text.endswith(f"{P2} And so on.")


def test_comment_link_above_the_body_does_not_end_it():
    raw = f"{P1}\n\nJoin the discussion\n\n{P2}\n\n{P3}\n\n{P1} Once more.\n\n{P2} Once more."
    art = cleaner.clean(raw)
    assert f"{P2} Once more." in art.text


def test_lookalike_prose_survives():
    for prose in (
        "Related issues were discussed at length during the summit in Geneva.",
        "Category: the law groups rentals into three bands by floor area and location.",
        "A video of the debate had 274 views by Monday morning, the organisers said.",
        "Most popular among the voters was the plan to build the bridge.",
        "Menu prices at the canteen rose by a third this year, the union said.",
    ):
        art = cleaner.clean(f"{P1}\n\n{prose}\n\n{P2}\n\n{P3}")
        assert prose in art.text, prose


def test_shapes():
    assert is_prose(P1)
    assert is_prose("These are the teams that have qualified for the finals so far:")
    assert not is_prose("calendar 2018, stock car, racing brazil, interlagos track, velopark race, curitiba circuit")
    assert is_row("* Finland (Group J): Zero appearances")
    assert not is_row("Published 2:16 AM EST Nov 20, 2019")
    assert not is_row("* Most Read")


def test_no_prose_no_cut():
    raw = "Menu\n\nSearch\n\nHome\n\nContact\n\nAbout"
    assert not any(c.rule.startswith("boilerplate.") for c in cleaner.clean(raw).removed)


def test_cleaning_the_output_again_cuts_nothing():
    top = "World\n\nPolitics\n\nBusiness"
    raw = f"Skip to main content\n\n{top}\n\nA Title For The Story Here\n\nBy Jane Roe\n\n{BODY}\n\nTags\n\n* a\n\n* b\n\n© 2019 Example"
    once = cleaner.clean(raw)
    twice = cleaner.clean(once.text)
    assert twice.text == once.text
    assert not twice.removed


# --- the shared per-document facts must give the answers the text functions give --------------------------

from hypothesis import given, settings, strategies as st  # noqa: E402

from cleaner.reflow import Paragraph  # noqa: E402
from cleaner.rules import DocumentView  # noqa: E402
from cleaner.rules.boilerplate import _keyword_list, prose_flags, size  # noqa: E402

_TOKENS = st.sampled_from(["a", "bb", "Word", ",", " ", " , ", ",,", "x.", "  ", "end.", "* ", "http://x.y", ":"])


def _reference_keyword_list(text: str) -> bool:
    items = text.split(",")
    if len(items) < 5:
        return False
    return sum(len(i.split()) for i in items) <= 3 * len(items) and not text.rstrip().endswith((".", "!", "?"))


@settings(max_examples=500)
@given(st.lists(_TOKENS, max_size=80).map("".join))
def test_keyword_list_shortcut_gives_the_full_answer(text):
    assert _keyword_list(text, len(text.split())) == _keyword_list(text) == _reference_keyword_list(text)


@settings(max_examples=200)
@given(st.lists(st.lists(_TOKENS, min_size=1, max_size=60).map("".join), min_size=1, max_size=8))
def test_prose_flags_match_is_prose_on_every_paragraph(texts):
    doc = DocumentView([Paragraph(t, i, i) for i, t in enumerate(texts)])
    assert prose_flags(doc) == [is_prose(t) for t in texts]
    assert doc.word_counts() == [len(t.split()) for t in texts]
    assert [size(t) for t in texts] == [max(len(t.split()), len(t) // 7 if " " in t else len(t) // 3) for t in texts]


def test_short_up_to_holds_exactly_the_short_paragraphs():
    texts = ["x" * n for n in (5, 700, 40, 41, 160, 3, 512, 513)]
    doc = DocumentView([Paragraph(t, i, i) for i, t in enumerate(texts)])
    assert sorted(i for i, *_ in doc.short_up_to(40)) == [0, 2, 5]
    assert sorted(i for i, *_ in doc.short_up_to(512)) == [0, 2, 3, 4, 5, 6]
    assert doc.short_up_to(513) is None


def test_intro_and_section_heading_above_a_table_stay():
    # The intro sentence and the heading of the first table stand above the body's best-scoring run,
    # separated from it by the table's header row, which the rules cut as a repeated line.
    furniture = "Share this story\n\n* Share on Facebook\n\n* Share on Twitter\n\n* Email\n\nPhoto by Jane Roe/Getty Images"
    intro = "Below, we look at the minutes and the goals of every player in the squad over the weekend."
    header = "Pos Player Minutes Goals"
    sections = []
    for name, players in (("Defenders", ("Ann Berg", "Bea Cole")), ("Midfield", ("Cid Dunn", "Dee Eck")),
                          ("Forwards", ("Eva Fox", "Flo Gill"))):
        rows = [f"{name[:2].upper()} {p} {60 + k} min, {k} goals and {k + 1} shots on target." for k, p in enumerate(players)]
        sections.append("\n\n".join([name, header, *rows]))
    raw = f"{furniture}\n\n{intro}\n\n" + "\n\n".join(sections)
    art = cleaner.clean(raw)
    assert art.text.startswith(f"{intro}\n\nDefenders\n\n")
    assert rules_of(art, "Share this story") == ["social.share"]
