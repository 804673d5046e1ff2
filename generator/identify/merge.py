"""Merge records of the same paper from different sources into one, reporting every merge.

Two records are the same paper when they share an arXiv id (any version), a DOI, a title that is
equal once case, punctuation and LaTeX are ignored, or such an equal abstract of 200+ letters;
records with different arXiv ids, or different DOIs, are never merged (a shared id with a different
other id is reported). The merged record keeps, field by field: the title, authors, arXiv id, DOI
and venue of the first record (in data-file order) that has one; the other titles, with their
sources; the longest abstract; the most precise, then earliest date; the highest arXiv version
and upvote count; and the union of categories, keywords and links.

A title that looks like another paper's but is written with other characters (a Cyrillic a,
U+0430, invisible characters) is not the same title: it is reported as a possible duplicate and kept apart.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from dataclasses import replace

from generator.model import Merged, Problem, Record, Source
from generator.text.latex import clean_title, title_text
from generator.text.lookalike import INVISIBLE_CLASS, skeleton

#: What a title's spelling ignores: punctuation, spaces and symbols, but not invisible characters.
_NOT_SPELLING = re.compile(f"(?:(?![{INVISIBLE_CLASS}])[\\W_])+")


@functools.lru_cache(maxsize=65536)
def title_key(title: str) -> str:
    """Return a title reduced to lower-case letters and digits, for comparing spellings.

    Invisible characters count, as letters of other scripts do: a title that differs from another
    only by them looks the same but is another text (see `lookalike_key`).
    """
    return _NOT_SPELLING.sub("", unicodedata.normalize("NFC", title_text(title)).casefold())


@functools.lru_cache(maxsize=65536)
def lookalike_key(title: str) -> str:
    """Return what a title looks like, as letters and digits: equal for look-alike titles."""
    return _letters(skeleton(title_text(title)))


def _letters(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def identity_keys(record: Record) -> list[str]:
    """Return the keys under which a record is the same paper as another."""
    if record.merged_keys:  # set by merge_records: the keys of every record merged into this one
        return list(record.merged_keys)
    return list(_own_keys(record))


def _own_keys(record: Record) -> tuple[str, ...]:
    keys = []
    if record.arxiv_id:
        keys.append(f"arxiv:{record.arxiv_id}")
    if record.doi:
        keys.append(f"doi:{record.doi}")
    if title := title_key(record.title):
        keys.append(f"title:{title}")
    elif text := " ".join(record.title.split()):
        # A title of punctuation alone ("---") has no letter to compare; as written, it still
        # names the paper, so its page keeps its URL from one build to the next.
        keys.append(f"title-text:{text}")
    # A long abstract identifies a paper too, so a corrected title still finds its old page.
    if len(abstract := _letters(record.abstract)) >= 200:
        keys.append("abstract:" + hashlib.sha256(abstract.encode()).hexdigest()[:20])
    return tuple(keys)


def conflicting(keys: list[str], others: list[str]) -> bool:
    """Say whether two sets of keys name different papers: different arXiv ids, or different DOIs."""
    for kind in ("arxiv:", "doi:"):
        mine = {k for k in keys if k.startswith(kind)}
        theirs = {k for k in others if k.startswith(kind)}
        if mine and theirs and not mine & theirs:
            return True
    return False


def _first(values: list[str]) -> str:
    return next((v for v in values if v), "")


def _union(groups: list[tuple[str, ...]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(item for group in groups for item in group))


def _other_titles(title: str, group: list[Record]) -> tuple[tuple[str, Source], ...]:
    """Return the titles of a group's records that differ from `title`, one per spelling, with their source."""
    seen = {title_key(title)}
    others: list[tuple[str, Source]] = []
    given = [(r.title, r.source) for r in group] + [t for r in group for t in r.also_titled]
    for other, source in given:
        key = title_key(other)
        if key and key not in seen:
            seen.add(key)
            others.append((clean_title(other), source))
    return tuple(others)


def combine(group: list[Record]) -> Record:
    """Merge records of one paper by the documented rule; the first record gives the identity."""
    first = group[0]
    if len(group) == 1:
        return first
    dates = sorted((d for d in (r.date for r in group) if d), key=lambda d: (-len(d), d))
    versions = [r.arxiv_version for r in group if r.arxiv_version]
    upvotes = [r.upvotes for r in group if r.upvotes is not None]
    title = _first([r.title for r in group])
    return replace(
        first,
        title=title,
        also_titled=_other_titles(title, group),
        abstract=max((r.abstract for r in group), key=len),
        authors=next((r.authors for r in group if r.authors), ()),
        date=dates[0] if dates else "",
        arxiv_id=_first([r.arxiv_id for r in group]),
        arxiv_version=max(versions) if versions else None,
        doi=_first([r.doi for r in group]),
        categories=_union([r.categories for r in group]),
        keywords=_union([r.keywords for r in group]),
        venue=_first([r.venue for r in group]),
        upvotes=max(upvotes) if upvotes else None,
        urls=_union([r.urls for r in group]),
        project_pages=_union([r.project_pages for r in group]),
        also_from=first.also_from + tuple(s for r in group[1:] for s in (r.source, *r.also_from)),
    )


