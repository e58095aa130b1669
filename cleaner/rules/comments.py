"""Comment sections: "3 replies on “Title”", "Comments are closed.", "Leave a Reply", form fields, the thread."""

from __future__ import annotations

from typing import Iterator

import regex

from ..extract.counts import COUNT, parse_count
from .base import ContextRule, DocumentView, Finding, LineRule
from .roles import COMMENT, COMMENT_END

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
    role=COMMENT_END,
)

CLOSED = LineRule(
    "comments.closed",
    regex.compile(
        r"(?:comments?\s+(?:are|is)\s+(?:now\s+)?closed|comments?\s+closed|commenting\s+(?:is\s+)?(?:now\s+)?(?:closed|disabled)|"
        r"kommentare\s+(?:sind\s+)?geschlossen|les\s+commentaires\s+sont\s+fermés|comentarios\s+cerrados|"
        r"(?:die\s+)?kommentarfunktion\s+(?:ist\s+|wurde\s+)?(?:für\s+diesen\s+(?:artikel|beitrag)\s+)?(?:geschlossen|deaktiviert|geschlossen\s+worden)|"
        r"(?:dieser\s+(?:artikel|beitrag)\s+kann\s+nicht\s+(?:mehr\s+)?kommentiert\s+werden)|"
        r"(?:les\s+)?commentaires\s+(?:sont\s+)?(?:fermés|clos|désactivés)|"
        r"(?:los\s+)?comentarios\s+(?:están\s+)?(?:cerrados|desactivados)|(?:i\s+)?commenti\s+(?:sono\s+)?(?:chiusi|disattivati|disabilitati)|"
        r"(?:os\s+)?comentários\s+(?:estão\s+)?(?:fechados|encerrados|desativados)|"
        r"(?:komentarze\s+(?:są\s+)?(?:wyłączone|zamknięte)|możliwość\s+komentowania\s+(?:została\s+)?wyłączona)|"
        r"(?:reageren\s+is\s+(?:niet\s+(?:meer\s+)?mogelijk|gesloten)|reacties\s+(?:zijn\s+)?gesloten)|"
        r"(?:комментарии\s+(?:закрыты|отключены)|комментирование\s+(?:закрыто|отключено))|"
        r"cerrados\s+los\s+comentarios)\s*[.!]?",
        regex.IGNORECASE,
    ),
    "A closed comment section: 'Comments are closed.', 'Die Kommentarfunktion ist geschlossen.', 'Комментарии закрыты'.",
    max_len=90,
    examples=("Comments are closed.", "Comments closed", "Die Kommentarfunktion ist für diesen Artikel deaktiviert.",
              "Les commentaires sont fermés.", "Los comentarios están cerrados.", "I commenti sono chiusi.", "Os comentários estão fechados.",
              "Komentarze są wyłączone", "Reageren is niet meer mogelijk.", "Комментарии закрыты"),
    counterexamples=("Comments are closed on weekends, the editor said.", "Die Kommentarfunktion ist seit Jahren umstritten, sagte er.",
                     "Los comentarios están cerrados a cualquier crítica, según la oposición."),
    role=COMMENT_END,
)

