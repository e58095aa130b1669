"""``ds.map(cleaner.hf.clean_batch, batched=True)`` as a user first writes it: no Features passed, ids kept."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import datasets

import cleaner
from cleaner import Cleaner
from cleaner.schema import features

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
PLAIN = [f"Story number {i} is long enough to be kept as the body of a document." for i in range(4)]


def test_plain_map_gives_the_schema_features_for_every_batch_and_keeps_the_users_id():
    texts = PLAIN + [p.read_text(encoding="utf-8") for p in SEEDS]
    ids = [f"doc-{i}" for i in range(len(texts))]
    user = datasets.Dataset.from_dict({"id": ids, "text": texts, "url": [f"https://example.org/{i}" for i in range(len(texts))]})
    # the first batches have no views, no title, no extra: their columns must still have the record types
    out = user.map(cleaner.hf.clean_batch, batched=True, batch_size=2, fn_kwargs={"detect_language": False})
    assert out.num_rows == len(texts)
    record = features()
    for name, feature in record.items():
        assert out.features[name] == feature, name
    assert out["id"] == ids, "the user's id column is the id, not replaced with hashes"
    assert out["url"] == user["url"]
    c = Cleaner(detect_language=False)
    expected = [c.clean(t, id=i) for i, t in zip(ids, texts)]
    assert out["text"] == [a.text for a in expected]
    assert out["views"] == [a.views for a in expected] and out["views"][0] is None
    assert any(v is not None for v in out["views"]), "a later batch has views: the column took them"


def test_an_explicit_id_column_wins_and_without_one_ids_are_text_hashes():
    user = datasets.Dataset.from_dict({"key": ["k1", "k2"], "body": PLAIN[:2]})
    keyed = user.map(cleaner.hf.clean_batch, batched=True, fn_kwargs={"text_column": "body", "id_column": "key"})
    assert keyed["id"] == ["k1", "k2"] and keyed["key"] == ["k1", "k2"]
    hashed = user.map(cleaner.hf.clean_batch, batched=True, fn_kwargs={"text_column": "body"})
    assert hashed["id"] == [cleaner.clean(t).id for t in PLAIN[:2]]
    assert hashed["id"] != keyed["id"]


def test_cleaner_hf_is_an_attribute_after_import_cleaner_and_is_loaded_lazily():
    code = (
        "import sys, cleaner\n"
        "assert 'cleaner.hf' not in sys.modules and 'datasets' not in sys.modules and 'pyarrow' not in sys.modules\n"
        "f = cleaner.hf.clean_batch\n"
        "assert 'cleaner.hf' in sys.modules and callable(f)\n"
        "assert cleaner.load is cleaner.hf.load and cleaner.to_dataset is cleaner.hf.to_dataset\n"
        "print('ok')\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "ok"
