"""Share, like and follow widgets, and newsletter or subscribe prompts."""

from __future__ import annotations

import regex

from .base import LineRule

_NETWORKS = (r"(?:facebook|twitter|x|linkedin|whatsapp|pinterest|reddit|telegram|email|e-mail|mail|print|flipboard|tumblr|messenger|sms|copy\s+link|copy|link|google\+?|xing|vk|line|pocket|"
             r"instagram|youtube|tiktok|threads|mastodon|bluesky|facebooku|twitterze|instagramie|вконтакте|одноклассниках|телеграм|telegramie|"
             r"correo(?:\s+electrónico)?|courriel|e-mailem)")
_SHARE_ITEM = (
    r"(?:share(?:\s+(?:this|on|via|to|with)(?:\s+(?:article|story|post|page))?)?(?:\s+" + _NETWORKS + r")?|tweet(?:\s+this)?|"
    r"pin(?:\s+it)?|like\s+loading\.{0,3}|like(?:\s+this)?|loading\.{3}|" + _NETWORKS + r"|"
    r"click\s+to\s+(?:share|email|print)(?:\s+(?:this|on|to|a\s+link\s+to\s+a\s+friend))?(?:\s+" + _NETWORKS + r")?(?:\s*\(opens\s+in\s+new\s+window\))?|"
    # German, French, Spanish, Italian, Portuguese, Polish, Dutch and Russian share buttons and page tools
    r"(?:artikel|beitrag|seite|video)\s+teilen|(?:auf|bei|via|per|über)\s+" + _NETWORKS + r"\s+teilen|teilen(?:\s+(?:auf|bei|via|per|über)\s+" + _NETWORKS + r")?|"
    r"partager(?:\s+(?:cet\s+article|l['’]article|sur|via|par)(?:\s+" + _NETWORKS + r")?)?|"
    r"compartir(?:\s+(?:esta\s+noticia|este\s+artículo|en|por|vía|via)(?:\s+" + _NETWORKS + r")?)?|"
    r"condividi(?:\s+(?:questo\s+articolo|l['’]articolo|su|via|per)(?:\s+" + _NETWORKS + r")?)?|"
    r"(?:compartilhar|compartilhe|partilhar|partilhe)(?:\s+(?:esta\s+notícia|este\s+artigo|no|na|pelo|via|por)(?:\s+" + _NETWORKS + r")?)?|"
    r"udostępnij(?:\s+(?:artykuł|na|przez)(?:\s+" + _NETWORKS + r")?)?|podziel\s+się|"
    r"delen(?:\s+(?:op|via)\s+" + _NETWORKS + r")?|deel\s+(?:dit\s+artikel|op\s+" + _NETWORKS + r"|via\s+" + _NETWORKS + r")|"
    r"поделиться(?:\s+(?:ссылкой|в|во)(?:\s+" + _NETWORKS + r")?)?|поделитесь|поділитися|"
    r"twittern|imprimer|drucken|imprimir|stampa|drukuj|afdrukken|печать|versenden|mailen|envoyer|enviar|invia|wyślij|"
    r"link\s+kopieren|copier\s+le\s+lien|copiar\s+(?:el\s+|o\s+)?(?:enlace|link)|copia\s+(?:il\s+)?link|kopiuj\s+link|kopieer\s+(?:de\s+)?link|"
    r"(?:скопировать|копировать)\s+ссылку|"
    # the share and like blocks of blog software, as its translations print them ('Teilen mit:', 'Gefällt mir Wird geladen …')
    r"teilen(?:\s+sie)?(?:\s+dies)?\s+mit|teile\s+diesen\s+(?:beitrag|artikel)(?:\s+(?:auf|bei|via|per|(?:ü|u)ber)\s+" + _NETWORKS + r")?|"
    r"diesen\s+(?:beitrag|artikel)\s+teilen|m(?:ö|o)chten\s+sie\s+(?:den|diesen)\s+(?:artikel|beitrag)\s+teilen\s*\?|"
    r"gef(?:ä|a)llt\s+mir(?:\s+wird\s+geladen(?:\s*(?:\.{3}|…))?)?|bloggern\s+gef(?:ä|a)llt\s+das|sharing\s+is\s+caring!?|"
    r"empfiehl\s+(?:dies|diesen\s+(?:artikel|beitrag))\s+deinen\s+freunden\.?|(?:artikel\s+)?merken|"
    r"compartir\s+esto|me\s+gusta(?:\s+esto|\s+cargando(?:\s*(?:\.{3}|…))?)?|partager\s+ceci|j['’]aime(?:\s+ça|\s+chargement(?:\s*(?:\.{3}|…))?)?|"
    r"condividi\s+questo|mi\s+piace(?:\s+caricamento(?:\s*(?:\.{3}|…))?)?|(?:partilhe|partilhar)\s+isto|compartilhe\s+isso|gostar\s+disto|curtir(?:\s+isso)?|"
    r"udostępnij\s+to|lubię\s+to|vind\s+ik\s+leuk|"
    # 'was this helpful?' and rating widgets under an article
    r"(?:war|ist)\s+(?:der|dieser)\s+(?:artikel|beitrag)\s+(?:n(?:ü|u)tzlich|hilfreich|lesenswert)\s*\?|"
    r"(?:hat\s+ihnen|hat\s+dir)\s+(?:der|dieser)\s+(?:artikel|beitrag)\s+gefallen\s*\?|gef(?:ä|a)llt\s+(?:ihnen|dir)\s+(?:der|dieser)\s+(?:artikel|beitrag)\s*\?|"
    r"was\s+this\s+(?:article\s+|post\s+|page\s+|story\s+)?(?:helpful|useful)\s*\?|did\s+you\s+find\s+this\s+(?:article|post|page)\s+(?:helpful|useful)\s*\?|"
    r"(?:artikel\s+|beitrag\s+)?bewerten)"
)
SHARE = LineRule(
    "social.share",
    # The repetition is possessive (no backtracking into the items once read), so a near miss fails in linear time.
    regex.compile(r"[*•·\-]?\s*" + _SHARE_ITEM + r"(?:\s*[:|•·,/]?\s*" + _SHARE_ITEM + r")*+\s*[:]?", regex.IGNORECASE),
    "A share or like widget: 'Share this:', 'Tweet', 'Share on Facebook', 'Click to share on Twitter (Opens in new window)'.",
    max_len=120,
    examples=("Share this:", "Share on Facebook Share on Twitter", "Tweet", "Click to share on Twitter (Opens in new window)", "Like this:",
              "Поделиться", "Teilen", "Artikel teilen", "Auf Facebook teilen Auf Twitter teilen", "Teilen Drucken Versenden",
              "Partager sur Facebook", "Compartir en Twitter", "Condividi su WhatsApp", "Compartilhar no Facebook", "Udostępnij na Facebooku",
              "Delen op Facebook", "Поделиться ВКонтакте", "Link kopieren",
              "Teilen mit:", "Teilen Sie dies mit:", "Teile diesen Beitrag auf Facebook", "Diesen Artikel teilen",
              "Möchten Sie den Artikel teilen?", "Gefällt mir:", "Gefällt mir Wird geladen …", "Bloggern gefällt das:", "Sharing is caring",
              "Empfiehl dies deinen Freunden.", "Artikel merken", "Compartir esto:", "Me gusta esto:", "Me gusta Cargando...",
              "J'aime ça :", "J’aime chargement…", "Mi piace Caricamento...", "Partilhe isto:", "Curtir isso:", "Vind ik leuk:", "Lubię to:",
              "War der Artikel nützlich?", "Gefällt Ihnen dieser Artikel?", "Hat Ihnen der Artikel gefallen?", "Was this article helpful?",
              "Did you find this article useful?", "Artikel bewerten", "Bewerten:"),
    counterexamples=("Share prices fell sharply on Monday.", "Print media is in decline.", "Teilen Sie uns mit, was Sie denken.",
                     "Partager le pouvoir n'a jamais été facile pour lui.", "Compartir piso es cada vez más caro en Madrid.",
                     "Condividi le tue idee con noi, ha detto il sindaco.", "Delen van gegevens mag alleen met toestemming.",
                     "Поделиться своим мнением может каждый житель.",
                     "Teilen Sie uns mit, was Sie denken.", "Gefällt mir nicht, sagte die Ministerin.", "Me gusta el fútbol.",
                     "Merken Sie sich diesen Termin: Am 3. Mai beginnt der Umbau.", "Was this article helpful to the defence? The judge did not say.",
                     "Bewerten lässt sich das erst nach der Wahl."),
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
        r"follow\s+@\w+(?:\s+on\s+" + _NETWORKS + r")?\s*[.!]?|folgen\s+sie\s+uns\s+auf\s+\w+\.?|suivez-nous\s+sur\s+\w+\.?|síguenos\s+en\s+\w+\.?|"
        # the same prompt in more languages, naming a network
        r"(?:folgen\s+sie\s+uns|folge\s+uns|suivez-nous|retrouvez-nous|síguenos|síganos|seguici|seguiteci|siga-nos|segue-nos|obserwuj\s+nas|"
        r"volg\s+ons|подписывайтесь\s+на\s+(?:нас|наш\s+канал)|читайте\s+нас|присоединяйтесь\s+к\s+нам)\s+"
        r"(?:auf|bei|in|sur|en|su|no|na|nas|op|в|во)\s+(?:(?:den|las|i|os|les)\s+)?"
        r"(?:" + _NETWORKS + r"|sozialen\s+netzwerken|réseaux\s+sociaux|redes\s+sociales|redes\s+sociais|social(?:\s+network)?|social\s+media|"
        r"mediach\s+społecznościowych|sociale\s+media|соцсетях|социальных\s+сетях|google\s+news|дзен)"
        r"(?:\s*(?:,|und|and|et|y|e|i|en|и|oraz|ou|o|oder)\s*" + _NETWORKS + r")*\s*[.!]?|"
        # the prompt alone, above a row of network icons
        r"(?:follow\s+us|folgen\s+sie\s+uns|folge\s+uns|suivez-nous|síguenos|seguici|siga-nos|obserwuj\s+nas|volg\s+ons)\s*[:!]?",
        regex.IGNORECASE,
    ),
    "A follow prompt: 'Follow us on Twitter', 'Follow @handle', 'Like us on Facebook'.",
    max_len=100,
    examples=("Follow us on Twitter", "Follow @nytimes", "Like us on Facebook.", "Seguici su Facebook", "Siga-nos no Instagram",
              "Obserwuj nas na Facebooku", "Volg ons op Twitter en Facebook", "Подписывайтесь на нас в Telegram",
              "Folgen Sie uns in den sozialen Netzwerken", "Folgen Sie uns", "Follow us:"),
    counterexamples=("Follow the money, the investigators said.", "Volg ons op de voet, zei de burgemeester tegen de pers.",
                     "Seguici su questa strada, ha detto il capitano alla squadra."),
)

