"""Share, like and follow widgets, and newsletter or subscribe prompts."""

from __future__ import annotations

import regex

from .base import LineRule

_NETWORKS = r"(?:facebook|twitter|x|linkedin|whatsapp|pinterest|reddit|telegram|email|e-mail|mail|print|flipboard|tumblr|messenger|sms|copy\s+link|copy|link|google\+?|xing|vk|line|pocket)"
_SHARE_ITEM = (
    r"(?:share(?:\s+(?:this|on|via|to|with)(?:\s+(?:article|story|post|page))?)?(?:\s+" + _NETWORKS + r")?|tweet(?:\s+this)?|"
    r"pin(?:\s+it)?|like\s+loading\.{0,3}|like(?:\s+this)?|loading\.{3}|" + _NETWORKS + r"|"
    r"click\s+to\s+(?:share|email|print)(?:\s+(?:this|on|to|a\s+link\s+to\s+a\s+friend))?(?:\s+" + _NETWORKS + r")?(?:\s*\(opens\s+in\s+new\s+window\))?|"
    r"teilen|partager|compartir|condividi|compartilhar|twittern|imprimer|drucken|delen|udostępnij|поделиться|поділитися)"
)
SHARE = LineRule(
    "social.share",
    # The repetition is possessive (no backtracking into the items once read), so a near miss fails in linear time.
    regex.compile(r"[*•·\-]?\s*" + _SHARE_ITEM + r"(?:\s*[:|•·,/]?\s*" + _SHARE_ITEM + r")*+\s*[:]?", regex.IGNORECASE),
    "A share or like widget: 'Share this:', 'Tweet', 'Share on Facebook', 'Click to share on Twitter (Opens in new window)'.",
    max_len=120,
    examples=("Share this:", "Share on Facebook Share on Twitter", "Tweet", "Click to share on Twitter (Opens in new window)", "Like this:",
              "Поделиться"),
    counterexamples=("Share prices fell sharply on Monday.", "Print media is in decline."),
)

SHARE_OPTIONS = LineRule(
    "social.share_options",
    regex.compile(r"[*•·\-]?\s*(?:all\s+)?sharing\s+options(?:\s+for\s*:\s*\S.{0,240})?", regex.IGNORECASE),
    "The label of a share menu, which repeats the headline for screen readers: 'All sharing options for: <headline>'.",
    needles=("sharing options",),
    max_len=280,
    examples=("All sharing options", "All sharing options for: The law that's helping fuel Delhi's deadly air pollution"),
    counterexamples=("Sharing options for small businesses have grown, analysts said.",),
)

FOLLOW = LineRule(
    "social.follow",
    regex.compile(
        r"(?:follow|like|find)\s+(?:us|me|\p{Lu}[\w.]*(?:\s\p{Lu}[\w.]*){0,3}|@\w+)\s+on\s+" + _NETWORKS + r"(?:\s*(?:,|and|&|or)\s*" + _NETWORKS + r")*\s*[.!]?|"
        r"follow\s+@\w+(?:\s+on\s+" + _NETWORKS + r")?\s*[.!]?|folgen\s+sie\s+uns\s+auf\s+\w+\.?|suivez-nous\s+sur\s+\w+\.?|síguenos\s+en\s+\w+\.?",
        regex.IGNORECASE,
    ),
    "A follow prompt: 'Follow us on Twitter', 'Follow @handle', 'Like us on Facebook'.",
    max_len=100,
    examples=("Follow us on Twitter", "Follow @nytimes", "Like us on Facebook."),
    counterexamples=("Follow the money, the investigators said.",),
)

NEWSLETTER = LineRule(
    "social.newsletter",
    regex.compile(
        r"(?:newsletters?|subscribe(?:\s+now)?|sign\s+up(?:\s+now)?|register\s+now|abonnieren|s'abonner|suscríbete|"
        r"(?:sign\s+up|subscribe|register|get|join|enter\s+your\s+email)\b[^.!?\n]{0,100}?\b(?:newsletters?|inbox|e-?mail\s+(?:updates|alerts)|daily\s+(?:briefing|digest)|updates\s+delivered)\b[^\n]{0,80}|"
        r"(?:our|the|free|daily|weekly)\s+[\w ]{0,30}newsletter[^.!?\n]{0,80}[.!]?|"
        r"(?:melden\s+sie\s+sich|abonnieren\s+sie)\b[^\n]{0,80}newsletter[^\n]{0,40}|inscrivez-vous\b[^\n]{0,80}newsletter[^\n]{0,40})",
        regex.IGNORECASE,
    ),
    "A newsletter or subscription prompt: 'Sign up for our newsletter', 'Get the latest news delivered to your inbox.'",
    needles=("newsletter", "subscri", "sign up", "inbox", "register", "abonn", "suscr", "inscri"),
    max_len=220,
    examples=("Sign up for our daily newsletter", "Subscribe", "Get the latest headlines delivered to your inbox."),
    counterexamples=("The newsletter, founded in 1990, had 4,000 subscribers when it closed in 2012 after a long decline.",),
)

RULES = (SHARE, SHARE_OPTIONS, FOLLOW, NEWSLETTER)
