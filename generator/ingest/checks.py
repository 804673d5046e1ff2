"""Checks every reader's records go through: characters XML cannot hold, field limits, a visible title.

A record that breaks a limit is repaired and reported as a warning with its file and line (or
entry); a record whose title has nothing to show is rejected, as an error. The limits keep one
pasted-in monster field (a 30 MB abstract, a 5,000-name author list) from slowing every later
stage down; real papers stay far below them.
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from typing import Any

from generator.ingest import fields
from generator.model import Problem, Record, Source
from generator.text.lookalike import HANGUL_FILLERS
from generator.text.urls import is_http_url
from generator.text.xml import XML_ILLEGAL

#: Longest title kept, in characters; the longest real titles are about 300.
TITLE_LIMIT = 1_000
#: Longest abstract kept, in characters; arXiv caps abstracts at 1,920, journals rarely pass 5,000.
ABSTRACT_LIMIT = 20_000
#: Longest author name kept, in characters (a collaboration's name included).
AUTHOR_LIMIT = 300
#: Most authors kept per paper; the first ones are kept (large collaborations list thousands).
AUTHORS_LIMIT = 500
#: Longest venue kept, in characters.
VENUE_LIMIT = 1_000
#: Most categories, and most keywords, kept per paper.
TERMS_LIMIT = 100

#: Letters that render as blank space (Hangul fillers, the blank Braille pattern).
_BLANK_LETTERS = frozenset(HANGUL_FILLERS + "\u2800")


def has_visible_characters(value: str) -> bool:
    """Say whether text shows anything: a character that is not a space, control, format or mark."""
    return any(unicodedata.category(c)[0] not in "CZM" and c not in _BLANK_LETTERS for c in value)


def remove_xml_illegal(value: str) -> str:
    """Return text without the characters XML cannot hold, its spaces collapsed."""
    return " ".join(XML_ILLEGAL.sub("", value).split()) if XML_ILLEGAL.search(value) else value


def cut(value: str, limit: int) -> str:
    """Return text cut to at most `limit` characters, at a space when one is near, marked with "…"."""
    if len(value) <= limit:
        return value
    kept = value[: limit - 1]
    space = kept.rfind(" ")
    if space > limit * 0.9:
        kept = kept[:space]
    return kept.rstrip() + "…"


def warning(source: Source, message: str) -> Problem:
    """Return a warning about the record read at `source`."""
    return Problem(source, message, "warning")


def check_record(record: Record) -> tuple[Record | None, list[Problem]]:
    """Return the record repaired (or None when rejected) and what was wrong with it."""
    problems: list[Problem] = []
    source = record.source
    record, removed = _without_xml_illegal(record)
    if removed:
        problems.append(
            warning(
                source,
                f"removed {sum(removed.values())} control or non-character code point(s) that XML cannot hold "
                f"from {', '.join(removed)}",
            )
        )
    if not has_visible_characters(record.title):
        problems.append(Problem(source, "title has no visible characters; skipped"))
        return None, problems
    record, cut_fields = _within_limits(record)
    problems.extend(warning(source, message) for message in cut_fields)
    usable = tuple(url for url in record.urls if is_http_url(url))
    if usable != record.urls:
        for url in record.urls:
            if url not in usable:
                problems.append(warning(source, f"link field {_shown(url)} is not a usable http(s) URL; ignored"))
        record = replace(record, urls=usable, project_pages=tuple(u for u in record.project_pages if is_http_url(u)))
    return record, problems


def check_records(records: list[Record]) -> tuple[list[Record], list[Problem]]:
    """Check every record of a file: repaired records in order, and the problems found."""
    kept: list[Record] = []
    problems: list[Problem] = []
    for record in records:
        checked, found = check_record(record)
        problems.extend(found)
        if checked is not None:
            kept.append(checked)
    return kept, problems


def integer_problem(name: str, value: Any) -> str:
    """Say why a given number field is unusable (not a whole number, or out of range), or ''."""
    if value is None or value == "" or fields.integer(value) is not None:
        return ""
    return f"{name} {_shown(value)} is not a whole number in range; ignored"


def doi_problem(value: Any) -> str:
    """Say why a given DOI is unusable (`10.` and four or more digits, a slash, a suffix), or ''."""
    given = fields.text(value)
    if not given or fields.doi(value):
        return ""
    return f"DOI {_shown(given)} is not a DOI (10.NNNN/suffix); ignored"


def field_problems(source: Source, *, doi: Any = None, upvotes: Any = None) -> list[Problem]:
    """Return a warning for each given field a reader had to drop: an invalid DOI, an unusable number."""
    messages = (doi_problem(doi), integer_problem("upvotes", upvotes))
    return [warning(source, message) for message in messages if message]


def _shown(value: Any) -> str:
    """Return a value as a short quoted text for a message."""
    raw = value if isinstance(value, str) else type(value).__name__ if isinstance(value, (dict, list)) else None
    if raw is None:
        try:
            raw = str(value)
        except ValueError:  # an int beyond Python's digit limit for str()
            raw = "(a number too long to show)"
    digits = f" ({len(raw)} characters)" if len(raw) > 40 else ""
    return repr(raw[:40] + ("…" if len(raw) > 40 else "")) + digits


def _without_xml_illegal(record: Record) -> tuple[Record, dict[str, int]]:
    """Return the record without XML-illegal characters in any text field, and how many left each."""
    removed: dict[str, int] = {}
    changes: dict[str, Any] = {}
    lists = (*record.authors, *record.categories, *record.keywords, *record.urls, *record.project_pages)
    if not XML_ILLEGAL.search("".join((record.title, record.abstract, record.date, record.doi, record.venue, *lists))):
        return record, removed  # the usual case, in one scan
    for name in ("title", "abstract", "date", "doi", "venue"):
        value: str = getattr(record, name)
        count = len(XML_ILLEGAL.findall(value))
        if count:
            removed[name] = count
            changes[name] = remove_xml_illegal(value)
    for name in ("authors", "categories", "keywords", "urls", "project_pages"):
        values: tuple[str, ...] = getattr(record, name)
        count = sum(len(XML_ILLEGAL.findall(v)) for v in values)
        if count:
            removed[name] = count
            changes[name] = tuple(c for c in (remove_xml_illegal(v) for v in values) if c)
    return (replace(record, **changes) if changes else record), removed


def _within_limits(record: Record) -> tuple[Record, list[str]]:
    """Return the record with each field cut to its limit, and a message per field that was cut."""
    messages: list[str] = []
    changes: dict[str, Any] = {}
    for name, limit in (("title", TITLE_LIMIT), ("abstract", ABSTRACT_LIMIT), ("venue", VENUE_LIMIT)):
        value: str = getattr(record, name)
        if len(value) > limit:
            changes[name] = cut(value, limit)
            messages.append(f"{name} has {len(value):,} characters; cut to the limit of {limit:,}")
    authors = record.authors
    if len(authors) > AUTHORS_LIMIT:
        messages.append(f"{len(authors):,} authors; kept the first {AUTHORS_LIMIT:,}")
        authors = authors[:AUTHORS_LIMIT]
    long_names = sum(len(a) > AUTHOR_LIMIT for a in authors)
    if long_names:
        messages.append(f"{long_names} author name(s) longer than {AUTHOR_LIMIT:,} characters; cut to the limit")
        authors = tuple(cut(a, AUTHOR_LIMIT) for a in authors)
    if authors != record.authors:
        changes["authors"] = authors
    for name in ("categories", "keywords"):
        values: tuple[str, ...] = getattr(record, name)
        if len(values) > TERMS_LIMIT:
            changes[name] = values[:TERMS_LIMIT]
            messages.append(f"{len(values):,} {name}; kept the first {TERMS_LIMIT:,}")
    return (replace(record, **changes) if changes else record), messages
