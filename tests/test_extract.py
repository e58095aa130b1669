"""Metadata parsers: dates, authors, counts and captions."""

from __future__ import annotations

import pytest

from cleaner.extract.authors import is_name, parse_byline, reporting_credit, split_names
from cleaner.extract.captions import split_caption
from cleaner.extract.counts import parse_count
from cleaner.extract.dates import date_candidate, date_line, parse_date


@pytest.mark.parametrize(
    "text,iso",
    [
        ("June 08, 2018", "2018-06-08"),
        ("5 November 2020", "2020-11-05"),
        ("14.06.2018", "2018-06-14"),
        ("2019-07-22", "2019-07-22"),
        ("Nov. 19, 2019 8:03 am ET", "2019-11-19"),
        ("10 October, 2018", "2018-10-10"),
        ("5. November 2020", "2020-11-05"),
        ("5 novembre 2020", "2020-11-05"),
        ("5 de noviembre de 2020", "2020-11-05"),
        ("5 ноября 2020", "2020-11-05"),
        ("5 ноября 2020 г.", "2020-11-05"),
        ("5 листопада 2020 року", "2020-11-05"),
        ("5 listopada 2020 r.", "2020-11-05"),
        ("5 november 2020", "2020-11-05"),
        ("3 maart 2020", "2020-03-03"),
        ("Tuesday, 19 November 2019", "2019-11-19"),
        ("Published: 2019-11-20T10:31:00Z", "2019-11-20"),
        ("11/20/2019", "2019-11-20"),
        ("20/11/2019", "2019-11-20"),
    ],
)
def test_date_lines_parse_to_iso(text, iso):
    assert date_line(text) == iso


@pytest.mark.parametrize("text", ["03/04/2019", "February 30, 2019", "June 9-10", "5530296", "2019"])
def test_ambiguous_or_invalid_dates_are_null(text):
    assert parse_date(text) is None


def test_date_inside_prose_is_not_a_date_line():
    assert date_line("The summit on June 12, 2018 was short and ended early.") is None
    assert parse_date("The summit on June 12, 2018 was short.") == "2018-06-12"


@pytest.mark.parametrize(
    "text,names",
    [
        ("By Vladimir Frolov", ["Vladimir Frolov"]),
        ("By A. B. Smith and Jane Roe", ["A. B. Smith", "Jane Roe"]),
        ("By STEVE PEOPLES, AP National Political Writer", ["Steve Peoples"]),
        ("Posted on June 8, 2018 by Anna Smith", ["Anna Smith"]),
        ("By Maria dos Santos, Jean-Luc Picard and Seán O'Brien", ["Maria dos Santos", "Jean-Luc Picard", "Seán O'Brien"]),
        ("By Jane Roe@janeroe Nov 18, 2019, 11:47am EST", ["Jane Roe"]),
        ("By Jane Roe (@janeroe) and John Doe", ["Jane Roe", "John Doe"]),
        ("By Jane Roe Updated Nov 13, 2019, 10:28am EST", ["Jane Roe"]),
        ("By Jane Roe, last updated: 5 November 2020", ["Jane Roe"]),
        ("Posted by Jane Roe in Politics & Society", ["Jane Roe"]),
    ],
)
def test_bylines(text, names):
    assert parse_byline(text) == names


@pytest.mark.parametrize("text", ["By the way, the meeting was short.", "By 2020 the market had grown.", "by far the largest"])
def test_not_bylines(text):
    assert parse_byline(text) is None


def test_reporting_credit_gives_reporters_not_editors():
    assert reporting_credit("(Reporting by Rodrigo Campos; Editing by Dan Grebler)") == ["Rodrigo Campos"]
    assert reporting_credit("The reporting by the paper was wrong.") is None


def test_names():
    assert is_name("Paul D. Shinkman")
    assert not is_name("Comments are closed.")
    assert split_names("Meg Kinnard and Errin Haines") == ["Meg Kinnard", "Errin Haines"]


@pytest.mark.parametrize("text,n", [("1,204", 1204), ("12K", 12000), ("1.2K", 1200), ("274", 274), ("3M", 3_000_000)])
def test_counts(text, n):
    assert parse_count(text) == n


def test_caption_with_photo_id_and_slash_credit():
    cap = split_caption("5530296 14.06.2018 June 14, 2018. Putin meets Kim. Alexei Druzhinin / Sputnik")
    assert cap.text == "June 14, 2018. Putin meets Kim."
    assert cap.credit == "Alexei Druzhinin / Sputnik"


