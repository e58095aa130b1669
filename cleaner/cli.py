"""The ``cleaner`` command: ``clean``, ``explain`` and ``rules`` here; ``export``, ``versions``, ``verify``,
``diff`` and ``push`` in :mod:`cleaner.cli_dataset`.

Exit codes: 0 when every document was cleaned, 1 when any document failed
(each failure is reported with its id, source and reason), 2 for a usage
error (a missing path, an unknown rule name).
"""

from __future__ import annotations

import difflib
import errno
import io
import itertools
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.console import Console
from rich.markup import escape
from rich.text import Text

from . import __version__
from .cli_dataset import SafePath, _input_format_option
from .config import CleanerConfig
from .io.formats import INPUT_FORMATS, OUTPUT_FORMATS, FormatError, describe_skipped, expand_inputs, output_format, read_sources
from .io.readers import DocumentError, is_jsonl, read_bytes, read_jsonl, read_jsonl_stream, read_txt, is_url
from .io.run import Outcome, RunStats
from .io.writers import JsonlWriter, open_writer

if TYPE_CHECKING:
    from .pipeline import Cleaner

# The pipeline and the rules (whose patterns compile on import), the explain view, pyarrow and the dataset
# modules are imported by the commands that use them, so that `cleaner --help` starts in a few hundredths of
# a second and `clean` to JSONL never loads pyarrow.

__all__ = ["main"]

EXIT_FAILED = 1
EXIT_INTERRUPTED = 130


def _stderr() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def _disabled(values: tuple[str, ...], quiet: bool = False) -> tuple[str, ...]:
    """The ``--disable`` values, split on commas: each a family or a name the rules declare (`cleaner rules`)."""
    names = tuple(n.strip() for v in values for n in v.split(",") if n.strip())
    if not names:
        return names
    from .explain import rule_names

    known = rule_names()
    for name in names:
        if name in known:
            continue
        close = difflib.get_close_matches(name, sorted(known), n=3)
        hint = f" Did you mean {', '.join(close)}?" if close else ""
        raise click.BadParameter(f"unknown rule or family {name!r}.{hint} `cleaner rules` lists them all.", param_hint="--disable")
    return names


