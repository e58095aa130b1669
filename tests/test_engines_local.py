"""The local engine: same outcomes for any number of workers, in input order, bounded read-ahead,
failing documents as error items, and workers that are stopped and reaped on Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from cleaner import CleanerConfig
from cleaner.engines import run
from cleaner.engines.batches import batches
from cleaner.engines.local import available_cpus, clean
from cleaner.io.readers import Document, DocumentError
from cleaner.io.run import clean_items
from cleaner.pipeline import Cleaner

from engines_corpus import documents

ROOT = Path(__file__).resolve().parent.parent
CONFIG = CleanerConfig(detect_language=False)


def _mixed() -> list:
    docs = documents(60)
    docs.insert(5, DocumentError("unreadable", "corpus:bad", "empty document (no text)"))
    docs.insert(20, Document("not-text", 12345, "corpus:not-text"))  # the cleaner raises TypeError on it
    return docs


def test_one_and_two_workers_give_the_same_outcomes_in_input_order():
    items = _mixed()
    serial = list(clean(items, CONFIG, workers=1, batch_docs=7))
    pooled = list(clean(iter(items), CONFIG, workers=2, batch_docs=7))
    reference = list(clean_items(Cleaner(CONFIG), items))
    assert serial == pooled == reference
    assert [o.source for o in pooled] == [i.source for i in items]
    assert sum(o.ok for o in pooled) == len(items) - 2


def test_batch_size_does_not_change_the_outcomes():
    items = documents(30)
    assert list(clean(items, CONFIG, workers=2, batch_docs=1)) == list(clean(items, CONFIG, workers=2, batch_docs=64))


def test_a_document_that_makes_the_cleaner_raise_becomes_an_error_item():
    for workers in (1, 2):
        outcomes = list(clean(_mixed(), CONFIG, workers=workers, batch_docs=4))
        bad = outcomes[20]
        assert (bad.id, bad.source, bad.ok) == ("not-text", "corpus:not-text", False)
        assert bad.error.startswith("cleaning failed: TypeError")
        assert outcomes[5].error == "empty document (no text)"
        assert outcomes[21].ok and outcomes[19].ok


def test_read_errors_keep_their_place_and_size():
    items = [DocumentError(None, f"e{i}", "malformed JSON", nbytes=i) for i in range(5)]
    outcomes = list(clean(items, CONFIG, workers=2, batch_docs=2))
    assert [(o.source, o.nbytes, o.error) for o in outcomes] == [(f"e{i}", i, "malformed JSON") for i in range(5)]


def _counting(items, pulled):
    for item in items:
        pulled.append(item.id)
        yield item


@pytest.mark.parametrize("workers,window", [(1, None), (2, 2), (2, 3)])
def test_the_input_is_not_read_far_ahead(workers, window):
    pulled: list = []
    batch_docs = 4
    stream = clean(_counting(documents(200), pulled), CONFIG, workers=workers, batch_docs=batch_docs, window=window)
    first = next(stream)
    assert first.ok
    ahead = batch_docs if workers == 1 else (window + 1) * batch_docs
    assert len(pulled) <= ahead
    rest = list(stream)
    assert len(rest) + 1 == len(pulled) == 203


def test_batches_close_on_size_as_well_as_count():
    items = [Document(str(i), "x" * 1000, "s") for i in range(10)]
    assert [len(b) for b in batches(items, docs=100, chars=3000)] == [3, 3, 3, 1]


def test_defaults_and_bad_arguments():
    assert available_cpus() >= 1
    with pytest.raises(ValueError):
        list(clean([], workers=0))
    with pytest.raises(ValueError):
        list(run([], engine="spark"))
    with pytest.raises(ValueError):
        list(run([], engine="local", scheduler="tcp://127.0.0.1:8786"))
    assert list(run([], CONFIG, workers=2)) == []


def test_a_consumer_that_stops_early_leaves_no_worker_behind():
    psutil = pytest.importorskip("psutil")
    me = psutil.Process()
    before = {p.pid for p in me.children(recursive=True)}
    stream = clean(documents(200), CONFIG, workers=2, batch_docs=2)
    next(stream)
    workers = {p.pid for p in me.children(recursive=True)} - before
    assert workers
    stream.close()
    left = [p for p in me.children(recursive=True) if p.pid in workers and p.pid not in _servers(me)]
    assert not [p for p in left if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
    assert not [p for p in left if p.is_running()], "worker processes were not reaped"


def _servers(me) -> set[int]:
    """The multiprocessing fork server (a direct child that outlives pools), not a worker."""
    return {p.pid for p in me.children(recursive=False)}


CHILD = textwrap.dedent(
    """
    import itertools, sys, psutil
    from cleaner import CleanerConfig
    from cleaner.engines.local import clean
    sys.path.insert(0, sys.argv[1])
    from engines_corpus import documents

    if __name__ == "__main__":
        me = psutil.Process()
        docs = documents(50)
        items = (d for _, d in zip(range(1_000_000), itertools.cycle(docs)))
        try:
            with clean(items, CleanerConfig(detect_language=False), workers=2, batch_docs=8) as outcomes:
                for n, outcome in enumerate(outcomes):
                    if n == 20:
                        servers = {p.pid for p in me.children()}
                        workers = [p.pid for p in me.children(recursive=True) if p.pid not in servers]
                        print("ready", *workers, flush=True)
        except KeyboardInterrupt:
            alive = [p.pid for p in me.children(recursive=True) if p.pid in workers]
            print("interrupted; workers left:", alive, flush=True)
            sys.exit(130)
        print("finished", flush=True)
    """
)


def test_ctrl_c_stops_the_workers_and_propagates(tmp_path):
    psutil = pytest.importorskip("psutil")
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    proc = subprocess.Popen([sys.executable, str(script), str(ROOT / "tests")], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        line = proc.stdout.readline()
        assert line.startswith("ready"), line + proc.stderr.read()
        workers = [int(x) for x in line.split()[1:]]
        assert len(workers) == 2
        os.killpg(proc.pid, signal.SIGINT)  # what a terminal sends on Ctrl-C: the whole process group
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 130, err
    assert out.strip() == "interrupted; workers left: []"
    assert "Traceback" not in err
    deadline = time.monotonic() + 5
    while any(psutil.pid_exists(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(psutil.pid_exists(pid) for pid in workers)
