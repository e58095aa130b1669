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
    r"☰|≡|×|✕|"
    # German site links and buttons
    r"impressum|datenschutz(?:erkl(?:ä|a)rung|hinweise)?|mediadaten|kontakt|suche|suchen|dieses\s+blog\s+durchsuchen|search\s+this\s+(?:blog|site)|"
    r"zum\s+seitenanfang|nach\s+oben|(?:zur(?:ü|u)ck\s+)?zur\s+startseite|startseite|anmelden|abmelden|einloggen|registrieren|mein\s+konto|"
    # the links of a site's footer
    r"privacy(?:\s+policy)?|terms\s+(?:of\s+(?:use|service)|and\s+conditions)|cookie\s+(?:policy|settings)|contact\s+us|about\s+us|you\s+are\s+here|"
    r"(?:advertising|editorial)\s+(?:guidelines|disclosure|policy|ethics|standards)|"
    r"politique\s+de\s+confidentialité|mentions\s+légales|aviso\s+legal|política\s+de\s+(?:privacidad|privacidade|cookies)|"
    r"informativa\s+(?:sulla\s+)?privacy|polityka\s+prywatności|privacybeleid|политика\s+конфиденциальности)"
)

UI_LINE = LineRule(
    "navigation.ui_line",
    regex.compile(r"(?:[*•]\s*)?" + _UI + r"(?:\s*[|/•·]?\s*" + _UI + r"){0,5}\s*", regex.IGNORECASE),
    "A line of buttons and menu items: 'Menu', 'Search', 'Sign In', 'Subscribe Sign In', 'Expand / Collapse search'.",
    max_len=60,
    examples=("Menu", "Search", "Sign In", "SubscribeSign In", "Log inRegister", "☰", "Close", "Impressum", "Datenschutzerklärung",
              "Impressum | Datenschutz | Kontakt", "Dieses Blog durchsuchen", "Zum Seitenanfang", "zurück zur Startseite", "Anmelden",
              "Privacy Policy", "Terms of Use", "About Us | Contact Us", "You are here", "Advertising Disclosure", "Mentions légales",
              "Aviso legal", "Política de privacidad", "Polityka prywatności", "Политика конфиденциальности"),
    counterexamples=("Search for the missing hikers resumed on Monday.", "Home prices rose 4 percent.",
                     "Kontakt zu den Entführern gab es seit Tagen nicht.", "Suchen Sie sich einen Platz aus.",
                     "Privacy is a right, the court said.", "Contact us if you saw the accident, police said."),
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
        r"(?:print|email|e-mail)\s+this\s+(?:article|story|page|post)|"
        # a blog's pager and feed links under a post ('Newer Post Older Post Home', 'Subscribe to: Post Comments (Atom)')
        r"(?:newer\s+posts?\s*)?older\s+posts?(?:\s*home)?|newer\s+posts?(?:\s*home)?|"
        r"(?:neuerer\s+post\s*)?(?:ä|a)lterer\s+post(?:\s*startseite)?|neuerer\s+post(?:\s*startseite)?|"
        r"(?:subscribe\s+to|abonnieren)\s*:?\s*(?:post\s+comments|kommentare\s+zum\s+post|posts?)(?:\s*\(atom\))?",
        regex.IGNORECASE,
    ),
    "A pager or page tool: 'Previous Post', 'Next Article', 'Back to top', 'Print this article'.",
    max_len=80,
    examples=("Previous Post", "Next Post", "Back to Gallery", "Print this article", "« Previous article",
              "Newer Post Older Post Home", "Neuerer Post Älterer Post Startseite", "Subscribe to: Post Comments (Atom)",
              "Abonnieren Kommentare zum Post (Atom)"),
    counterexamples=("Next post office reform is due in spring.", "Back to top form, the striker scored twice."),
)