def _load_config_file(ctx, param, value):
    """``--config FILE``: CleanerConfig fields from TOML (top level or a ``[cleaner]`` table)."""
    if value is None:
        return None
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        with open(value, "rb") as f:
            data = tomllib.load(f)
    except OSError as e:
        raise click.BadParameter(f"cannot read {value}: {e.strerror or e}")
    except tomllib.TOMLDecodeError as e:
        raise click.BadParameter(f"{value} is not valid TOML: {e}")
    if isinstance(data.get("cleaner"), dict):
        data = data["cleaner"]
    from dataclasses import fields

    known = {f.name for f in fields(CleanerConfig)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise click.BadParameter(f"{value}: unknown option(s) {', '.join(unknown)}; the file takes {', '.join(sorted(known))}")
    for name in ("ascii_fold", "header", "detect_language"):
        if name in data and not isinstance(data[name], bool):
            raise click.BadParameter(f"{value}: {name} must be true or false, not {data[name]!r}")
    if "disable" in data:
        d = data["disable"]
        if isinstance(d, str):
            d = [d]
        if not isinstance(d, list) or not all(isinstance(x, str) for x in d):
            raise click.BadParameter(f"{value}: disable must be a list of rule or family names")
        data["disable"] = tuple(d)
    ctx.meta["cleaner.config_file"] = data
    return value


class _Configured:
    """What ``clean`` and ``export`` need of a cleaner: its configuration. The engine builds the pipeline
    where the documents are cleaned (in this process with one worker, in the workers otherwise), so that
    with several workers this process never compiles the rules."""

    def __init__(self, config: CleanerConfig) -> None:
        self.config = config


def _configured(ascii_fold: bool, disable: tuple[str, ...], no_language: bool, quiet: bool = False) -> _Configured:
    """The configuration the options describe: ``--config FILE`` first, the command line's flags over it."""
    ctx = click.get_current_context(silent=True)
    base = dict(ctx.meta.get("cleaner.config_file") or {}) if ctx is not None else {}
    names = _disabled(disable or tuple(base.get("disable", ())), quiet)
    return _Configured(CleanerConfig(
        ascii_fold=ascii_fold or base.get("ascii_fold", False),
        disable=names,
        header=base.get("header", True),
        detect_language=base.get("detect_language", True) and not no_language,
    ))


def _cleaner(ascii_fold: bool, disable: tuple[str, ...], no_language: bool, quiet: bool = False) -> Cleaner:
    """The cleaner the options describe (for ``explain``, which cleans here)."""
    from .pipeline import Cleaner

    return Cleaner(_configured(ascii_fold, disable, no_language, quiet).config)


def _abort(writers) -> None:
    for w in writers:
        try:
            w.abort()
        except OSError:
            pass


# Write failures of the medium (not of the name): a full disk, an exceeded quota, an I/O error.
_DISK_ERRORS = (errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EROFS)


def _write_failed(console: Console, writers, error: OSError) -> None:
    """An output or errors file could not be written (a full disk, a lost mount): no half file is left."""
    _abort(writers)
    where = f" {error.filename}" if getattr(error, "filename", None) else ""
    console.print(Text(f"error: cannot write{where}: {error.strerror or error}; no output written "
                       "(an earlier file at the output path is kept)"))
    sys.exit(EXIT_FAILED)


def _no_nul(ctx, param, value):
    """A path option: text without NUL bytes (which no file name can hold)."""
    if value is not None and "\x00" in str(value):
        raise click.BadParameter(f"{str(value)!r} contains a NUL byte")
    return value


def _errors_path_for(output: str) -> Path:
    out = Path(output)
    name = out.name
    for suffix in (".jsonl.gz", ".ndjson.gz", ".jsonl", ".ndjson", ".parquet"):
        if name.lower().endswith(suffix):
            return out.with_name(name[: -len(suffix)] + ".errors.jsonl")
    return out.with_name(name + ".errors.jsonl")


def _cleaning_options(f):
    f = click.option("--config", "config_file", metavar="FILE", type=SafePath(exists=True, dir_okay=False),
                     callback=_load_config_file, expose_value=False, is_eager=True,
                     help="TOML file of cleaning options (ascii_fold, disable, header, detect_language); "
                          "flags given here override it.")(f)
    f = click.option("--no-language", is_flag=True, help="Do not detect the text's language (`language` is null).")(f)
    f = click.option(
        "--disable", multiple=True, metavar="RULE_OR_FAMILY",
        help="Switch off a rule or a whole family (repeatable, or comma-separated). `cleaner rules` lists the names.",
    )(f)
    f = click.option("--ascii-fold", is_flag=True, help="Fold typographic quotes, dashes and accents to ASCII.")(f)
    return f


def _engine_options(f):
    f = click.option("--id-column", default=None, metavar="NAME",
                     help="Parquet input: the column holding document ids [default: a hash of the text].")(f)
    f = click.option("--text-column", default="text", show_default=True, metavar="NAME",
                     help="Parquet input: the column holding the text.")(f)
    f = click.option("--scheduler", default=None, metavar="ADDRESS",
                     help="--engine dask: the scheduler address (tcp://host:8786) [default: a local cluster].")(f)
    f = click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
                     help="local: worker processes on this machine; dask: a dask.distributed cluster (cleaner[dask]).")(f)
    f = click.option("-w", "--workers", type=click.IntRange(min=1), default=None, metavar="N",
                     help="Worker processes [default: every CPU]. The output is the same for any N.")(f)
    return f


