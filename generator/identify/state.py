"""The state file: slugs assigned once and kept, retired URLs, and the history of updates.

`data/atlas-state.json` is committed with the data. It maps each paper (by its identity keys) to
the slug it was first given, so a corrected title or a merge never breaks a URL, remembers papers
that left the data (their page says so instead of a 404), and records what each data change did.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import MISSING, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from generator.config import STATE_FILE
from generator.identify.merge import conflicting, identity_keys
from generator.identify.papers import unique_slug
from generator.model import Catalog, KnownTopics, Paper, PreviousBuild, RetiredPage, Source, Update
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


def previous_build(state: State) -> PreviousBuild:
    """Return what the previous build showed: each remembered paper's topics and related papers.

    Only the slugs of this build's papers are looked up; one gone from the data keeps none (the
    next state clears them), so a paper found again starts afresh.
    """
    return PreviousBuild(
        topics=KnownTopics(
            all_of={e.slug: tuple(e.topics) for e in state.entries if e.topics},
            labels={t["slug"]: (t["label"], t["description"]) for t in state.topics},
        ),
        related={e.slug: tuple(e.related) for e in state.entries if e.related},
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
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        reads = f"this paper-atlas reads version {STATE_VERSION}"
        raise _broken(path, f"unknown state version {_shown(version)} ({reads})", path)
    if version > STATE_VERSION:
        raise StateError(
            f"{path}: error: written by a newer paper-atlas (state version {version}; this one reads version "
            f"{STATE_VERSION}); nothing was built: run the newer paper-atlas, or restore the older state from git"
        )
    unknown = sorted(set(data) - {"version", *_PARTS})
    if unknown:
        raise _broken(path, f"unknown field {_shown(unknown[0])}", path)
    parts: dict[str, list[dict[str, Any]]] = {}
    for part, (kinds, required) in _PARTS.items():
        items = data.get(part, [])
        if not isinstance(items, list):
            raise _broken(path, f"{part!r} must be a list", path)
        for number, item in enumerate(items, start=1):
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
        parts[part] = items
    slugs = Counter(e["slug"] for e in parts["papers"])
    twice = sorted(slug for slug, count in slugs.items() if count > 1)
    if twice:
        raise _broken(path, f"two papers have the slug {twice[0]!r}", path)
    return State(
        entries=[Entry(**_upgraded(e)) for e in parts["papers"]],
        updates=[Update(**u) for u in parts["updates"]],
        topics=[dict(t) for t in parts["topics"]],
    )


def _upgraded(entry: dict[str, Any]) -> dict[str, Any]:
    """Read an entry written by an earlier build: `topic` (the main topic alone) became `topics`."""
    entry = dict(entry)
    old = entry.pop("topic", "")
    if old and not entry.get("topics"):
        entry["topics"] = [old]
    return entry


#: Record fields added after states were first written. While empty they are left out of the
#: fingerprint, so a new field does not mark every remembered paper as updated.
NEWER_RECORD_FIELDS = ("project_pages", "also_titled")


def digest(paper: Paper) -> str:
    """Return a short fingerprint of everything the data says about a paper.

    It is the hash of the record as Python writes it (`Record(title=..., ...)`), where it came from
    left out, and the newer fields too while they are empty.
    """
    record = replace(paper.record, source=Source(""), also_from=(), merged_keys=())
    shown = [
        f"{f.name}={getattr(record, f.name)!r}"
        for f in fields(record)
        if f.name not in NEWER_RECORD_FIELDS or getattr(record, f.name)
    ]
    return hashlib.sha256(f"Record({', '.join(shown)})".encode()).hexdigest()[:16]


@dataclass(frozen=True)
class _Matched:
    """What matching a build's papers with the state found: each paper's slug, every entry, today's update."""

    slugs: list[str]
    entries: list[Entry]
    update: Update


