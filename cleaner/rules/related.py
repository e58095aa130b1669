"""Links to other articles: 'Related article: Title', 'Read more: Title', headings of teaser lists.

"Related issues were discussed..." stays: the rule needs the label and a colon
(or similar separator) followed by a title, and nothing else in the paragraph.
"""

from __future__ import annotations

import regex

from .base import LineRule
from .roles import INLINE, LIST_HEADING

_LABEL = (
    r"(?:related(?:\s+(?:articles?|stories|story|posts?|content|reading|coverage|news|links?|videos?|topics))?|"
    r"read\s+(?:more|also|next)|also\s+read|see\s+also|more\s+on\s+this(?:\s+story)?|recommended|watch|listen|"
    r"more|further\s+reading|you\s+(?:may|might)\s+also\s+like|"
    r"lire\s+aussi|à\s+lire\s+aussi|voir\s+aussi|lesen\s+sie\s+auch|mehr\s+zum\s+thema|auch\s+interessant|siehe\s+auch|"
    r"lea\s+también|lee\s+también|leer\s+más|te\s+puede\s+interesar|leia\s+também|leia\s+mais|veja\s+também|leggi\s+anche|"
    # German, French, Spanish, Italian, Portuguese, Polish, Dutch and Russian labels of a link to another article
    r"auch\s+lesen|lesen\s+sie\s+(?:auch|mehr|hier|dazu)|mehr\s+dazu|(?:passend\s+)?zum\s+thema|ebenfalls\s+interessant|lesetipp|"
    r"(?:à\s+)?lire\s+(?:aussi|également|encore)|(?:à\s+)?voir\s+(?:aussi|également)|sur\s+le\s+même\s+sujet|à\s+découvrir(?:\s+aussi)?|"
    r"(?:lea|lee)\s+(?:además|más)|(?:ver|vea|mira)\s+también|(?:también\s+)?(?:te|le)\s+puede\s+interesar|"
    r"leggi\s+(?:pure|altro)|(?:vedi|guarda)\s+anche|(?:ti\s+)?potrebbe\s+interessar(?:ti|e)|"
    r"leia\s+(?:ainda|mais\s+sobre)|veja\s+mais|saiba\s+mais|confira\s+também|"
    r"(?:zobacz|czytaj|przeczytaj|sprawdź)(?:\s+(?:także|też|również|więcej))?|polecamy|"
    r"lees\s+(?:ook|meer|hier)|(?:bekijk|zie)\s+ook|ook\s+interessant|"
    r"(?:также\s+)?читайте(?:\s+(?:также|тоже|ещё|еще))?|смотрите\s+(?:также|тоже)|см\.\s+также|(?:ещё|еще|также)\s+по\s+теме|по\s+теме|"
    r"читайте\s+також|дивіться\s+також)"
)


def _title(m: regex.Match):
    title = m.group("title").strip().strip("“”\"'«»")
    if len(title.split()) > 25:
        return None
    return {"related": title}


RELATED_LINE = LineRule(
    "related.link_line",
    regex.compile(r"(?:[*•»>]\s*)?" + _LABEL + r"\s*(?:[:：»>|]|\s[-–—])\s*(?P<title>\S.{1,200})", regex.IGNORECASE),
    "A link to another article, 'Related article: Title' or 'Read more: Title'; the title goes to `related`.",
    _title,
    max_len=240,
    examples=("Related article: Why North Korea Can Unite Russia and Japan (Op-ed)", "READ MORE: Stocks slide as oil falls",
              "Lesen Sie auch: Neue Regeln für E-Scooter in Berlin", "Auch lesen: Die Bahn streicht Verbindungen nach Prag",
              "Zobacz także: Nowe przepisy drogowe od stycznia", "CZYTAJ TEŻ: Rząd przyjął projekt budżetu",
              "Lire aussi : Les agriculteurs bloquent les routes", "Leia também: Governo anuncia novo pacote fiscal",
              "Leggi anche: Il governo approva la manovra", "Lee también: El Gobierno aprueba los presupuestos",
              "Lees ook: Kabinet valt over stikstofplan", "Читайте также: Правительство утвердило бюджет на 2020 год",
              "» Mehr zum Thema: Was die Rentenreform für Sparer bedeutet"),
    counterexamples=("Related issues were discussed at the summit.", "Read more about it: the report runs to 300 pages and covers every region of the country in detail, with maps and tables on each, and a long annex on methods.",
                     "Lesen Sie auch die Stellungnahme der Regierung, die am Montag veröffentlicht wurde.",
                     "Zobacz także, jak zmieniły się ceny mieszkań w ostatnim roku.",
                     "Leia também o relatório completo que o ministério publicou na segunda-feira.",
                     "Читайте также внимательно инструкцию к препарату, советуют врачи.",
                     "Lees ook de brief die de minister maandag naar de Kamer stuurde."),
    role=INLINE,
)