def _outcomes(cleaner: Cleaner | _Configured, files, workers, engine, scheduler, text_column, id_column, problems=()):
    """The outcomes of cleaning ``files`` with the chosen engine, in input order (a context manager);
    ``problems`` (error items for what the folders held that could not be walked) come first."""
    from .engines import run

    if engine == "local" and scheduler is not None:
        raise click.BadParameter("--scheduler goes with --engine dask", param_hint="--scheduler")
    ctx = click.get_current_context(silent=True)
    fmt = ctx.meta.get("cleaner.input_format") if ctx is not None else None
    items = itertools.chain(list(problems), read_sources(files, fmt, text_column=text_column, id_column=id_column))
    try:
        return run(items, cleaner.config, workers=workers, engine=engine, scheduler=scheduler)
    except ImportError as e:
        raise click.UsageError(f"--engine {engine} needs an optional dependency: pip install 'cleaner[dask]' ({e})")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cleaner")
def main() -> None:
    """Clean scraped news-article text into records of clean text plus metadata."""


def _problem_line(problem: dict) -> Text:
    kind = "error" if "error" in problem else "warning"
    who = problem["source"] + (f" (id {problem['id']})" if problem.get("id") is not None and problem["id"] not in problem["source"] else "")
    line = Text()
    line.append(f"{kind}: ", style="bold red" if kind == "error" else "yellow")
    line.append(f"{who}: {problem[kind]}")
    return line


def _print_summary(console: Console, stats: RunStats, output: str, errors_path: Path | None) -> None:
    s = stats.summary()
    rate = f"{s['docs_per_second']:,.1f} docs/s" if s["docs_per_second"] is not None else "-"
    where = "stdout" if output == "-" else escape(output)
    console.print(
        f"[bold]{s['documents']:,}[/] documents, {s['megabytes']:,.2f} MB in {s['seconds']:.2f} s ({rate}): "
        f"[green]{s['records']:,} records[/] to {where}, "
        f"[{'red' if s['errors'] else 'green'}]{s['errors']:,} errors[/]"
        + (f", [yellow]{s['warnings']:,} warnings[/]" if s["warnings"] else "")
    )
    if s["cuts"]:
        console.print(f"cuts per rule ({sum(s['cuts'].values()):,} in all):")
        width = max(map(len, s["cuts"]))
        for rule, n in s["cuts"].items():
            console.print(f"  {rule:<{width}}  {n:>8,}")
    if stats.error_samples:
        more = stats.errors - len(stats.error_samples)
        console.print("errors" + (f" (first {len(stats.error_samples)})" if more else "") + ":")
        for outcome in stats.error_samples:
            console.print(Text("  ") + _problem_line(outcome.problems()[-1]))
    if errors_path is not None and (stats.errors or stats.warnings):
        console.print(Text(f"errors and warnings written to {errors_path}"))


def _jsonl_flag(ctx, param, value):
    if value:
        if ctx.meta.get("cleaner.input_format") not in (None, "jsonl"):
            raise click.BadParameter("--jsonl is --input-format jsonl; give one of them", param_hint="--jsonl")
        ctx.meta["cleaner.input_format"] = "jsonl"
    return value


@main.command("clean")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...", type=SafePath(exists=True, allow_dash=True))
@click.option("-o", "--output", default="-", show_default=True, metavar="FILE", callback=_no_nul,
              help="Where to write the records: .jsonl, .jsonl.gz, .jsonl.zst or .parquet, a local path or an fsspec URL "
                   "(s3://..., uploaded when the run completes); '-' is standard output.")
@click.option("--input-format", type=click.Choice(INPUT_FORMATS), default=None, callback=_input_format_option,
              expose_value=False, is_eager=True,
              help="Read every PATH as this format [default: by extension; folders: .txt files].")
@click.option("--jsonl", is_flag=True, callback=_jsonl_flag, expose_value=False,
              help="The same as --input-format jsonl (for standard input: `cleaner clean - --jsonl`).")
