"""The header above the body: title, subtitle, byline and date, taken only when confirmed."""

from __future__ import annotations

import cleaner
from cleaner.extract.header import strip_title

P1 = "The council met on Monday to discuss the budget for the coming year, officials said after the session."
P2 = "Members argued for three hours about the cost of the new bridge and the repairs to the old library."
P3 = "A final vote is expected next month, when the auditors will have delivered their report on the accounts."
BODY = f"{P1}\n\n{P2}\n\n{P3}"
NAV = "Skip to main content\n\nMenu\n\nSearch\n\nWorld\n\nPolitics"


def test_title_byline_date_at_the_top():
    art = cleaner.clean(f"Council Splits Over Bridge Budget\n\nBy Jane Roe\n\nNovember 19, 2019\n\n{BODY}")
    assert (art.title, art.authors, art.published) == ("Council Splits Over Bridge Budget", ("Jane Roe",), "2019-11-19")
    assert art.text == BODY


def test_header_below_the_navigation():
    raw = f"{NAV}\n\nCouncil Splits Over Bridge Budget\n\nMembers could not agree on what to cut first\n\nBy Jane Roe\n\nNov. 19, 2019 8:03 am ET\n\n{BODY}"
    art = cleaner.clean(raw)
    assert art.title == "Council Splits Over Bridge Budget"
    assert art.subtitle == "Members could not agree on what to cut first"
    assert art.authors == ("Jane Roe",) and art.published == "2019-11-19"
    assert art.text == BODY


def test_lone_by_then_the_name():
    art = cleaner.clean(f"{NAV}\n\nCouncil Splits Over Bridge Budget\n\nBy\n\nJane Roe\n\nJane Roe\n\n{BODY}")
    assert art.title == "Council Splits Over Bridge Budget" and art.authors == ("Jane Roe",)


def test_name_and_role_without_by():
    art = cleaner.clean(f"{NAV}\n\nCouncil Splits Over Bridge Budget\n\nTom Krisher, AP Auto Writer\n\nUpdated 1:39 am EST, Wednesday, November 20, 2019\n\n{BODY}")
    assert art.title == "Council Splits Over Bridge Budget"
    assert art.authors == ("Tom Krisher",) and art.published == "2019-11-20"


def test_headline_opening_the_page_right_above_the_prose():
    # Nothing but navigation above it and the article right under it: the headline, without a byline.
    art = cleaner.clean(f"{NAV}\n\nCouncil Splits Over Bridge Budget\n\n{BODY}")
    assert art.title == "Council Splits Over Bridge Budget" and not art.authors and art.published is None
    assert "Council Splits" not in art.text and art.text.endswith(BODY)
    assert cleaner.clean(art.text).text == art.text


def test_two_headline_shaped_lines_without_a_byline_give_no_title():
    art = cleaner.clean(f"Another Story About Electric Cars\n\nCouncil Splits Over Bridge Budget\n\n{BODY}")
    assert art.title is None and not art.authors and art.published is None


def test_a_kicker_above_the_headline_is_not_the_title():
    art = cleaner.clean(f"{NAV}\n\nBudget Talks\n\nCouncil Splits Over Bridge Budget\n\nNovember 19, 2019\n\n{BODY}")
    assert art.title == "Council Splits Over Bridge Budget" and art.published == "2019-11-19"


def test_a_line_under_the_header_that_would_read_as_a_headline_goes_with_it():
    # Once the title and byline are cut, 'Subscribe on Telegram' would open the page right above the prose:
    # a second clean would take it as the title, so the header takes it now, as the subtitle.
    raw = f"Council Splits Over Bridge Budget\n\nBy Jane Roe\n\nPodpisyvaytes' na nas v Telegram\n\n{BODY}"
    art = cleaner.clean(raw)
    assert art.title == "Council Splits Over Bridge Budget" and art.authors == ("Jane Roe",)
    assert art.subtitle == "Podpisyvaytes' na nas v Telegram" and art.text == BODY
    assert cleaner.clean(art.text).text == art.text


def test_dated_names_footers_and_menus_are_no_headline():
    for line in ("Martina Berg 19. Juni 2019", "25.10.2022 - Reiner Nagel", "Kontakt Impressum © 2019 Example",
                 "Website /Kommunikation /Aktuelles /Single News", "Schreibe eine Antwort bitte hier"):
        art = cleaner.clean(f"{line}\n\n{BODY}")
        assert art.title is None, line


