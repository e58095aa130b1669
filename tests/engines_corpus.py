"""A small, deterministic corpus of scraped-looking news articles for the engine tests."""

from __future__ import annotations

import random
from pathlib import Path

from cleaner.io.readers import Document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

_PLACES = ["Geneva", "Lagos", "Kraków", "Montréal", "Seoul", "Lima", "Zürich", "Nairobi"]
_TOPICS = ["the budget", "the rail link", "fuel subsidies", "the ceasefire talks", "the tax reform", "the water supply"]
_VERBS = ["said", "warned", "announced", "confirmed", "denied"]
_NAMES = ["Anna Smith", "Paul Dubois", "Chen Wang", "Olga Petrova", "Omar Haddad", "Sophie Müller"]


def _paragraph(rng: random.Random) -> str:
    return " ".join(
        f"Officials in {rng.choice(_PLACES)} {rng.choice(_VERBS)} on Monday that {rng.choice(_TOPICS)} "
        f"would be reviewed again after {rng.randint(2, 40)} weeks of talks with {rng.choice(_NAMES)}."
        for _ in range(rng.randint(2, 5))
    )


def article(rng: random.Random) -> str:
    place, topic = rng.choice(_PLACES), rng.choice(_TOPICS)
    parts = [f"{place} Weighs New Plan on {topic.title()}", f"By {rng.choice(_NAMES)}",
             f"March {rng.randint(1, 28)}, 2023"]
    caption = f"A view of the harbour in {place}. (Photo: Reuters)" if rng.random() < 0.5 else None
    if caption:
        parts.append(caption)
    for i in range(rng.randint(3, 8)):
        parts.append(_paragraph(rng))
        if i == 1 and caption:
            parts.append(caption)
        if rng.random() < 0.15:
            parts.append(f"Related: {rng.choice(_PLACES)} Looks Past {rng.choice(_TOPICS).title()}")
    if rng.random() < 0.5:
        parts.append("Share this:")
    if rng.random() < 0.5:
        parts.append(f"Views: {rng.randint(10, 99999):,}")
    if rng.random() < 0.3:
        parts.append("Leave a Reply")
    text = "\n\n".join(parts)
    if rng.random() < 0.2:
        text = text.replace("’", "â€™").replace(" ", "\u00a0", 3)
    return text


def texts(n: int = 120, seed: int = 7) -> list[str]:
    """The seed articles followed by ``n`` generated ones."""
    rng = random.Random(seed)
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    return seeds + [article(rng) for _ in range(n)]


def documents(n: int = 120, seed: int = 7) -> list[Document]:
    return [Document(f"doc-{i:04d}", t, f"corpus:{i + 1}", (), len(t.encode())) for i, t in enumerate(texts(n, seed))]
