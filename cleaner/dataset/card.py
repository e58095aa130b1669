"""The dataset card (``README.md``) of a version: YAML metadata for Hugging Face, then a summary.

The YAML header declares one ``default`` config whose ``train`` split is
``data/*.parquet`` and the record Features, so ``datasets.load_dataset(path)``
reads a version directory as it is, locally or on the Hub.
"""

from __future__ import annotations

from typing import Any, Mapping

import yaml

__all__ = ["render_card", "card_metadata", "card_languages", "render_root_card", "root_card_metadata", "TOP_RULES", "DEFAULT_LICENSE"]

TOP_RULES = 15
# The Hub's value for "not stated": a dataset of scraped articles carries the licences of its sources.
DEFAULT_LICENSE = "unknown"
# A language is listed in the card when at least this share of the rows is in it.
MIN_LANGUAGE_SHARE = 0.01


def card_languages(manifest: Mapping[str, Any]) -> list[str]:
    """The card's ``language`` list: codes of at least 1% of the rows, most rows first.

    >>> card_languages({"rows": 200, "languages": {"en": 150, "de": 48, "fr": 1, None: 1}})
    ['en', 'de']
    """
    counts = manifest.get("languages") or {}
    rows = max(int(manifest.get("rows", 0)), 1)
    ranked = sorted(((int(n), code) for code, n in counts.items() if code and code != "null"), key=lambda t: (-t[0], t[1]))
    return [code for n, code in ranked if n / rows >= MIN_LANGUAGE_SHARE]


def card_metadata(manifest: Mapping[str, Any]) -> dict[str, Any]:
    """The YAML header of the card, as a dict."""
    from ..schema import features

    files = manifest.get("files", ())
    arrow_bytes = int(manifest.get("arrow_bytes", 0))
    meta: dict[str, Any] = {"pretty_name": manifest.get("name"), "license": manifest.get("license") or DEFAULT_LICENSE}
    languages = card_languages(manifest)
    if languages:
        meta["language"] = languages
    return {
        **meta,
        "tags": ["cleaner", "news"],
        "configs": [
            {
                "config_name": "default",
                "data_files": [{"split": "train", "path": "data/*.parquet"}],
            }
        ],
        "dataset_info": {
            "config_name": "default",
            "features": features()._to_yaml_list(),
            "splits": [{"name": "train", "num_bytes": arrow_bytes, "num_examples": int(manifest.get("rows", 0))}],
            "download_size": sum(int(f.get("size", 0)) for f in files),
            "dataset_size": arrow_bytes,
        },
    }


def _fmt(n: int) -> str:
    return f"{n:,}"


def _changes_section(manifest: Mapping[str, Any]) -> list[str]:
    parent = manifest.get("parent")
    changes = manifest.get("changes")
    if not parent or not changes:
        return ["## Changes", "", "First version of this dataset.", ""]
    docs = changes.get("documents", {})
    lines = [
        f"## Changes since {parent}",
        "",
        f"- rows: {_fmt(changes.get('rows_parent', 0))} -> {_fmt(manifest.get('rows', 0))}",
        f"- documents added: {_fmt(docs.get('added', 0))}, removed: {_fmt(docs.get('removed', 0))}, "
        f"changed (text): {_fmt(docs.get('changed', 0))}, recut (same text, other cuts): {_fmt(docs.get('recut', 0))}, "
        f"unchanged: {_fmt(docs.get('unchanged', 0))}",
    ]
    config = changes.get("config") or {}
    if config:
        lines.append("- configuration changes:")
        lines += [f"  - `{k}`: `{v['old']!r}` -> `{v['new']!r}`" for k, v in config.items()]
    else:
        lines.append("- configuration: unchanged")
    cuts = changes.get("cuts") or {}
    if cuts:
        lines.append("- cut counts that moved:")
        lines += [f"  - `{rule}`: {v['old']} -> {v['new']}" for rule, v in cuts.items()]
    for key, label in (("schema", "record schema"), ("cleaner_version", "cleaner")):
        if changes.get(key):
            lines.append(f"- {label}: {changes[key]['old']} -> {changes[key]['new']}")
    lines.append("")
    return lines