NEWSLETTER = LineRule(
    "social.newsletter",
    regex.compile(
        r"(?:newsletters?|subscribe(?:\s+now)?|sign\s+up(?:\s+now)?|register\s+now|abonnieren|s'abonner|suscríbete|"
        r"(?:sign\s+up|subscribe|register|get|join|enter\s+your\s+email)\b[^.!?\n]{0,100}?\b(?:newsletters?|inbox|e-?mail\s+(?:updates|alerts)|daily\s+(?:briefing|digest)|updates\s+delivered)\b[^\n]{0,80}|"
        r"(?:our|the|free|daily|weekly)\s+[\w ]{0,30}newsletter[^.!?\n]{0,80}[.!]?|"
        r"(?:melden\s+sie\s+sich|abonnieren\s+sie)\b[^\n]{0,80}newsletter[^\n]{0,40}|inscrivez-vous\b[^\n]{0,80}newsletter[^\n]{0,40}|"
        # a subscribe button or prompt in German, French, Spanish, Italian, Portuguese, Polish, Dutch or Russian
        r"(?:jetzt\s+)?(?:kostenlos\s+)?(?:newsletter\s+(?:abonnieren|bestellen|anmelden)|abonnieren)|zum\s+newsletter(?:\s+anmelden)?|newsletter-anmeldung|"
        r"abonnez-vous|je\s+m['’](?:abonne|inscris)|s['’]inscrire(?:\s+à\s+la\s+newsletter)?|suscríbete|suscríbase|suscribirse|"
        r"iscriviti(?:\s+alla\s+newsletter)?|abbonati|assine(?:\s+já)?|inscreva-se|subskrybuj|zapisz\s+się|abonneer(?:\s+nu)?|"
        r"nieuwsbrief|boletín|boletim|рассылка|подписаться(?:\s+на\s+рассылку)?|"
        # German subscription and registration prompts
        r"newsletter\s+erhalten|immer\s+(?:bestens\s+|gut\s+)?informiert(?:\s+bleiben)?[.!]?|"
        r"(?:verpasse|verpassen\s+sie)\s+keine\s+(?:news|nachrichten|artikel|beitr(?:ä|a)ge|neuigkeiten)(?:\s+mehr)?(?:\s+(?:zu|aus|(?:ü|u)ber)\s+[^.!?\n]{1,60})?[.!]?|"
        r"kostenlos\s+registrieren(?:\s+und\s+weiterlesen)?|(?:schon|bereits)\s+(?:registriert|abonnent(?:in)?)\s*\?\s*(?:hier\s+|jetzt\s+)?(?:einloggen|anmelden)|"
        r"never\s+miss\b[^.!?\n]{0,80}?\bnewsletters?\b[^.!?\n]{0,40}[.!]?|zapraszamy\b[^.!?\n]{0,40}?\bsubskrypcji\b[^.!?\n]{0,40}[.!]?|"
        r"sign\s+up\s+to\s+get\s+the\s+best\b[^.!?\n]{0,60}[.!]?|"
        r"(?:melde\s+dich|abonniere|bestellen\s+sie|suscribite|registrieren\s+sie\s+sich|abonnez-vous|inscrivez-vous|inscris-toi|recevez|"
        r"suscríbete|suscríbase|apúntate|recibe|reciba|iscriviti|iscrivetevi|ricevi|assine|inscreva-se|cadastre-se|receba|"
        r"zapisz\s+się|zamów|otrzymuj|schrijf\s+(?:je|u)\s+in|meld\s+(?:je|u)\s+aan|abonneer\s+(?:je|u)|ontvang|"
        r"подпишитесь|подписывайтесь|получайте)\b[^.!?\n]{0,80}?"
        r"(?:newsletter\w*|nieuwsbrief|boletín|boletim|lettre\s+d['’]information|infolettre|рассылк\w+|e-?mail-?(?:alerts?|updates))\b[^.!?\n]{0,80}[.!]?)",
        regex.IGNORECASE,
    ),
    "A newsletter or subscription prompt: 'Sign up for our newsletter', 'Get the latest news delivered to your inbox.'",
    needles=("newsletter", "subscri", "sign up", "inbox", "register", "abonn", "suscr", "inscri", "bestellen", "anmeld", "iscriv",
             "abbonati", "assine", "zapisz", "subskryb", "nieuwsbrief", "boletín", "boletim", "рассылк", "подпи", "apúntate", "recib", "ricevi",
             "receba", "otrzymuj", "zamów", "schrijf", "meld je", "meld u", "ontvang", "cadastre", "informiert", "verpass", "registr", "zapraszamy", "never miss"),
    max_len=220,
    examples=("Sign up for our daily newsletter", "Subscribe", "Get the latest headlines delivered to your inbox.",
              "Jetzt Newsletter abonnieren", "Melde dich für unseren Newsletter an!", "Abonnez-vous à notre newsletter",
              "Suscríbete a nuestro boletín", "Iscriviti alla newsletter", "Inscreva-se na nossa newsletter", "Zapisz się do newslettera",
              "Schrijf je in voor onze nieuwsbrief", "Подпишитесь на нашу рассылку", "Nieuwsbrief", "Newsletter erhalten",
              "Immer informiert bleiben", "Verpasse keine News zu Hardware & Gadgets", "Verpassen Sie keine Nachrichten mehr!",
              "Kostenlos registrieren und weiterlesen", "Schon registriert? Hier einloggen", "Suscribite a nuestro newsletter",
              "Never miss the latest news by signing up for our newsletter", "Zapraszamy też do subskrypcji",
              "Sign up to get the best content of the week"),
    counterexamples=("The newsletter, founded in 1990, had 4,000 subscribers when it closed in 2012 after a long decline.",
                     "Der Newsletter der Partei erscheint seit 1990 monatlich und hat 4.000 Leser.",
                     "Recibe el boletín oficial la orden del ministerio. Así lo publicó el jueves.",
                     "Подпишитесь, сказал он, и протянул мне бумагу. Я не стал.",
                     "Immer informiert war die Polizei nicht, sagte der Anwalt.", "Registrieren lassen müssen sich alle Besucher."),
)

RULES = (SHARE, SHARE_OPTIONS, FOLLOW, NEWSLETTER)
