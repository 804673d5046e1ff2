"""The state file: slugs assigned once and kept, retired URLs, and the history of updates.

`data/atlas-state.json` is committed with the data. It maps each paper (by its identity keys) to
the slug it was first given, so a corrected title or a merge never breaks a URL, remembers papers
that left the data (their page says so instead of a 404), and records what each data change did.
This module reads it, checks every field, and writes it; `state` matches a build's papers with it.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import MISSING, dataclass, field, fields
from pathlib import Path
from typing import Any

from generator.config import STATE_FILE
from generator.model import Update
from generator.text.slugs import is_slug

STATE_VERSION = 1


@dataclass
class Entry:
    """What the state remembers of one paper, current or gone."""

    slug: str
    title: str
    keys: list[str]
    digest: str
    added: str
    removed: str = ""
    #: Set when this paper was merged into another: its URL redirects to that paper's slug.
    merged_into: str = ""
    #: The slugs of the paper's topics (main first) and related papers, kept so that pages stay
    #: put as data is added: a new build changes them only for a clearly better reason.
    topics: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    #: Its place on the map (x, y), kept so that the map stays put as papers are added.
    position: list[float] = field(default_factory=list)


@dataclass
class State:
    """Every slug ever given, and the updates, oldest first."""

    entries: list[Entry] = field(default_factory=list)
    updates: list[Update] = field(default_factory=list)
    #: Every current topic: its slug, label and description.
    topics: list[dict[str, str]] = field(default_factory=list)

    def to_json(self) -> str:
        """Return the state as JSON, one paper and one update per line (diffs stay small)."""
        papers = ",\n".join(
            json.dumps(_entry_dict(e), ensure_ascii=False) for e in sorted(self.entries, key=lambda e: e.slug)
        )
        updates = ",\n".join(json.dumps(vars(u), ensure_ascii=False) for u in self.updates)
        topics = ",\n".join(json.dumps(t, ensure_ascii=False) for t in sorted(self.topics, key=lambda t: t["slug"]))
        return (
            f'{{"version": {STATE_VERSION},\n"papers": [\n{papers}\n],\n"updates": [\n{updates}\n],\n'
            f'"topics": [\n{topics}\n]}}\n'
        )


def _entry_dict(entry: Entry) -> dict[str, Any]:
    # Empty optional fields are left out; `keys` is required when reading, so it stays even empty.
    return {k: v for k, v in vars(entry).items() if k == "keys" or v not in ("", [])}


class StateError(Exception):
    """The state file cannot be read: the build stops, for the file holds every paper's URL."""


def read_state(path: Path) -> State:
    """Read the state file at `path`; a missing file is an empty state, a broken one raises `StateError`."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return State()
    except UnicodeDecodeError as error:
        raise _broken(str(path), f"not UTF-8 text (byte {error.start})", str(path)) from None
    return load_state(text, str(path))


def load_state(text: str | None, path: str = STATE_FILE) -> State:
    """Parse a state file's text; None (no file) is an empty state, a broken one raises `StateError`."""
    if text is None:
        return State()
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise _broken(f"{path}:{error.lineno}", f"not valid JSON ({error.msg}, column {error.colno})", path) from None
    except RecursionError:
        raise _broken(path, "not valid JSON (nested too deeply)", path) from None
    return _parsed(data, path)


def _broken(where: str, what: str, path: str) -> StateError:
    return StateError(
        f"{where}: error: {what}. The state file holds every paper's URL, so nothing was built: restore it "
        f"from git (git checkout -- {path}) or correct it by hand; deleting it gives every paper a new slug "
        "and breaks the URLs of the published pages"
    )