_COOKIE = r"(?:(?:plik(?:ów|i)\s+)?cookies?|(?:файлы\s+|файлов\s+)?cookies?|куки|témoins)"
COOKIES = LineRule(
    "navigation.cookie_notice",
    regex.compile(
        r"(?:this|our)\s+(?:web)?site\s+uses\s+cookies\b.{0,400}|"
        r"we\s+use\s+cookies\b.{0,400}|by\s+(?:continuing\s+to\s+(?:use|browse)|using)\s+(?:this|our)\s+(?:web)?site,?\s+you\s+(?:agree|consent|accept)\b.{0,300}|"
        # The site speaking of itself ("Diese Website verwendet Cookies", "Nous utilisons des cookies") in German, French,
        # Spanish, Italian, Portuguese, Polish, Dutch and Russian, or telling the reader that going on means consent.
        r"(?P<intl>(?:(?:diese|unsere)\s+(?:web)?(?:site|seite)|wir)\s+(?:verwende[nt]|nutz(?:en|t)|benutz(?:en|t)|setz(?:en|t)(?:\s+auf\s+(?:dieser|unserer)\s+(?:web)?(?:site|seite))?)\s+(?:\p{L}+\s+){0,3}?cookies\b.{0,400}|"
        r"um\s+(?:unsere|diese)\s+(?:web)?(?:site|seite)\b[^.\n]{0,120}?\b(?:verwenden|nutzen|setzen)\s+wir\s+cookies\b.{0,400}|"
        r"(?:durch\s+die|mit\s+der|bei)\s+(?:weitere[n]?\s+)?nutzung\s+(?:der|dieser|unserer)\s+(?:web)?(?:site|seite)\b[^.\n]{0,60}?\b(?:stimmen\s+sie|erklären\s+sie\s+sich|akzeptieren\s+sie)\b.{0,300}|"
        r"(?:(?:ce|notre)\s+site(?:\s+(?:web|internet))?|nous)\s+(?:utilis(?:e|ons)|emploi(?:e|ons)|dépos(?:e|ons)|a\s+recours\s+à|avons\s+recours\s+à)\s+(?:des\s+|les\s+)?(?:\p{L}+\s+){0,2}?(?:cookies|témoins)\b.{0,400}|"
        r"en\s+(?:poursuivant|continuant)\s+(?:votre\s+navigation|(?:à|de)\s+naviguer)\b[^.\n]{0,80}?\bvous\s+(?:acceptez|consentez)\b.{0,300}|"
        r"(?:(?:este|nuestro)\s+(?:sitio(?:\s+web)?|portal|web)\s+(?:utiliza|usa|emplea)|utilizamos|usamos)\s+(?:\p{L}+\s+){0,2}?cookies\b.{0,400}|"
        r"(?:si\s+contin[uú]as?|al\s+continuar)\s+navegando\b[^.\n]{0,80}?\b(?:acepta|aceptas|consideramos|entendemos)\b.{0,300}|"
        r"(?:questo\s+sito(?:\s+web)?\s+(?:utilizza|usa|fa\s+uso\s+di)|(?:noi\s+)?(?:utilizziamo|usiamo))\s+(?:\p{L}+\s+){0,2}?cookies?\b.{0,400}|"
        r"(?:proseguendo|continuando)\s+(?:la\s+navigazione|a\s+navigare)\b[^.\n]{0,80}?\b(?:acconsenti|accetti)\b.{0,300}|"
        r"(?:(?:este|o\s+nosso|nosso)\s+(?:site|sítio|portal)\s+(?:utiliza|usa)|utilizamos|usamos)\s+(?:\p{L}+\s+){0,2}?cookies\b.{0,400}|"
        r"ao\s+(?:continuar\s+(?:a\s+)?naveg(?:ar|ando)|navegar|utilizar)\b[^.\n]{0,80}?\b(?:concorda|aceita)\b.{0,300}|"
        r"(?:(?:(?:ta|nasza)\s+strona(?:\s+internetowa)?|(?:ten|nasz)\s+serwis|strona|serwis)\s+(?:używa|korzysta\s+z|wykorzystuje|stosuje)|używamy|stosujemy|wykorzystujemy)\s+" + _COOKIE + r"\b.{0,400}|"
        r"(?:korzystając\s+z\s+(?:naszej\s+|tej\s+)?(?:strony|serwisu))\b[^.\n]{0,80}?\b(?:zgod[ęy]|wyrażasz|akceptujesz)\b.{0,300}|"
        r"(?:(?:deze|onze)\s+(?:web)?site|(?:wij|we))\s+(?:maakt\s+gebruik\s+van|gebruikt|gebruiken|maken\s+gebruik\s+van)\s+(?:\p{L}+\s+){0,2}?cookies\b.{0,400}|"
        r"(?:(?:этот|наш)\s+сайт|сайт|мы)\s+(?:использует|используем|применяет|применяем)\s+" + _COOKIE + r".{0,400}|"
        r"продолжая\s+(?:использовать|пользоваться)\s+(?:сайтом|нашим\s+сайтом|сайт)\b.{0,300})",
        regex.IGNORECASE,
    ),
    "A cookie consent notice: 'This website uses cookies to improve your experience. ...', 'Diese Website verwendet Cookies', "
    "'Nous utilisons des cookies', 'Ta strona używa plików cookies'.",
    # What a notice goes on to say (purpose, consent, settings): a sentence that merely reports that a site sets cookies says none of it.
    lambda m: {} if m.group("intl") is None or _COOKIE_NOTICE.search(m.group(0)) else None,
    needles=("cookie", "continuing to", "by using", "nutzung", "poursuivant", "continuant", "navegando", "proseguendo", "continuando",
             "ao continuar", "ao navegar", "ao utilizar", "korzystając", "куки", "témoins", "продолжая"),
    max_len=500,
    examples=(
        "Our website uses cookies to improve its performance and enhance your user experience.",
        "We use cookies to ensure that we give you the best experience on our website. Accept",
        "Diese Website verwendet Cookies, um Ihnen ein optimales Nutzererlebnis zu bieten. Mehr erfahren",
        "Wir verwenden Cookies, um Inhalte zu personalisieren und die Zugriffe auf unsere Website zu analysieren.",
        "Durch die weitere Nutzung der Webseite stimmen Sie der Verwendung von Cookies zu. Weitere Informationen",
        "Ce site utilise des cookies pour améliorer votre expérience de navigation. En savoir plus",
        "En poursuivant votre navigation sur ce site, vous acceptez l'utilisation de cookies.",
        "Utilizamos cookies propias y de terceros para mejorar nuestros servicios. Si continúa navegando, consideramos que acepta su uso.",
        "Questo sito utilizza cookie tecnici e di profilazione. Proseguendo la navigazione acconsenti al loro impiego.",
        "Este site utiliza cookies para melhorar a sua experiência. Ao continuar a navegar, concorda com a nossa política de privacidade.",
        "Ta strona używa plików cookies. Korzystając ze strony wyrażasz zgodę na ich użycie.",
        "Deze website maakt gebruik van cookies om uw ervaring te verbeteren. Akkoord",
        "Этот сайт использует файлы cookie для улучшения работы. Продолжая пользоваться сайтом, вы соглашаетесь с этим.",
    ),
    counterexamples=("The website uses cookies, the regulator found, without asking its readers first.",
                     "Wir verwenden Cookies nur sparsam, sagte die Sprecherin des Verlags der Zeitung am Montag.",
                     "Diese Website verwendet Cookies von Google, stellte die Datenschutzbehörde in ihrem Bericht fest.",
                     "Nous utilisons des cookies depuis toujours, a reconnu le directeur du site lors de son audition."),
)

