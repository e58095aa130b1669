"""Page furniture around the article: advertisement markers, 'Continue reading', copyright lines."""

from __future__ import annotations

import regex

from .base import LineRule
from .roles import END, INLINE

_AD_WORD = (
    r"(?:advertisement|advertising|advert|ad|sponsored(?:\s+content)?|paid\s+content|advertorial|"
    r"anzeige|werbung|gesponsert|publireportage|publicité|publicidad|publicidade|pubblicità|reklama|advertentie|реклама|"
    r"contenu\s+sponsorisé|sponsorisé|contenido\s+patrocinado|conteúdo\s+patrocinado|contenuto\s+sponsorizzato|"
    r"(?:artykuł|materiał)\s+sponsorowany|gesponsorde?\s+inhoud|на\s+правах\s+рекламы)"
)
# "Continue after the ad" in the languages whose sites print it between two paragraphs of an article.
_AD_CONTINUES = (
    r"(?:(?:story|article|content)\s+continues\s+(?:below|after)(?:\s+(?:this\s+)?(?:advertisement|ad))?|"
    r"scroll\s+(?:down\s+)?to\s+continue(?:\s+with\s+content)?|skip\s+(?:this\s+)?ad(?:vertisement)?|"
    r"(?:(?:lesen\s+sie\s+)?weiter(?:lesen)?|fortsetzung)\s+nach\s+der\s+(?:anzeige|werbung)(?:\s+weiter)?|lesen\s+sie\s+nach\s+der\s+(?:anzeige|werbung)\s+weiter|"
    r"(?:der\s+)?artikel\s+(?:wird\s+)?(?:nach|unter|unterhalb)\s+der\s+(?:anzeige|werbung)\s+(?:fortgesetzt|weiter)|"
    r"(?:la\s+suite|l['’]article\s+continue|suite\s+de\s+l['’]article)\s+(?:après|sous)\s+(?:cette\s+|la\s+)?publicité|"
    r"(?:(?:la\s+)?noticia\s+continúa|(?:sigue|continúa|continua)\s+leyendo)\s+(?:después\s+del|tras\s+el|tras\s+la|debajo\s+del?)\s+(?:anuncio|publicidad)|"
    r"(?:l['’]articolo\s+continua|continua\s+a\s+leggere)\s+(?:dopo|sotto)\s+(?:la\s+)?(?:pubblicità|l['’]annuncio)|"
    r"(?:continua|continue\s+(?:lendo|a\s+ler))\s+(?:depois|após)\s+(?:da\s+|a\s+|o\s+)?(?:publicidade|anúncio)|"
    r"dalsz(?:a|y)\s+(?:część|ciąg)\s+(?:artykułu|tekstu|materiału)\s+(?:pod|poniżej)\s+(?:reklamą|reklamy)|"
    r"(?:het\s+artikel\s+gaat\s+verder|lees\s+verder)\s+(?:onder|na)\s+de\s+advertentie|"
    r"продолжение\s+(?:ниже|после\s+рекламы))"
)
ADVERTISEMENT = LineRule(
    "footers.advertisement",
    regex.compile(
        r"(?:" + _AD_WORD + r"(?:\s*[-–—:.|]\s*" + _AD_CONTINUES + r")?|" + _AD_CONTINUES + r")\s*[.:…]?",
        regex.IGNORECASE,
    ),
    "An advertisement marker: 'Advertisement', 'Story continues below advertisement', 'Anzeige', 'Reklama', "
    "'Weiterlesen nach der Anzeige', 'La suite après cette publicité'.",
    max_len=80,
    examples=("Advertisement", "ADVERTISEMENT", "Story continues below advertisement", "Anzeige", "WERBUNG", "Reklama", "Publicité",
              "Publicidad", "Pubblicità", "Advertentie", "Реклама", "Weiterlesen nach der Anzeige", "La suite après cette publicité",
              "Publicité - La suite après cette publicité", "Continua depois da publicidade", "Dalsza część artykułu pod reklamą",
              "Het artikel gaat verder onder de advertentie", "Artykuł sponsorowany"),
    counterexamples=("Advertisement spending rose 4 percent last year.", "Reklama w telewizji publicznej kosztuje coraz więcej.",
                     "Anzeige gegen Unbekannt wurde am Montag erstattet.", "Werbung für Tabak ist seit 2021 verboten.",
                     "La publicité a rapporté 3 millions d'euros au club.", "Реклама на телевидении дорожает."),
    role=INLINE,
)

