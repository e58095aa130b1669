"""News-site furniture in German, French, Spanish, Italian, Portuguese, Polish, Dutch and Russian.

The line rules' own examples and counterexamples are checked by test_rule_registry; these tests check
what the rules do inside a document: the metadata a stamp yields, that a stamp under the headline still
confirms the header, that a 'read also' label inside the body does not end it, and look-alike prose.
"""

from __future__ import annotations

import pytest

import cleaner
from cleaner.rules.comments import HEADING, POLICY
from cleaner.rules.footers import ADBLOCK_NOTICE, ADVERTISEMENT
from cleaner.rules.labels import STAMP
from cleaner.rules.navigation import CONSENT_BUTTON, COOKIES
from cleaner.rules.related import READ_ALSO, RELATED_HEADING, RELATED_LINE
from cleaner.rules.social import NEWSLETTER, SHARE

P1 = "Der Stadtrat hat am Montag über den Haushalt für das kommende Jahr beraten, teilte die Verwaltung mit."
P2 = "Die Mitglieder stritten drei Stunden lang über die Kosten der neuen Brücke und die Sanierung der Bibliothek."
P3 = "Eine Entscheidung soll nach Angaben des Bürgermeisters erst in der nächsten Sitzung im Dezember fallen."


def cuts(art: cleaner.Article) -> dict[str, str]:
    return {c.text: c.rule for c in art.removed}


@pytest.mark.parametrize(
    "text,field,value",
    [
        ("Aktualisiert: 12.03.2019, 14:30 Uhr", "extra.updated", "2019-03-12"),
        ("Stand: 05.11.2020 18:04 Uhr", "extra.updated", "2020-11-05"),
        ("Veröffentlicht am 5. November 2020", "published", "2020-11-05"),
        ("Publié le 5 novembre 2020 à 14h30", "published", "2020-11-05"),
        ("Опубликовано: 12.03.2019 14:30", "published", "2019-03-12"),
        ("Aggiornato il 12 marzo 2019 alle 14:30", "extra.updated", "2019-03-12"),
    ],
)
def test_stamp_date_goes_to_metadata(text, field, value):
    assert STAMP.match(text) == {field: value}


def test_stamp_with_a_date_the_parser_cannot_read_is_cut_without_metadata():
    # 05/11/2020: day and month cannot be told apart; 'vor 2 Stunden' has no date at all
    assert STAMP.match("Publié le 05/11/2020 à 14:30 - Mis à jour le 05/11/2020 à 16:00") == {}
    assert STAMP.match("Aktualisiert: vor 2 Stunden") == {}


def test_stamp_in_the_body_is_cut_and_its_date_recorded():
    art = cleaner.clean(f"{P1}\n\n{P2}\n\nAktualisiert: 12.03.2019, 14:30 Uhr\n\n{P3}")
    assert cuts(art).get("Aktualisiert: 12.03.2019, 14:30 Uhr") == "labels.stamp"
    assert art.extra.get("updated") == "2019-03-12"
    assert P3 in art.text and P1 in art.text


def test_stamp_under_the_headline_still_confirms_the_header():
    # The header reads this date line; the stamp rule runs after it, so the line confirms the title.
    raw = f"Stadtrat vertagt Entscheidung über den Haushalt\n\nVeröffentlicht: 5. November 2020\n\n{P1}\n\n{P2}\n\n{P3}"
    art = cleaner.clean(raw)
    assert art.title == "Stadtrat vertagt Entscheidung über den Haushalt"
    assert cuts(art).get("Veröffentlicht: 5. November 2020") == "header.date"
    assert art.published == "2020-11-05"
    assert art.text == f"{P1}\n\n{P2}\n\n{P3}"


def test_read_also_label_inside_the_body_does_not_end_it():
    raw = f"{P1}\n\n{P2}\n\nLesen Sie auch\n\nNeue Regeln für E-Scooter in Berlin\n\n{P3}\n\nKommentare"
    art = cleaner.clean(raw)
    assert cuts(art).get("Lesen Sie auch") == "related.read_also"
    assert P3 in art.text


def test_read_also_line_with_its_title_yields_the_title():
    art = cleaner.clean(f"{P1}\n\nZobacz także: Nowe przepisy drogowe od stycznia\n\n{P2}\n\n{P3}")
    assert cuts(art).get("Zobacz także: Nowe przepisy drogowe od stycznia") == "related.link_line"
    assert "Nowe przepisy drogowe od stycznia" in art.related


@pytest.mark.parametrize(
    "rule,text",
    [
        (ADVERTISEMENT, "Anzeige"), (ADVERTISEMENT, "Reklama"), (ADVERTISEMENT, "Реклама"),
        (ADVERTISEMENT, "Fortsetzung nach der Anzeige"),
        (SHARE, "Teilen"), (SHARE, "Partager"), (SHARE, "Udostępnij"), (SHARE, "Delen"),
        (HEADING, "Kommentare"), (HEADING, "Reacties"),
        (NEWSLETTER, "Newsletter abonnieren"),
        (COOKIES, "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten. Einverstanden"),
        (CONSENT_BUTTON, "Alle akzeptieren"),
        (ADBLOCK_NOTICE, "Bitte deaktivieren Sie Ihren Adblocker"),
        (ADBLOCK_NOTICE, "Vous utilisez un bloqueur de publicité"),
        (POLICY, "Bitte beachten Sie unsere Netiquette."),
        (RELATED_HEADING, "Ähnliche Nachrichten"), (READ_ALSO, "Auch lesen:"),
        (RELATED_LINE, "Auch lesen: Die Bahn streicht Verbindungen nach Prag"),
    ],
)
def test_cuts(rule, text):
    assert rule.match(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Lesen Sie auch die Stellungnahme der Regierung, die am Montag veröffentlicht wurde.",
        "Teilen Sie uns mit, was Sie von der neuen Regelung halten, schreibt die Stadt.",
        "Reklama w telewizji publicznej kosztuje coraz więcej, wynika z raportu.",
        "Anzeige gegen Unbekannt wurde am Montag bei der Polizei erstattet.",
        "Kommentare von Lesern zeigen, wie umstritten das Projekt in der Stadt ist.",
        "Aktualisiert wurde die Liste am 12. März 2019, wie das Ministerium mitteilte.",
        "Stand der Ermittlungen ist der 12.03.2019, sagte der Staatsanwalt am Dienstag.",
        "Wir verwenden Cookies nur sparsam, sagte die Sprecherin des Verlags am Montag.",
        "Viele Leser nutzen einen Adblocker, sagte der Verlagschef am Montag in Hamburg.",
    ],
)
def test_lookalike_prose_stays(text):
    art = cleaner.clean(f"{P1}\n\n{text}\n\n{P2} {P3}")
    assert text in art.text