def merge_records(records: list[Record]) -> tuple[list[Record], list[Problem], list[Merged]]:
    """Group records that share any identity key; return one record per paper, the warnings of
    records kept apart that may be one paper, and a note per merge."""
    own = [identity_keys(r) for r in records]
    group_of, clashes = _groups(own)
    members_of: dict[int, list[int]] = {}
    for index, group in enumerate(group_of):
        members_of.setdefault(group, []).append(index)
    groups = sorted(members_of.values())
    warnings = _clash_notes(records, clashes, group_of) + _lookalike_notes(records, groups)
    merged: list[Record] = []
    merges: list[Merged] = []
    for members in groups:
        keys = tuple(dict.fromkeys(k for i in members for k in own[i]))
        merged.append(replace(combine([records[i] for i in members]), merged_keys=keys))
        merges += [_merge(records, own, members[0], index) for index in members[1:]]
    return merged, warnings, merges


def _groups(own: list[list[str]]) -> tuple[list[int], list[tuple[int, int, str]]]:
    """Return each record's group (its first record), and (record, record it shares an id with,
    the id) for the records kept apart by their other id, from each record's identity keys."""
    owner: dict[str, int] = {}
    parent = list(range(len(own)))
    # Keys of each group: papers that share a title but not an id stay apart.
    group_keys: dict[int, list[str]] = dict(enumerate(own))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    clashes: list[tuple[int, int, str]] = []
    for index, keys in enumerate(own):
        for key in keys:
            if key not in owner:
                owner[key] = index
                continue
            a, b = root(owner[key]), root(index)
            if a != b and not conflicting(group_keys[a], group_keys[b]):
                low, high = min(a, b), max(a, b)
                parent[high] = low
                group_keys[low] = group_keys[low] + group_keys.pop(high)
            elif a != b and key.startswith(("arxiv:", "doi:")):
                clashes.append((index, owner[key], key))
    return [root(i) for i in range(len(own))], clashes


def _merge(records: list[Record], own: list[list[str]], first: int, index: int) -> Merged:
    """Say that a record was merged into the first record of its group, and by which key."""
    shared = sorted(set(own[index]) & set(own[first]))
    why = shared[0].split(":", 1)[0] if shared else "a shared id"
    return Merged(records[index].source, f"same paper as {records[first].source} (same {why}); merged into one page")


_ID_NAMES = {"arxiv": ("arXiv id", "DOIs"), "doi": ("DOI", "arXiv ids")}


def _clash_notes(records: list[Record], clashes: list[tuple[int, int, str]], group_of: list[int]) -> list[Problem]:
    """Warn of records that share an arXiv id or DOI but stay apart, as their other ids differ."""
    notes: list[Problem] = []
    reported: set[tuple[int, int]] = set()
    for index, other, key in clashes:
        pair = (group_of[other], group_of[index])
        if pair[0] == pair[1] or pair in reported:
            continue
        reported.add(pair)
        kind, value = key.split(":", 1)
        shared, different = _ID_NAMES[kind]
        record = records[index]
        notes.append(
            _warning(
                record,
                f"shares {shared} {value} with {records[other].source}, but their {different} differ; "
                "kept as two papers: check which is right",
            )
        )
    return notes


def _lookalike_notes(records: list[Record], groups: list[list[int]]) -> list[Problem]:
    """Warn of papers whose titles look the same but are written with other characters."""
    notes: list[Problem] = []
    first: dict[str, tuple[int, Record]] = {}  # what a title looks like -> (group, its first record)
    for number, members in enumerate(groups):
        warned: set[int] = set()
        for record in (records[i] for i in members):
            look = lookalike_key(record.title)
            if not look:
                continue
            group, other = first.setdefault(look, (number, record))
            if group == number or group in warned or title_key(other.title) == title_key(record.title):
                continue
            warned.add(group)
            notes.append(
                _warning(
                    record,
                    f"title {title_text(record.title)!a} looks like the title of {other.source} but is written "
                    "with other characters (look-alike letters or invisible ones); kept as a separate paper: "
                    "a possible duplicate",
                )
            )
    return notes


def _warning(record: Record, message: str) -> Problem:
    return Problem(record.source, message, "warning")
