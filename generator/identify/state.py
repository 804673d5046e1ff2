"""Stable slugs: match each build's papers with the state, and the state the build leaves.

Each paper is matched by its identity keys with the entry the state file (`state_file`) remembers,
so it keeps the slug it was first given; the next state records what this build changed and what
each page showed, for the next build to keep its pages as they are.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, fields, replace

from generator.identify.merge import conflicting, identity_keys
from generator.identify.papers import unique_slug
from generator.identify.state_file import Entry, State
from generator.model import Catalog, KnownTopics, Paper, PreviousBuild, RetiredPage, Source, Update


def previous_build(state: State) -> PreviousBuild:
    """Return what the previous build showed: each remembered paper's topics, related papers and place.

    Only the slugs of this build's papers are looked up; one gone from the data keeps none (the
    next state clears them), so a paper found again starts afresh.
    """
    return PreviousBuild(
        topics=KnownTopics(
            all_of={e.slug: tuple(e.topics) for e in state.entries if e.topics},
            labels={t["slug"]: (t["label"], t["description"]) for t in state.topics},
        ),
        related={e.slug: tuple(e.related) for e in state.entries if e.related},
        positions={e.slug: (float(e.position[0]), float(e.position[1])) for e in state.entries if e.position},
    )


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
        entries = _remembered(keys, by_key, claimed)
        live = [e for e in entries if not e.merged_into and not e.removed] or entries
        if live:
            entry = _found_again(live[0], paper, keys, update)
        else:
            entry = Entry(unique_slug(paper, taken), paper.title, sorted(keys), digest(paper), today)
            known.append(entry)
            update.added.append(entry.slug)
        _merge_others(entry, entries, update)
        claimed.update(id(e) for e in entries)
        claimed.add(id(entry))
        taken.add(entry.slug)
        slugs.append(entry.slug)
    _retire_unclaimed(known, claimed, today, update)
    return _Matched(slugs, known, update)


def _remembered(keys: list[str], by_key: dict[str, Entry], claimed: set[int]) -> list[Entry]:
    """Return the unclaimed entries found under `keys`, in key order, leaving out those whose keys conflict."""
    entries: list[Entry] = []
    for key in keys:
        found = by_key.get(key)
        if found is None or id(found) in claimed or conflicting(found.keys, keys):
            continue
        if all(found is not e for e in entries):
            entries.append(found)
    return entries


def _found_again(entry: Entry, paper: Paper, keys: list[str], update: Update) -> Entry:
    """Update a remembered `entry` from the paper it was matched with, and note in `update` what changed."""
    fingerprint = digest(paper)
    if entry.removed or entry.merged_into:
        update.added.append(entry.slug)  # back in the data, under its old URL
    elif entry.digest != fingerprint:
        update.updated.append(entry.slug)
    entry.title, entry.digest, entry.removed, entry.merged_into = paper.title, fingerprint, "", ""
    entry.keys = sorted(set(entry.keys) | set(keys))
    return entry


def _merge_others(entry: Entry, entries: list[Entry], update: Update) -> None:
    """Mark every other entry matched with the same paper as merged into `entry`."""
    for other in entries:
        if other is not entry:
            # Two remembered papers are now one: the other's URL redirects to this one.
            other.merged_into, other.removed = entry.slug, ""
            update.updated.append(other.slug)


def _retire_unclaimed(known: list[Entry], claimed: set[int], today: str, update: Update) -> None:
    """Mark the current entries no paper of this build claimed as removed today."""
    for entry in known:
        if id(entry) not in claimed and not entry.removed and not entry.merged_into:
            entry.removed = today
            update.removed.append(entry.slug)


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
        position = list(paper.position) if paper else []
        entries.append(replace(entry, topics=topics, related=related, position=position))
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
