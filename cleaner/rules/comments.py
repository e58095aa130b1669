"""Comment-section footers: "3 replies on “Title”", "Comments are closed.", "Leave a Reply"."""

from __future__ import annotations

import regex

from ..extract.counts import COUNT, parse_count
from .base import LineRule

_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _replies_meta(m: regex.Match):
    raw = m.group("n").lower()
    n = _NUMBER_WORDS.get(raw)
    if n is None:
        n = parse_count(raw)
    meta = {"comment_count": n} if n is not None else {}
    meta["title"] = m.group("title").strip()
    return meta


REPLIES_ON = LineRule(
    "comments.replies_on",
    regex.compile(
        r"(?P<n>" + COUNT + r"|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
        r"(?:replies|reply|responses?|comments?|thoughts?|kommentare?|commentaires?|comentarios?)\s+"
        r"(?:on|to|for|zu|sur|en|a)\s+[“\"„«‘'](?P<title>[^“”\"«»]{2,200})[”\"“»’']\s*[.:]?",
        regex.IGNORECASE,
    ),
    "A comment-section heading such as '3 replies on “Title”': the count goes to `comment_count`, "
    "the quoted title is used as the document title when the header has none.",
    _replies_meta,
    max_len=260,
    examples=("3 replies on “Russia inserts itself into North Korea game”", "One response to \"Hello world\""),
    counterexamples=("He sent three replies to the committee on Friday.",),
)

CLOSED = LineRule(
    "comments.closed",
    regex.compile(
        r"(?:comments?\s+(?:are|is)\s+(?:now\s+)?closed|comments?\s+closed|commenting\s+(?:is\s+)?(?:now\s+)?(?:closed|disabled)|"
        r"kommentare\s+(?:sind\s+)?geschlossen|les\s+commentaires\s+sont\s+fermés|comentarios\s+cerrados)\s*[.!]?",
        regex.IGNORECASE,
    ),
    "A closed comment section: 'Comments are closed.'",
    max_len=60,
    examples=("Comments are closed.", "Comments closed"),
    counterexamples=("Comments are closed on weekends, the editor said.",),
)

PROMPT = LineRule(
    "comments.prompt",
    regex.compile(
        r"(?:leave\s+a\s+(?:reply|comment)(?:\s+cancel\s+reply)?|post\s+a\s+comment|add\s+a\s+comment|write\s+a\s+comment|"
        r"join\s+the\s+(?:discussion|conversation)|show\s+comments|view\s+comments|load\s+comments|"
        r"(?:you\s+must\s+be\s+)?logged\s+in\s+to\s+post\s+a\s+comment|"
        r"your\s+email\s+address\s+will\s+not\s+be\s+published|required\s+fields\s+are\s+marked\s*\*?|"
        r"kommentar\s+(?:schreiben|verfassen|hinterlassen)|laisser\s+un\s+commentaire|deja\s+un\s+comentario|dejar\s+un\s+comentario|"
        r"deixe\s+um\s+comentário|lascia\s+un\s+commento)\s*[.!:]?\s*\*?",
        regex.IGNORECASE,
    ),
    "A comment form prompt: 'Leave a Reply', 'Post a comment', 'Your email address will not be published.'",
    max_len=80,
    examples=("Leave a Reply", "Your email address will not be published.", "Join the discussion"),
    counterexamples=("Leave a reply on the form and we will call you back within a day.",),
)

RULES = (REPLIES_ON, CLOSED, PROMPT)