_PROMPT = (
    r"(?:leave\s+a\s+(?:reply|comment)(?:\s+cancel\s+reply)?|post\s+a\s+comment|add\s+a\s+comment|write\s+a\s+comment|"
    r"join\s+the\s+(?:discussion|conversation)|show\s+comments|view\s+comments|load\s+comments|"
    r"want\s+to\s+join\s+the\s+discussion\?|feel\s+free\s+to\s+contribute!|"
    r"(?:you\s+must\s+be\s+)?logged\s+in\s+to\s+post\s+a\s+comment|"
    r"your\s+email\s+address\s+will\s+not\s+be\s+published|required\s+fields\s+are\s+marked\s*\*?|"
    r"kommentar\s+(?:schreiben|verfassen|hinterlassen)|laisser\s+un\s+commentaire|deja\s+un\s+comentario|dejar\s+un\s+comentario|"
    r"deixe\s+um\s+comentário|lascia\s+un\s+commento|"
    # German, French, Spanish, Italian, Portuguese, Polish, Dutch and Russian comment buttons and form headings
    r"(?:jetzt\s+|artikel\s+)?kommentieren|(?:schreib|schreibe|schreiben\s+sie)\s+einen\s+kommentar|kommentar\s+ver(?:ö|o)ffentlichen|"
    r"ich\s+freue\s+mich\s+(?:ü|u)ber\s+(?:eure|deine|ihre)\s+kommentare[.!]?|hinterlasse\s+einen\s+kommentar|kommentar\s+abgeben|"
    r"(?:alle\s+)?kommentare\s+(?:anzeigen|lesen|einblenden|ausblenden)|antwort(?:en)?\s+abbrechen|"
    r"(?:ajouter|écrire|rédiger|publier)\s+un\s+commentaire|commenter(?:\s+cet\s+article)?|réagir(?:\s+à\s+cet\s+article)?|réagissez|"
    r"(?:voir|afficher|lire)\s+(?:les|tous\s+les)\s+commentaires|annuler\s+la\s+réponse|"
    r"(?:escribe|escriba|añade|añadir|agrega|agregar)\s+(?:un\s+)?comentario|deja\s+una\s+respuesta|comenta|comentar|"
    r"(?:ver|mostrar|leer)\s+(?:los\s+|todos\s+los\s+)?comentarios|cancelar\s+(?:la\s+)?respuesta|"
    r"(?:scrivi|aggiungi|lascia)\s+(?:un\s+)?commento|commenta|(?:mostra|vedi|leggi)\s+(?:i\s+|tutti\s+i\s+)?commenti|annulla\s+(?:la\s+)?risposta|"
    r"(?:escreva|adicione|deixe)\s+(?:um\s+|o\s+seu\s+|seu\s+)?comentário|deixe\s+uma\s+resposta|comente|comentar|"
    r"(?:ver|mostrar|ler)\s+(?:os\s+|todos\s+os\s+)?comentários|cancelar\s+resposta|"
    r"(?:dodaj|napisz)\s+komentarz|skomentuj|(?:pokaż|zobacz|czytaj)\s+(?:wszystkie\s+)?komentarze|anuluj\s+pisanie\s+odpowiedzi|"
    r"(?:plaats|geef|schrijf)\s+een\s+reactie|laat\s+een\s+reactie\s+achter|reageer|reageren|(?:bekijk|toon|lees)\s+(?:alle\s+)?reacties|reactie\s+annuleren|"
    r"(?:добавить|оставить|написать|оставьте|напишите)\s+комментарий|комментировать|(?:показать|читать)\s+(?:все\s+)?комментарии|отменить\s+ответ)\s*[.!:]?\s*\*?"
)

PROMPT = LineRule(
    "comments.prompt",
    regex.compile(_PROMPT + r"(?:\s*" + _PROMPT + r"){0,2}", regex.IGNORECASE),
    "A comment form prompt: 'Leave a Reply', 'Post a comment', 'Your email address will not be published.'",
    max_len=160,
    examples=("Leave a Reply", "Your email address will not be published.", "Join the discussion",
              "Your email address will not be published. Required fields are marked *",
              "Kommentar schreiben", "Jetzt kommentieren", "Schreibe einen Kommentar Antwort abbrechen", "Ajouter un commentaire",
              "Réagir", "Escribe un comentario", "Scrivi un commento", "Deixe um comentário", "Dodaj komentarz", "Plaats een reactie",
              "Оставить комментарий", "Schreib einen Kommentar", "Kommentar veröffentlichen", "Antworten abbrechen",
              "Ich freue mich über eure Kommentare!"),
    counterexamples=("Leave a reply on the form and we will call you back within a day.",
                     "Kommentieren wollte der Minister den Bericht am Montag nicht.", "Réagir vite est essentiel, selon les pompiers.",
                     "Comenta el ministro que la reforma llegará en junio."),
    role=COMMENT_END,
)

