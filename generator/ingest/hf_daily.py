"""Read the Hugging Face daily-papers API response (the 2024 and the current shape)."""

from __future__ import annotations

from typing import Any

from generator.ingest import fields
from generator.ingest.checks import field_problems
from generator.model import Problem, Record, Source


def looks_like_hf_daily(data: Any) -> bool:
    """Say whether parsed JSON is a daily-papers response: a list whose items hold {"paper": {...}}."""
    if not isinstance(data, list):
        return False
    heads = [item for item in data[:5] if isinstance(item, dict)]
    return bool(heads) and sum("paper" in item for item in heads) * 2 > len(heads)


def read_hf_daily(path: str, data: list[Any]) -> tuple[list[Record], list[Problem]]:
    """Turn each item's `paper` into a record; an item without a title is rejected."""
    records: list[Record] = []
    problems: list[Problem] = []
    for number, item in enumerate(data, 1):
        paper = item.get("paper") if isinstance(item, dict) else None
        if not isinstance(paper, dict):
            problems.append(Problem(Source(path, entry=number), "item has no 'paper' object; skipped"))
            continue
        title = fields.text(paper.get("title") or item.get("title"))
        if not title:
            problems.append(Problem(Source(path, entry=number), "paper has no title; skipped"))
            continue
        identifier, version = fields.arxiv_id(paper.get("id"))
        problems.extend(field_problems(Source(path, entry=number), upvotes=paper.get("upvotes")))
        urls = tuple(fields.text(paper.get(key)) for key in ("githubRepo", "projectPage") if paper.get(key))
        records.append(
            Record(
                title=title,
                abstract=fields.text(paper.get("summary") or item.get("summary")),
                source=Source(path, entry=number),
                authors=fields.names(paper.get("authors") or []),
                date=fields.date(paper.get("publishedAt") or item.get("publishedAt")),
                arxiv_id=identifier,
                arxiv_version=version,
                keywords=fields.terms(paper.get("ai_keywords") or []),
                upvotes=fields.integer(paper.get("upvotes")),
                urls=urls,
                project_pages=(fields.text(paper["projectPage"]),) if paper.get("projectPage") else (),
            )
        )
    return records, problems