def _match(papers: list[Paper], state: State, today: str) -> _Matched:
    """Match each paper with its remembered entry (or a new one) by identity keys; `state` is not changed."""
    # Copies: the entries below are updated in place, and the state read stays as it was read.
    known = [replace(e, keys=list(e.keys)) for e in state.entries]
    by_key: dict[str, Entry] = {}
    for entry in known:
        for key in entry.keys:
            by_key.setdefault(key, entry)
    taken = {e.slug for e in known}
    update = Update(date=today)
    claimed: set[int] = set()  # ids of entries already matched to a paper of this build
    slugs: list[str] = []
    for paper in papers:
        keys = identity_keys(paper.record)
        entries: list[Entry] = []
        for key in keys:
            found = by_key.get(key)
            if found is None or id(found) in claimed or conflicting(found.keys, keys):
                continue
            if all(found is not e for e in entries):
                entries.append(found)
        live = [e for e in entries if not e.merged_into and not e.removed] or entries
        fingerprint = digest(paper)
        if live:
            entry = live[0]
            if entry.removed or entry.merged_into:
                update.added.append(entry.slug)  # back in the data, under its old URL
            elif entry.digest != fingerprint:
                update.updated.append(entry.slug)
            entry.title, entry.digest, entry.removed, entry.merged_into = paper.title, fingerprint, "", ""
            entry.keys = sorted(set(entry.keys) | set(keys))
        else:
            entry = Entry(unique_slug(paper, taken), paper.title, sorted(keys), fingerprint, today)
            known.append(entry)
            update.added.append(entry.slug)
        for other in entries:
            if other is not entry:
                # Two remembered papers are now one: the other's URL redirects to this one.
                other.merged_into, other.removed = entry.slug, ""
                update.updated.append(other.slug)
        claimed.update(id(e) for e in entries)
        claimed.add(id(entry))
        taken.add(entry.slug)
        slugs.append(entry.slug)
    for entry in known:
        if id(entry) not in claimed and not entry.removed and not entry.merged_into:
            entry.removed = today
            update.removed.append(entry.slug)
    return _Matched(slugs, known, update)


def assign_stable_slugs(papers: list[Paper], state: State, today: str) -> list[Paper]:
    """Return each paper with its remembered slug or a new unique one; `state` is not changed."""
    matched = _match(papers, state, today)
    return [replace(paper, slug=slug) for paper, slug in zip(papers, matched.slugs, strict=True)]


def next_state(previous: State, catalog: Catalog, today: str) -> State:
    """Return the state after a build: every slug given, today's changes, and what each page shows.

    The papers are matched with `previous` again, as `assign_stable_slugs` matched them, so the
    catalog must hold the slugs it gave; each entry then keeps its paper's topics and related
    papers (none when the paper is gone), for the next build to keep its pages as they are.
    """
    matched = _match(catalog.papers, previous, today)
    given = [p.slug for p in catalog.papers]
    if matched.slugs != given:
        wrong = next(g for g, m in zip(given, matched.slugs, strict=True) if g != m)
        raise ValueError(f"the catalog's paper {wrong!r} has a slug the state did not give it")
    by_slug = {p.slug: p for p in catalog.papers}
    entries = []
    for entry in matched.entries:
        paper = by_slug.get(entry.slug)
        topics = list(paper.topics) if paper else []
        related = [r.slug for r in paper.related] if paper else []
        entries.append(replace(entry, topics=topics, related=related))
    update = matched.update
    changed = update.added or update.updated or update.removed
    return State(
        entries=entries,
        updates=[*previous.updates, update] if changed else list(previous.updates),
        topics=[{"slug": t.slug, "label": t.label, "description": t.description} for t in catalog.topics],
    )


def retired_pages(state: State) -> list[RetiredPage]:
    """Return the URLs to keep alive for papers that left or were merged, by slug."""
    live = {e.slug: e for e in state.entries if not e.removed and not e.merged_into}
    targets = {e.slug: e.merged_into for e in state.entries if e.merged_into}
    pages = []
    for entry in sorted(state.entries, key=lambda e: e.slug):
        if entry.slug in live:
            continue
        target = entry.merged_into
        hops = 0
        while target in targets and hops < len(targets):  # follow merges of merges
            target, hops = targets[target], hops + 1
        if target not in live:
            target = ""
        when = entry.removed or next((u.date for u in reversed(state.updates) if entry.slug in u.updated), "")
        pages.append(RetiredPage(entry.slug, entry.title, when, target))
    return pages
