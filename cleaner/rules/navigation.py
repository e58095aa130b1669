"""Site navigation left in the text: skip links, menu and account buttons, breadcrumbs, pagers, cookie notices.

Every rule matches the whole paragraph, so prose that mentions a menu or a
search ("The search for survivors went on") stays.
"""

from __future__ import annotations

import regex

from .base import LineRule

SKIP_LINK = LineRule(
    "navigation.skip_link",
    regex.compile(
        r"(?:skip|jump)\s+to\s+(?:the\s+)?(?:main\s+|primary\s+)?(?:content|navigation|menu|search|footer|article|main)"
        r"(?:\s*(?:and|,)?\s*(?:skip|jump)\s+to\s+(?:the\s+)?(?:main\s+|primary\s+)?(?:content|navigation|menu|search|footer|article|main))*\s*[.»›>]?",
        regex.IGNORECASE,
    ),
    "An accessibility skip link: 'Skip to main content', 'Skip to navigation'.",
    max_len=80,
    examples=("Skip to main content", "Skip to content", "Jump to navigation"),
    counterexamples=("Skip to the end of the season and the picture is different.",),
)

_UI = (
    r"(?:menu|main\s+menu|open\s+menu|close\s+menu|toggle\s+(?:navigation|menu)|navigation|search|search\s+site|close|home|"
    r"sign\s+in|sign\s+out|sign\s+up|log\s*in|log\s*out|register|subscribe|my\s+account|account|profile|"
    r"expand|collapse|expand\s*/\s*collapse\s+search|show\s+more|show\s+less|more|less|back|next|previous|"
    r"☰|≡|×|✕)"
)

UI_LINE = LineRule(
    "navigation.ui_line",
    regex.compile(r"(?:[*•]\s*)?" + _UI + r"(?:\s*[|/•·]?\s*" + _UI + r"){0,5}\s*", regex.IGNORECASE),
    "A line of buttons and menu items: 'Menu', 'Search', 'Sign In', 'Subscribe Sign In', 'Expand / Collapse search'.",
    max_len=60,
    examples=("Menu", "Search", "Sign In", "SubscribeSign In", "Log inRegister", "☰", "Close"),
    counterexamples=("Search for the missing hikers resumed on Monday.", "Home prices rose 4 percent."),
)

BREADCRUMB = LineRule(
    "navigation.breadcrumb",
    regex.compile(
        r"(?:[*•]\s*)?(?:home|inicio|início|startseite|accueil|start)\s*(?:[»›>/|]\s*[^»›>/|\n]{1,40}?\s*){1,5}[»›>]?\s*",
        regex.IGNORECASE,
    ),
    "A breadcrumb trail: 'Home » News » World', 'Home > Music > Music News'.",
    max_len=160,
    examples=("Home » News » World", "Home > Music > Music News", "Home / Sports / Hockey", "Home » Column »"),
    counterexamples=("Home prices rose 4 percent in October, the survey found.", "Home is where the heart is."),
)

PAGER = LineRule(
    "navigation.pager",
    regex.compile(
        r"(?:[«‹<←]\s*)?(?:previous|prev|next|older|newer)\s+(?:post|article|story|page|entry|posts|articles|stories)"
        r"(?:\s*[»›>→|]?\s*(?:previous|prev|next|older|newer)\s+(?:post|article|story|page|entry|posts|articles|stories))?\s*[»›>→]?|"
        r"back\s+to\s+(?:top|gallery|the\s+top|home(?:page)?|articles?|news)\s*[↑^]?|"
        r"(?:print|email|e-mail)\s+this\s+(?:article|story|page|post)",
        regex.IGNORECASE,
    ),
    "A pager or page tool: 'Previous Post', 'Next Article', 'Back to top', 'Print this article'.",
    max_len=80,
    examples=("Previous Post", "Next Post", "Back to Gallery", "Print this article", "« Previous article"),
    counterexamples=("Next post office reform is due in spring.", "Back to top form, the striker scored twice."),
)

COOKIES = LineRule(
    "navigation.cookie_notice",
    regex.compile(
        r"(?:this|our)\s+(?:web)?site\s+uses\s+cookies\b.{0,400}|"
        r"we\s+use\s+cookies\b.{0,400}|by\s+(?:continuing\s+to\s+(?:use|browse)|using)\s+(?:this|our)\s+(?:web)?site,?\s+you\s+(?:agree|consent|accept)\b.{0,300}",
        regex.IGNORECASE,
    ),
    "A cookie consent notice: 'This website uses cookies to improve your experience. ...'",
    needles=("cookie", "continuing to", "by using"),
    max_len=500,
    examples=(
        "Our website uses cookies to improve its performance and enhance your user experience.",
        "We use cookies to ensure that we give you the best experience on our website. Accept",
    ),
    counterexamples=("The website uses cookies, the regulator found, without asking its readers first.",),
)

RULES = (SKIP_LINK, UI_LINE, BREADCRUMB, PAGER, COOKIES)
