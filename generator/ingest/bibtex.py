"""Read BibTeX through bibtexparser v2: entries become records, failed blocks are reported."""

from __future__ import annotations

import logging
from typing import Any

from bibtexparser.entrypoint import parse_string
from bibtexparser.model import Entry

from generator.ingest import fields
from generator.ingest.checks import field_problems
from generator.model import Problem, Record, Source

# bibtexparser logs each failed block; they are reported as problems with their line instead.
logging.getLogger("bibtexparser").setLevel(logging.ERROR)

#: Entry types that describe a collection, not a paper.
_NOT_PAPERS = frozenset({"proceedings", "book", "collection", "string", "preamble", "comment"})


def read_bibtex(path: str, content: str) -> tuple[list[Record], list[Problem]]:
    """Turn each paper entry into a record; report unparsable blocks with their line."""
    library = parse_string(content)
    problems = [
        Problem(
            Source(path, (block.start_line or 0) + 1), f"BibTeX block could not be parsed ({_reason(block)}); skipped"
        )
        for block in library.failed_blocks
    ]
    records: list[Record] = []
    defaults = _proceedings(library.entries)
    for entry in library.entries:
        if entry.entry_type.lower() in _NOT_PAPERS:
            continue
        values = defaults | {key.lower(): field.value for key, field in entry.fields_dict.items()}
        source = Source(path, (entry.start_line or 0) + 1)
        if not fields.text(values.get("title")):
            problems.append(Problem(source, f"entry {entry.key!r} has no title; skipped"))
            continue
        problems.extend(field_problems(source, doi=values.get("doi")))
        records.append(_record(values, source))
    return records, problems


def _proceedings(entries: list[Entry]) -> dict[str, str]:
    """Return the venue and year a proceedings header (the last) gives the papers that leave them out."""
    defaults: dict[str, str] = {}
    for entry in entries:
        if entry.entry_type.lower() == "proceedings":
            header = {key.lower(): fields.text(field.value) for key, field in entry.fields_dict.items()}
            defaults = {"booktitle": header.get("booktitle", ""), "year": header.get("year", "")}
    return defaults


def _record(values: dict[str, Any], source: Source) -> Record:
    """Return the record of a paper entry's fields (lower-case names) that has a title."""
    identifier, version = fields.arxiv_id(values.get("eprint") or values.get("arxiv") or "")
    return Record(
        title=fields.text(values.get("title")),
        abstract=fields.text(values.get("abstract")),
        source=source,
        authors=tuple(_first_last(name) for name in fields.names(values.get("author"))),
        date=fields.date(values.get("year"), values.get("month")),
        arxiv_id=identifier,
        arxiv_version=version,
        doi=fields.doi(values.get("doi")),
        categories=fields.terms(values.get("section") or values.get("keywords") or ""),
        venue=fields.text(values.get("booktitle") or values.get("journal")),
        urls=tuple(fields.text(values[k]) for k in ("url", "code") if fields.text(values.get(k))),
    )


def _reason(block: object) -> str:
    error = getattr(block, "error", None)
    reason = getattr(error, "abort_reason", None) or str(error or "") or "syntax error"
    return " ".join(str(reason).split())[:160]


def _first_last(name: str) -> str:
    """Turn BibTeX's `Last, First` into `First Last`."""
    if "," not in name:
        return name
    last, first = name.split(",", 1)
    return f"{first.strip()} {last.strip()}".strip()