CONTINUE_READING = LineRule(
    "footers.continue_reading",
    regex.compile(
        r"(?:continue\s+reading(?:\s+(?:below|the\s+(?:main\s+)?(?:story|article)|here))?|read\s+(?:the\s+)?(?:full|whole|rest\s+of\s+the)\s+(?:story|article)(?:\s+here)?|"
        r"read\s+more|click\s+here\s+to\s+read\s+more|keep\s+reading|show\s+more|see\s+more|view\s+more|load\s+more|to\s+read\s+the\s+full\s+story|"
        r"weiterlesen|mehr\s+lesen|lire\s+la\s+suite|leer\s+más|seguir\s+leyendo|continuar\s+lendo|leia\s+mais|continua\s+a\s+leggere|"
        r"continuer\s+la\s+lecture|lire\s+plus|czytaj\s+dalej|lees\s+verder|читать\s+(?:далее|дальше)|mehr\s+anzeigen)\s*[.:»›>…]*",
        regex.IGNORECASE,
    ),
    "A link to the rest of a story: 'Continue reading', 'Read more', 'Read the full story'.",
    max_len=60,
    examples=("Continue reading", "Read More »", "To Read the Full Story", "Continuer la lecture", "Czytaj dalej", "Lees verder",
              "Читать далее", "Mehr anzeigen"),
    counterexamples=("Read more books, the minister urged.", "Lees verder in het rapport van de commissie, zei hij."),
)

COPYRIGHT = LineRule(
    "footers.copyright",
    regex.compile(
        r"(?:(?:©|\(c\)|(?:copyright|urheberrecht)\s*(?:©|\(c\)|(?=(?:19|20)\d\d)))\s*.{0,200}|.{0,200}\ball\s+rights\s+reserved\b.{0,100}|.{0,200}\b(?:alle\s+rechte\s+vorbehalten|tous\s+droits\s+réservés|todos\s+los\s+derechos\s+reservados|todos\s+os\s+direitos\s+reservados|tutti\s+i\s+diritti\s+riservati)\b.{0,100})",
        regex.IGNORECASE,
    ),
    "A copyright notice: '© 2019 Example Media. All rights reserved.'",
    needles=("©", "(c)", "copyright", "rights reserved", "rechte vorbehalten", "droits réservés", "derechos reservados", "direitos reservados", "diritti riservati", "urheberrecht"),
    max_len=240,
    examples=("© 2019 Example Media. All rights reserved.", "Copyright 2018 The Associated Press."),
    counterexamples=("Copyright law was at the centre of the dispute, and the court ruled that the archive had no claim to the photographs its staff had scanned over two decades of work.",),
    role=END,
)

