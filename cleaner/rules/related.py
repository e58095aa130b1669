"""Links to other articles: 'Related article: Title', 'Read more: Title', headings of teaser lists.

"Related issues were discussed..." stays: the rule needs the label and a colon
(or similar separator) followed by a title, and nothing else in the paragraph.
"""

from __future__ import annotations

import regex

from .base import LineRule

_LABEL = (
    r"(?:related(?:\s+(?:articles?|stories|story|posts?|content|reading|coverage|news|links?|videos?|topics))?|"
    r"read\s+(?:more|also|next)|also\s+read|see\s+also|more\s+on\s+this(?:\s+story)?|recommended|watch|listen|"
    r"more|further\s+reading|you\s+(?:may|might)\s+also\s+like|"
    r"lire\s+aussi|à\s+lire\s+aussi|voir\s+aussi|lesen\s+sie\s+auch|mehr\s+zum\s+thema|auch\s+interessant|siehe\s+auch|"
    r"lea\s+también|lee\s+también|leer\s+más|te\s+puede\s+interesar|leia\s+também|leia\s+mais|veja\s+também|leggi\s+anche)"
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
    examples=("Related article: Why North Korea Can Unite Russia and Japan (Op-ed)", "READ MORE: Stocks slide as oil falls"),
    counterexamples=("Related issues were discussed at the summit.", "Read more about it: the report runs to 300 pages and covers every region of the country in detail, with maps and tables on each, and a long annex on methods."),
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
        r"más\s+noticias|artigos\s+relacionados|notícias\s+relacionadas|articoli\s+correlati)\s*(?:[:.]|\.{3}|…)?",
        regex.IGNORECASE,
    ),
    "The heading of a block of links to other articles: 'Related Stories', 'Most Popular', 'You may also like'.",
    max_len=60,
    examples=("Related Stories", "Most Popular Articles", "You may also like", "More From the Daily Planet", "Editors' Picks",
              "Você pode gostar...", "More Great Science Stories", "Our Latest Stories"),
    counterexamples=("Related stories circulated on social media for weeks.", "More from the minister later.", "More from the minister",
                     "Popular support for the plan has collapsed."),
)

RULES = (RELATED_LINE, RELATED_HEADING)
