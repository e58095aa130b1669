"""Comment sections: "3 replies on “Title”", "Comments are closed.", "Leave a Reply", form fields, the thread."""

from __future__ import annotations

from typing import Iterator

import regex

from ..extract.counts import COUNT, parse_count
from .base import ContextRule, DocumentView, Finding, LineRule

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

_PROMPT = (
    r"(?:leave\s+a\s+(?:reply|comment)(?:\s+cancel\s+reply)?|post\s+a\s+comment|add\s+a\s+comment|write\s+a\s+comment|"
    r"join\s+the\s+(?:discussion|conversation)|show\s+comments|view\s+comments|load\s+comments|"
    r"want\s+to\s+join\s+the\s+discussion\?|feel\s+free\s+to\s+contribute!|"
    r"(?:you\s+must\s+be\s+)?logged\s+in\s+to\s+post\s+a\s+comment|"
    r"your\s+email\s+address\s+will\s+not\s+be\s+published|required\s+fields\s+are\s+marked\s*\*?|"
    r"kommentar\s+(?:schreiben|verfassen|hinterlassen)|laisser\s+un\s+commentaire|deja\s+un\s+comentario|dejar\s+un\s+comentario|"
    r"deixe\s+um\s+comentário|lascia\s+un\s+commento)\s*[.!:]?\s*\*?"
)

PROMPT = LineRule(
    "comments.prompt",
    regex.compile(_PROMPT + r"(?:\s*" + _PROMPT + r"){0,2}", regex.IGNORECASE),
    "A comment form prompt: 'Leave a Reply', 'Post a comment', 'Your email address will not be published.'",
    max_len=160,
    examples=("Leave a Reply", "Your email address will not be published.", "Join the discussion",
              "Your email address will not be published. Required fields are marked *"),
    counterexamples=("Leave a reply on the form and we will call you back within a day.",),
)

FORM_FIELD = LineRule(
    "comments.form_field",
    regex.compile(
        r"(?:(?:your\s+)?(?:name|e-?mail(?:\s+address)?|website|url|comment|message|nickname|screen\s+name)\s*(?:\*|\(required\))|"
        r"save\s+my\s+name,\s+email,\s+and\s+website\s+in\s+this\s+browser\s+for\s+the\s+next\s+time\s+i\s+comment\.?|"
        r"notify\s+me\s+of\s+(?:follow-up\s+comments|new\s+posts)\s+by\s+email\.?|"
        r"this\s+site\s+uses\s+akismet\s+to\s+reduce\s+spam\.(?:\s+learn\s+how\s+your\s+comment\s+data\s+is\s+processed\.)?)",
        regex.IGNORECASE,
    ),
    "A field of a comment form: 'Name *', 'Email *', 'Website', 'Save my name, email, and website in this browser "
    "for the next time I comment.'",
    max_len=120,
    examples=("Name *", "Email *", "Comment *", "Save my name, email, and website in this browser for the next time I comment."),
    counterexamples=("Name the three rivers that cross the city.", "Website traffic doubled in a year."),
)


def _thread(doc: DocumentView) -> Iterator[Finding]:
    for i, rule in sorted(doc.cut.items()):
        if rule == "comments.replies_on":
            for j in doc.live_after(i):
                yield Finding(j, "comments.thread")
            return


THREAD = ContextRule(
    "comments.thread",
    _thread,
    "The comment thread: everything after a comment-section heading such as '10 thoughts on “Title”'.",
    examples=("10 thoughts on “Title”  /  1. Gaye  /  August 8, 2018 at 3:17 pm  /  Great article!",),
)

RULES = (REPLIES_ON, CLOSED, PROMPT, FORM_FIELD)
AFTER_HEADER_RULES = (THREAD,)
