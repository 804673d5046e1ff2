"""Reference-manager exports beside `papers.bib`: RIS (written by rispy) and CSL-JSON.

Zotero, Mendeley, EndNote and every CSL processor (Pandoc, citeproc-js) read one or the other.
Both carry the paper's title, authors, date, venue, DOI, arXiv id, abstract and address.
"""

from __future__ import annotations

import json
import re
from typing import Any

import rispy

from generator.emit.exports import in_proceedings
from generator.model import Paper

_YEAR_MONTH_DAY = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


class _RisWriter(rispy.RisWriter):  # type: ignore[misc]
    """rispy's writer without the "1." counter line it puts before each entry, which RIS lacks."""

    def set_header(self, count: int) -> str:
        return ""


def _line(text: str) -> str:
    """Return text on one line: a line break inside a value would end it in RIS."""
    return " ".join(text.split())


def _kind(paper: Paper) -> tuple[str, str]:
    """Return the (RIS type, CSL type) of a paper: a conference paper, an article or a preprint,
    by the rule BibTeX's entry type follows (`exports.in_proceedings`)."""
    venue = paper.record.venue
    if in_proceedings(venue):
        return "CPAPER", "paper-conference"
    if venue:
        return "JOUR", "article-journal"
    return "GEN", "article"


def _address(paper: Paper, site_url: str) -> str:
    """Return the paper's own address: its arXiv page, else its DOI, else its page on the site.

    Not its first link: in a pasted listing that is most often the code repository.
    """
    if paper.record.arxiv_id:
        return f"https://arxiv.org/abs/{paper.record.arxiv_id}"
    if paper.record.doi:
        return f"https://doi.org/{paper.record.doi}"
    return f"{site_url}papers/{paper.slug}/"


def ris_entry(paper: Paper, site_url: str) -> dict[str, Any]:
    """Return a paper as a rispy entry (field names as rispy's default mapping spells them)."""
    record = paper.record
    ris_type, _ = _kind(paper)
    entry: dict[str, Any] = {"type_of_reference": ris_type, "id": paper.slug, "title": _line(paper.title)}
    if record.authors:
        entry["authors"] = [_line(a) for a in record.authors]
    if record.date:
        entry["year"] = record.date[:4]
        entry["date"] = record.date.replace("-", "/")
    if record.venue:
        entry["secondary_title"] = _line(record.venue)
    if record.doi:
        entry["doi"] = _line(record.doi)
    if paper.abstract_text:
        entry["abstract"] = _line(paper.abstract_text)
    if record.keywords:
        entry["keywords"] = [_line(k) for k in record.keywords]
    if record.arxiv_id:
        entry["notes"] = [f"arXiv:{record.arxiv_id}"]
    entry["urls"] = [_address(paper, site_url)]
    return entry


def render_ris(papers: list[Paper], site_url: str) -> str:
    """Return the RIS file of `papers`, in order."""
    return str(rispy.dumps([ris_entry(paper, site_url) for paper in papers], implementation=_RisWriter))


def _csl_name(name: str) -> dict[str, str]:
    """Split a displayed name into CSL's family and given parts (last word is the family name)."""
    parts = name.rsplit(" ", 1)
    return {"family": parts[-1], "given": parts[0]} if len(parts) == 2 else {"literal": name}


def csl_item(paper: Paper, site_url: str) -> dict[str, Any]:
    """Return a paper as a CSL-JSON item."""
    record = paper.record
    _, csl_type = _kind(paper)
    item: dict[str, Any] = {"id": paper.slug, "type": csl_type, "title": paper.title}
    if record.authors:
        item["author"] = [_csl_name(a) for a in record.authors]
    if match := _YEAR_MONTH_DAY.match(record.date):
        item["issued"] = {"date-parts": [[int(part) for part in match.groups() if part]]}
    if record.venue:
        item["container-title"] = record.venue
    if record.doi:
        item["DOI"] = record.doi
    if record.arxiv_id:
        item["number"] = f"arXiv:{record.arxiv_id}"
        item["publisher"] = "arXiv"
    if paper.abstract_text:
        item["abstract"] = paper.abstract_text
    item["URL"] = _address(paper, site_url)
    return item


def render_csl_json(papers: list[Paper], site_url: str) -> str:
    """Return the CSL-JSON file of `papers`: a JSON array, one item per line."""
    rows = ",\n".join(json.dumps(csl_item(paper, site_url), ensure_ascii=False) for paper in papers)
    return f"[\n{rows}\n]\n" if papers else "[]\n"


def _own_page(value: Any) -> bool:
    """Say whether an address is the paper's page on the site (made with no site address)."""
    return isinstance(value, list) and bool(value) and str(value[0]).startswith("papers/")


def paper_ris(paper: Paper) -> str:
    """Return a paper's RIS entry for its own page: as in papers.ris, less the abstract.

    Less the page's own address too, which depends on SITE_URL: a page does not change with it
    (a reference manager saving from the page takes the page's address itself).
    """
    entry = ris_entry(paper, "")
    entry = {k: v for k, v in entry.items() if k != "abstract" and not (k == "urls" and _own_page(v))}
    return str(rispy.dumps([entry], implementation=_RisWriter))


def paper_csl(paper: Paper) -> str:
    """Return a paper's CSL-JSON item for its own page: as in papers.csl.json, less the abstract
    and the page's own address."""
    item = csl_item(paper, "")
    item = {k: v for k, v in item.items() if k != "abstract" and not (k == "URL" and _own_page([v]))}
    return json.dumps([item], ensure_ascii=False, indent=2)


def citation_meta(paper: Paper) -> list[list[str]]:
    """Return a paper's Highwire Press tags (`citation_title`, ...) as [name, content] pairs.

    Zotero, Mendeley and Google Scholar read them from the page's head to save the paper whole.
    """
    record = paper.record
    tags = [["citation_title", _line(paper.title)]]
    tags += [["citation_author", _line(author)] for author in record.authors]
    if record.date:
        tags.append(["citation_publication_date", record.date.replace("-", "/")])
    if record.arxiv_id:
        tags.append(["citation_arxiv_id", record.arxiv_id])
        tags.append(["citation_pdf_url", f"https://arxiv.org/pdf/{record.arxiv_id}"])
    if record.doi:
        tags.append(["citation_doi", record.doi])
    if record.venue:
        ris_type, _ = _kind(paper)
        name = "citation_conference_title" if ris_type == "CPAPER" else "citation_journal_title"
        tags.append([name, _line(record.venue)])
    return tags
