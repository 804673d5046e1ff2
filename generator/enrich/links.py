"""Find URLs in text and clean them so they work when clicked."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlsplit

from generator.model import Link, LinkKind, Paper
from generator.text.urls import clean_url

_CODE_HOSTS = ("github.com", "gitlab.com", "bitbucket.org", "codeberg.org", "anonymous.4open.science")
_HF_SECTIONS: dict[str, LinkKind] = {
    "datasets": "hf-dataset",
    "spaces": "hf-space",
    "collections": "hf-collection",
}


def classify_url(url: str) -> LinkKind:
    """Say what a URL points at: code, a Hugging Face page, a project page, or other."""
    parts = urlsplit(url)
    host = parts.netloc.lower().removeprefix("www.")
    segments = [s for s in parts.path.split("/") if s]
    if host in _CODE_HOSTS:
        return "code"
    if host in ("arxiv.org", "export.arxiv.org"):
        return "arxiv"
    if host in ("doi.org", "dx.doi.org"):
        return "doi"
    if host in ("huggingface.co", "hf.co"):
        if segments and segments[0] in _HF_SECTIONS:
            return _HF_SECTIONS[segments[0]]
        if len(segments) >= 2:
            return "hf-model"
        return "hf-org"
    if host.endswith("modelscope.cn"):
        return "modelscope"
    if host.endswith(".github.io") or host.endswith(".gitlab.io"):
        return "project"
    return "other"


def same_page(url: str) -> str:
    """Return a key two spellings of one address share: "http://cslikai.cn/Dolphin/" and
    "https://cslikai.cn/Dolphin" are one page (scheme, "www." and a closing slash aside)."""
    parts = urlsplit(url)
    host = parts.netloc.lower().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}?{parts.query}#{parts.fragment}"


def extract_links_of(paper: Paper) -> Paper:
    """Collect a paper's links: arXiv and DOI pages, the source's own fields, then the abstract's.

    An address given twice (a listing's field and the abstract, written with and without "https" or a
    closing slash) is one link, as first given; one the source calls a project page is a project page.
    """
    record = paper.record
    found = [f"https://arxiv.org/abs/{record.arxiv_id}" if record.arxiv_id else None]
    found.append(f"https://doi.org/{record.doi}" if record.doi else None)
    found.extend(clean_url(url) for url in record.urls)
    found.extend(span.href for span in paper.abstract if span.kind == "link")
    urls: dict[str, str] = {}
    for url in found:
        if url:
            urls.setdefault(same_page(url), url)
    projects = {same_page(url) for url in (clean_url(u) for u in record.project_pages) if url}
    links = []
    for key, url in urls.items():
        kind = classify_url(url)
        links.append(Link(url, "project" if kind == "other" and key in projects else kind))
    return replace(paper, links=tuple(links))