RELATED_HEADING = LineRule(
    "related.heading",
    regex.compile(
        r"(?:[*•]\s*)?(?:related(?:\s+(?:articles?|stories|posts|content|coverage|news|links|videos|topics))?|"
        r"more\s+(?:[\w'’]+\s+){0,2}(?:stories|articles|news|headlines|videos|posts)(?:\s+(?:from|on|about)\s+[\w .&'’-]{1,40})?|"
        r"more\s+from\s+(?:the\s+)?(?-i:\p{Lu})[\w&'’-]*(?:\s+[\w&'’-]+){0,5}|(?:our\s+)?latest\s+(?:news|stories|articles|headlines|videos|posts|updates)|"
        r"popular(?:\s+(?:now|stories|articles|posts|news|videos))?|read\s+next|in\s+case\s+you\s+missed\s+it|"
        r"(?:most|more)\s+(?:popular|read|viewed|shared|watched|commented)(?:\s+(?:articles|stories|videos|now|today|news))?|"
        r"trending(?:\s+(?:now|stories|articles|news))?|recommended(?:\s+(?:for\s+you|stories|articles|reading))?|"
        r"you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in)|don['’]?t\s+miss|editor['’]?s['’]?\s+picks?|top\s+stories|"
        r"você\s+(?:também\s+)?(?:pode|poderá)\s+gostar|(?:también\s+)?te\s+puede\s+(?:gustar|interesar)|vous\s+aimerez\s+(?:aussi|également)|"
        r"potrebbe\s+interessarti(?:\s+anche)?|das\s+könnte\s+ihnen\s+auch\s+gefallen|"
        r"weitere\s+(?:artikel|beiträge|nachrichten)(?:\s+zum\s+thema)?|das\s+könnte\s+sie\s+auch\s+interessieren|à\s+lire\s+aussi|sur\s+le\s+même\s+sujet|noticias\s+relacionadas|"
        r"más\s+noticias|otras\s+noticias|artigos\s+relacionados|notícias\s+relacionadas|articoli\s+correlati|"
        # German
        r"(?:ähnliche|verwandte)\s+(?:nachrichten|artikel|beiträge|meldungen|themen|news)|das\s+könnte\s+(?:sie|dich)\s+auch\s+interessieren|"
        r"meist\s?gelesen(?:e|en)?(?:\s+(?:artikel|nachrichten|beiträge))?|meistgesehen|meistkommentiert|(?:die\s+)?top[-\s]artikel|"
        r"(?:neueste|beliebte|weitere)\s+(?:artikel|nachrichten|beitr(?:ä|a)ge|meldungen|news)|empfehlungen\s+(?:aus\s+)?der\s+redaktion|"
        r"(?:die\s+)?beliebtesten?\s+(?:artikel|beitr(?:ä|a)ge|nachrichten|themen)|empfohlen\s+f(?:ü|u)r\s+(?:dich|sie)|mehr\s+aus\s+(?:dieser|der)\s+rubrik|"
        r"meist[-\s]?diskutiert(?:e|en)?(?:\s+(?:artikel|beitr(?:ä|a)ge))?|"
        r"mehr\s+(?:nachrichten|artikel|news|videos|meldungen)(?:\s+(?:aus|zu|zum|zur|von)\s+(?-i:\p{Lu})[\w&.-]*(?:\s+[\w&.-]+){0,3})?|"
        # French
        r"articles?\s+(?:similaires|liés|connexes|associés|recommandés)|les\s+plus\s+(?:lus|populaires|partagés|commentés)|"
        r"dans\s+la\s+même\s+rubrique|ces\s+articles\s+(?:peuvent|pourraient)\s+vous\s+intéresser|"
        # Spanish
        r"(?:artículos|contenidos?|temas)\s+relacionad[oa]s?|lo\s+más\s+(?:leído|visto|popular|compartido)|"
        r"(?:las\s+|los\s+)?más\s+(?:leídas|leídos|vistas|vistos|populares)|"
        # Italian
        r"notizie\s+correlate|(?:ti\s+)?potrebbe(?:ro)?\s+interessar(?:ti|e)(?:\s+anche)?|(?:i\s+|le\s+)?più\s+(?:letti|lette|visti|viste)|"
        r"dalla\s+stessa\s+sezione|"
        # Portuguese
        r"(?:matérias|conteúdos?|posts)\s+relacionad[oa]s?|(?:as\s+|os\s+)?mais\s+(?:lidas|lidos|vistas|vistos)|recomendad[oa]s\s+para\s+(?:você|voce|si)|"
        # Polish
        r"(?:podobne|powiązane|polecane)(?:\s+(?:artykuły|wiadomości|tematy|materiały))?|"
        r"najczęściej\s+(?:czytane|komentowane)|najpopularniejsze(?:\s+(?:artykuły|wiadomości))?|"
        # Dutch
        r"gerelateerde?\s+(?:artikelen|berichten|nieuws|artikels)|meest\s+(?:gelezen|bekeken)|"
        # Russian (and the Ukrainian forms that differ)
        r"(?:похожие|другие)\s+(?:новости|статьи|материалы|публикации)|самое\s+(?:читаемое|популярное|обсуждаемое)|схожі\s+новини)\s*(?:[:.]|\.{3}|…)?",
        regex.IGNORECASE,
    ),
    "The heading of a block of links to other articles: 'Related Stories', 'Most Popular', 'You may also like'.",
    max_len=60,
    examples=("Related Stories", "Most Popular Articles", "You may also like", "More From the Daily Planet", "Editors' Picks",
              "Você pode gostar...", "More Great Science Stories", "Our Latest Stories",
              "Ähnliche Nachrichten", "Meistgelesen", "Mehr Nachrichten aus Berlin", "Beliebteste Artikel", "Empfohlen für dich",
              "Empfehlungen aus der Redaktion", "Mehr aus dieser Rubrik", "Meistdiskutiert", "Otras noticias", "Les plus lus", "Articles similaires",
              "Artículos relacionados", "Lo más leído", "Notizie correlate", "Più letti", "Mais lidas",
              "Podobne artykuły", "Najczęściej czytane", "Gerelateerde artikelen", "Meest gelezen", "Похожие новости", "Самое читаемое"),
    counterexamples=("Related stories circulated on social media for weeks.", "More from the minister later.", "More from the minister",
                     "Popular support for the plan has collapsed.",
                     "Ähnliche Nachrichten kamen am Dienstag auch aus Paris und Rom.",
                     "Les plus lus des journaux régionaux ont perdu des lecteurs.",
                     "Podobne artykuły ukazały się w prasie lokalnej, mówi rzecznik."),
    role=LIST_HEADING,
)

