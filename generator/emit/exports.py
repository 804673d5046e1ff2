"""Exports beside the site: `papers.json` (every field of every paper) and `papers.bib`."""

from __future__ import annotations

import json
import re
from typing import Any

from generator.model import DatasetName, ModelName, Paper, Result

#: Bumped whenever a field of `papers.json` changes meaning; documented in the README.
EXPORT_SCHEMA = 1
_LATEX_SPECIALS = str.maketrans(
    {"\\": " ", "{": "(", "}": ")", "%": "\\%", "&": "\\&", "#": "\\#", "_": "\\_", "$": "\\$"}
)


def _entity(entity: ModelName | DatasetName | Result) -> dict[str, Any]:
    """Return an entity's fields, the rule that found it included."""
    return dict(vars(entity))


def paper_export(paper: Paper, site_url: str) -> dict[str, Any]:
    """Return one paper as the plain-JSON columns the reader takes back, plus site fields (each
    entity says which rule found it)."""
    record = paper.record
    code = next((link.url for link in paper.links if link.kind == "code"), None)
    return {
        "slug": paper.slug,
        "page": f"{site_url}papers/{paper.slug}/",
        "title": paper.title,
        "short_name": paper.short_name,
        "abstract": paper.abstract_text,
        "authors": list(record.authors),
        "date": record.date or None,
        "arxiv_id": record.arxiv_id or None,
        "arxiv_version": record.arxiv_version,
        "doi": record.doi or None,
        "categories": list(record.categories),
        "keywords": list(record.keywords),
        "venue": record.venue or None,
        "upvotes": record.upvotes,
        "code": code,
        "links": [{"url": link.url, "kind": link.kind} for link in paper.links],
        "models": [_entity(m) for m in paper.models],
        "datasets": [_entity(d) for d in paper.datasets],
        "results": [_entity(r) for r in paper.results],
        "domains": list(paper.domains),
        "topics": list(paper.topics),
        "related": [item.slug for item in paper.related],
        "sources": [str(source) for source in (paper.source, *record.also_from)],
        "raw": {"title": record.title, "abstract": record.abstract},
    }


def render_json(papers: list[Paper], site_url: str) -> str:
    """Return `papers.json`: {"schema": 1, "papers": [...]} in catalog order."""
    # One paper per line: readable in a diff, and written by json's fast C encoder (no indent).
    rows = ",\n".join(json.dumps(paper_export(paper, site_url), ensure_ascii=False) for paper in papers)
    return f'{{"schema": {EXPORT_SCHEMA}, "papers": [\n{rows}\n]}}\n'


def bibtex_value(text: str) -> str:
    """Return text safe inside a braced BibTeX value: balanced, with LaTeX specials escaped."""
    return " ".join(text.split()).translate(_LATEX_SPECIALS)


def in_proceedings(venue: str) -> bool:
    """Say whether a venue is a conference's proceedings (else a journal, when there is one).

    The one rule every export follows: BibTeX's @inproceedings, RIS's CPAPER, CSL's
    paper-conference and the citation_conference_title tag.
    """
    return "proc" in venue.lower()


def bibtex_entry(paper: Paper) -> str:
    """Return the BibTeX entry of a paper, keyed by its slug; every value is braced and balanced."""
    record = paper.record
    fields = [("title", bibtex_value(paper.title))]
    if record.authors:
        fields.append(("author", " and ".join(bibtex_value(a) for a in record.authors)))
    if year := re.match(r"\d{4}", record.date):
        fields.append(("year", year.group()))
    proceedings = in_proceedings(record.venue)
    if record.venue:
        fields.append(("booktitle" if proceedings else "journal", bibtex_value(record.venue)))
    if record.arxiv_id:
        fields += [("eprint", record.arxiv_id), ("archiveprefix", "arXiv")]
    if record.doi:
        fields.append(("doi", bibtex_value(record.doi)))
    # The paper's own address: its arXiv page, DOI or first link (the links list starts with those).
    if paper.links:
        fields.append(("url", bibtex_value(paper.links[0].url)))
    kind = "inproceedings" if proceedings else ("article" if record.venue else "misc")
    body = ",\n".join(f"  {key} = {{{value}}}" for key, value in fields)
    return f"@{kind}{{{paper.slug},\n{body}\n}}\n"


def render_bibtex(papers: list[Paper]) -> str:
    """Return `papers.bib`: one entry per paper, keyed by its slug."""
    return "\n".join(bibtex_entry(paper) for paper in papers)
