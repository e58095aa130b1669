"""cleaner: turn scraped news-article text into clean, well-described, versioned datasets.

>>> import cleaner
>>> article = cleaner.clean("Views: 274\\n\\nThe body of the story is here and it is long enough.")
>>> article.text, article.views
('The body of the story is here and it is long enough.', 274)
"""

from .article import Article, Caption, Cut
from .config import CleanerConfig
from .pipeline import Cleaner, clean

__version__ = "0.1.0"

__all__ = ["Article", "Caption", "Cut", "Cleaner", "CleanerConfig", "clean", "load", "to_dataset", "__version__"]


def __getattr__(name: str):
    # load and to_dataset live in cleaner.hf, imported on first use (it needs pyarrow and datasets)
    if name in ("load", "to_dataset"):
        from . import hf

        return getattr(hf, name)
    raise AttributeError(f"module 'cleaner' has no attribute {name!r}")