FORM_FIELD = LineRule(
    "comments.form_field",
    regex.compile(
        r"(?:(?:your\s+)?(?:name|e-?mail(?:\s+address)?|website|url|comment|message|nickname|screen\s+name)\s*(?:\*|\(required\))|"
        r"save\s+my\s+name,\s+email,\s+and\s+website\s+in\s+this\s+browser\s+for\s+the\s+next\s+time\s+i\s+comment\.?|"
        r"notify\s+me\s+of\s+(?:follow-up\s+comments|new\s+posts)\s+by\s+email\.?|"
        r"this\s+site\s+uses\s+akismet\s+to\s+reduce\s+spam\.(?:\s+learn\s+how\s+your\s+comment\s+data\s+is\s+processed\.)?|"
        # the same form in the blog software's German, French, Spanish, Italian, Portuguese, Polish, Dutch and Russian
        r"(?:name|e-mail|website|kommentar|nom|adresse\s+(?:e-?mail|de\s+messagerie)|site(?:\s+web)?|commentaire|nombre|correo\s+electrónico|web|comentario|"
        r"nome|sito\s+web|commento|comentário|imię|adres\s+e-?mail|witryna(?:\s+internetowa)?|komentarz|naam|reactie|имя|сайт|комментарий)\s*(?:\*|\((?:erforderlich|obligatoire|obligatorio|obbligatorio|obrigatório|wymagane|verplicht|обязательно)\))|"
        r"(?:ihre|deine)\s+e-mail-adresse\s+wird\s+nicht\s+veröffentlicht\.?(?:\s*erforderliche\s+felder\s+sind\s+(?:mit\s+)?\*?\s*markiert\.?\s*\*?)?|"
        r"erforderliche\s+felder\s+sind\s+(?:mit\s+)?\*?\s*markiert\.?\s*\*?|"
        r"meinen\s+namen,\s+(?:meine\s+)?e-mail(?:-adresse)?\s+und\s+(?:meine\s+)?website\s+in\s+diesem\s+browser\s+speichern,\s+bis\s+ich\s+wieder\s+kommentiere\.?|"
        r"benachrichtige\s+mich\s+über\s+(?:nachfolgende\s+kommentare|neue\s+beiträge)\s+(?:via|per)\s+e-mail\.?|"
        r"(?:votre|ton)\s+adresse\s+(?:e-?mail|de\s+messagerie)\s+ne\s+sera\s+pas\s+publiée\.?(?:\s*les\s+champs\s+obligatoires\s+sont\s+indiqués\s+avec\s*\*\.?)?|"
        r"les\s+champs\s+obligatoires\s+sont\s+indiqués\s+avec\s*\*\.?|"
        r"enregistrer\s+mon\s+nom,\s+mon\s+e-mail\s+et\s+mon\s+site\s+(?:web\s+)?dans\s+le\s+navigateur\s+pour\s+mon\s+prochain\s+commentaire\.?|"
        r"prévenez-moi\s+de\s+tous\s+les\s+nouveaux\s+(?:commentaires|articles)\s+par\s+(?:e-?mail|courriel)\.?|"
        r"tu\s+(?:dirección\s+de\s+)?correo\s+electrónico\s+no\s+(?:será|se)\s+publicad[oa]\.?(?:\s*los\s+campos\s+(?:obligatorios|necesarios)\s+están\s+marcados\s+con\s*\*\.?)?|"
        r"los\s+campos\s+(?:obligatorios|necesarios)\s+están\s+marcados\s+con\s*\*\.?|"
        r"guarda\s+mi\s+nombre,\s+correo\s+electrónico\s+y\s+web\s+en\s+este\s+navegador\s+para\s+la\s+próxima\s+vez\s+que\s+comente\.?|"
        r"il\s+tuo\s+indirizzo\s+(?:e-?mail|email)\s+non\s+sarà\s+pubblicato\.?(?:\s*i\s+campi\s+obbligatori\s+sono\s+contrassegnati\s*\*\.?)?|"
        r"i\s+campi\s+obbligatori\s+sono\s+contrassegnati\s*\*\.?|"
        r"salva\s+il\s+mio\s+nome,\s+email\s+e\s+sito\s+web\s+in\s+questo\s+browser\s+per\s+la\s+prossima\s+volta\s+che\s+commento\.?|"
        r"(?:o\s+)?(?:seu|teu)\s+endereço\s+de\s+e-?mail\s+não\s+será\s+publicado\.?(?:\s*(?:os\s+)?campos\s+obrigatórios\s+(?:são|estão)\s+marcados\s+com\s*\*\.?)?|"
        r"(?:os\s+)?campos\s+obrigatórios\s+(?:são|estão)\s+marcados\s+com\s*\*\.?|"
        r"salvar\s+meus\s+dados\s+neste\s+navegador\s+para\s+a\s+próxima\s+vez\s+que\s+eu\s+comentar\.?|"
        r"twój\s+adres\s+e-?mail\s+nie\s+zostanie\s+opublikowany\.?(?:\s*wymagane\s+pola\s+są\s+oznaczone\s*\*\.?)?|wymagane\s+pola\s+są\s+oznaczone\s*\*\.?|"
        r"zapamiętaj\s+moje\s+dane\s+w\s+tej\s+przeglądarce\s+podczas\s+pisania\s+kolejnych\s+komentarzy\.?|"
        r"(?:je|uw|het)\s+e-?mailadres\s+wordt\s+niet\s+gepubliceerd\.?(?:\s*vereiste\s+velden\s+zijn\s+gemarkeerd\s+met\s*\*\.?)?|vereiste\s+velden\s+zijn\s+gemarkeerd\s+met\s*\*\.?|"
        r"ваш\s+(?:адрес\s+)?e-?mail(?:\s+адрес)?\s+не\s+будет\s+опубликован\.?(?:\s*обязательные\s+поля\s+помечены\s*\*\.?)?|обязательные\s+поля\s+помечены\s*\*\.?)",
        regex.IGNORECASE,
    ),
    "A field of a comment form: 'Name *', 'Email *', 'Website', 'Save my name, email, and website in this browser "
    "for the next time I comment.'",
    max_len=160,
    examples=("Name *", "Email *", "Comment *", "Save my name, email, and website in this browser for the next time I comment.",
              "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert",
              "Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *",
              "Tu dirección de correo electrónico no será publicada. Los campos obligatorios están marcados con *",
              "Il tuo indirizzo email non sarà pubblicato. I campi obbligatori sono contrassegnati *",
              "O seu endereço de email não será publicado. Campos obrigatórios são marcados com *",
              "Twój adres e-mail nie zostanie opublikowany. Wymagane pola są oznaczone *",
              "Je e-mailadres wordt niet gepubliceerd. Vereiste velden zijn gemarkeerd met *",
              "Ваш адрес email не будет опубликован. Обязательные поля помечены *", "Kommentar *", "Imię *"),
    counterexamples=("Name the three rivers that cross the city.", "Website traffic doubled in a year.",
                     "Ihre E-Mail-Adresse wird nicht veröffentlicht, versprach der Anbieter, aber sie tauchte im Netz auf."),
    role=COMMENT,
)