def test_section_label_with_a_date_is_not_the_title():
    raw = f"Home Music Music News\n\nNovember 19, 2019 12:04AM ET\n\nCouncil Splits Over Bridge Budget\n\nBy Jane Roe\n\n{BODY}"
    assert cleaner.clean(raw).title == "Council Splits Over Bridge Budget"


def test_teaser_list_above_the_body_gives_no_title():
    teasers = "\n\n".join(f"Another story number {n} about cars\n\nNovember {n + 10}, 2016" for n in range(4))
    art = cleaner.clean(f"{NAV}\n\n{teasers}\n\n{BODY}")
    assert art.title is None and art.published is None


def test_menu_words_are_no_author():
    art = cleaner.clean(f"Council Splits Over Bridge Budget\n\nSign In\n\nWatch TV\n\n{BODY}")
    assert "Sign In" not in art.authors and "Watch TV" not in art.authors


def test_caption_and_credit_do_not_win_over_the_title():
    raw = (
        f"Council Splits Over Bridge Budget\n\nDetroit News wire services\n\nPublished 11:11 PM EST Nov 19, 2019\n\n"
        f"The bridge at dusk on Monday evening\n\nAl Goldis, Associated Press\n\n{BODY}"
    )
    art = cleaner.clean(raw)
    assert art.title == "Council Splits Over Bridge Budget" and art.published == "2019-11-19"


def test_relative_time_stamp_is_no_title():
    raw = f"{NAV}\n\nCouncil Splits Over Bridge Budget\n\nBy Jane Roe\n\nPublished 22 hours ago\n\n{BODY}"
    art = cleaner.clean(raw)
    assert art.title == "Council Splits Over Bridge Budget"
    assert "Published 22 hours ago" not in art.text


def test_title_wrapped_over_two_lines():
    raw = f" On North Korea, Trump Has Putin\nPlaying Second Fiddle (Op-ed)\n\nBy Vladimir Frolov\n\nJune 08, 2018\n\n{BODY}"
    assert cleaner.clean(raw).title == "On North Korea, Trump Has Putin Playing Second Fiddle (Op-ed)"


def test_cleaning_the_output_again_takes_no_header():
    raw = f"{NAV}\n\nCouncil Splits Over Bridge Budget\n\nBy Jane Roe\n\nNovember 19, 2019\n\nA short first line\n\n{BODY}"
    once = cleaner.clean(raw)
    twice = cleaner.clean(once.text)
    assert twice.title is None and not twice.removed
    assert twice.text == once.text


def test_a_sentence_broken_over_two_lines_is_not_a_title_and_credit():
    # 'report' is a credit word ('Staff Reports'), but a line that starts in lower case ends a sentence.
    raw = (
        "Prices rose by 3.2 percent in March, the statistics office said. Shares of the company fell sharply\n"
        "after the report was published."
    )
    article = cleaner.clean(raw)
    assert article.title is None
    assert article.removed == ()
    assert cleaner.clean(article.text).text == article.text


def test_share_menu_header_with_handle_and_comment_counter():
    # The header of a blog platform: a comment counter above the dek, a byline with the author's handle glued
    # to the name and 'Updated' before the date, then a share menu whose label repeats the headline.
    raw = (
        "Council Splits Over Bridge Budget\n\nNew, 12 comments\n\n"
        "Members could not agree on what to cut first\n\n"
        "By Jane Roe@janeroe Updated Nov 19, 2019, 8:03am EST\n\n"
        "Share this story\n\n  * Share this on Facebook\n  * Share this on Twitter\n  * All sharing options\n\n"
        "All sharing options for: Council Splits Over Bridge Budget\n\n  * Reddit\n  * Pocket\n  * Email\n\n"
        f"{BODY}"
    )
    art = cleaner.clean(raw)
    assert (art.title, art.authors, art.published) == ("Council Splits Over Bridge Budget", ("Jane Roe",), "2019-11-19")
    assert art.subtitle == "Members could not agree on what to cut first"
    assert art.comment_count == 12
    assert art.text == BODY
    assert "social.share_options" in {c.rule for c in art.removed}


