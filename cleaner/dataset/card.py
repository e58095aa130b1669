"""The dataset card (``README.md``) of a version: YAML metadata for Hugging Face, then a summary.

The YAML header declares one ``default`` config whose ``train`` split is
``data/*.parquet`` and the record Features, so ``datasets.load_dataset(path)``
reads a version directory as it is, locally or on the Hub.
"""

from __future__ import annotations

from typing import Any, Mapping

import yaml

__all__ = ["render_card", "card_metadata", "TOP_RULES"]

TOP_RULES = 15


def card_metadata(manifest: Mapping[str, Any]) -> dict[str, Any]:
    """The YAML header of the card, as a dict."""
    from ..schema import features

    files = manifest.get("files", ())
    arrow_bytes = int(manifest.get("arrow_bytes", 0))
    return {
        "pretty_name": manifest.get("name"),
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


def render_card(manifest: Mapping[str, Any], top_rules: int = TOP_RULES) -> str:
    """The full ``README.md`` text of the version ``manifest`` describes."""
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
        f"# {name} {version}",
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
    lines += [
        "## Loading",
        "",
        "```python",
        "import datasets",
        f'ds = datasets.load_dataset("path/to/v{version}", split="train")',
        "# or, with cleaner installed:",
        "import cleaner",
        f'ds = cleaner.load("path/to/dataset", version="{version}")',
        "```",
        "",
        "`manifest.json` lists every file with its SHA-256; `cleaner verify` checks them.",
        "",
    ]
    return "\n".join(lines)


def _json(value: Any) -> str:
    import json

    return json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False)
