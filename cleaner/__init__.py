"""cleaner: turn scraped news-article text into clean, well-described, versioned datasets.

>>> import cleaner
>>> article = cleaner.clean("Views: 274\\n\\nThe body of the story is here and it is long enough.")
>>> article.text, article.views
('The body of the story is here and it is long enough.', 274)
"""

from typing import TYPE_CHECKING, Any

from .article import Article, Caption, Cut, Provenance
from .config import CleanerConfig, UnknownRuleName

if TYPE_CHECKING:  # what type checkers see; at run time these come lazily from __getattr__ below
    from . import hf as hf
    from .pipeline import Cleaner as Cleaner
    from .pipeline import clean as clean
    from .hf import load as load
    from .hf import to_dataset as to_dataset

__version__ = "0.1.0"

__all__ = ["Article", "Caption", "Cut", "Provenance", "Cleaner", "CleanerConfig", "UnknownRuleName", "clean", "hf", "load", "to_dataset", "__version__"]


def __getattr__(name: str) -> Any:
    # The pipeline compiles every rule's patterns when it is imported: loaded on first use, so that
    # `cleaner --help` and the commands that clean nothing do not pay for it
    if name in ("Cleaner", "clean"):
        from . import pipeline

        return getattr(pipeline, name)
    # cleaner.hf (and its load and to_dataset) need pyarrow and datasets: imported on first use,
    # so that `import cleaner` and the command line's clean path stay light
    if name in ("hf", "load", "to_dataset"):
        import importlib

        hf = importlib.import_module(".hf", __name__)
        return hf if name == "hf" else getattr(hf, name)
    raise AttributeError(f"module 'cleaner' has no attribute {name!r}")