def _thread(doc: DocumentView) -> Iterator[Finding]:
    for i, rule in sorted(doc.cut.items()):
        if rule == "comments.replies_on":
            why = {"signal": "after_comment_heading", "heading": i}
            for j in doc.live_after(i):
                yield Finding(j, "comments.thread", (), why)
            return


THREAD = ContextRule(
    "comments.thread",
    _thread,
    "The comment thread: everything after a comment-section heading such as '10 thoughts on “Title”'.",
    examples=("10 thoughts on “Title”  /  1. Gaye  /  August 8, 2018 at 3:17 pm  /  Great article!",),
    role=COMMENT,
)

HEADING = LineRule(
    "comments.heading",
    regex.compile(
        r"(?:[*•]\s*)?(?:(?:leser)?kommentare|(?:ihre|deine)\s+meinung|commentaires|vos\s+réactions|comentarios|"
        r"commenti|comentários|komentarze|opinie\s+czytelników|reacties|комментарии|коментарі|comments|reader\s+comments|keine\s+kommentare|no\s+comments)"
        r"(?:\s+(?:zum\s+(?:artikel|thema|beitrag)|zu\s+diesem\s+artikel|des\s+lecteurs|de\s+los\s+lectores|dei\s+lettori|dos\s+leitores))?\s*:?",
        regex.IGNORECASE,
    ),
    "The heading of a comment section: 'Kommentare', 'Commentaires', 'Comentarios', 'Commenti', 'Komentarze', 'Reacties', "
    "'Комментарии' (with a count it is counters.comment_count).",
    max_len=40,
    examples=("Kommentare", "Leserkommentare", "Commentaires", "Comentarios", "Commenti", "Comentários", "Komentarze", "Reacties",
              "Комментарии", "Comments", "Kommentare zum Artikel:", "Keine Kommentare:", "No comments:"),
    counterexamples=("Kommentare von Lesern sind willkommen.", "Commentaires et critiques ont suivi le discours.",
                     "Comments from the minister were expected."),
    role=COMMENT,
)

