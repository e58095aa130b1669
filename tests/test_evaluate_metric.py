"""scripts/evaluate.py and its metrics: hand-made cases, the fold machinery with a small fitted
model, and agreement with the benchmark's own scorers on real predictions (when shared/ is there)."""

from __future__ import annotations

import dataclasses
import doctest
import importlib.util
import io
import json
import re
import sys
from contextlib import redirect_stdout
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import aeb_metric as M  # noqa: E402
import evaluate as E  # noqa: E402
import folds as F  # noqa: E402
import meta_metric as MM  # noqa: E402
import snippet_metric as S  # noqa: E402

import cleaner  # noqa: E402

HAVE_SHARED = F.SETS["aeb"].exists() and F.SETS["trafeval"].exists()
needs_shared = pytest.mark.skipif(not HAVE_SHARED, reason=f"no dev sets at {F.BENCH}")


@pytest.mark.parametrize("module", [M, S, MM], ids=lambda m: m.__name__)
def test_docstring_examples(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0


# ---------------------------------------------------------------- AEB metric


def test_tokens_keep_case_and_unicode():
    assert M.tokens("Hello, wörld! 2019 it's") == ["Hello", "wörld", "2019", "it", "s"]


def test_shingles_are_a_multiset():
    s = M.shingle_counts("a b c d a b c d")
    assert s[("a", "b", "c", "d")] == 2
    assert sum(s.values()) == 5


def test_short_text_is_one_shingle():
    assert M.shingle_counts("a b") == {("a", "b"): 1}
    assert M.shingle_counts("") == {}


def test_identical_texts():
    assert M.page_tp_fp_fn("one two three four five", "one two three four five") == (1.0, 0.0, 0.0)
    # case is kept: 'One' differs, so one of the two shingles is not shared
    s = M.score_pairs([("one two three four five", "One two, three four five.")])
    assert (s.aeb_p, s.aeb_r, s.exact) == (0.5, 0.5, 0.0)
    s = M.score_pairs([("one two three four five", "one two, three four five.")])
    assert (s.aeb_f1, s.aeb_p, s.aeb_r, s.exact) == (1.0, 1.0, 1.0, 1.0)
    assert (s.bow_f1, s.bow_p, s.bow_r) == (1.0, 1.0, 1.0)


def test_disjoint_texts():
    s = M.score_pairs([("a b c d e", "v w x y z")])
    assert (s.aeb_f1, s.aeb_p, s.aeb_r, s.exact) == (0.0, 0.0, 0.0, 0.0)
    assert s.bow_f1 == 0.0


def test_partial_case_by_hand():
    # gold: 6 tokens -> shingles abcd, bcde, cdef; pred adds 'g': abcd, bcde, cdef, defg
    tp, fp, fn = M.page_tp_fp_fn("a b c d e f", "a b c d e f g")
    assert (tp, fp, fn) == pytest.approx((3 / 4, 1 / 4, 0.0))
    assert M.page_precision(tp, fp, fn) == pytest.approx(0.75)
    assert M.page_recall(tp, fp, fn) == 1.0
    # BoW: 6 of 7 predicted words are gold words
    f1, p, r = M.bow_page("a b c d e f", "a b c d e f g")
    assert (p, r) == pytest.approx((6 / 7, 1.0))
    assert f1 == pytest.approx(2 * (6 / 7) / (6 / 7 + 1))


def test_bow_lowercases_before_splitting_words():
    # 'İ'.lower() is 'i' + a combining dot, which is not a word character: the benchmark's BoW
    # lowercases the text first, so 'İstanbul' is the two words 'i' and 'stanbul' on both sides
    f1, p, r = M.bow_page("İstanbul is big", "i stanbul is big")
    assert (f1, p, r) == (1.0, 1.0, 1.0)


def test_means_over_pages_then_f1():
    # page 1 perfect; page 2 precision 0.75, recall 1
    s = M.score_pairs([("a b c d e f", "a b c d e f"), ("a b c d e f", "a b c d e f g")])
    assert s.aeb_p == pytest.approx((1 + 0.75) / 2)
    assert s.aeb_r == 1.0
    assert s.aeb_f1 == pytest.approx(2 * 0.875 / 1.875)
    assert s.exact == 0.5


def test_empty_prediction_counts_for_recall_only():
    # tp + fp == 0: left out of the precision mean, counts 0 in the recall mean
    s = M.score_pairs([("a b c d e", ""), ("a b c d e", "a b c d e")])
    assert s.aeb_p == 1.0
    assert s.aeb_r == 0.5
    rows = [E.aeb_page({"id": "x", "gold_text": "a b c d e", "raw_text": "a b c d e"}, ""),
            E.aeb_page({"id": "y", "gold_text": "a b c d e", "raw_text": "a b c d e"}, "a b c d e")]
    s2 = E.aeb_summary(rows)
    assert (s2["aeb_p"], s2["aeb_r"], s2["exact"]) == (1.0, 0.5, 0.5)


def test_lost_lines_counts_reachable_long_gold_lines_only():
    gold = "A line of gold text here.\nToo short line\nThis line the scrape never had at all.\nSecond gold line is right here."
    raw = "Menu\nA line  of gold\ttext here.\nToo short line\nSecond gold line is right here.\nShare"
    assert M.lost_lines(gold, raw, raw) == (2, [])
    assert M.lost_lines(gold, raw, "A line of gold text here.\n\nToo short") == (2, ["Second gold line is right here."])
    assert M.lost_lines(gold, raw, "") == (2, ["A line of gold text here.", "Second gold line is right here."])
    # the cleaner's own Unicode repair is not a loss: full-width brackets become ASCII under NFKC
    assert M.lost_lines("See the note （one two three） here.", "See the note （one two three） here.",
                        "See the note (one two three) here.") == (1, [])


# ---------------------------------------------------------------- snippet metric


def _tre(pid="p", raw="", with_=(), without=()):
    return {"id": pid, "url": "http://example.org/" + pid, "raw_text": raw, "with": list(with_), "without": list(without)}


def test_snippets_counts_by_hand():
    page = _tre(raw="Title\nThe first   sentence.\nSecond one here.\nShare on Facebook\nRelated stories",
                with_=["The first sentence.", "Second one here.", "Not in the scrape at all."],
                without=["Share on Facebook", "Related stories", "Cookie banner text"])
    r = S.score_page(page, "The first sentence.\n\nRelated stories")
    assert (r["tp"], r["fp"], r["fn"], r["tn"]) == (1, 1, 2, 2)
    assert (r["with_reach"], r["tp_reach"], r["without_reach"], r["fp_reach"]) == (2, 1, 2, 1)
    assert r["lost"] == ["Second one here."]
    assert r["missing_unreachable"] == ["Not in the scrape at all."]
    s = S.summarize([r])
    assert (s["precision"], s["recall"], s["f1"], s["accuracy"]) == (0.5, pytest.approx(1 / 3), 0.4, 0.5)
    assert (s["reach_recall"], s["reach_precision"], s["removed"]) == (0.5, 0.5, 0.5)
    assert (s["lost_pages"], s["lost_snippets"], s["lost_share"]) == (1, 1, 1.0)


def test_snippets_are_case_sensitive_substrings_and_none_is_empty():
    page = _tre(raw="Hello World and more", with_=["Hello World"], without=["and more"])
    assert S.score_page(page, "hello world")["fn"] == 1
    assert S.score_page(page, "Hello\n  World")["tp"] == 1
    r = S.score_page(page, None)
    assert (r["tp"], r["fp"], r["fn"], r["tn"], r["lost"]) == (0, 0, 1, 1, ["Hello World"])


def test_snippets_micro_sums_over_pages():
    a = _tre("a", "x1 x2 x3", ["x1"], ["x3"])
    b = _tre("b", "y1 y2 y3", ["y1", "y2"], ["y3"])
    s, rows = S.score_split([a, b], {"a": "x1 x3", "b": "y1 y2"})
    assert (s["tp"], s["fp"], s["fn"], s["tn"]) == (3, 1, 0, 1)
    assert s["precision"] == 0.75 and s["recall"] == 1.0 and s["lost_pages"] == 0
    # a page without a prediction scores as empty output
    s, _ = S.score_split([a, b], {"a": "x1 x3"})
    assert (s["tp"], s["fn"], s["lost_pages"], s["lost_snippets"]) == (1, 2, 1, 2)


# ---------------------------------------------------------------- metadata metric


def test_meta_title_words_and_reach():
    page = {"raw_text": "Home > News\nThe Big Story: Part 2\nText.", "meta_title": "The big story - part 2"}
    row = MM.page_meta(page, {"title": "The Big Story: Part 2"})
    assert row["title"]["agree"] and row["title"]["reach"] and row["title"]["given"]
    row = MM.page_meta(page, {"title": "Home"})
    assert not row["title"]["agree"] and row["title"]["given"]
    # not reachable: the words are not a run of the text's words
    row = MM.page_meta({"raw_text": "Story the big", "meta_title": "The big story"}, {})
    assert (row["title"]["reach"], row["title"]["given"]) == (False, False)
    # a 0001 title is not declared
    assert MM.page_meta({"raw_text": "x", "meta_title": "0001-01-01"}, {"title": "x"}) == {}


def test_meta_authors_set_and_date_one_day_off():
    page = {"raw_text": "By Jane Roe and John Doe\n3. März 2020", "meta_authors": ["Jane Roe", "by John Doe"],
            "meta_date": "2020-03-03T23:30:00+01:00"}
    row = MM.page_meta(page, {"authors": ["John Doe", "Jane Roe"], "published": "2020-03-02"})
    assert row["authors"]["agree"] and row["authors"]["reach"]
    assert row["date"]["agree"] and row["date"]["reach"]
    row = MM.page_meta(page, {"authors": ["Jane Roe"], "published": "2020-03-05"})
    assert not row["authors"]["agree"] and not row["date"]["agree"]
    assert not MM.page_meta({**page, "raw_text": "5 March 2021"}, {})["date"]["reach"]


def test_meta_summary_wrong_counts_only_given_values():
    rows = [
        {"title": dict(agree=True, reach=True, given=True)},
        {"title": dict(agree=False, reach=True, given=False)},   # a null: a miss, not wrong
        {"title": dict(agree=False, reach=False, given=True)},   # a wrong guess
        {},
    ]
    s = MM.summarize(rows)["title"]
    assert (s["declared"], s["reachable"], s["agree_reach_n"], s["given"], s["wrong_n"]) == (3, 2, 1, 2, 1)
    assert (s["agree"], s["agree_reach"], s["wrong"]) == (pytest.approx(1 / 3), 0.5, 0.5)
    assert MM.summarize([])["date"]["wrong"] == 0.0


# ---------------------------------------------------------------- folds and the fitted model


def _tiny_pages() -> list[dict]:
    """Ten pages on ten sites, both sets; every raw text holds a prose line no rule cuts and gold does not hold."""
    pages = []
    for i in range(10):
        gold = f"Story number {i} begins with a sentence of plain prose.\n\nIt ends with another sentence about item {i}."
        raw = f"{gold}\n\nThis extra sentence {i} is not part of the article but reads like prose."
        page = {"id": f"p{i}", "set": "aeb" if i < 5 else "trafeval", "source_url": f"https://www.site{i}.com/a/{i}",
                "raw_text": raw, "lang": "en", "meta_title": f"Story {i}"}
        if i < 5:
            page["gold_text"] = gold
        else:
            page["with"] = [f"Story number {i} begins", f"about item {i}."]
            page["without"] = [f"This extra sentence {i}"]
        page["site"] = F.site_of(page)
        pages.append(page)
    return pages


class _Memo(cleaner.Cleaner):
    """A real cleaner that returns the gold text of the pages it was fitted on."""

    def __init__(self, memo: dict[str, str]):
        super().__init__()
        self.memo = memo

    def clean(self, raw, id=None, source=None):
        art = super().clean(raw, id=id, source=source)
        return dataclasses.replace(art, text=self.memo[raw]) if raw in self.memo else art


def _memo_trainer(calls: list[set]) -> E.Trainer:
    def fit(pages):
        calls.append({p["id"] for p in pages})
        return {p["raw_text"]: p["gold_text"] if "gold_text" in p else "\n\n".join(p["with"]) for p in pages}

    return E.Trainer(fit, _Memo, name="memo")


def test_out_of_fold_never_sees_the_pages_it_scores():
    pages = _tiny_pages()
    calls: list[set] = []
    r = E.run(trainer=_memo_trainer(calls), k=5, all_pages=pages, anchors={})
    fold = F.assign_folds(pages, k=5)
    assert calls[0] == {p["id"] for p in pages}  # in-fold: everything
    assert len(calls) == 6
    for f, seen in enumerate(calls[1:]):
        assert seen == {p["id"] for p in pages if fold[p["id"]] != f}
    aeb = E.text_figures(r, "aeb")
    tre = E.text_figures(r, "trafeval")
    # in fold, the memorised gold: perfect; out of fold, the plain cleaner: keeps the extra line
    assert aeb[E.IN_FOLD]["summary"]["all"]["aeb_p"] == 1.0
    assert tre[E.IN_FOLD]["summary"]["fp"] == 0
    plain = E.run(trainer=None, k=5, all_pages=pages, anchors={})
    assert E.text_figures(plain, "aeb")[E.OUT_OF_FOLD]["summary"] == aeb[E.OUT_OF_FOLD]["summary"]
    assert E.text_figures(plain, "trafeval")[E.OUT_OF_FOLD]["summary"] == tre[E.OUT_OF_FOLD]["summary"]
    assert aeb[E.OUT_OF_FOLD]["summary"]["all"]["aeb_p"] < 1.0
    assert tre[E.OUT_OF_FOLD]["summary"]["fp"] == 5


def test_forked_folds_give_the_same_articles():
    pages = _tiny_pages()
    one = E.run(trainer=_memo_trainer([]), k=5, all_pages=pages, anchors={}, jobs=1)
    two = E.run(trainer=_memo_trainer([]), k=5, all_pages=pages, anchors={}, jobs=2)
    assert one.articles == two.articles
    assert one.articles[E.IN_FOLD] != one.articles[E.OUT_OF_FOLD]


def test_fitted_models_are_cached_by_code_and_training_pages(tmp_path):
    pages = _tiny_pages()
    calls: list[set] = []
    trainer = dataclasses.replace(_memo_trainer(calls), code="v1", cache_dir=tmp_path)
    one = E.run(trainer=trainer, k=5, all_pages=pages, anchors={})
    assert len(calls) == 6 and one.seconds["cached"] == 0
    two = E.run(trainer=trainer, k=5, all_pages=pages, anchors={})
    assert len(calls) == 6 and two.seconds["cached"] == 6
    assert two.articles == one.articles
    E.run(trainer=dataclasses.replace(trainer, code="v2"), k=5, all_pages=pages, anchors={})
    assert len(calls) == 12
    # a changed page: every model trained on it is fitted again (in-fold and the 4 other folds)
    pages[0] = {**pages[0], "gold_text": pages[0]["gold_text"] + " Changed."}
    E.run(trainer=trainer, k=5, all_pages=pages, anchors={})
    assert len(calls) == 17 and all(pages[0]["id"] in c for c in calls[12:])


def test_one_page_fits_only_its_fold():
    pages = _tiny_pages()
    calls: list[set] = []
    r = E.run(trainer=_memo_trainer(calls), k=5, all_pages=pages, anchors={}, only="p3")
    assert len(calls) == 1 and "p3" not in calls[0]
    assert [p["id"] for ps in r.pages.values() for p in ps] == ["p3"]
    assert "# p3  (aeb" in "\n".join(E.show_page(r, "p3"))


def test_without_a_trainer_in_fold_is_out_of_fold():
    r = E.run(trainer=None, k=5, all_pages=_tiny_pages(), anchors={})
    assert r.articles[E.IN_FOLD] is r.articles[E.OUT_OF_FOLD]
    assert "nothing fitted: in-fold = out-of-fold" in "\n".join(E.header_lines(r))


def test_load_trainer_needs_fit(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "train_body", raising=False)
    (tmp_path / "train_body.py").write_text("def make_cleaner(model):\n    return model\n")
    assert E.load_trainer() is None
    monkeypatch.delitem(sys.modules, "train_body", raising=False)
    (tmp_path / "train_body.py").write_text("def fit(pages):\n    return len(pages)\n\ndef make_cleaner(model):\n    return model\n")
    t = E.load_trainer()
    assert t is not None and t.fit([{}, {}]) == 2
    monkeypatch.delitem(sys.modules, "train_body", raising=False)


def test_command_line_on_a_small_benchmark(tmp_path, monkeypatch, capsys):
    """The whole command on hand-made dev sets: tables, --json, --per-page, --rules, --worst, --show."""
    pages = _tiny_pages()
    for name, sub in E.SET_DIRS.items():
        (tmp_path / sub).mkdir()
        with (tmp_path / sub / "pages.jsonl").open("w", encoding="utf-8") as fh:
            for p in pages:
                if p["set"] == name:
                    fh.write(json.dumps({k: v for k, v in p.items() if k not in ("set", "site")}) + "\n")
    (tmp_path / "dev" / "anchor_trafilatura.jsonl").write_text(
        "".join(json.dumps({"id": p["id"], "text": p["gold_text"]}) + "\n" for p in pages if p["set"] == "aeb"))
    monkeypatch.setattr(F, "BENCH", tmp_path)
    monkeypatch.setattr(F, "SETS", {"aeb": tmp_path / "dev" / "pages.jsonl", "trafeval": tmp_path / "trafeval-dev" / "pages.jsonl"})
    calls: list[set] = []
    monkeypatch.setattr(E, "load_trainer", lambda cache_dir=None: _memo_trainer(calls))
    out_json, out_tsv = tmp_path / "figures.json", tmp_path / "pages.tsv"
    assert E.main(["--json", str(out_json), "--per-page", str(out_tsv), "--rules", "--worst", "2", "--jobs", "1"]) == 0
    text = capsys.readouterr().out
    assert "Body model: memo fit()" in text and len(calls) == 6
    assert "| all | 5 | cleaner in-fold | 1.000 | 1.000 | 1.000 | 1.000 |" in text
    assert "| all | 5 | trafilatura.extract on HTML | 1.000 |" in text
    figs = json.loads(out_json.read_text())
    assert figs["fitted"] and figs["sets"]["trafeval"]["text"][E.IN_FOLD]["tp"] == 10
    assert figs["sets"]["trafeval"]["text"][E.OUT_OF_FOLD]["fp"] == 5
    assert figs["sets"]["aeb"]["metadata"][E.IN_FOLD]["title"]["declared"] == 5
    rows = out_tsv.read_text().splitlines()
    assert rows[0].split("\t") == list(E.PER_PAGE_COLUMNS)
    assert len(rows) == 1 + 5 * 4 + 5 * 3  # aeb: raw, two cleaners, anchor; trafeval: no anchor file
    assert "## Rules, trafeval, out of fold" in text and "lowest AEB precision" in text
    assert E.main(["--set", "trafeval", "--show", "p7", "--jobs", "2"]) == 0
    shown = capsys.readouterr().out
    assert "# p7  (trafeval" in shown and "This extra sentence 7" in shown
    assert E.main(["--show", "nope"]) == 2


def test_rule_of_a_lost_piece():
    art = cleaner.Article(id="x", text="kept", removed=(cleaner.Cut("a.one", 0, "Some words that were cut here"),
                                                          cleaner.Cut("b.two", 1, "Other words cut in two places")))
    assert E.cut_of("words that were cut", art) == "a.one"
    assert E.cut_of("Other words cut in two places and more", art) == "b.two (part)"
    assert E.cut_of("nothing like it", art) == "(not cut: text changed)"


# ---------------------------------------------------------------- agreement with the shared scorers


def _load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def real_run():
    return E.run(trainer=None)


@pytest.fixture(scope="module")
def real_meta(real_run):
    return {name: E.meta_figures(real_run, name) for name in E.SETS}


def _write_preds(path: Path, articles: dict[str, cleaner.Article]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for a in articles.values():
            fh.write(json.dumps({"id": a.id, "text": a.text, "title": a.title, "authors": list(a.authors),
                                 "published": a.published}) + "\n")


@needs_shared
def test_aeb_figures_equal_score_py(real_run, tmp_path):
    score = _load(F.BENCH / "score.py", "score")
    gold = score.load_gold([str(F.SETS["aeb"])])
    figs = E.text_figures(real_run, "aeb")
    for system, texts in real_run.texts("aeb").items():
        theirs = score.summarize(score.score_system(gold, {i: {"id": i, "text": t} for i, t in texts.items()}))
        ours = figs[system]["summary"]["all"]
        for a, b in (("aeb_f1", "aeb_f1"), ("aeb_p", "aeb_p"), ("aeb_r", "aeb_r"), ("exact", "aeb_exact"),
                     ("bow_f1", "bow_f1"), ("bow_p", "bow_p"), ("bow_r", "bow_r")):
            assert ours[a] == pytest.approx(theirs[b], abs=1e-12), (system, a)


@needs_shared
def test_trafeval_figures_equal_score_snippets(real_run):
    theirs_mod = _load(F.BENCH / "trafeval-dev" / "score_snippets.py", "score_snippets")
    pages = theirs_mod.read_jsonl(F.SETS["trafeval"])
    figs = E.text_figures(real_run, "trafeval")
    assert set(figs) == {E.RAW, E.IN_FOLD, E.OUT_OF_FOLD, E.ANCHOR}
    for system, texts in real_run.texts("trafeval").items():
        theirs, their_rows = theirs_mod.score_split(pages, texts)
        ours = figs[system]["summary"]
        for key, value in theirs.items():
            assert ours[key] == value, (system, key)
        assert [r["lost"] for r in figs[system]["rows"]] == [r["lost"] for r in their_rows]


@needs_shared
@pytest.mark.parametrize("name", ["aeb", "trafeval"])
def test_metadata_figures_equal_score_meta(real_run, real_meta, tmp_path, name):
    _load(F.BENCH / "score.py", "score")
    score_meta = _load(F.BENCH / "score_meta.py", "score_meta")
    preds = tmp_path / "preds.jsonl"
    _write_preds(preds, real_run.articles[E.OUT_OF_FOLD])
    buf = io.StringIO()
    with redirect_stdout(buf):
        score_meta.main([str(preds), str(F.SETS[name].parent), "--show", "100000"])
    printed = {m[0]: m[1:] for m in re.findall(r"^  (title|authors|date)\s+(\d+)\s+([\d.]+)\s+(\d+)\s+([\d.]+)\s+(\d+)\s+([\d.]+)$",
                                                buf.getvalue(), re.M)}
    assert set(printed) == set(MM.FIELDS)
    ours = real_meta[name][E.OUT_OF_FOLD]["summary"]
    for f in MM.FIELDS:
        s = ours[f]
        assert printed[f] == (str(s["declared"]), f"{s['agree']:.3f}", str(s["reachable"]), f"{s['agree_reach']:.3f}",
                              str(s["given"]), f"{s['wrong']:.3f}"), f
    # page by page: the reachable values that disagree
    their_misses = sorted(re.findall(r"^  miss (title|authors|date) (\S+) ", buf.getvalue(), re.M))
    rows = real_meta[name][E.OUT_OF_FOLD]["rows"]
    our_misses = sorted((f, p["id"]) for p, row in zip(real_run.pages[name], rows)
                        for f, r in row.items() if r["reach"] and not r["agree"])
    assert their_misses == our_misses and our_misses
