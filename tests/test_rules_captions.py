"""Captions that end with a labelled credit."""

from __future__ import annotations

import cleaner
from cleaner.rules.captions import LABELLED

P1 = "The council met on Monday to discuss the budget for the coming year, officials said after the session."
P2 = "Members argued for three hours about the cost of the new bridge and the repairs to the old library."


def test_labelled_credit_caption_is_cut_and_recorded():
    cap = "A reference habitation module for a crewed Mars mission. Credit: ESA"
    art = cleaner.clean(f"{P1}\n\n{cap}\n\n{P2}")
    assert cap not in art.text
    assert art.captions[0].credit == "ESA"


def test_source_lines_and_prose_with_credit_stay():
    for text in (
        "The figures were released on Monday. Source: Census Bureau",
        "The agency released the image on Monday. Credit: the agency said the photograph was taken by a drone.",
    ):
        assert LABELLED.match(text) is None
        assert text in cleaner.clean(f"{P1}\n\n{text}\n\n{P2}").text