# Words that a consent notice uses for what the cookies are for and what the reader agrees to.
_COOKIE_NOTICE = regex.compile(
    r"\b(?:accept|agree|consent|experience|privacy|policy|learn\s+more|more\s+info|settings|preferences|"
    r"zustimm|stimmen\s+sie|einverstanden|akzeptier|datenschutz(?:erklärung|hinweise?n?|einstellungen|richtlinien?|bestimmungen)?\b|mehr\s+erfahren|weitere\s+informationen|mehr\s+infos?|nutzererlebnis|erlebnis|"
    r"benutzerfreundlich|optimal|einstellungen|personalisier|analysier|funktion|"
    r"accept|consent|expérience|confidentialité|en\s+savoir\s+plus|paramètres|paramétrer|gérer|améliorer|personnalis|mesure\s+d['’]audience|"
    r"acept|consiente|experiencia|privacidad|más\s+información|configura|mejorar|personaliz|"
    r"accett|acconsent|consenso|esperienza|privacy|maggiori\s+informazioni|migliorare|personalizz|"
    r"aceit|concord|consentimento|experiência|privacidade|saiba\s+mais|melhorar|"
    r"zgod|akcept|wyrażasz|prywatności|ustawie|polityk|więcej\s+informacji|"
    r"akkoord|accepteer|toestemming|ervaring|privacy|meer\s+informatie|instellingen|verbeteren|"
    r"соглас|приним|конфиденциальн|подробнее|улучшен|настро|удобств)",
    regex.IGNORECASE,
)