def test_russian_header_and_debris():
    body = (
        "Правительство объявило в понедельник о новых мерах по поддержке рынка жилья, сообщили в министерстве.\n\n"
        "Эксперты ожидают, что цены на квартиры в крупных городах перестанут расти к концу следующего года."
    )
    raw = f"Рынок жилья получит поддержку\n\nАвтор: Иван Петров\n\n12 ноября 2019 г.\n\n{body}\n\nПоделиться\n\nКомментарии (3)\n\nПросмотров: 1 204"
    art = cleaner.clean(raw)
    assert (art.title, art.authors, art.published) == ("Рынок жилья получит поддержку", ("Иван Петров",), "2019-11-12")
    assert (art.comment_count, art.views, art.language) == (3, 1204, "ru")
    assert art.text == body


def test_date_line_without_a_byline_gives_the_date():
    art = cleaner.clean(f"{NAV}\n\nCouncil Splits Over Bridge Budget\n\nMi, 18. Oktober 2023 um 12:50 Uhr\n\n{BODY}")
    assert art.published == "2023-10-18"
    assert "Mi, 18. Oktober 2023 um 12:50 Uhr" not in art.text


def test_published_wins_over_updated():
    raw = f"{NAV}\n\nCouncil Splits Over Bridge Budget\n\nUpdated: November 21, 2019\n\nPublished: November 19, 2019\n\n{BODY}"
    assert cleaner.clean(raw).published == "2019-11-19"


def test_date_glued_to_a_byline_and_categories():
    raw = f"{NAV}\n\nCouncil Splits Over Bridge Budget\n\nJane Roe 27/09/2018 2 Comments News, Politics\n\n{BODY}"
    assert cleaner.clean(raw).published == "2018-09-27"


def test_a_dated_dek_keeps_its_text_and_gives_no_date_from_it():
    dek = "Bern, 17.08.2007 - Rede des Ministers beim Städtegipfel der Partei in Basel"
    art = cleaner.clean(f"{NAV}\n\nCouncil Splits Over Bridge Budget\n\n{dek}\n\n{BODY}")
    assert dek in art.text or dek in {c.text for c in art.removed if c.rule != "header.date"}


def test_caption_and_embedded_post_dates_never_count():
    raw = (
        f"{NAV}\n\nCouncil Splits Over Bridge Budget\n\n"
        "FILE PHOTO: The old bridge in the city on November 18, 2019. REUTERS/Jane Roe\n\n"
        f"{P1}\n\n— Jane Roe (@janeroe) November 17, 2019\n\n{P2}\n\n{P3}"
    )
    assert cleaner.clean(raw).published is None


def test_a_date_below_the_title_wins_over_the_sites_date_above_it():
    raw = f"November 20, 2019\n\n{NAV}\n\nCouncil Splits Over Bridge Budget\n\nBy Jane Roe\n\nNov. 17, 2019 8:03 am ET\n\n{BODY}"
    assert cleaner.clean(raw).published == "2019-11-17"


def test_headline_first_with_a_date_line_and_no_byline():
    art = cleaner.clean(f"Council Splits Over Bridge Budget\n\nMenu\n\n19. November 2019\n\n{BODY}")
    assert (art.title, art.published) == ("Council Splits Over Bridge Budget", "2019-11-19")


def test_headline_first_and_repeated_by_the_share_widget():
    raw = f"Council Splits Over Bridge Budget\n\n{BODY}\n\nShare this: Council Splits Over Bridge Budget"
    art = cleaner.clean(raw)
    assert art.title == "Council Splits Over Bridge Budget"


def test_breadcrumb_and_site_name_are_stripped_from_the_title():
    assert strip_title("Startseite » Beauty » Council Splits Over Bridge Budget") == "Council Splits Over Bridge Budget"
    raw = f"{NAV}\n\nCouncil splits over the bridge budget | The Daily Example\n\nBy Jane Roe\n\n{BODY}"
    assert cleaner.clean(raw).title == "Council splits over the bridge budget"


def test_a_widget_label_is_no_title():
    art = cleaner.clean(f"Zum Inhalt springen\n\nGefällt mir Wird geladen...\n\n19. November 2019\n\n{BODY}")
    assert art.title is None and art.published == "2019-11-19"


