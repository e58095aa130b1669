"""The public API as users call it: clean_many's documents, typing under mypy --strict, ASCII folding, the portable lock."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

import cleaner
from cleaner import Cleaner
from cleaner.cli import main

BODY = "The council met on Monday to discuss the budget for the coming year, officials said."


# -- clean_many -------------------------------------------------------------------------------


def test_clean_many_takes_id_text_pairs_and_jsonl_style_mappings():
    c = Cleaner(detect_language=False)
    out = list(c.clean_many([("a", BODY), {"id": "b", "text": BODY, "source": "b.txt"}, {"text": BODY}, (7, BODY)]))
    assert [a.id for a in out[:2]] == ["a", "b"] and out[3].id == "7"
    assert out[1].source == "b.txt"
    assert out[2].id == c.clean(BODY).id  # no id: a hash of the text
    assert all(a.text == BODY for a in out)


@pytest.mark.parametrize(
    "doc, message",
    [
        ((BODY, 3), "must be a str, not int"),
        ({"id": "x", "body": BODY}, "without a 'text' key"),
        ({"id": "x", "text": BODY, "txt": 1}, "other than 'id', 'text' and 'source'"),
        (BODY, "document 0 is a str"),
        (("a", BODY, "src"), "3-tuple"),
        (["a", BODY], "document 0 is a list"),
        (("a", None), "must be a str, not NoneType"),
    ],
)
def test_clean_many_rejects_anything_else_with_a_clear_error(doc, message):
    with pytest.raises(TypeError, match="clean_many") as err:
        list(Cleaner(detect_language=False).clean_many([doc]))
    assert message in str(err.value)


def test_a_dict_is_not_unpacked_into_its_keys():
    """Before, {"id": "x", "text": "..."} unpacked as a pair gave id='id', text='text'."""
    (article,) = Cleaner(detect_language=False).clean_many([{"id": "x", "text": BODY}])
    assert (article.id, article.text) == ("x", BODY)


def test_a_pair_the_wrong_way_round_is_refused():
    text = f"Headline of the story\n\n{BODY}"
    with pytest.raises(ValueError, match=r"document 1 holds a line break.*\(text, id\)"):
        list(Cleaner(detect_language=False).clean_many([("a", BODY), (text, "doc-2")]))
    with pytest.raises(ValueError, match="line break"):
        list(Cleaner(detect_language=False).clean_many([{"id": "x\ny", "text": BODY}]))


# -- typing -----------------------------------------------------------------------------------

USER_SCRIPT = '''
from __future__ import annotations

import cleaner
from cleaner import Article, Cleaner, CleanerConfig


def titles(paths: list[str]) -> list[str | None]:
    c = Cleaner(CleanerConfig(disable=("social",), detect_language=False))
    articles: list[Article] = [c.clean(open(p, encoding="utf-8").read(), id=p) for p in paths]
    return [a.title for a in articles]


def count(dataset_dir: str) -> int:
    ds = cleaner.load(dataset_dir, version="1.0.0")
    rows: int = ds.num_rows
    return rows


def convert(texts: list[str]) -> None:
    ds = cleaner.to_dataset(cleaner.clean(t) for t in texts)
    more = cleaner.hf.to_dataset([a.to_record() for a in Cleaner().clean_many([("a", "x"), {"id": "b", "text": "y"}])])
    print(ds, more)
'''

MISUSE = '''
import cleaner

cleaner.load(42)
cleaner.to_dataset(5)
cleaner.clean(b"bytes")
'''


def _mypy(tmp_path: Path, source: str) -> subprocess.CompletedProcess[str]:
    pytest.importorskip("mypy")
    script = tmp_path / "user_script.py"
    script.write_text(textwrap.dedent(source), encoding="utf-8")
    package_root = Path(cleaner.__file__).resolve().parent.parent
    env = {**os.environ, "MYPYPATH": str(package_root)}
    # follow-imports=silent: the types of cleaner (and of what it imports) are used, errors are reported
    # for the user's script only, as for any installed typed package
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--follow-imports=silent", "--no-incremental",
         "--cache-dir", str(tmp_path / "mypy-cache"), str(script)],
        capture_output=True, text=True, env=env, timeout=600, cwd=tmp_path,
    )


def test_a_user_script_passes_mypy_strict_and_misuse_is_caught(tmp_path):
    good = _mypy(tmp_path, USER_SCRIPT)
    assert good.returncode == 0, good.stdout + good.stderr
    bad = _mypy(tmp_path, MISUSE)
    assert bad.returncode == 1, bad.stdout
    # load, to_dataset and clean have real signatures, not Any
    assert 'Argument 1 to "load" has incompatible type "int"' in bad.stdout
    assert 'Argument 1 to "to_dataset" has incompatible type "int"' in bad.stdout
    assert 'Argument 1 to "clean" has incompatible type "bytes"' in bad.stdout


# -- --ascii-fold -----------------------------------------------------------------------------


def test_ascii_fold_transliterates_letters_a_table_of_accents_misses(tmp_path):
    doc = tmp_path / "fold.txt"
    doc.write_text(f"Łódź, Straße, Øresund and Москва, «quoted» — {BODY}", encoding="utf-8")
    result = CliRunner().invoke(main, ["clean", str(doc), "--ascii-fold", "--no-language", "-q"], catch_exceptions=False)
    text = json.loads(result.stdout)["text"]
    assert text.startswith('Lodz, Strasse, Oresund and Moskva, "quoted" - The council')
    assert text.isascii()
    plain = CliRunner().invoke(main, ["clean", str(doc), "--no-language", "-q"], catch_exceptions=False)
    assert json.loads(plain.stdout)["text"].startswith("Łódź, Straße, Øresund and Москва")


# -- the dataset lock -------------------------------------------------------------------------


def test_the_dataset_lock_does_not_need_fcntl(tmp_path):
    """Windows has no fcntl: with the module unavailable, the lock still excludes a second holder."""
    code = textwrap.dedent(f"""
        import sys, warnings
        sys.modules["fcntl"] = None  # as on Windows
        warnings.simplefilter("ignore")
        from cleaner.dataset.lock import DatasetLock, DatasetLockedError
        d = {str(tmp_path / "ds")!r}
        with DatasetLock(d, timeout=0):
            try:
                DatasetLock(d, timeout=0).acquire()
            except DatasetLockedError as e:
                print("locked:", e)
        with DatasetLock(d, timeout=0):
            print("free again")
    """)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "locked:" in proc.stdout and "another export is writing to it" in proc.stdout
    assert proc.stdout.rstrip().endswith("free again")
    source = (Path(cleaner.__file__).parent / "dataset" / "lock.py").read_text(encoding="utf-8")
    assert "import fcntl" not in source