POLICY = LineRule(
    "comments.policy",
    regex.compile(
        r"(?:"
        # German
        r"(?:bitte\s+beachten\s+sie|es\s+gilt|es\s+gelten|beachten\s+sie)\s+(?:unsere\s+|die\s+)?(?:netiquette|kommentarrichtlinien|diskussionsregeln|community-?richtlinien|nutzungsbedingungen)\b[^\n]{0,200}|"
        r"(?:wir\s+freuen\s+uns\s+über\s+(?:ihren|ihre|deinen|deine)\s+(?:kommentar|kommentare|beitrag|beiträge|meinung))\b[^\n]{0,300}|"
        r"(?:um\s+(?:zu\s+)?kommentieren(?:\s+zu\s+können)?|zum\s+kommentieren)\s*,?\s+(?:müssen\s+sie|musst\s+du|bitte)\b[^\n]{0,120}|"
        r"(?:sie\s+müssen|du\s+musst)\s+(?:sich\s+|dich\s+)?(?:angemeldet|eingeloggt|registriert)\s+sein\s*,?\s+um\b[^\n]{0,100}|"
        r"(?:kommentare|leserkommentare|beiträge)\s+werden\s+(?:vor\s+der\s+veröffentlichung\s+|von\s+der\s+redaktion\s+)?(?:moderiert|geprüft|freigeschaltet)\b[^\n]{0,200}|"
        r"die\s+redaktion\s+behält\s+sich\s+(?:das\s+recht\s+)?vor\s*,?\s+(?:kommentare|beiträge|leserbeiträge)\b[^\n]{0,200}|"
        # French
        r"(?:vous\s+devez|il\s+faut)\s+être\s+(?:connecté|connectée|connecté\(e\)|inscrit|abonné)\s+pour\s+(?:publier\s+un\s+commentaire|commenter|réagir|poster)\b[^\n]{0,100}|"
        r"(?:les\s+)?commentaires\s+(?:sont\s+)?(?:soumis\s+à\s+(?:une\s+)?modération|modérés)\b[^\n]{0,200}|"
        r"(?:merci\s+de\s+)?(?:respecter|consultez)\s+(?:notre|la)\s+charte\s+(?:de\s+(?:modération|commentaires)|des\s+commentaires)\b[^\n]{0,200}|"
        # Spanish
        r"(?:debes|debe|tienes\s+que|tiene\s+que)\s+(?:iniciar\s+sesión|estar\s+registrad[oa]|registrarte|identificarte)\s+para\s+(?:comentar|publicar\s+un\s+comentario|dejar\s+un\s+comentario)\b[^\n]{0,100}|"
        r"(?:los\s+)?comentarios\s+(?:están\s+sujetos\s+a\s+moderación|son\s+moderados|serán\s+moderados)\b[^\n]{0,200}|"
        r"(?:normas|reglas|política)\s+de\s+(?:participación|comentarios|uso\s+de\s+los\s+comentarios)\s*:?[^\n]{0,200}|"
        # Italian
        r"(?:devi|è\s+necessario)\s+(?:effettuare\s+il\s+login|essere\s+(?:registrato|loggato|connesso)|accedere)\s+per\s+(?:commentare|pubblicare\s+un\s+commento|inviare\s+un\s+commento)\b[^\n]{0,100}|"
        r"(?:i\s+)?commenti\s+(?:sono\s+)?(?:moderati|soggetti\s+a\s+moderazione)\b[^\n]{0,200}|"
        # Portuguese
        r"(?:você\s+precisa|é\s+necessário|precisa)\s+(?:fazer\s+login|estar\s+(?:logado|conectado|registrado))\s+para\s+(?:comentar|publicar\s+um\s+comentário)\b[^\n]{0,100}|"
        r"(?:os\s+)?comentários\s+(?:são\s+moderados|estão\s+sujeitos\s+a\s+moderação|não\s+representam\s+a\s+opinião)\b[^\n]{0,200}|"
        # Polish
        r"(?:musisz\s+(?:się\s+)?(?:zalogować|być\s+zalogowany)|zaloguj\s+się)\s*,?\s+(?:aby|żeby|by)\s+(?:móc\s+)?(?:dodać\s+komentarz|komentować|skomentować)\b[^\n]{0,100}|"
        r"(?:komentarze\s+są\s+moderowane|redakcja\s+nie\s+ponosi\s+odpowiedzialności\s+za\s+(?:treść\s+)?(?:komentarzy|opinie))\b[^\n]{0,200}|"
        r"(?:regulamin|zasady)\s+(?:komentowania|komentarzy|forum)\s*\.?|"
        # Dutch
        r"(?:je|u)\s+(?:moet|dient)\s+(?:ingelogd|aangemeld|geregistreerd)\s+(?:te\s+)?(?:zijn|worden)\s+om\s+(?:een\s+reactie\s+(?:te\s+)?(?:plaatsen|geven)|te\s+reageren)\b[^\n]{0,100}|"
        r"(?:reacties\s+worden\s+(?:gemodereerd|gecontroleerd))\b[^\n]{0,200}|"
        # Russian
        r"(?:для\s+(?:того\s+чтобы\s+)?(?:отправки\s+комментария|комментирования|добавления\s+комментария)|чтобы\s+(?:оставить|написать|добавить)\s+комментарий)\s*,?\s+"
        r"(?:вам\s+)?(?:необходимо|нужно|надо|войдите|авторизуйтесь|зарегистрируйтесь)\b[^\n]{0,100}|"
        r"(?:комментарии\s+(?:проходят\s+модерацию|модерируются)|редакция\s+не\s+несет\s+ответственности\s+за\s+(?:содержание\s+)?комментари\w+)\b[^\n]{0,200}|"
        r"(?:правила\s+(?:комментирования|комментариев))\s*\.?|"
        # English
        r"(?:you\s+must\s+be\s+(?:logged\s+in|signed\s+in|registered)|please\s+(?:log|sign)\s+in)\s+to\s+(?:comment|post\s+a\s+comment|leave\s+a\s+comment|join\s+the\s+discussion)\b[^\n]{0,100}|"
        r"comments\s+are\s+(?:moderated|subject\s+to\s+moderation)\b[^\n]{0,200}|"
        r"(?:please\s+(?:read|see|follow|review)\s+our\s+)?(?:comment(?:ing)?|community)\s+(?:policy|guidelines|rules)\s*\.?"
        r")",
        regex.IGNORECASE,
    ),
    "A comment-policy notice: 'Bitte beachten Sie unsere Netiquette', 'Vous devez être connecté pour publier un commentaire', "
    "'Los comentarios están sujetos a moderación', 'Musisz się zalogować, aby dodać komentarz'.",
    needles=("netiquette", "richtlinien", "diskussionsregeln", "nutzungsbedingungen", "kommentar", "kommentier", "redaktion", "commentaire", "commenter",
             "réagir", "poster", "modération", "modérés", "charte", "coment", "comment", "komentarz", "komentow", "forum", "reactie", "reageren",
             "gemodereerd", "gecontroleerd", "комментари", "модерац", "guidelines", "policy", "rules", "beiträge"),
    max_len=400,
    examples=("Bitte beachten Sie unsere Netiquette.", "Um kommentieren zu können, müssen Sie angemeldet sein.",
              "Kommentare werden vor der Veröffentlichung moderiert.",
              "Wir freuen uns über Ihren Kommentar. Bitte bleiben Sie sachlich und beachten Sie unsere Netiquette.",
              "Vous devez être connecté pour publier un commentaire.", "Los comentarios están sujetos a moderación.",
              "Devi effettuare il login per commentare.", "Você precisa fazer login para comentar.",
              "Musisz się zalogować, aby dodać komentarz.", "Je moet ingelogd zijn om een reactie te plaatsen.",
              "Для отправки комментария вам необходимо авторизоваться.", "Redakcja nie ponosi odpowiedzialności za treść komentarzy.",
              "You must be logged in to post a comment.", "Comment policy"),
    counterexamples=("Bitte beachten Sie die Hinweise der Polizei zur Umleitung.", "Die Redaktion behält sich vor, den Bericht zu ergänzen.",
                     "Les commentaires sont restés sans réponse pendant des semaines.",
                     "Os comentários do ministro foram mal recebidos no Congresso.",
                     "Comments are moderate in tone, the analyst said, compared with last year."),
    role=COMMENT,
)

RULES = (REPLIES_ON, CLOSED, PROMPT, FORM_FIELD, POLICY)
AFTER_ZONES_RULES = (HEADING,)
AFTER_HEADER_RULES = (THREAD,)
