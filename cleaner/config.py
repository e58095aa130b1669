"""The options of a cleaning run, as one immutable value."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field

__all__ = ["CleanerConfig", "UnknownRuleName"]


class UnknownRuleName(ValueError):
    """A rule or family name that no rule declares (``disable=("sociall",)``); ``close`` holds the
    declared names it resembles, ``names`` the unknown ones."""

    def __init__(self, names: tuple[str, ...], close: tuple[str, ...] = ()):
        self.names = names
        self.close = close
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        super().__init__(f"unknown rule or family name{'s' * (len(names) > 1)} {', '.join(map(repr, names))}{hint} "
                         "(`cleaner rules` lists every name)")


@dataclass(frozen=True)
class CleanerConfig:
    """Options of :class:`cleaner.Cleaner`; the defaults are the documented default pipeline.

    ascii_fold:      fold typographic quotes, dashes and accents to ASCII (default: keep them).
    disable:         rule names or family names to switch off, e.g. ("social", "teasers.trailing").
    header:          read title, subtitle, authors and date from the top of the document.
    detect_language: fill `language` with the text's ISO 639-1 code.
    rule_set:        the identity of a caller's own rules (``Cleaner(rules=...)`` sets it: a hash of
                     their names, roles and patterns); None for the built-in rules alone.
    """

    ascii_fold: bool = False
    disable: tuple[str, ...] = field(default_factory=tuple)
    header: bool = True
    detect_language: bool = True
    rule_set: str | None = None

    def __post_init__(self) -> None:
        if isinstance(self.disable, str):
            object.__setattr__(self, "disable", (self.disable,))
        object.__setattr__(self, "disable", tuple(sorted(set(self.disable))))

    def enabled(self, rule_name: str) -> bool:
        family = rule_name.split(".", 1)[0]
        return rule_name not in self.disable and family not in self.disable

    def to_dict(self) -> dict:
        d = asdict(self)
        d["disable"] = list(self.disable)
        if self.rule_set is None:
            # Left out, so the default configuration, its hash and the manifests written before
            # user rules existed stay the same.
            del d["rule_set"]
        return d

    @property
    def hash(self) -> str:
        """A short, stable hash of the options (recorded in dataset manifests)."""
        return hashlib.sha256(json.dumps(self.to_dict(), sort_keys=True).encode()).hexdigest()[:16]