def _shown(value: object) -> str:
    """Return a value as Python writes it, cut short: a broken file may hold anything."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _is_text(value: object) -> bool:
    return isinstance(value, str)


def _is_texts(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _is_place(value: object) -> bool:
    return (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, int | float) and not isinstance(v, bool) and abs(v) < 1e9 for v in value)
    )


def _is_slugs(value: object) -> bool:
    return isinstance(value, list) and all(is_slug(v) for v in value)


def _is_slug_or_empty(value: object) -> bool:
    return value == "" or is_slug(value)


def _required(kind: type) -> set[str]:
    """Return the fields of a dataclass that have no default."""
    return {f.name for f in fields(kind) if f.default is MISSING and f.default_factory is MISSING}


_SLUG_RULE = "a slug (lowercase letters, digits and hyphens, starting with a letter or digit)"
#: What each field of each part of the state must hold: (check, what to say when it does not).
_Kinds = dict[str, tuple[Callable[[object], bool], str]]
_TEXT, _TEXTS = (_is_text, "text"), (_is_texts, "a list of texts")
_SLUG, _SLUGS = (is_slug, _SLUG_RULE), (_is_slugs, "a list of slugs")
_ENTRY: _Kinds = {
    **{f.name: _TEXT for f in fields(Entry)},
    "slug": _SLUG,
    "keys": _TEXTS,
    "merged_into": (_is_slug_or_empty, _SLUG_RULE),
    "topics": _SLUGS,
    "related": _SLUGS,
    "position": (_is_place, "two numbers, x and y"),
    "topic": (_is_slug_or_empty, _SLUG_RULE),  # written by builds before topics were lists
}
_UPDATE: _Kinds = {"date": _TEXT, "added": _SLUGS, "updated": _SLUGS, "removed": _SLUGS}
_TOPIC: _Kinds = {"slug": _SLUG, "label": _TEXT, "description": _TEXT}
#: Each list in the state, its fields, and those it cannot do without.
_PARTS = {
    "papers": (_ENTRY, _required(Entry)),
    "updates": (_UPDATE, _required(Update)),
    "topics": (_TOPIC, set(_TOPIC)),
}


def _parsed(data: object, path: str) -> State:
    """Return the state `data` holds, after checking every field it needs has the right type."""
    if not isinstance(data, dict):
        raise _broken(path, "expected a JSON object with version, papers, updates and topics", path)
    _check_version(data.get("version"), path)
    unknown = sorted(set(data) - {"version", *_PARTS})
    if unknown:
        raise _broken(path, f"unknown field {_shown(unknown[0])}", path)
    parts = {part: _checked_part(part, data.get(part, []), path) for part in _PARTS}
    slugs = Counter(e["slug"] for e in parts["papers"])
    twice = sorted(slug for slug, count in slugs.items() if count > 1)
    if twice:
        raise _broken(path, f"two papers have the slug {twice[0]!r}", path)
    return State(
        entries=[Entry(**_upgraded(e)) for e in parts["papers"]],
        updates=[Update(**u) for u in parts["updates"]],
        topics=[dict(t) for t in parts["topics"]],
    )


def _check_version(version: object, path: str) -> None:
    """Raise `StateError` unless `version` is a state version this paper-atlas reads."""
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        reads = f"this paper-atlas reads version {STATE_VERSION}"
        raise _broken(path, f"unknown state version {_shown(version)} ({reads})", path)
    if version > STATE_VERSION:
        raise StateError(
            f"{path}: error: written by a newer paper-atlas (state version {version}; this one reads version "
            f"{STATE_VERSION}); nothing was built: run the newer paper-atlas, or restore the older state from git"
        )


def _checked_part(part: str, items: object, path: str) -> list[dict[str, Any]]:
    """Return the list `part` of the state, after checking each of its items."""
    if not isinstance(items, list):
        raise _broken(path, f"{part!r} must be a list", path)
    for number, item in enumerate(items, start=1):
        _check_item(part, number, item, path)
    return items


def _check_item(part: str, number: int, item: object, path: str) -> None:
    """Raise `StateError` unless item `number` of `part` is an object with the fields `part` holds."""
    kinds, required = _PARTS[part]
    where = f"{part} entry {number}"
    if not isinstance(item, dict):
        raise _broken(path, f"{where} must be a JSON object", path)
    if isinstance(item.get("slug"), str):
        where += f" ({_shown(item['slug'])})"
    missing = sorted(required - set(item))
    if missing:
        raise _broken(path, f"{where} has no {missing[0]!r}", path)
    for key, value in item.items():
        if key not in kinds:
            raise _broken(path, f"{where}: unknown field {_shown(key)}", path)
        check, kind = kinds[key]
        if not check(value):
            raise _broken(path, f"{where}: {key!r} must be {kind}, not {_shown(value)}", path)


def _upgraded(entry: dict[str, Any]) -> dict[str, Any]:
    """Read an entry written by an earlier build: `topic` (the main topic alone) became `topics`."""
    entry = dict(entry)
    old = entry.pop("topic", "")
    if old and not entry.get("topics"):
        entry["topics"] = [old]
    return entry