@click.option("--output-format", "output_format_", type=click.Choice(OUTPUT_FORMATS), default=None,
              help="Write records as this format [default: by the -o extension; standard output: jsonl].")
@click.option("-v", "--verbose", is_flag=True, help="Print each document's cuts per rule and time, then the timings.")
@_cleaning_options
@click.option("--errors", "errors_file", metavar="FILE", default=None, callback=_no_nul,
              help="Write per-document errors and warnings here as JSONL [default: <out>.errors.jsonl next to -o FILE].")
@click.option("--strict", is_flag=True, help="Stop at the first document that fails (exit 1, no output file).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
@_engine_options
def clean_command(paths, output, output_format_, verbose, ascii_fold, disable, no_language, errors_file, strict, quiet,
                  workers, engine, scheduler, text_column, id_column) -> None:
    """Clean documents into one JSON record each.

    PATH is a .txt file, a folder (its .txt files, recursively, in sorted
    order), a JSONL file of {"id": ..., "text": ...} lines (.jsonl, .jsonl.gz, .jsonl.zst),
    a Parquet file with a string column `text` (one document per row), a WARC
    file (Common Crawl .warc.wet.gz: one document per record; needs cleaner[warc]),
    an HTML file (needs cleaner[html]) or '-' for standard input (one text
    document, or JSONL with --jsonl).
    """
    cleaner = _configured(ascii_fold, disable, no_language, quiet)
    fmt = click.get_current_context().meta.get("cleaner.input_format")
    if sum(1 for p in paths if p == "-") > 1:
        raise click.BadParameter("standard input ('-') can be read once", param_hint="PATH")
    try:
        out_format = output_format(output, output_format_)
    except FormatError as e:
        raise click.BadParameter(str(e), param_hint="-o/--output")
    walk_problems: list[DocumentError] = []
    files, skipped = expand_inputs(paths, fmt, walk_problems)
    if skipped and not quiet:
        _stderr().print(Text(describe_skipped(skipped, fmt)))
    remote = is_url(output)
    if output != "-" and not remote:
        out = Path(output).resolve()
        if any(str(f) != "-" and f.resolve() == out for f in files):
            raise click.BadParameter(f"{output} is also an input", param_hint="-o/--output")
    # Next to a local output file by default; for standard output or a URL, errors go to stderr unless --errors says.
    errors_path = Path(errors_file) if errors_file else (_errors_path_for(output) if output != "-" and not remote else None)
    console = _stderr()
    if not files and not walk_problems and not quiet:
        from .io.formats import folder_suffixes

        console.print(Text(f"warning: no input documents found in {', '.join(paths)} "
                           f"(folders are searched for {'/'.join(folder_suffixes(fmt))} files)"))

    if errors_path is not None and output != "-" and not remote and errors_path.resolve() == Path(output).resolve():
        raise click.BadParameter("the errors file and the output are the same file", param_hint="--errors")

    stats = RunStats()
    try:
        writer = open_writer(output, stream=sys.stdout.buffer if output == "-" else None, format=out_format)
    except OSError as e:
        if e.errno in _DISK_ERRORS:
            _write_failed(console, [], e)
        raise click.BadParameter(str(e), param_hint="-o/--output")
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="-o/--output")
    try:
        errors_writer = JsonlWriter(errors_path) if errors_path is not None else None
    except OSError as e:
        writer.abort()
        if e.errno in _DISK_ERRORS:
            _write_failed(console, [], e)
        raise click.BadParameter(str(e), param_hint="--errors")
    writers = [w for w in (writer, errors_writer) if w is not None]
    from .progress import input_size, progress_bar  # rich.progress: only for a run

    sizes = input_size(files)
    progress = progress_bar(console, "cleaning", disable=quiet)
    failed: Outcome | None = None
    last = started = time.perf_counter()
    try:
        with progress, _outcomes(cleaner, files, workers, engine, scheduler, text_column, id_column, walk_problems) as outcomes:
            task = progress.add_task("clean", total=sizes, docs=0, errors=0)
            for outcome in outcomes:
                if outcome.ok:
                    try:
                        writer.write(outcome.record)
                    except (ValueError, TypeError) as e:
                        outcome = Outcome(outcome.id, outcome.source, error=f"cannot write the record: {e}",
                                          warnings=outcome.warnings, nbytes=outcome.nbytes)
                stats.add(outcome)
                problems = outcome.problems()
                if errors_writer is not None:
                    errors_writer.write_many(problems)
                else:
                    for problem in problems:
                        console.print(_problem_line(problem))
                if verbose:
                    now = time.perf_counter()
                    console.print(_verbose_line(outcome, now - last))
                    last = now
                progress.update(task, advance=outcome.nbytes, docs=stats.documents, errors=stats.errors)
                if strict and not outcome.ok:
                    failed = outcome
                    break
    except KeyboardInterrupt:
        _abort(writers)
        console.print("interrupted: no output written")
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        _reader_went_away(writers)
    except OSError as e:
        _write_failed(console, writers, e)
    except BaseException:
        _abort(writers)
        raise

    try:
        if failed is not None:
            writer.abort()
            if errors_writer is not None:
                errors_writer.close()
                console.print(_problem_line(failed.problems()[-1]))
            console.print(Text(f"stopped at the first failing document (--strict); {'no output written' if output != '-' else 'output is incomplete'}"))
            sys.exit(EXIT_FAILED)
        # both written out before either is moved into place: a full disk leaves neither (no empty errors file)
        writer.finish()
        if errors_writer is not None:
            errors_writer.finish()
        writer.close()
    except BrokenPipeError:
        _reader_went_away(writers)
    except OSError as e:
        _write_failed(console, writers, e)
    try:
        if errors_writer is not None:
            errors_writer.close()
    except OSError as e:  # rare (a rename that fails): the records are in place, the errors file is not
        errors_writer.abort()
        console.print(Text(f"error: the records are written to {output}, but the errors file {errors_path} could not be "
                           f"moved into place: {e.strerror or e}"))
        sys.exit(EXIT_FAILED)
    if not quiet:
        _print_summary(console, stats, output, errors_path)
    if verbose:
        total = time.perf_counter() - started
        console.print(Text(f"timings: {stats.documents:,} documents in {total:.3f} s, "
                           f"{1000 * total / max(stats.documents, 1):.2f} ms per document on average "
                           f"(reading, cleaning with {workers or 'every'} worker(s) and writing)"))
    if stats.errors:
        sys.exit(EXIT_FAILED)


