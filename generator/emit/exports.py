"""Exports beside the site: `papers.json` (every field of every paper) and `papers.bib`."""

from __future__ import annotations

import json
import re
from typing import Any

from bibtexparser.entrypoint import write_string
from bibtexparser.library import Library
from bibtexparser.model import Entry, Field

from generator.model import Paper

#: Bumped whenever a field of `papers.json` changes meaning; documented in the README.
EXPORT_SCHEMA = 1
_LATEX_SPECIALS = {"\\": " ", "{": "(", "}": ")", "%": "\\%", "&": "\\&", "#": "\\#", "_": "\\_", "$": "\\$"}


def paper_export(paper: Paper, site_url: str) -> dict[str, Any]:
    """Return one paper as the plain-JSON columns the reader takes back, plus site fields."""
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
        "sources": [str(source) for source in (paper.source, *record.also_from)],
        "raw": {"title": record.title, "abstract": record.abstract},
    }


def render_json(papers: list[Paper], site_url: str) -> str:
    """Return `papers.json`: {"schema": 1, "papers": [...]} in catalog order."""
    data = {"schema": EXPORT_SCHEMA, "papers": [paper_export(paper, site_url) for paper in papers]}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def bibtex_value(text: str) -> str:
    """Return text safe inside a braced BibTeX value: balanced, with LaTeX specials escaped."""
    return "".join(_LATEX_SPECIALS.get(char, char) for char in " ".join(text.split()))


def bibtex_entry(paper: Paper) -> Entry:
    """Return the BibTeX entry of a paper, keyed by its slug."""
    record = paper.record
    fields = [Field("title", bibtex_value(paper.title))]
    if record.authors:
        fields.append(Field("author", " and ".join(bibtex_value(a) for a in record.authors)))
    if year := re.match(r"\d{4}", record.date):
        fields.append(Field("year", year.group()))
    if record.venue:
        fields.append(Field("booktitle" if "proc" in record.venue.lower() else "journal", bibtex_value(record.venue)))
    if record.arxiv_id:
        fields += [Field("eprint", record.arxiv_id), Field("archiveprefix", "arXiv")]
    if record.doi:
        fields.append(Field("doi", bibtex_value(record.doi)))
    # The paper's own address: its arXiv page, DOI or first link (the links list starts with those).
    if paper.links:
        fields.append(Field("url", bibtex_value(paper.links[0].url)))
    kind = "inproceedings" if "proc" in record.venue.lower() else ("article" if record.venue else "misc")
    return Entry(kind, paper.slug, fields)


def render_bibtex(papers: list[Paper]) -> str:
    """Return `papers.bib`: one entry per paper, keyed by its slug."""
    return write_string(Library([bibtex_entry(paper) for paper in papers]))
