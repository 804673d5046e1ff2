"""Render the catalog into site files (relative path -> text); nothing is written here."""

from __future__ import annotations

import json
import re
from typing import Any

import jinja2
from markupsafe import Markup

from generator.config import Settings
from generator.emit.citations import render_csl_json, render_ris
from generator.emit.explore import map_json, table_json, vectors_json
from generator.emit.exports import render_bibtex, render_json
from generator.emit.feed import added_on, render_feed, render_term_feed
from generator.emit.markdown import visible_text
from generator.emit.page_file import PAGE_DATA, page_data_line
from generator.emit.page_file import code_block as code_block  # where the tests have it
from generator.emit.paper_data import paper_data
from generator.emit.paths import all_papers_page, link_from, paginate, paper_page, term_page
from generator.emit.terms import author_links, paper_terms, render_vocabulary, term_chart, term_links
from generator.model import Catalog, Paper, RetiredPage, Term
from generator.parallel import map_in_order

#: Papers per page of the "All papers" list, so no page grows with the collection.
ALL_PAPERS_PAGE_SIZE = 500

LINK_KIND_LABELS = {
    "arxiv": "arXiv",
    "doi": "DOI",
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
#: How many updates the what's-new page lists in full.
WHATS_NEW_UPDATES = 20
#: A paper many others name would list them all, and its page would grow with the collection:
#: it shows this many (in listing order) and says how many more there are (all are in papers.json).
MENTIONED_BY_SHOWN = 20


#: Characters JSON leaves as they are but YAML refuses (non-printable) or reads as line breaks.
_NOT_PRINTABLE_IN_YAML = re.compile("[\x7f-\x9f\u2028\u2029\ufffe\uffff\ud800-\udfff]")


def front_matter(data: dict[str, Any]) -> Markup:
    """Dump front matter as YAML whose values are JSON (a subset of YAML), never formatted by hand.

    JSON's C encoder is an order of magnitude faster than any YAML dumper; every string is
    double-quoted and escaped, and what YAML would still refuse is escaped as `\\uXXXX`.
    """
    lines = []
    for key, value in data.items():
        encoded = json.dumps(value, ensure_ascii=False)
        encoded = _NOT_PRINTABLE_IN_YAML.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)
        lines.append(f"{json.dumps(key)}: {encoded}\n")
    return Markup("".join(lines))


def paper_front_matter(paper: Paper, topics: dict[str, Term]) -> dict[str, Any]:
    """Return a paper page's front matter: its topic labels, which Material's tags plugin reads.

    From `topics`, not `tags`, which the search plugin would index with a boost that drowns every
    other field. The rest of the paper's data is in PAGE_DATA (generator/emit/paper_data.py).
    """
    return {"topics": [topics[t].label for t in paper.topics]} if paper.topics else {}


def retired_front_matter(page: RetiredPage) -> dict[str, Any]:
    """Keep retired pages out of search; a merged paper's page redirects to the paper it joined."""
    # The title as its heading shows it (Material prints it in the page header).
    data: dict[str, Any] = {"title": visible_text(page.title), "search": {"exclude": True}}
    if page.redirect_to:
        data["template"] = "redirect.html"
        data["redirect_to"] = f"../{page.redirect_to}/"
    return data


def render_site(catalog: Catalog, env: jinja2.Environment, settings: Settings) -> dict[str, str]:
    """Return every generated file of the docs folder as relative path -> text."""
    papers = catalog.papers
    by_slug = {paper.slug: paper for paper in papers}
    common = _common(papers, settings)
    pages = _paper_pages(catalog, env, settings, common)
    pages.update(_retired_pages(catalog, env, by_slug))
    dates = added_on(catalog)

    def term_feed(label: str, singular: str, url: str, feed: str, members: list[Paper]) -> str:
        return render_term_feed(settings.site_name, label, singular, url, feed, members, dates, settings.site_url)

    for vocabulary in catalog.vocabularies:
        pages.update(render_vocabulary(vocabulary, env, by_slug, term_feed))
    pages.update(_all_papers_pages(papers, env, common))
    updates = _whats_new(catalog, by_slug)
    pages["whats-new.md"] = env.get_template("whats_new.md.j2").render(updates=updates, **common)
    pages["feed.xml"] = render_feed(catalog, settings.site_name, settings.site_url)
    pages["papers.json"] = render_json(papers, settings.site_url)
    pages["papers.bib"] = render_bibtex(papers)
    pages["papers.ris"] = render_ris(papers, settings.site_url)
    pages["papers.csl.json"] = render_csl_json(papers, settings.site_url)
    pages["explore/vectors.json"] = vectors_json(catalog)
    pages["explore/table.md"] = env.get_template("explore_table.md.j2").render(**common)
    pages["explore/map.md"] = env.get_template("explore_map.md.j2").render(**common)
    pages["explore/timeline.md"] = env.get_template("explore_timeline.md.j2").render(**common)
    pages["explore/table.json"] = table_json(catalog)
    pages["explore/map.json"] = map_json(catalog)
    pages["index.md"] = _home(catalog, env, updates[0] if updates else None, common)
    return pages