def _reader_went_away(writers) -> None:
    """The reader of standard output went away (`cleaner clean ... | head`): stop quietly with 0, as
    Unix tools do; files being written are discarded."""
    _abort(writers)
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except OSError:
        pass
    sys.exit(0)


def _verbose_line(outcome: Outcome, seconds: float) -> Text:
    who = outcome.id if outcome.id is not None else outcome.source
    line = Text(f"{who}: ")
    if not outcome.ok:
        line.append(f"failed ({outcome.error})", style="red")
    else:
        from collections import Counter

        cuts = Counter(c["rule"] for c in outcome.record.get("removed") or ())
        rules = ", ".join(f"{rule} x{n}" if n > 1 else rule for rule, n in sorted(cuts.items()))
        line.append(f"{sum(cuts.values())} cut(s)" + (f" [{rules}]" if rules else "") + f", {outcome.record.get('word_count', 0)} words kept")
    line.append(f", {1000 * seconds:.1f} ms")
    return line


def _pick_document(file: str, doc_id: str | None):
    """The one document ``explain`` shows: a text file, standard input, or the line of a JSONL with ``--id``."""
    if file == "-":
        data = sys.stdin.buffer.read()
        if doc_id is None:
            return read_bytes(data, "stdin", "-")
        items = read_jsonl_stream(io.BytesIO(data), "-")
    elif is_jsonl(file):
        items = read_jsonl(file)
    else:
        if doc_id is not None:
            raise click.UsageError("--id picks a document from JSONL input; a text file holds one document")
        return read_txt(file)
    if doc_id is None:
        first = list(itertools.islice(items, 4))
        if len(first) == 1:
            return first[0]
        if not first:
            raise click.UsageError(f"{file} holds no documents")
        ids = ", ".join(str(i.id) for i in first[:3])
        raise click.UsageError(f"{file} holds more than one document; pick one with --id (e.g. {ids})")
    for item in items:
        if item.id == doc_id:
            return item
    raise click.UsageError(f"no document with id {doc_id!r} in {file}")