def _md(text: Any) -> str:
    """Text from the data (a dataset name, a document id) as it may stand in the card's Markdown:
    HTML escaped (a name is never markup on the Hub's page), table pipes and backticks neutralised.

    >>> _md("<script>alert(1)</script> | `x`")
    "&lt;script&gt;alert(1)&lt;/script&gt; \\\\| 'x'"
    """
    import html

    return html.escape(str(text), quote=False).replace("|", "\\|").replace("`", "'").replace("\n", " ")


def _quality_lines(manifest: Mapping[str, Any]) -> list[str]:
    errors = manifest.get("errors")
    dups = manifest.get("duplicate_ids") or {}
    out = []
    if errors is not None:
        out.append(f"| documents that failed | {_fmt(int(errors))} (not in the dataset; see the run's errors file) |")
    if dups:
        examples = ", ".join(f"`{_md(e)}`" for e in dups.get("examples", [])[:5])
        out.append(f"| duplicate ids | {_fmt(int(dups.get('rows', 0)))} rows share an id with an earlier row"
                   + (f" (e.g. {examples})" if examples else "") + " |")
    else:
        out.append("| duplicate ids | none |")
    return out


def _loading_lines(version: Any, repo_id: str | None, dataset_path: str | None) -> list[str]:
    if repo_id is not None:
        return [
            "## Loading",
            "",
            "```python",
            "import datasets",
            f'ds = datasets.load_dataset("{repo_id}", revision="v{version}", split="train")',
            "```",
            "",
            f"The tag `v{version}` always holds this version; `main` holds the newest version pushed.",
            "`manifest.json` lists every file with its SHA-256. `datasets.load_dataset` does not check them: "
            "to be sure the rows are the ones published, download the tag (`huggingface-cli download --repo-type "
            f"dataset {repo_id} --revision v{version} --local-dir DIR/v{version}`) and run `cleaner verify DIR "
            f"--version {version}`.",
            "",
        ]
    root = dataset_path or "."
    return [
        "## Loading",
        "",
        "```python",
        "import datasets",
        f'ds = datasets.load_dataset("{root}", "v{version}", split="train")  # without the name: LATEST',
        "# or, with cleaner installed:",
        "import cleaner",
        f'ds = cleaner.load("{root}", version="{version}")',
        "```",
        "",
        "`manifest.json` lists every file with its SHA-256. `cleaner.load` checks them before it returns a row; "
        f"`datasets.load_dataset` does not: run `cleaner verify {root} --version {version}` first.",
        "",
    ]