def test_a_lone_heading_with_nothing_for_it_is_no_title():
    # Neither first on the page, nor dated, nor printed again: null rather than a guess.
    art = cleaner.clean(f"{BODY}\n\nCouncil Splits Over Bridge Budget\n\n{BODY}")
    assert art.title is None


def test_byline_glued_to_a_date_without_a_title():
    art = cleaner.clean(f"{NAV}\n\n5:45 AM PST 11/19/2019 by Jane Roe\n\n{BODY}")
    assert (art.authors, art.published) == (("Jane Roe",), "2019-11-19")


def test_name_run_into_its_role_or_handle():
    art = cleaner.clean(f"Council Splits Over Bridge Budget\n\nBy Jane RoeStaff Writer\n\n{BODY}")
    assert art.authors == ("Jane Roe",)
    art = cleaner.clean(f"{NAV}\n\nCouncil Splits Over Bridge Budget\n\nMenu\n\nJane Roe@janeroe\n\n{BODY}")
    assert art.authors == ("Jane Roe",)


def test_agency_byline():
    art = cleaner.clean(f"{NAV}\n\nCouncil Splits Over Bridge Budget\n\nReuters November 18, 2019 11:03 PM\n\n{BODY}")
    assert (art.authors, art.published) == (("Reuters",), "2019-11-18")


def test_list_items_and_section_labels_are_no_authors():
    raw = f"{NAV}\n\nCouncil Splits Over Bridge Budget\n\nKey Points\n\n  * By Jane Roe\n\n  * Product Features\n\n{BODY}"
    assert cleaner.clean(raw).authors == ()


def test_teaser_bylines_of_several_names_give_none():
    teasers = "\n\n".join(f"Story number {n} about cars\n\nBy {name}" for n, name in enumerate(["Jane Roe", "John Doe", "Ann Lee"]))
    art = cleaner.clean(f"{NAV}\n\n{teasers}\n\n{BODY}")
    assert art.authors == ()


def test_more_byline_forms():
    from cleaner.extract.header import byline_of

    assert byline_of("Por Mariano Martín mmartin@example.com") == (("Mariano Martín",), None)
    assert byline_of("Ein Artikel von Miriam Roe, veröffentlicht am 23.01.2020") == (("Miriam Roe",), "2020-01-23")
    assert byline_of("By Martin Roe On 12. Dezember 2022") == (("Martin Roe",), "2022-12-12")
    assert byline_of("By Maria do Carmo Silva") == (("Maria do Carmo Silva",), None)
    for text in ("By Ela on 31. October, 2023 | 18 Comments", ", Staff Writer", "| 12.03.2019", "- Jane"):
        assert byline_of(text) is None




def test_byline_forms_read_from_the_header_zone():
    from cleaner.extract.header import byline_of

    assert byline_of("1. Februar 2022 , Daniel Dillenburg") == (("Daniel Dillenburg",), "2022-02-01")
    assert byline_of("By Martin Jendrischik On 12. Dezember 2022") == (("Martin Jendrischik",), "2022-12-12")
    # a photo caption names the person pictured and the photographer, not the author
    assert byline_of("Rep. Mark Meadows. | Alex Wong/Getty Images") is None
    assert byline_of("2. Jane Roe") is None  # a numbered list item


def test_name_and_role_or_outlet_after_a_comma():
    from cleaner.extract.authors import parse_byline, split_names

    assert parse_byline("by Bob Yirka , Phys.org") == ["Bob Yirka"]
    assert split_names("M. Franck Riester, Ministre de la Culture") == ["M. Franck Riester"]


def test_agency_byline_under_the_title():
    art = cleaner.clean(f"Council Splits Over Bridge Budget\n\nBy Staff Reports -\n\n{BODY}")
    assert art.title == "Council Splits Over Bridge Budget" and art.authors == ("Staff Reports",)


def test_bare_name_over_the_date_is_the_byline():
    art = cleaner.clean(f"{NAV}\n\nCouncil Splits Over Bridge Budget\n\n{P1}\n\nJeanne Corriveau\n\n19 février 2020\n\n{P2}\n\n{P3}")
    assert art.authors == ("Jeanne Corriveau",) and art.published == "2020-02-19"
    # an organisation over a date is a section label, not an author
    art = cleaner.clean(f"{NAV}\n\nCouncil Splits Over Bridge Budget\n\n{P1}\n\nEuropäische Union\n\n19 février 2020\n\n{P2}\n\n{P3}")
    assert art.authors == ()


