"""Engines: how batches of documents get scheduled, nothing else.

=========  ===================================================================
module     what it does
=========  ===================================================================
batches    batches of plain ``(id, text, source)`` rows and the pure function that cleans one
local      worker processes on this machine (:func:`cleaner.engines.local.clean`)
dask       a ``dask.distributed`` cluster (optional extra ``cleaner[dask]``), also reading
           Parquet on the workers (:func:`cleaner.engines.dask.clean_parquet`)
=========  ===================================================================

Every engine yields one :class:`~cleaner.io.run.Outcome` per input item, in
input order, and the outcomes do not depend on the engine or the number of
workers. :func:`run` picks the engine by name.

>>> from cleaner.io.readers import Document
>>> [o.ok for o in run([Document("a", "A body of text that is long enough to keep.", "mem")], workers=1)]
[True]
"""

from __future__ import annotations

from typing import Iterable, Iterator

from ..config import CleanerConfig
from ..io.readers import Item
from ..io.run import Outcome
from .local import available_cpus

__all__ = ["ENGINES", "run", "available_cpus"]

ENGINES = ("local", "dask")


def run(
    items: Iterable[Item],
    config: CleanerConfig | None = None,
    *,
    workers: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    **options,
) -> Iterator[Outcome]:
    """Clean reader items with an engine; one :class:`Outcome` per item, in input order.

    engine:    ``"local"`` (worker processes here) or ``"dask"`` (a dask.distributed cluster).
    workers:   local: worker processes (default: every CPU; 1 = in this process). dask: the
               number of workers of the LocalCluster started when ``scheduler`` is None.
    scheduler: dask only: the scheduler's address (``tcp://host:8786``) or a ``distributed.Client``;
               None starts a LocalCluster on 127.0.0.1 for the run.
    options:   passed to the engine (``batch_docs``, ``batch_chars``, ``window``).

    A ``config`` that disables a name no rule declares is an :class:`~cleaner.config.UnknownRuleName`
    here, before any worker starts. So is a ``config`` of a Cleaner with rules of the caller's own
    (``Cleaner(rules=...).config``): each worker builds its cleaner from the configuration alone, which
    cannot carry those rules (clean with that Cleaner's ``clean_many`` in this process instead).
    """
    if config is not None and config.rule_set is not None:
        raise ValueError(f"the engines cannot run rules of your own (rule set {config.rule_set}): each worker builds "
                         "its cleaner from the configuration, which holds only the rules' identity; clean with "
                         "Cleaner(rules=...).clean_many in this process instead")
    if config is not None and config.disable:
        # Only when names are given: the rule list that checks them is the pipeline's.
        from ..pipeline import DEFAULT_RULES
        from ..rules import check_names

        check_names(config.disable, DEFAULT_RULES)
    if engine == "local":
        if scheduler is not None:
            raise ValueError("a scheduler address is for engine='dask'")
        from .local import clean

        return clean(items, config, workers=workers, **options)
    if engine == "dask":
        from .dask import clean

        return clean(items, config, scheduler=scheduler, workers=workers, **options)
    raise ValueError(f"engine must be one of {', '.join(ENGINES)}, not {engine!r}")
