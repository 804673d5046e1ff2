"""Render the catalog into Markdown pages (relative path -> text); nothing is written here."""

from __future__ import annotations

from typing import Any

import jinja2
import yaml
from markupsafe import Markup

from generator.model import Catalog, Paper

#: Folders under the docs folder that the generator owns and may prune.
GENERATED_DIRS = ("papers",)

LINK_KIND_LABELS = {
    "code": "Code",
    "hf-model": "Hugging Face model",
    "hf-dataset": "Hugging Face dataset",
    "hf-space": "Hugging Face space",
    "hf-collection": "Hugging Face collection",
    "hf-org": "Hugging Face",
    "modelscope": "ModelScope",
    "project": "Project page",
    "other": "Link",
}


def front_matter(data: dict[str, Any]) -> Markup:
    """Dump front matter as YAML; titles hold colons and quotes, so never format it by hand."""
    return Markup(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100_000))


def paper_front_matter(paper: Paper) -> dict[str, Any]:
    """Return the structured data a paper page carries, raw text included so nothing is lost."""
    return {
        "paper": {
            "slug": paper.slug,
            "title": paper.title,
            "short_name": paper.short_name,
            "links": [{"url": link.url, "kind": link.kind} for link in paper.links],
            "source": {"path": paper.source.path, "line": paper.source.line},
            "raw": {"title": paper.record.title, "abstract": paper.record.abstract},
        }
    }


def render_site(catalog: Catalog, env: jinja2.Environment, site_name: str) -> dict[str, str]:
    """Return every generated page of the docs folder as relative path -> Markdown."""
    papers = catalog.papers
    by_title = sorted(papers, key=lambda p: (p.title.casefold(), p.slug))
    common = {"site_name": site_name, "link_kinds": LINK_KIND_LABELS}
    pages: dict[str, str] = {}
    paper_template = env.get_template("paper.md.j2")
    for paper in papers:
        pages[f"papers/{paper.slug}.md"] = paper_template.render(
            paper=paper, front_matter=front_matter(paper_front_matter(paper)), **common
        )
    pages["papers/index.md"] = env.get_template("papers_index.md.j2").render(papers=by_title, **common)
    pages["index.md"] = env.get_template("home.md.j2").render(
        papers=papers,
        paper_count=len(papers),
        code_count=sum(1 for p in papers if any(link.kind == "code" for link in p.links)),
        sources=sorted({p.source.path for p in papers}),
        **common,
    )
    return pages
