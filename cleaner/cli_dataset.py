"""The dataset commands of ``cleaner``: ``export``, ``versions``, ``verify``, ``diff`` and ``push``.

Each is a thin wrapper over :mod:`cleaner.dataset`; they are registered on the
``cleaner`` group by :mod:`cleaner.cli`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .io.formats import INPUT_FORMATS
from .io.run import RunStats
from .io.writers import JsonlWriter

# The dataset modules need pyarrow: each command imports what it uses, so that `cleaner --help` and
# `cleaner clean` never load them.

__all__ = ["register", "SafePath"]


# Python keyword names in library messages, and what the command line calls them.
_CLI_WORDS = (
    ("pass create=True to create it", "add --create to create it"),
    ("pass token=..., set HF_TOKEN", "set HF_TOKEN"),
    ("create=True", "--create"),
    ("dry_run=True", "--dry-run"),
    ("move_main=True", "--move-main"),
    ("token=...", "HF_TOKEN"),
)


def cli_words(message: str) -> str:
    """A library message as the command line says it: ``--create``, ``HF_TOKEN``, not keyword arguments.

    >>> cli_words("dataset repository 'me/x' not found; pass create=True to create it")
    "dataset repository 'me/x' not found; add --create to create it"
    """
    for python, cli in _CLI_WORDS:
        message = message.replace(python, cli)
    return message


def _fail(message: str) -> None:
    raise click.ClickException(message)


class SafePath(click.Path):
    """``click.Path`` that rejects a NUL byte (which no file name can hold) with a usage error."""

    def convert(self, value, param, ctx):
        if isinstance(value, str) and "\x00" in value:
            self.fail(f"{value!r} contains a NUL byte", param, ctx)
        return super().convert(value, param, ctx)


def _no_nul(ctx, param, value):
    """A path option: text without NUL bytes (which no file name can hold)."""
    if value is not None and "\x00" in str(value):
        raise click.BadParameter(f"{str(value)!r} contains a NUL byte")
    return value


def _input_format_option(ctx, param, value):
    """--input-format: kept where the reader of the inputs finds it (the command's context)."""
    if value is not None:
        ctx.meta["cleaner.input_format"] = value
    return value


def _version_option(ctx, param, value):
    if value is None:
        return None
    from .dataset.versions import format_version

    try:
        return format_version(value)
    except ValueError as e:
        raise click.BadParameter(str(e)) from None


def _name_option(ctx, param, value):
    if value is None:
        return None
    from .dataset.versions import UnsafePathError, check_dataset_name

    try:
        return check_dataset_name(value)
    except UnsafePathError as e:
        raise click.BadParameter(str(e)) from None


def _same_as_latest(dataset: str, inputs: list[dict], config) -> str | None:
    """The LATEST version when it was made from these very inputs (paths and SHA-256) with this
    configuration and this cleaner, else None."""
    from . import __version__
    from .dataset import DatasetError, read_latest, read_manifest, version_dir

    try:
        latest = read_latest(dataset)
        if latest is None:
            return None
        m = read_manifest(version_dir(dataset, latest))
    except DatasetError:
        return None
    if any(i.get("sha256") is None for i in inputs):
        return None  # a stream (FIFO) or an unreadable file: nothing to compare
    same_inputs = [(i.get("path"), i.get("sha256")) for i in m.get("inputs") or []] == [(i["path"], i["sha256"]) for i in inputs]
    if same_inputs and m.get("config_hash") == config.hash and m.get("cleaner_version") == __version__:
        return latest
    return None


def _close_errors(errors_writer, errors_file, published: str) -> None:
    """Move the errors file into place after a publish; a failure says that the version is published."""
    if errors_writer is None:
        return
    try:
        errors_writer.close()
    except OSError as e:
        _fail(f"{published}, but the errors file {errors_file} could not be written ({e.strerror or e})")


def _export(paths, dataset, version, bump, name, errors_file, strict, quiet, cleaner, console, problem_line, outcomes,
            license=None, force=False) -> None:
    from rich.text import Text

    from .dataset import DatasetError, LatestNotMovedError, publish
    from .dataset.manifest import describe_inputs
    from .io.formats import describe_skipped, expand_inputs

    walk_problems: list = []
    fmt = click.get_current_context().meta.get("cleaner.input_format")
    files, skipped = expand_inputs(paths, fmt, walk_problems)
    if skipped and not quiet:
        console.print(Text(describe_skipped(skipped, fmt)))
    if not files and not walk_problems:
        _fail(f"no input documents found in {', '.join(paths)}")
    inputs = describe_inputs(files)
    same = None if force or version is not None else _same_as_latest(dataset, inputs, cleaner.config)
    if same is not None:
        if not quiet:
            console.print(f"LATEST ({same}) was made from the same inputs with the same configuration and cleaner; "
                          "nothing published (--force publishes a new version anyway)")
        return
    stats = RunStats()
    try:
        errors_writer = JsonlWriter(Path(errors_file)) if errors_file else None
    except (OSError, ValueError) as e:
        _fail(f"cannot write the errors file {errors_file}: {getattr(e, 'strerror', None) or e}; no version was published")

    class _Strict(Exception):
        pass

    class _ErrorsFileFailed(Exception):
        def __init__(self, error: OSError):
            self.error = error

    from .progress import input_size, progress_bar

    progress = progress_bar(console, "exporting", disable=quiet)
    task = progress.add_task("export", total=input_size(files), docs=0, errors=0)

    def records():
        with progress, outcomes(files, walk_problems) as results:
            for outcome in results:
                stats.add(outcome)
                progress.update(task, advance=outcome.nbytes, docs=stats.documents, errors=stats.errors)
                problems = outcome.problems()
                if errors_writer is not None:
                    try:
                        errors_writer.write_many(problems)
                    except OSError as e:
                        raise _ErrorsFileFailed(e) from e
                elif not quiet:
                    for problem in problems:
                        console.print(problem_line(problem))
                if outcome.ok:
                    yield outcome.record
                elif strict:
                    raise _Strict(outcome.problems()[-1]["error"])
        if errors_writer is not None:
            try:
                errors_writer.finish()  # a full disk shows here, before the version is published
            except OSError as e:
                raise _ErrorsFileFailed(e) from e

    try:
        info = publish(records(), dataset, version=version, bump=bump, name=name, config=cleaner.config, inputs=inputs,
                       license=license, errors=lambda: stats.errors)
    except _ErrorsFileFailed as e:
        errors_writer.abort()
        _fail(f"cannot write the errors file {errors_file} ({e.error.strerror or e.error}); no version was published")
    except _Strict as e:
        if errors_writer is not None:
            try:
                errors_writer.close()
            except OSError:
                errors_writer.abort()
        _fail(f"stopped at the first failing document (--strict): {e}; no version was published")
    except KeyboardInterrupt:
        if errors_writer is not None:
            errors_writer.abort()
        console.print("interrupted: no version was published")
        sys.exit(130)
    except LatestNotMovedError as e:  # the version is published; LATEST could not move
        _close_errors(errors_writer, errors_file, f"{e.version} is published")
        _fail(str(e))
    except (DatasetError, ValueError) as e:
        if errors_writer is not None:
            errors_writer.abort()
        _fail(str(e))
    except OSError as e:
        if errors_writer is not None:
            errors_writer.abort()
        _fail(f"cannot write the dataset ({e.strerror or e}); no version was published")
    _close_errors(errors_writer, errors_file, f"{info.version} is published in {info.path}")
    if not quiet:
        from rich.text import Text

        from .dataset import read_manifest

        s = stats.summary()
        console.print(
            f"published [bold]{info.version}[/] in {info.path}: {info.rows:,} rows from {s['documents']:,} documents "
            f"({s['megabytes']:,.2f} MB in {s['seconds']:.2f} s), {s['errors']:,} errors"
        )
        try:
            dups = read_manifest(info.path).get("duplicate_ids") or {}
        except DatasetError:
            dups = {}
        if dups.get("rows"):
            examples = ", ".join(repr(e) for e in dups.get("examples", [])[:5])
            console.print(Text(f"warning: {dups['rows']:,} row(s) share an id with an earlier row (e.g. {examples}); "
                               "they are published as they are, and `cleaner diff` compares the first row of each id"))
    if stats.errors:
        sys.exit(1)


def register(main: click.Group, cleaning_options, engine_options, make_cleaner, make_outcomes, stderr, problem_line) -> None:
    """Add the dataset commands to the ``cleaner`` group."""

    @main.command("export")
    @click.argument("paths", nargs=-1, required=True, metavar="INPUT...", type=SafePath(exists=True))
    @click.option("--dataset", "dataset", required=True, metavar="DIR", type=SafePath(file_okay=False),
                  callback=_no_nul, help="The dataset directory (created if missing).")
    @click.option("--version", "version", metavar="X.Y.Z", default=None, callback=_version_option,
                  help="Publish exactly this version.")
    @click.option("--bump", type=click.Choice(["major", "minor", "patch"]), default="minor", show_default=True,
                  help="Which part of the latest version to raise when --version is not given.")
    @click.option("--name", default=None, callback=_name_option,
                  help="The dataset's name (default: the directory name); no '/', '\\', '..' or control characters.")
    @click.option("--input-format", type=click.Choice(INPUT_FORMATS), default=None, callback=_input_format_option,
                  expose_value=False, is_eager=True,
                  help="Read every INPUT as this format [default: by extension; folders: .txt files].")
    @cleaning_options
    @click.option("--errors", "errors_file", metavar="FILE", default=None, callback=_no_nul,
                  help="Write per-document errors and warnings here as JSONL (default: print them).")
    @click.option("--strict", is_flag=True, help="Publish nothing if any document fails.")
    @click.option("--license", "license_", metavar="ID", default=None,
                  help="The dataset's licence as a Hub licence id (cc-by-4.0, ...) for the card [default: the parent's, else unknown].")
    @click.option("--force", is_flag=True,
                  help="Publish a new version even when LATEST was made from the same inputs and configuration.")
    @click.option("-q", "--quiet", is_flag=True, help="No summary.")
    @engine_options
    def export_command(paths, dataset, version, bump, name, ascii_fold, disable, no_language, errors_file, strict, license_,
                       force, quiet, workers, engine, scheduler, text_column, id_column):
        """Clean INPUT... and publish the records as a new immutable version of the dataset in DIR.

        INPUT takes the same forms as for `cleaner clean`. The version is
        written to a temporary directory and renamed into place only when
        complete; an existing version is never overwritten. When LATEST was
        made from the same input files (by SHA-256) with the same configuration
        and cleaner, nothing is published unless --force.
        """
        cleaner = make_cleaner(ascii_fold, disable, no_language, quiet)
        def outcomes(files, problems=()):
            return make_outcomes(cleaner, files, workers, engine, scheduler, text_column, id_column, problems)

        _export(paths, dataset, version, bump, name, errors_file, strict, quiet, cleaner, stderr(), problem_line, outcomes,
                license=license_, force=force)

    @main.command("versions")
    @click.argument("dataset", type=SafePath(exists=True, file_okay=False))
    @click.option("--json", "as_json", is_flag=True, help="Print the versions as JSON.")
    def versions_command(dataset, as_json):
        """List the published versions of DATASET, oldest first (* marks LATEST)."""
        from .dataset import DatasetError, list_versions, read_latest, version_info

        problems = []
        try:
            read_latest(dataset)
        except DatasetError as e:
            problems.append(f"{e} (no version is marked LATEST)")
        found = []
        for v in list_versions(dataset):
            try:
                found.append((v, version_info(dataset, v)))
            except (DatasetError, ValueError, TypeError) as e:
                found.append((v, None))
                problems.append(f"version {v}: {e}")
        if as_json:
            click.echo(json.dumps([i.to_dict() for _, i in found if i is not None], indent=2, default=str))
        elif not found:
            click.echo(f"no versions in {dataset}")
        else:
            for v, i in found:
                if i is None:
                    click.echo(f"? {v:<10} (its manifest cannot be read; `cleaner verify --version {v}` says more)")
                    continue
                mark = "*" if i.latest else " "
                click.echo(f"{mark} {i.version:<10} {i.rows:>10,} rows  parent {i.parent or '-':<10} created {i.created}  config {i.config_hash}")
        for p in problems:
            click.echo(f"problem: {p}", err=True)
        if problems:
            sys.exit(1)

    @main.command("verify")
    @click.argument("dataset", type=SafePath(exists=True, file_okay=False))
    @click.option("--version", "version", default=None, metavar="X.Y.Z", help="The version to check (default: LATEST).")
    @click.option("--all", "all_versions", is_flag=True, help="Check every version.")
    def verify_command(dataset, version, all_versions):
        """Check a version against its manifest: checksums, schema, row counts. Exit 1 on any mismatch."""
        from .dataset import DatasetError, list_versions, verify

        targets = (list_versions(dataset) or [None]) if all_versions else [version]
        ok = True
        for v in targets:
            try:
                report = verify(dataset, v)
            except DatasetError as e:
                _fail(str(e))
            click.echo(report.summary())
            ok = ok and report.ok
        if not ok:
            sys.exit(1)

    @main.command("diff")
    @click.argument("dataset", type=SafePath(exists=True, file_okay=False))
    @click.argument("version_a", metavar="VA")
    @click.argument("version_b", metavar="VB", required=False)
    @click.option("--json", "as_json", is_flag=True, help="Print the differences as JSON.")
    def diff_command(dataset, version_a, version_b, as_json):
        """What changed from version VA to VB (default: LATEST): documents and cut counts per rule."""
        from .dataset import DatasetError, diff

        try:
            report = diff(dataset, version_a, version_b)
        except (DatasetError, ValueError) as e:
            _fail(str(e))
        except (TypeError, AttributeError, KeyError, OSError) as e:  # a manifest that is JSON but not a manifest
            _fail(f"cannot compare {version_a} and {version_b or 'LATEST'}: a manifest does not hold what it should "
                  f"({type(e).__name__}: {e}); `cleaner verify` checks a version")
        click.echo(json.dumps(report.to_dict(), indent=2, default=str) if as_json else report.summary())

    @main.command("push")
    @click.argument("dataset", type=SafePath(exists=True, file_okay=False))
    @click.option("--repo", "repo_id", required=True, metavar="OWNER/NAME", help="The Hub dataset repository.")
    @click.option("--version", "version", default=None, metavar="X.Y.Z", help="The version to push (default: LATEST).")
    @click.option("--private", is_flag=True, help="Create the repository as private.")
    @click.option("--create", is_flag=True, help="Create the repository if it does not exist.")
    @click.option("--dry-run", is_flag=True, help="List what would be uploaded; send nothing.")
    @click.option("--move-main", is_flag=True,
                  help="Point main at this version even when main holds a newer one [default: an older version is only tagged].")
    def push_command(dataset, repo_id, version, private, create, dry_run, move_main):
        """Upload a version to the Hugging Face Hub in one commit and tag it vX.Y.Z.

        The token comes from HF_TOKEN or your saved `huggingface-cli login`;
        it is never printed.
        """
        from .dataset import DatasetError
        from .dataset.hub import push

        try:
            result = push(dataset, repo_id, version=version, private=private, create=create, dry_run=dry_run,
                          move_main=move_main)
        except DatasetError as e:
            _fail(cli_words(str(e)))
        for line in result.lines():
            click.echo(line)

    @main.command("report")
    @click.argument("dataset", type=SafePath(exists=True, file_okay=False))
    @click.option("--version", "version", default=None, metavar="X.Y.Z", callback=_version_option,
                  help="The version to report on (default: LATEST).")
    @click.option("-o", "--output", default=None, metavar="FILE", callback=_no_nul,
                  help="Where to write the page [default: NAME-vX.Y.Z-report.html in the current folder].")
    @click.option("--examples", type=click.IntRange(min=0), default=3, show_default=True, metavar="N",
                  help="Examples shown per rule.")
    def report_command(dataset, version, output, examples):
        """Write one self-contained HTML page about a version: documents, words kept and cut, cuts per
        rule with examples, metadata coverage, language and length histograms, changes since the parent."""
        from .dataset import DatasetError
        from .report import write_report

        try:
            path = write_report(dataset, version, output, examples=examples)
        except DatasetError as e:
            _fail(str(e))
        except OSError as e:
            _fail(f"cannot write the report: {e.strerror or e}")
        click.echo(f"wrote {path}")
