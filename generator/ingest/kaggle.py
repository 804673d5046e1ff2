"""Read one line of the Kaggle arXiv metadata snapshot (`arxiv-metadata-oai-snapshot.json`)."""

from __future__ import annotations

from typing import Any

from generator.ingest import fields
from generator.model import Record, Source


def looks_like_kaggle(item: Any) -> bool:
    """Say whether a JSON object is a snapshot line: an arXiv id, categories and versions."""
    return isinstance(item, dict) and {"id", "categories", "versions"} <= item.keys()


def kaggle_record(item: dict[str, Any], source: Source) -> Record:
    """Turn a snapshot line into a record: dated by its first version, versioned by its latest."""
    identifier, _ = fields.arxiv_id(item.get("id"))
    versions = [v for v in item.get("versions") or [] if isinstance(v, dict)]
    numbers = [fields.integer(fields.text(v.get("version")).lstrip("v")) or 0 for v in versions]
    first_posted = fields.rfc2822_date(versions[0].get("created")) if versions else ""
    parsed = item.get("authors_parsed")
    if isinstance(parsed, list) and parsed:
        authors = tuple(
            " ".join(p for p in (fields.text(part[1]), fields.text(part[0])) if p)
            for part in parsed
            if isinstance(part, list) and len(part) >= 2
        )
    else:
        authors = fields.names(item.get("authors"))
    return Record(
        title=fields.text(item.get("title")),
        abstract=fields.text(item.get("abstract")),
        source=source,
        authors=authors,
        date=first_posted or fields.date(item.get("update_date")),
        arxiv_id=identifier,
        arxiv_version=max(numbers, default=0) or None,
        doi=fields.doi(item.get("doi")),
        categories=fields.terms(item.get("categories")),
        venue=fields.text(item.get("journal-ref")),
    )