def test_additional_reporting_is_no_author():
    art = cleaner.clean(f"Council Splits Over Bridge Budget\n\nBy Jane Roe\n\n{BODY}\n\nAdditional reporting by John Doe")
    assert art.authors == ("Jane Roe",) and "Additional reporting" not in art.text


def test_blog_date_line_with_its_comment_link():
    from cleaner.extract.dates import date_candidate

    line = "Dezember 10, 2019 · von freeman1984 · in Uncategorized · Hinterlasse einen Kommentar"
    assert date_candidate(line) == ("2019-12-10", "plain")


def test_section_names_labels_and_numbers_are_no_title():
    for line in ("Beauty & Lifestyle", "Veröffentlicht in Body & Fitness", "Zurück zur Übersicht", "0800 000 98 00",
                 "01.02.2022 | Breuninger-Meeting", "Montag - Freitag 8-20 Uhr"):
        art = cleaner.clean(f"{line}\n\nBy Jane Roe\n\n{BODY}")
        assert art.title is None, line


def test_bulleted_by_line_right_under_the_title():
    art = cleaner.clean(f"{NAV}\n\nCouncil Splits Over Bridge Budget\n\nNovember 19, 2019\n\n  * Por Gustavo E. Méndez\n\n{BODY}")
    assert art.title == "Council Splits Over Bridge Budget" and art.authors == ("Gustavo E. Méndez",)


def test_a_long_line_over_the_prose_is_not_a_headline_on_that_alone():
    # as likely the article's opening (a dek without a full stop) as its headline
    long = "Council Splits Over Bridge Budget After Three Hours Of Argument About The Old Library Repairs"
    assert cleaner.clean(f"{NAV}\n\n{long}\n\n{BODY}").title is None
    assert cleaner.clean(f"{NAV}\n\n{long}\n\nNovember 19, 2019\n\n{BODY}").title == long


def test_a_blog_date_line_with_slashes_is_no_photo_credit():
    from cleaner.extract.dates import date_candidate

    assert date_candidate("October 12, 2018/0 Comments/in Jeongdong Promotion /by jdadmin") == ("2018-10-12", "plain")
    assert date_candidate("Workers on November 18, 2019. REUTERS/Jane Roe") is None


def test_a_day_and_month_before_the_headline_is_stripped():
    assert strip_title("Jun 17 Das vielleicht schönste Ende der Welt: Montauk") == "Das vielleicht schönste Ende der Welt: Montauk"
    assert strip_title("May 5 Reasons To Visit The Old Library This Summer") == "May 5 Reasons To Visit The Old Library This Summer"


def test_share_buttons_between_the_headline_and_the_prose_are_looked_past():
    # The headline opens the page; share buttons and their counters stand between it and the article.
    shares = "AddThis Sharing Buttons\n\nShare to FacebookFacebookShare to TwitterTwitter\n\nFacebook\n\n0\n\nTwitter"
    art = cleaner.clean(f"Council Splits Over Bridge Budget\n\n{shares}\n\n{BODY}")
    assert art.title == "Council Splits Over Bridge Budget"
    assert cleaner.clean(art.text).title is None


def test_share_buttons_between_the_headline_and_its_date_are_looked_past():
    shares = "1.024\n\nletture\n\nFacebook\n\n0\n\nTwitter\n\nPinterest"
    art = cleaner.clean(f"Skip to content\n\nCouncil Splits Over Bridge Budget\n\n{shares}\n\nNovember 19, 2019\n\n{BODY}")
    assert art.title == "Council Splits Over Bridge Budget" and art.published == "2019-11-19"


def test_an_account_prompt_above_the_prose_is_no_headline():
    assert cleaner.clean(f"{NAV}\n\nNoch nicht angemeldet?\n\n{BODY}").title is None
    assert cleaner.clean(f"{NAV}\n\nNoch nicht angemeldet?\n\nJetzt registrieren!\n\n{BODY}").title is None