def test_caption_with_parenthesised_credit():
    cap = split_caption("Workers leave the plant on Monday. (AP Photo/Evan Vucci)")
    assert (cap.text, cap.credit) == ("Workers leave the plant on Monday.", "AP Photo/Evan Vucci")


def test_caption_without_credit():
    cap = split_caption("Workers leave the plant on Monday.")
    assert (cap.text, cap.credit) == ("Workers leave the plant on Monday.", None)


@pytest.mark.parametrize(
    "text,iso",
    [
        ("Nov 19 20197:05 AM EST", "2019-11-19"),  # year and time run together by the scrape
        ("20. April 201713. Juni 2017", "2017-04-20"),  # published and modified dates run together
        ("Posted on28. Juli 2019", "2019-07-28"),
        ("18.11.2019Get short URL", "2019-11-18"),
        ("2.03.2018von Jane Roe", "2018-03-02"),  # the date run into the byline
        ("By Jane Roe - 11/18/19 11:04 PM EST", "2019-11-18"),  # a two-digit year, the order told by the day
        ("18/11/19", "2019-11-18"),
        ("06.11.23", "2023-11-06"),
        ("4 mrt 2020", "2020-03-04"),  # month abbreviations the table lacks: dateparser reads them
        ("12 sty 2021", "2021-01-12"),
        ("3 janv. 2021", "2021-01-03"),
        ("5 дек. 2020", "2020-12-05"),
    ],
)
def test_glued_and_abbreviated_dates(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize("text", ["Omar 5, 2019", "1.2.23", "03/04/19", "24/7/365", "the 3 times 2019", "by 5 votes 2019", "Sunday 12 2019"])
def test_not_dates(text):
    assert parse_date(text) is None


@pytest.mark.parametrize(
    "text,found",
    [
        ("Published: Tuesday, March 3, 2020 08:38 AM | Updated: March 4, 2020", ("2020-03-03", "published")),
        ("PUBLISHED: November 8, 2023 at 4:56 p.m. | UPDATED: November 9, 2023 at 6:00 p.m.", ("2023-11-08", "published")),
        ("Publié le 3 mars 2020 à 08h38, mis à jour le 4 mars 2020", ("2020-03-03", "published")),
        ("Updated 1:39 am EST, Wednesday, November 20, 2019", ("2019-11-20", "updated")),
        ("Stand: 12.03.2019, 14:05 Uhr", ("2019-03-12", "updated")),
        ("Mi, 18. Oktober 2023 um 12:50 Uhr", ("2023-10-18", "plain")),
        ("Jane Roe 27/09/2018 Comment!", ("2018-09-27", "plain")),
        ("by Jane September 15, 2014", ("2014-09-15", "plain")),
        ("Monday May 18, 2020 7:45 am PST by Jane Roe", ("2020-05-18", "plain")),
        ("* Nov 19, 2019 at 6:46 pm ET • 2 min read", ("2019-11-19", "plain")),
        ("Veröffentlicht am 15/07/2014 von Guido Beyss", ("2014-07-15", "published")),
        ("Publicado el 5 de noviembre de 2020", ("2020-11-05", "published")),
        ("Pubblicato il 4 marzo 2020", ("2020-03-04", "published")),
    ],
)
def test_date_candidates(text, found):
    assert date_candidate(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "Am 19. Oktober 2019 gastiert Borussia Mönchengladbach bei Borussia Dortmund.",
        "The summit on June 12, 2018 was short and ended early.",
        "— Jane Roe (@janeroe) November 19, 2019",  # an embedded post's signature
        "FILE PHOTO: Traders work on the floor in New York, U.S., November 18, 2019. REUTERS/Jane Roe",
    ],
)
def test_not_date_candidates(text):
    assert date_candidate(text) is None


@pytest.mark.parametrize(
    "text,found",
    [
        ("07/05/2022 20H06 - ACTUALIZADO A 07/05/2022 20H17", ("2022-05-07", "plain")),
        ("Publicado el 03/05/2022 a las 22h03", ("2022-05-03", "published")),
        ("Actualizado al 03/05/2022 22:46", ("2022-05-03", "updated")),
    ],
)
def test_day_first_where_the_line_is_not_written_the_us_way(text, found):
    assert date_candidate(text) == found


@pytest.mark.parametrize("text", ["Published 03/05/2022", "03/05/2022 22:46"])
def test_ambiguous_numeric_date_of_an_english_or_bare_line_is_null(text):
    assert date_candidate(text) is None
