"""View, comment and share counters: a paragraph that is only a count.

"A video of the debate had 274 views" is prose and stays: the whole paragraph
must be the counter.
"""

from __future__ import annotations

import regex

from ..extract.counts import COUNT, parse_count
from .base import LineRule

_ICON = r"(?:[\p{So}\p{Sk}•·|]\s*)?"
_VIEWS_WORD = (r"(?:views?|reads?|hits|pageviews|aufrufe|gelesen|vues|lectures|visitas|vistas|lecturas|visualizações|"
               r"visualizzazioni|letture|weergaven|wyświetle(?:ń|nia)|просмотр(?:ов|а|ы)?|переглядів|перегляди)")
_COMMENTS_WORD = (r"(?:comments?|kommentare?|commentaires?|comentarios?|comentários?|commenti|responses|replies|reacties|"
                  r"komentarz(?:e|y)?|комментари(?:ев|я|и|й)|коментар(?:ів|і|я)?)")
_SHARES_WORD = r"(?:shares?|likes?|reactions?|retweets?)"


def _counter(name: str, word: str, field: str | None, description: str, examples: tuple, counterexamples: tuple) -> LineRule:
    pattern = regex.compile(
        # "New, 6 comments": the counter of a comment widget that marks new comments.
        _ICON + r"(?:new\s*,?\s+)?(?:" + word + r"\s*[:：]?\s*[(\[]?(?P<a>" + COUNT + r")[)\]]?|(?P<b>" + COUNT + r")\s*" + word + r")\s*",
        regex.IGNORECASE,
    )

    def extract(m: regex.Match):
        if field is None:
            return {}
        n = parse_count(m.group("a") or m.group("b"))
        return {field: n} if n is not None else {}

    return LineRule(name, pattern, description, extract, max_len=40, examples=examples, counterexamples=counterexamples)


VIEWS = _counter(
    "counters.views", _VIEWS_WORD, "views",
    "A view counter, e.g. 'Views: 274' or '1.2K views'; the count goes to `views`.",
    ("Views: 274", "1.2K views", "👁 1,204 views", "Aufrufe: 52", "Просмотров: 1 204"),
    ("A video of the debate had 274 views by Monday.",),
)
COMMENT_COUNT = _counter(
    "counters.comment_count", _COMMENTS_WORD, "comment_count",
    "A comment counter, e.g. '12 Comments' or 'Comments (3)'; the count goes to `comment_count`.",
    ("12 Comments", "Comments (3)", "0 comments", "New, 15 comments", "Комментарии (3)", "5 комментариев"),
    ("12 comments were removed by the moderators for abuse.",),
)
SHARES = _counter(
    "counters.shares", _SHARES_WORD, None,
    "A share or like counter, e.g. '1.2K shares', 'Likes: 40'.",
    ("1.2K shares", "Likes: 40"),
    ("Shares of the company fell 3 percent.",),
)

RULES = (VIEWS, COMMENT_COUNT, SHARES)
