"""Read arXiv API Atom feeds (current and 2016 dialects) through feedparser."""

from __future__ import annotations

from typing import Any

import feedparser

from generator.ingest import fields
from generator.model import Problem, Record, Source


def read_atom(path: str, content: str) -> tuple[list[Record], list[Problem]]:
    """Turn each Atom entry into a record; an entry without a title is rejected."""
    feed = feedparser.parse(content)
    problems: list[Problem] = []
    if feed.get("bozo") and not feed.entries:
        error = feed.get("bozo_exception")
        line = getattr(error, "getLineNumber", lambda: None)()
        return [], [Problem(path, line, f"not a readable Atom feed ({error}); fix the XML or remove the file")]
    if feed.get("bozo"):
        problems.append(Problem(path, None, f"feed is not well-formed ({feed.get('bozo_exception')})", "warning"))
    records: list[Record] = []
    for number, entry in enumerate(feed.entries, 1):
        title = fields.text(entry.get("title"))
        if not title:
            problems.append(Problem(path, None, "entry has no title; skipped", entry=number))
            continue
        identifier, version = fields.arxiv_id(entry.get("id"))
        categories = [fields.text(tag.get("term")) for tag in entry.get("tags") or []]
        primary = _primary_category(entry)
        if primary:
            categories = [primary, *[c for c in categories if c != primary]]
        records.append(
            Record(
                title=title,
                abstract=fields.text(entry.get("summary")),
                source=Source(path, entry=number),
                authors=tuple(fields.text(a.get("name")) for a in entry.get("authors") or [] if a.get("name")),
                date=fields.date(entry.get("published")),
                arxiv_id=identifier,
                arxiv_version=version,
                doi=fields.doi(entry.get("arxiv_doi")),
                categories=tuple(dict.fromkeys(c for c in categories if c)),
                venue=fields.text(entry.get("arxiv_journal_ref")),
            )
        )
    return records, problems


def _primary_category(entry: Any) -> str:
    primary = entry.get("arxiv_primary_category")
    return fields.text(primary.get("term")) if isinstance(primary, dict) else ""
