"""Read arXiv API Atom feeds (current and 2016 dialects) through feedparser.

A file cut off inside an entry (a download that stopped) keeps the entries before the cut; the
cut entry is rejected, as an error with the line where the XML ends, since its abstract, authors
or links may be missing without a sign of it.
"""

from __future__ import annotations

import re
from typing import Any

import feedparser

from generator.ingest import fields
from generator.ingest.checks import field_problems
from generator.model import Problem, Record, Source

#: An entry's start and end tags, with or without a namespace prefix (`<atom:entry>`).
_ENTRY_TAG = re.compile(r"<(/?)(?:[\w.-]+:)?entry(?=[\s>/])")


def read_atom(path: str, content: str) -> tuple[list[Record], list[Problem]]:
    """Turn each Atom entry into a record; an entry without a title, or cut off, is rejected."""
    feed = feedparser.parse(content)
    problems: list[Problem] = []
    error = feed.get("bozo_exception")
    line = getattr(error, "getLineNumber", lambda: None)() if feed.get("bozo") else None
    if feed.get("bozo") and not feed.entries:
        return [], [Problem(Source(path, line), f"not a readable Atom feed ({error}); fix the XML or remove the file")]
    cut = len(feed.entries) if feed.get("bozo") and _ends_inside_entry(content) else None
    if feed.get("bozo") and cut is None:
        problems.append(Problem(Source(path, line), f"feed is not well-formed ({error})", "warning"))
    records: list[Record] = []
    for number, entry in enumerate(feed.entries, 1):
        if number == cut:
            problems.append(
                Problem(Source(path, line, number), f"the file ends inside this entry ({error}); entry skipped")
            )
            continue
        source = Source(path, entry=number)
        if not fields.text(entry.get("title")):
            problems.append(Problem(source, "entry has no title; skipped"))
            continue
        problems.extend(field_problems(source, doi=entry.get("arxiv_doi")))
        records.append(_record(entry, source))
    return records, problems


def _record(entry: Any, source: Source) -> Record:
    """Return the record of an Atom entry that has a title."""
    identifier, version = fields.arxiv_id(entry.get("id"))
    categories = [fields.text(tag.get("term")) for tag in entry.get("tags") or []]
    primary = _primary_category(entry)
    if primary:
        categories = [primary, *[c for c in categories if c != primary]]
    return Record(
        title=fields.text(entry.get("title")),
        abstract=fields.text(entry.get("summary")),
        source=source,
        authors=tuple(fields.text(a.get("name")) for a in entry.get("authors") or [] if a.get("name")),
        date=fields.date(entry.get("published")),
        arxiv_id=identifier,
        arxiv_version=version,
        doi=fields.doi(entry.get("arxiv_doi")),
        categories=tuple(dict.fromkeys(c for c in categories if c)),
        venue=fields.text(entry.get("arxiv_journal_ref")),
    )


def _ends_inside_entry(content: str) -> bool:
    """Say whether the XML stops after an entry's start tag and before its end tag."""
    closing = _ENTRY_TAG.findall(content)  # "/" for each end tag, "" for each start tag
    return bool(closing) and not closing[-1]


def _primary_category(entry: Any) -> str:
    primary = entry.get("arxiv_primary_category")
    return fields.text(primary.get("term")) if isinstance(primary, dict) else ""