def test_a_date_run_into_the_byline():
    art = cleaner.clean(f"{NAV}\n\nCouncil Splits Over Bridge Budget\n\n12.03.2018von Jane Roe\n\n{BODY}")
    assert (art.title, art.authors, art.published) == ("Council Splits Over Bridge Budget", ("Jane Roe",), "2018-03-12")


def test_a_headline_saying_what_something_is_like_is_no_like_button():
    raw = f"{NAV}\n\nWhat It’s Like to Ride the Night Bus\n\nJane Roe, John Doe\n\nNovember 8 2023, 3:18 p.m.\n\n{BODY}"
    art = cleaner.clean(raw)
    assert art.title == "What It’s Like to Ride the Night Bus" and art.authors == ("Jane Roe", "John Doe")


def test_a_name_and_its_role_without_a_comma():
    raw = f"{NAV}\n\nCouncil Splits Over Bridge Budget\n\nMembers could not agree on what to cut first\n\nJane Roe Education editor\n\n{BODY}"
    art = cleaner.clean(raw)
    assert art.title == "Council Splits Over Bridge Budget" and art.authors == ("Jane Roe",)


def test_a_bloggers_one_word_handle_in_a_dated_byline_above_the_headline():
    art = cleaner.clean(f"Menu\n\n3. April 2022 by jane\n\nCouncil Splits Over Bridge Budget\n\n{BODY}")
    assert (art.title, art.authors, art.published) == ("Council Splits Over Bridge Budget", ("jane",), "2022-04-03")
    assert not cleaner.clean("June 8, 2018 by admin\n\n" + BODY).authors


def test_the_section_after_the_name_is_not_part_of_it():
    raw = f"{NAV}\n\nCouncil Splits Over Bridge Budget\n\nPublicado el 11 de mayo\n\nEscribe Juana Pérez en Territorio\n\n{BODY}"
    assert cleaner.clean(raw).authors == ("Juana Pérez",)


def test_a_date_label_on_its_own_line_above_the_date():
    teasers = "\n\n".join(f"Another Story About Electric Cars Number {n}\n\n{d}.11.2022" for n, d in ((1, 16), (2, 10), (3, 15)))
    raw = f"{NAV}\n\nCouncil Splits Over Bridge Budget\n\nErschienen am\n\n15.12.2022\n\n{BODY}\n\nWeitere Artikel\n\n{teasers}"
    art = cleaner.clean(raw)
    assert art.published == "2022-12-15" and "Erschienen am" not in art.text


def test_an_authors_list_of_posts_with_time_stamps_gives_no_title_and_no_date():
    posts = "\n\n".join(f"{t}\n\nJane Roe\n\n{stamp}" for t, stamp in (
        ("Another Story About Electric Cars", "Nov. 13, 2019 11:00AM"), ("Why The Old Library Needs Repairs", "Nov. 13, 2019 9:00AM"),
        ("What The Auditors Found In The Accounts", "11/12/19 4:40PM"), ("Council Splits Over Bridge Budget", "Monday 5:30PM")))
    art = cleaner.clean(f"Recent from Jane Roe\n\n{posts}\n\n{BODY}")
    assert art.title is None and art.published is None


def test_a_short_headline_in_title_case_is_no_name():
    # Three capitalised words read like a name, unless the first is one no name starts with.
    art = cleaner.clean(f"Skip to content\n\nThe Budget Clock\n\nBy Jane Roe\n\nNovember 19, 2019\n\n{BODY}")
    assert art.title == "The Budget Clock" and art.authors == ("Jane Roe",)
    art = cleaner.clean(f"Home\n\nHow To Grow and Care For Lemon Trees\n\n{BODY}")
    assert art.title == "How To Grow and Care For Lemon Trees"


def test_a_breadcrumb_run_into_the_headline_above_the_headline_alone():
    headline = "Council Splits Over Bridge Budget After Long Talks"
    raw = f"{NAV}\n\nHome News Local News {headline}\n\n{headline}\n\nBy Jane Roe\n\nNovember 19, 2019\n\n{BODY}"
    art = cleaner.clean(raw)
    assert (art.title, art.authors, art.published) == (headline, ("Jane Roe",), "2019-11-19")
    assert art.text == BODY
