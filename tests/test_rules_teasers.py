"""Teaser cards at the end of the document and teasers embedded in the body."""

from __future__ import annotations

import cleaner

P1 = "The council met on Monday to discuss the budget for the coming year, officials said after the session."
P2 = "Members argued for three hours about the cost of the new bridge and the repairs to the old library."
P3 = "A final vote is expected next month, when the auditors will have delivered their report on the accounts."
BODY = f"{P1}\n\n{P2}\n\n{P3}"


def card(n: int) -> str:
    return (
        f"+ Another story number {n} in the list\n\nJane Roe\n\nTuesday November 19, 2019\n\n"
        f"Summary of story {n}, which runs to a single paragraph of some length and ends here."
    )


def test_teaser_cards_at_the_end_are_cut():
    raw = f"{BODY}\n\n" + "\n\n".join(card(n) for n in range(3))
    art = cleaner.clean(raw)
    assert art.text == BODY
    assert "Another story number 0 in the list" in art.related
    assert not art.authors and art.published is None  # teaser bylines never become the article's


def test_cards_under_a_related_heading_leave_the_end_of_the_article():
    # The post signature and the author's name end the article; the cards start at the heading.
    tail = "— Jane Roe (@janeroe) November 19, 2019\n\nKab Niang"
    raw = f"{BODY}\n\n{tail}\n\nRelated articles\n\n" + "\n\n".join(card(n) for n in range(3))
    art = cleaner.clean(raw)
    assert art.text.startswith(f"{BODY}\n\n— Jane Roe (@janeroe) November 19, 2019")
    cards = [c.text for c in art.removed if c.rule == "teasers.card"]
    assert not any(line in cards for line in tail.split("\n\n"))
    # every card is cut, the first one's summary too (its title and byline went with the heading's list)
    assert sum(text.startswith("Summary of story") for text in cards) == 3


def test_one_card_is_no_teaser_list():
    # title, byline, date, first paragraph: the article's own header, followed by its body
    raw = card(0) + f"\n\n{BODY}"
    art = cleaner.clean(raw)
    assert P3 in art.text
    assert not any(c.rule == "teasers.card" for c in art.removed)


def test_cards_followed_by_body_text_stay():
    raw = f"{P1}\n\n" + "\n\n".join(card(n) for n in range(2)) + f"\n\n{P2}\n\n{P3}"
    art = cleaner.clean(raw)
    assert not any(c.rule == "teasers.card" for c in art.removed)


def test_headline_printed_twice_in_the_body_is_an_embedded_teaser():
    embed = "Business\nOther company renames itself after the dispute\nBusiness\nOther company renames itself after the dispute\nThe owner has a new name and a newly elected board."
    raw = f"{P1}\n\n{P2}\n\n{embed}\n\n{P3}"
    art = cleaner.clean(raw)
    assert "newly elected board" not in art.text
    assert "Other company renames itself after the dispute" in art.related
    assert P3 in art.text


def test_table_header_printed_twice_is_no_teaser():
    table = "Pos Player Plays % Stats\nPos Player Plays % Stats\nDL Larry Smith 63 85% 1 tackle (1 combined).\nDL Myles Roe 57 77% 3 tackles."
    raw = f"{P1}\n\n{table}\n\n{P2}\n\n{P3}"
    art = cleaner.clean(raw)
    assert "DL Larry Smith 63 85% 1 tackle (1 combined)." in art.text
    assert not any(c.rule == "teasers.embedded" for c in art.removed)


def test_subheading_repeated_once_is_not_an_embed_without_a_block():
    raw = f"{P1}\n\nThe plan\n\n{P2}\n\nThe plan\n\n{P3}"
    art = cleaner.clean(raw)
    assert not any(c.rule == "teasers.embedded" for c in art.removed)


def test_decoration_lines_after_a_trailing_date_do_not_hide_it():
    # '• • •' lines are cut as repeats only after the teaser rules ran; the date before them is trailing
    # on the first clean already, so a second clean finds nothing more.
    raw = f"{BODY}\n\nShare this:\n\nJune 08, 2018\n\n• • •\n• • •\n• • •"
    c = cleaner.Cleaner(detect_language=False)
    once = c.clean(raw)
    assert once.text == BODY
    assert "teasers.trailing_byline" in [cut.rule for cut in once.removed]
    assert c.clean(once.text).text == once.text