READ_ALSO = LineRule(
    "related.read_also",
    regex.compile(
        r"(?:[*•»>]\s*)?(?:"
        r"lesen\s+sie\s+(?:auch|dazu)|auch\s+lesen|lies\s+(?:auch|dazu)|schon\s+gelesen\s*\?|siehe\s+auch|explore\s+further|(?:mehr|passend)\s+zum\s+thema|zum\s+thema|auch\s+interessant|"
        r"lire\s+(?:aussi|également)|à\s+lire\s+également|(?:à\s+)?voir\s+(?:aussi|également)|"
        r"(?:lee|lea|ver|vea)\s+también|"
        r"(?:leggi|vedi|guarda)\s+anche|"
        r"leia\s+(?:também|mais)|veja\s+(?:também|mais)|saiba\s+mais|"
        r"(?:zobacz|czytaj|przeczytaj|sprawdź)\s+(?:także|też|również)|polecamy|"
        r"lees\s+ook|(?:bekijk|zie)\s+ook|ook\s+interessant|"
        r"(?:также\s+)?читайте(?:\s+(?:также|тоже))?|смотрите\s+(?:также|тоже)|см\.\s+также|(?:новости|материалы)\s+по\s+теме|(?:ещё|еще)?\s*по\s+теме|"
        r"читайте\s+також|дивіться\s+також)\s*(?:[:.]|\.{3}|…)?",
        regex.IGNORECASE,
    ),
    "A 'read also' label standing alone, whose link (a title) is the next paragraph: 'Lesen Sie auch', 'Lire aussi', "
    "'Leggi anche', 'Zobacz także', 'Читайте также'. News sites print it inside the article, so it does not end it.",
    max_len=40,
    examples=("Lesen Sie auch", "Auch lesen:", "Mehr zum Thema", "Lire aussi", "Lee también", "Leggi anche:", "Leia também", "Saiba mais",
              "Zobacz także", "CZYTAJ TEŻ:", "Lees ook", "Читайте также:", "По теме", "Lies auch:", "Schon gelesen?", "Siehe auch", "Explore further"),
    counterexamples=("Zum Thema Rente äußerte sich der Minister nicht.", "Polecamy wszystkim lekturę raportu, mówi rzecznik.",
                     "Saiba mais sobre o programa no site da prefeitura, disse a secretária.",
                     "По теме выступления министр ничего не сказал.", "Leggi anche tu il libro, ha detto.",
                     "Schon gelesen hatte er den Brief nicht.", "Siehe auch die Tabelle unten."),
    role=INLINE,
)

RULES = (RELATED_LINE, RELATED_HEADING)
# A 'read also' label stands inside the body: it is cut once the body is decided, as no evidence of furniture around it.
AFTER_ZONES_RULES = (READ_ALSO,)