def _common(papers: list[Paper], settings: Settings) -> dict[str, Any]:
    """Return what every page's template is given."""
    # How a list names another paper: its title, and its short name when the title does not hold it.
    named = {
        p.slug: p.title if not p.short_name or p.short_name in p.title else f"{p.title} ({p.short_name})"
        for p in papers
    }
    return {
        "site_name": settings.site_name,
        "named": named,
        "short_names": {p.slug: p.short_name for p in papers if p.short_name},
    }


def _paper_pages(
    catalog: Catalog, env: jinja2.Environment, settings: Settings, common: dict[str, Any]
) -> dict[str, str]:
    """Return the page of every paper, by path, and the file of their data for the theme (PAGE_DATA)."""
    topics = {topic.slug: topic for topic in catalog.topics}
    links = term_links(catalog.vocabularies)
    paper_template = env.get_template("paper.md.j2")
    peers = (
        common["named"],
        common["short_names"],
        MENTIONED_BY_SHOWN,
        {p.slug: p.record.date for p in catalog.papers},
    )

    def render_paper(paper: Paper) -> tuple[str, str]:
        here = paper_page(paper.slug)
        authors = [(name, link_from(here, page) if page else "") for name, page in author_links(paper, links)]
        page = paper_template.render(
            paper=paper, front_matter=front_matter(paper_front_matter(paper, topics)), authors=authors, **common
        )
        data = paper_data(paper, paper_terms(paper, links), LINK_KIND_LABELS, peers)
        return page, page_data_line(here, data)

    # Paper pages are most of the work, and each depends on its paper alone.
    papers = catalog.papers
    rendered = map_in_order(render_paper, papers, settings.jobs)
    pages = {paper_page(paper.slug): page for paper, (page, _) in zip(papers, rendered, strict=True)}
    pages[PAGE_DATA] = "".join(line for _, line in rendered)
    return pages


def _retired_pages(catalog: Catalog, env: jinja2.Environment, by_slug: dict[str, Paper]) -> dict[str, str]:
    """Return the page kept at the URL of every paper that left the data or was merged, by path."""
    retired_template = env.get_template("retired.md.j2")
    pages = {}
    for page in catalog.retired:
        path = paper_page(page.slug)
        pages[path] = retired_template.render(
            page=page,
            target=by_slug.get(page.redirect_to),
            target_href=link_from(path, paper_page(page.redirect_to)) if page.redirect_to else "",
            front_matter=front_matter(retired_front_matter(page)),
        )
    return pages


def _all_papers_pages(papers: list[Paper], env: jinja2.Environment, common: dict[str, Any]) -> dict[str, str]:
    """Return the pages of the "All papers" list, by title, ALL_PAPERS_PAGE_SIZE to a page."""
    by_title = sorted(papers, key=lambda p: (p.title.casefold(), p.slug))
    index_template = env.get_template("papers_index.md.j2")
    pages = {}
    for chunk in paginate(by_title, ALL_PAPERS_PAGE_SIZE, all_papers_page):
        pages[chunk.path] = index_template.render(
            papers=[(p, link_from(chunk.path, paper_page(p.slug))) for p in chunk.items],
            total=len(papers),
            number=chunk.number,
            pager=chunk.pager,
            first=chunk.first + 1,
            **common,
        )
    return pages


def _whats_new(catalog: Catalog, by_slug: dict[str, Paper]) -> list[dict[str, Any]]:
    """Return the last WHATS_NEW_UPDATES updates, newest first, with the papers each one names."""

    def listed(slugs: list[str]) -> list[tuple[str, str]]:
        """Return the current papers of `slugs` as (title, link from the what's-new page)."""
        return [(by_slug[s].title, link_from("whats-new.md", paper_page(s))) for s in slugs if s in by_slug]

    return [
        {
            "date": update.date,
            "added": listed(update.added),
            "updated": listed(update.updated),
            "removed": [p for p in catalog.retired if p.slug in update.removed],
        }
        for update in reversed(catalog.updates[-WHATS_NEW_UPDATES:])
    ]


def _home(catalog: Catalog, env: jinja2.Environment, latest: dict[str, Any] | None, common: dict[str, Any]) -> str:
    """Return the home page: the collection in numbers, its first papers, its topics and the latest update."""
    papers = catalog.papers
    return env.get_template("home.md.j2").render(
        chart=term_chart("topics", catalog.topics),
        first_papers=[(p.title, link_from("index.md", paper_page(p.slug))) for p in papers[:10]],
        paper_count=len(papers),
        code_count=sum(1 for p in papers if any(link.kind == "code" for link in p.links)),
        sources=sorted({s.path for p in papers for s in (p.source, *p.record.also_from)}),
        latest=latest,
        topic_list=[(t, link_from("index.md", term_page("topics", t.slug))) for t in catalog.topics],
        **common,
    )
