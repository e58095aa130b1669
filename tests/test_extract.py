"""Metadata parsers: dates, authors, counts and captions."""

from __future__ import annotations

import pytest

from cleaner.extract.authors import is_name, parse_byline, reporting_credit, split_names
from cleaner.extract.captions import split_caption
from cleaner.extract.counts import parse_count
from cleaner.extract.dates import date_line, parse_date


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
