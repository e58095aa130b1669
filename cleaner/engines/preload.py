"""Imported once by the multiprocessing fork server: loads the pipeline and the language model,
so every worker forked from the server starts with them in memory (shared, copy-on-write)."""

from ..language import detect_language
from ..pipeline import Cleaner

Cleaner()
detect_language("This sentence loads the language identification model before the workers start.")