CONSENT_BUTTON = LineRule(
    "navigation.consent_button",
    regex.compile(
        r"(?:(?:alle\s+)?cookies\s+(?:akzeptieren|zulassen|ablehnen)|cookie-?einstellungen(?:\s+(?:anpassen|verwalten))?|alle\s+(?:akzeptieren|ablehnen|zulassen)|"
        r"(?:akzeptieren|zustimmen)\s+und\s+(?:weiter|schließen)|"
        r"(?:tout\s+(?:accepter|refuser)|accepter\s+(?:et\s+(?:fermer|continuer)|les\s+cookies|tous\s+les\s+cookies)|(?:paramétrer|gérer|personnaliser)\s+(?:les\s+cookies|mes\s+choix)|paramètres\s+des\s+cookies)|"
        r"(?:aceptar\s+(?:todas?|(?:las\s+)?cookies)|rechazar\s+todas?|configurar\s+cookies|configuración\s+de\s+(?:las\s+)?cookies)|"
        r"(?:accetta\s+(?:tutti|tutto|i\s+cookie)|rifiuta\s+tutti|impostazioni\s+(?:dei\s+)?cookie|gestisci\s+(?:i\s+)?cookie)|"
        r"(?:aceitar\s+(?:todos|(?:os\s+)?cookies)|rejeitar\s+todos|definições\s+de\s+cookies|configurações\s+de\s+cookies)|"
        r"(?:akceptuję\s+(?:wszystkie|pliki\s+cookies?)|zaakceptuj\s+wszystkie|ustawienia\s+(?:plików\s+)?cookies?)|"
        r"(?:alle\s+cookies\s+accepteren|cookies\s+accepteren|(?:alles\s+)?accepteren\s+en\s+doorgaan|cookie-?instellingen)|"
        r"(?:принять\s+(?:все|cookie|файлы\s+cookie)|настройки\s+(?:файлов\s+)?cookie))\s*[.!]?",
        regex.IGNORECASE,
    ),
    "A button of a cookie banner: 'Alle akzeptieren', 'Cookie-Einstellungen', 'Tout accepter', 'Aceptar todas', 'Accetta tutti'.",
    max_len=50,
    examples=("Alle akzeptieren", "Cookie-Einstellungen", "Tout accepter", "Accepter et fermer", "Aceptar todas", "Accetta tutti",
              "Aceitar todos", "Akceptuję wszystkie", "Alle cookies accepteren", "Принять все"),
    counterexamples=("Alle akzeptieren den Kompromiss, sagte die Kanzlerin.", "Tout accepter serait une erreur, estime le syndicat."),
)

RULES = (SKIP_LINK, UI_LINE, BREADCRUMB, PAGER, COOKIES, CONSENT_BUTTON)
