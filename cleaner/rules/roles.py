"""The part a rule's cuts play for the rules that run after it.

Every rule declares one role for the cuts it makes (:attr:`cleaner.rules.base.LineRule.role`).
Later rules ask what a cut *is* (an end-of-article marker, an interruption inside a body, a
repeat) through these roles, never by testing another family's rule names: a new rule that
cuts a 'Most popular' heading declares :data:`LIST_HEADING` and the teaser and end-marker
rules treat it as they treat ``related.heading``.

>>> sorted(ROLES)[:3]
['caption', 'comment', 'comment_end']
>>> body_role(REPEAT), body_role(COMMENT_END), body_role(CAPTION)
('inline', 'end', 'furniture')
"""

from __future__ import annotations

__all__ = [
    "FURNITURE", "INLINE", "REPEAT", "CAPTION", "END", "LIST_HEADING", "COMMENT_END", "COMMENT", "HEADER",
    "ROLES", "END_MARKERS", "TRANSPARENT", "INSIDE", "COMMENT_SECTION", "NO_EVIDENCE", "body_role",
]

FURNITURE = "furniture"
INLINE = "inline"
REPEAT = "repeat"
CAPTION = "caption"
END = "end"
LIST_HEADING = "list_heading"
COMMENT_END = "comment_end"
COMMENT = "comment"
HEADER = "header"

ROLES: dict[str, str] = {
    FURNITURE: "page furniture around the body: menus, share widgets, labels, counters, teaser lists",
    INLINE: "an interruption inside a body that does not end it: an ad marker, an inline link, an embedded teaser",
    REPEAT: "a later copy of a paragraph printed earlier",
    CAPTION: "a photo caption or credit: it stands between body paragraphs without ending the body",
    END: "an end-of-article marker: what follows it is links, forms and footers",
    LIST_HEADING: "the heading of a list of other articles ('Related stories'); it ends the article too",
    COMMENT_END: "the start of a comment section (a prompt, a 'N replies on' heading); it ends the article",
    COMMENT: "part of a comment section: form fields, comment policy, the thread",
    HEADER: "the title, subtitle, byline or date above the body",
}

# Roles of the cuts after which the article is over.
END_MARKERS = frozenset({END, LIST_HEADING, COMMENT_END})
# Roles of the cuts that stand between two paragraphs of one body without ending it.
TRANSPARENT = frozenset({INLINE, REPEAT, CAPTION})
# Roles of a comment section's parts.
COMMENT_SECTION = frozenset({COMMENT, COMMENT_END})
# Roles of the transparent cuts that stand inside a body and hardly ever in the furniture around it.
INSIDE = frozenset({INLINE, REPEAT})
# Roles of cuts that are no evidence of page furniture (a header and a repeat stand in any article).
NO_EVIDENCE = frozenset({HEADER, REPEAT})

_BODY_ROLES = {HEADER: "header", **dict.fromkeys(INSIDE, "inline"), **dict.fromkeys(END_MARKERS, "end")}


def body_role(role: str) -> str:
    """The body model's reading of a cut (its features know four): header, inline, end or furniture."""
    return _BODY_ROLES.get(role, "furniture")