def render_card(manifest: Mapping[str, Any], top_rules: int = TOP_RULES, *, repo_id: str | None = None,
                dataset_path: str | None = None) -> str:
    """The full ``README.md`` text of the version ``manifest`` describes.

    repo_id:      the Hub repository the card is pushed to: its loading snippet names it and the tag.
    dataset_path: the local dataset directory, for the loading snippet of the local card.
    """
    header = yaml.safe_dump(card_metadata(manifest), sort_keys=False, allow_unicode=True, width=1000)
    name = manifest.get("name") or "dataset"
    version = manifest.get("version")
    rows = int(manifest.get("rows", 0))
    schema = manifest.get("schema") or {}
    cuts = manifest.get("cuts") or {}
    files = manifest.get("files") or []
    inputs = manifest.get("inputs") or []
    lines = [
        "---",
        header.rstrip("\n"),
        "---",
        "",
        f"# {_md(name)} {version}",
        "",
        "Cleaned news articles produced by `cleaner`: the clean body text "
        "with its metadata (title, authors, date, captions, counters, labels) and every cut the cleaner made, "
        "each with the name of the rule that made it.",
        "",
        "## Summary",
        "",
        "| | |",
        "|---|---|",
        f"| version | {version} (parent: {manifest.get('parent') or 'none'}) |",
        f"| rows | {_fmt(rows)} |",
        f"| words | {_fmt(int(manifest.get('words', 0)))} |",
        f"| cuts | {_fmt(sum(cuts.values()))} by {len(cuts)} rules |",
        f"| files | {len(files)} Parquet shards, {_fmt(sum(int(f.get('size', 0)) for f in files))} bytes |",
        f"| inputs | {len(inputs)} files |",
        *_quality_lines(manifest),
        f"| license | {manifest.get('license') or DEFAULT_LICENSE} |",
        f"| record schema | {schema.get('name')}/{schema.get('version')} |",
        f"| cleaner | {manifest.get('cleaner_version')}, config hash `{manifest.get('config_hash')}` |",
        f"| created | {manifest.get('created')} |",
        "",
    ]
    if cuts:
        ranked = sorted(cuts.items(), key=lambda kv: (-kv[1], kv[0]))
        lines += [f"## Cuts per rule (top {min(top_rules, len(ranked))} of {len(ranked)})", "", "| rule | cuts |", "|---|---:|"]
        lines += [f"| `{rule}` | {_fmt(n)} |" for rule, n in ranked[:top_rules]]
        lines.append("")
    lines += _changes_section(manifest)
    config = manifest.get("config")
    if config is not None:
        lines += ["## Configuration", "", "```json", _json(config), "```", ""]
    lines += _loading_lines(version, repo_id, dataset_path)
    return "\n".join(lines)


def _json(value: Any) -> str:
    import json

    return json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False)


def root_card_metadata(versions: list[Mapping[str, Any]], latest: str | None) -> dict[str, Any]:
    """The YAML header of the dataset root's card: one config per version (``v1.0.0``), the
    ``LATEST`` one the default, so ``datasets.load_dataset(root)`` reads LATEST only."""
    from ..schema import features

    configs, infos = [], []
    for m in versions:
        name = f"v{m['version']}"
        config: dict[str, Any] = {"config_name": name, "data_files": [{"split": "train", "path": f"{name}/data/*.parquet"}]}
        if m["version"] == latest:
            config["default"] = True
        configs.append(config)
        infos.append({
            "config_name": name,
            "features": features()._to_yaml_list(),
            "splits": [{"name": "train", "num_bytes": int(m.get("arrow_bytes", 0)), "num_examples": int(m.get("rows", 0))}],
        })
    newest = next((m for m in versions if m["version"] == latest), versions[-1] if versions else {})
    meta: dict[str, Any] = {"pretty_name": newest.get("name"), "license": newest.get("license") or DEFAULT_LICENSE}
    languages = card_languages(newest)
    if languages:
        meta["language"] = languages
    return {**meta, "tags": ["cleaner", "news"], "configs": configs, "dataset_info": infos}


def render_root_card(versions: list[Mapping[str, Any]], latest: str | None, dataset_path: str | None = None) -> str:
    """The ``README.md`` of a dataset directory: every version as a named config, LATEST the default."""
    header = yaml.safe_dump(root_card_metadata(versions, latest), sort_keys=False, allow_unicode=True, width=1000)
    name = (versions[-1].get("name") if versions else None) or "dataset"
    root = dataset_path or "."
    lines = ["---", header.rstrip("\n"), "---", "", f"# {_md(name)}", "",
             f"Versions of a dataset of cleaned news articles produced by `cleaner`. LATEST is {latest}.", "",
             "| version | rows | parent | created |", "|---|---:|---|---|"]
    for m in versions:
        mark = " (LATEST)" if m["version"] == latest else ""
        lines.append(f"| v{m['version']}{mark} | {_fmt(int(m.get('rows', 0)))} | {m.get('parent') or '-'} | {m.get('created', '')} |")
    lines += ["", "```python", "import datasets",
              f'ds = datasets.load_dataset("{root}", split="train")  # LATEST',
              f'old = datasets.load_dataset("{root}", "v{versions[0]["version"] if versions else "1.0.0"}", split="train")',
              "```", "", "Each version's own card is `vX.Y.Z/README.md`.", ""]
    return "\n".join(lines)