@main.command("explain")
@click.argument("file", type=SafePath(exists=True, dir_okay=False, allow_dash=True))
@click.option("--id", "doc_id", metavar="ID", help="The id of the document to show from a JSONL file.")
@_cleaning_options
@click.option("--no-metadata", is_flag=True, help="Show the paragraphs only.")
@click.option("--json", "as_json", is_flag=True,
              help="Print the paragraphs as JSON: index, kept or the cut's rule and its evidence (why), then the metadata.")
def explain_command(file, doc_id, ascii_fold, disable, no_language, no_metadata, as_json) -> None:
    """Show a document with every cut marked by its rule, then its metadata.

    The document is shown paragraph by paragraph; each cut paragraph starts
    with [rule] (struck through on a terminal). FILE is a .txt file, '-' for standard input, or a JSONL file with --id.
    With --json, the same as one JSON object, with the evidence for every cut.
    """
    from .explain import explain as explain_document
    from .explain import render, to_json

    cleaner = _cleaner(ascii_fold, disable, no_language)
    item = _pick_document(file, doc_id)
    err = _stderr()
    if isinstance(item, DocumentError):
        err.print(_problem_line({"id": item.id, "source": item.source, "error": item.reason}))
        sys.exit(EXIT_FAILED)
    for warning in item.warnings:
        err.print(_problem_line({"id": item.id, "source": item.source, "warning": warning}))
    ex = explain_document(item.text, cleaner, id=item.id, source=item.source)
    if as_json:
        import json

        click.echo(json.dumps(to_json(ex, metadata=not no_metadata), ensure_ascii=False, indent=1))
        return
    render(ex, Console(highlight=False), metadata=not no_metadata)


@main.command("rules")
def rules_command() -> None:
    """List every rule and family: the names --disable takes, the role each name's cuts play, what it cuts.

    The list is generated from the rules' declarations: every name a cut can carry is here.
    """
    from rich.table import Table

    from .explain import rule_catalog

    console = Console(highlight=False)
    catalog = rule_catalog()
    if console.is_terminal:
        table = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
        table.add_column("rule or family", style="cyan", no_wrap=True)
        table.add_column("role", style="magenta", no_wrap=True)
        table.add_column("what it cuts")
        for i, (family, rules) in enumerate(catalog):
            if i:
                table.add_row("", "", "")
            table.add_row(Text(family, style="bold cyan"), "", Text(f"every {family}.* rule", style="dim"))
            for name, description, role in rules:
                table.add_row(f"  {name}", role, description)
        console.print(table)
        return
    width = max(len(name) for _, rules in catalog for name, _, _ in rules) + 2
    role_width = max(len(role) for _, rules in catalog for _, _, role in rules) + 2
    for i, (family, rules) in enumerate(catalog):
        if i:
            console.print()
        console.print(f"{family}  (family: every {family}.* rule)", soft_wrap=True)
        for name, description, role in rules:
            console.print(f"  {name:<{width}}{role:<{role_width}}{description}", soft_wrap=True, markup=False)


def _register_dataset_commands() -> None:
    from .cli_dataset import register

    register(main, _cleaning_options, _engine_options, _configured, _outcomes, _stderr, _problem_line)


_register_dataset_commands()