# The ad blocker, as sites name it in their notices.
_ADBLOCKER = (
    r"(?:ad[-\s]?block(?:er|ers|ing)?|adblock(?:er|ers|a|iem|u)?|werbe-?blocker|anti-?pubs?|bloqueurs?\s+de\s+pub(?:licités?|licité)?|"
    r"bloqueador(?:es)?\s+de\s+(?:anuncios|anúncios|publicidad|publicidade|propaganda)|blocca-?(?:pubblicità|annunci)|blocco\s+(?:degli\s+)?annunci|"
    r"(?:program\w*|wtyczk\w*|rozszerzeni\w*)\s+(?:do\s+)?blok\w*\s+reklam|blokowani\w*\s+reklam|blokad\w*\s+reklam|"
    r"advertentieblokker\w*|reclameblokker\w*|блокировщик\w*(?:\s+рекламы)?)"
)
# How a notice to the reader opens: it speaks to "you" ("Sie nutzen ...", "Vous utilisez ...") or asks
# them to switch the blocker off. Prose that reports on ad blockers does not open this way.
_ADBLOCK_OPENING = (
    r"(?:(?:hinweis|achtung|liebe\s+leser(?:in|innen)?(?:\s+und\s+leser)?|cher\s+lecteur|chère\s+lectrice|chers\s+lecteurs|"
    r"dear\s+reader|querido\s+lector|caro\s+lettore|drogi\s+czytelniku|beste\s+lezer|уважаемый\s+читатель)\s*[:!,]\s*)?"
    r"(?:(?:offenbar|anscheinend|scheinbar|oops|hoppla|oups|ups)\s*[,!.]?\s*)?"
    r"(?:you(?:['’]re|\s+are|\s+seem\s+to\s+be)\s+(?:using|running)|(?:it\s+)?(?:looks|seems)\s+(?:like|as\s+(?:if|though))\s+you|"
    r"we\s+(?:noticed|see|have\s+detected|['’]ve\s+detected|detected)\s+(?:that\s+)?you|please\s+(?:disable|turn\s+off|deactivate|pause|whitelist)|"
    r"(?:sie|du)\s+(?:nutzen|nutzt|verwenden|verwendest|benutzen|benutzt|haben|hast)|(?:nutzen|verwenden|benutzen)\s+sie|"
    r"wir\s+haben\s+(?:festgestellt|bemerkt|erkannt)\s*,?\s+dass\s+(?:sie|du)|es\s+sieht\s+(?:so\s+)?aus\s*,?\s+als|"
    r"bitte\s+(?:deaktivieren|deaktiviere|schalten|schalte|pausieren|pausiere)|"
    r"vous\s+(?:utilisez|avez\s+(?:activé|installé))|tu\s+utilises|(?:il\s+)?(?:semble(?:rait)?|apparaît)\s+que\s+vous|"
    r"nous\s+avons\s+(?:détecté|remarqué|constaté)\s+que\s+vous|(?:merci\s+de|veuillez|nous\s+vous\s+invitons\s+à)\s+(?:désactiver|suspendre)|désactivez\s+votre|"
    r"(?:estás|estas|está)\s+(?:usando|utilizando)|(?:usas|utilizas)\s+un|parece\s+que\s+(?:estás|estas|está|usas|utilizas|usa|utiliza|tienes|tiene)|"
    r"hemos\s+detectado\s+que|(?:por\s+favor\s*,?\s*)?(?:desactiva|desactive|deshabilita|deshabilite)\s+(?:tu|su|el)|"
    r"stai\s+(?:usando|utilizzando)|(?:sembra|pare)\s+che\s+(?:tu\s+)?(?:stia|usi|utilizzi|abbia)|abbiamo\s+(?:rilevato|notato)\s+che|"
    r"(?:per\s+favore\s*,?\s*)?(?:disattiva|disabilita)\s+(?:il\s+tuo|l['’])|"
    r"(?:você|voce)\s+(?:está|esta)\s+(?:usando|utilizando)|(?:está|esta)s?\s+a\s+(?:usar|utilizar)|detectamos\s+que|parece\s+que\s+(?:você|voce)|"
    r"(?:por\s+favor\s*,?\s*)?(?:desative|desabilite|desligue)\s+(?:o\s+)?(?:seu|o)|"
    r"używasz|korzystasz\s+z|masz\s+włączon\w+|wykryliśmy\s*,?\s+że|wygląda\s+na\s+to\s*,?\s+że|(?:prosimy\s+o\s+)?(?:wyłącz|wyłączenie)|"
    r"(?:je|u)\s+(?:gebruikt|maakt\s+gebruik\s+van)|(?:het\s+lijkt\s+erop\s+dat|we\s+zien\s+dat|wij\s+zien\s+dat)\s+(?:je|u)|(?:schakel|zet)\s+(?:je|uw)|"
    r"(?:вы|у\s+вас)\s+(?:используете|включ[её]н|установлен)|(?:мы\s+)?(?:заметили|обнаружили)\s*,?\s+что|(?:пожалуйста\s*,?\s*)?отключите|"
    r"похоже\s*,?\s+(?:что\s+)?(?:вы|у\s+вас))"
)
_ADBLOCK_DETECTED = (
    r"(?:ad-?\s?block(?:er)?|adblock(?:er)?|werbeblocker|блокировщик\s+рекламы)\s+"
    r"(?:detected|erkannt|entdeckt|aktiv|détecté|detectado|rilevato|wykryty|gedetecteerd|обнаружен)"
)
ADBLOCK_NOTICE = LineRule(
    "footers.adblock_notice",
    regex.compile(r"(?:" + _ADBLOCK_DETECTED + r"|" + _ADBLOCK_OPENING + r"[^.!?\n]{0,120}?" + _ADBLOCKER + r")[^\n]{0,400}", regex.IGNORECASE),
    "A notice to readers who block ads: 'Bitte deaktivieren Sie Ihren Adblocker', 'Vous utilisez un bloqueur de publicité', "
    "'Parece que estás usando un bloqueador de anuncios'. It must open by speaking to the reader and name the blocker in its first sentence.",
    needles=("block", "blocker", "bloqueur", "bloqueador", "blocca", "blocco", "blok", "anti-pub", "antipub", "блокировщик"),
    max_len=500,
    examples=("Bitte deaktivieren Sie Ihren Adblocker.", "Sie nutzen einen Adblocker. Unser Journalismus finanziert sich über Werbung.",
              "Vous utilisez un bloqueur de publicité. Pour soutenir notre rédaction, désactivez-le sur notre site.",
              "Parece que estás usando un bloqueador de anuncios.", "Stai usando un AdBlock: disattivalo per continuare a leggere.",
              "Você está usando um bloqueador de anúncios. Desative-o para continuar.", "Używasz AdBlocka? Wyłącz go, aby czytać dalej.",
              "Je gebruikt een adblocker. Schakel die uit om dit artikel te lezen.", "Вы используете блокировщик рекламы. Отключите его, пожалуйста.",
              "It looks like you're using an ad blocker. Please whitelist us.", "Adblocker erkannt"),
    counterexamples=("Ad blockers are used by a third of readers, the survey found.",
                     "Werbeblocker verwenden inzwischen 30 Prozent der Leser, sagte der Verlagschef.",
                     "Viele Leser nutzen einen Adblocker, sagte der Verlagschef am Montag.",
                     "Sie nutzen die Bahn täglich. Einen Adblocker auf dem Handy hat dagegen kaum jemand, so die Studie.",
                     "Les bloqueurs de publicité coûtent cher aux éditeurs de presse, selon le rapport publié lundi."),
)

RULES = (ADVERTISEMENT, CONTINUE_READING, COPYRIGHT, ADBLOCK_NOTICE)
