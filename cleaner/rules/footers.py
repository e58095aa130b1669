"""Page furniture around the article: advertisement markers, 'Continue reading', copyright lines."""

from __future__ import annotations

import regex

from .base import LineRule

ADVERTISEMENT = LineRule(
    "footers.advertisement",
    regex.compile(
        r"(?:advertisement|advertising|advert|ad|sponsored(?:\s+content)?|paid\s+content|anzeige|werbung|publicité|publicidad|publicidade|pubblicità|"
        r"(?:story|article|content)\s+continues\s+(?:below|after)(?:\s+(?:this\s+)?(?:advertisement|ad))?|"
        r"scroll\s+(?:down\s+)?to\s+continue(?:\s+with\s+content)?|skip\s+(?:this\s+)?ad(?:vertisement)?)\s*[.:]?",
        regex.IGNORECASE,
    ),
    "An advertisement marker: 'Advertisement', 'Story continues below advertisement'.",
    max_len=60,
    examples=("Advertisement", "ADVERTISEMENT", "Story continues below advertisement"),
    counterexamples=("Advertisement spending rose 4 percent last year.",),
)

CONTINUE_READING = LineRule(
    "footers.continue_reading",
    regex.compile(
        r"(?:continue\s+reading(?:\s+(?:below|the\s+(?:main\s+)?(?:story|article)|here))?|read\s+(?:the\s+)?(?:full|whole|rest\s+of\s+the)\s+(?:story|article)(?:\s+here)?|"
        r"read\s+more|click\s+here\s+to\s+read\s+more|keep\s+reading|show\s+more|see\s+more|view\s+more|load\s+more|to\s+read\s+the\s+full\s+story|"
        r"weiterlesen|mehr\s+lesen|lire\s+la\s+suite|leer\s+más|seguir\s+leyendo|continuar\s+lendo|leia\s+mais|continua\s+a\s+leggere)\s*[.:»›>…]*",
        regex.IGNORECASE,
    ),
    "A link to the rest of a story: 'Continue reading', 'Read more', 'Read the full story'.",
    max_len=60,
    examples=("Continue reading", "Read More »", "To Read the Full Story"),
    counterexamples=("Read more books, the minister urged.",),
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
)

RULES = (ADVERTISEMENT, CONTINUE_READING, COPYRIGHT)
