"""Render the catalog into site files (relative path -> text); nothing is written here."""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from typing import Any

import jinja2
from markupsafe import Markup

from generator.config import Settings
from generator.emit.citations import citation_meta, paper_csl, paper_ris, render_csl_json, render_ris
from generator.emit.explore import bar_chart, map_json, neighbourhood_graph, table_json, topic_chart, vectors_json
from generator.emit.exports import bibtex_entry, paper_export, render_bibtex, render_json
from generator.emit.feed import added_on, render_feed, render_term_feed
from generator.emit.markdown import visible_text
from generator.identify import slugify, unique
from generator.lookalike import strip_invisible
from generator.model import Catalog, Paper, Result, RetiredPage, Topic
from generator.parallel import map_in_order

#: Folders under the docs folder that the generator owns and may prune, and its files in the
#: folder itself that a pattern names: the feeds of topics and hubs (see `term_feed`).
GENERATED_DIRS = ("papers", "all", "topics", "models", "datasets", "explore", "feed-*.xml")
#: A model family or dataset gets a hub page when at least this many papers name it.
HUB_MIN_PAPERS = 2
#: Rows of a benchmark hub's results table (best first per metric).
HUB_RESULTS = 200
#: Papers per page of the "All papers" list, so no page grows with the collection.
ALL_PAPERS_PAGE_SIZE = 500
#: Papers per page of a topic, for the same reason.
TOPIC_PAGE_SIZE = 200
#: A topic page's one-line summary of each paper is cut at about this many characters.
SUMMARY_LENGTH = 200

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
#: Long text and the site address stay in papers.json: MkDocs parses every page's front matter on
#: each build, and a page must not change when only SITE_URL does.
_NOT_IN_FRONT_MATTER = ("abstract", "raw", "page")


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


def paper_front_matter(paper: Paper, site_url: str, topics: dict[str, Topic]) -> dict[str, Any]:
    """Return the structured data a paper page carries: its `papers.json` record but the long text.

    `topics` holds the topic labels: the tags plugin reads them from there (not from `tags`, which
    the search plugin would index with a boost that drowns every other field).
    """
    record = paper_export(paper, site_url, rules=False)
    kept = {k: v for k, v in record.items() if k not in _NOT_IN_FRONT_MATTER and v not in (None, [])}
    data: dict[str, Any] = {"paper": kept}
    if paper.topics:
        data["topics"] = [topics[t].label for t in paper.topics]
    # Highwire Press tags for reference managers, printed in the page's head (overrides/main.html).
    data["citation"] = citation_meta(paper)
    return data


def summary(paper: Paper) -> str:
    """Return a paper's one-line summary: its abstract's first sentence, cut at a word if long."""
    text = " ".join(paper.abstract_text.split())
    match = re.search(r"(?<=[.!?])\s+(?=[A-Z])", text)
    sentence = text[: match.start()] if match else text
    if len(sentence) <= SUMMARY_LENGTH:
        return sentence
    return sentence[:SUMMARY_LENGTH].rsplit(" ", 1)[0] + " …"


@dataclass(frozen=True)
class Chunk:
    """One page of a paginated list: its number (from 1), file name, items, and all the pages."""

    number: int
    name: str
    items: list[Any]
    #: The position of `items[0]` in the whole list (from 0).
    first: int
    #: (number, file name) of every page of the list, for the page links.
    pages: list[tuple[int, str]]


def paginate(items: list[Any], size: int, first_name: str, later_names: str) -> list[Chunk]:
    """Split a list into pages of `size`: the first named `first_name`, page n `later_names` with n.

    An empty list still gets its one (empty) page.
    """
    chunks = [items[i : i + size] for i in range(0, len(items), size)] or [[]]
    names = [first_name, *(later_names.format(n=n) for n in range(2, len(chunks) + 1))]
    pages = list(enumerate(names, 1))
    return [Chunk(n, name, chunk, (n - 1) * size, pages) for (n, name), chunk in zip(pages, chunks, strict=True)]


def retired_front_matter(page: RetiredPage) -> dict[str, Any]:
    """Keep retired pages out of search; a merged paper's page redirects to the paper it joined."""
    # The title as its heading shows it (Material prints it in the page header).
    data: dict[str, Any] = {"title": visible_text(page.title), "search": {"exclude": True}}
    if page.redirect_to:
        data["template"] = "redirect.html"
        data["redirect_to"] = f"../{page.redirect_to}/"
    return data


def code_block(text: str) -> str:
    """Return text as an HTML code block, shown literally whatever it holds.

    Not a Markdown code block: MkDocs plugins read the page's Markdown before it is rendered, and
    Material's tags plugin would take a `<!-- material/tags ... -->` in the data for a directive
    (a broken one stops the build). Escaped as HTML, `<!--` is `&lt;!--`, which no plugin reads.
    Invisible characters are dropped, as everywhere on a page: a bidi override would reorder it.
    """
    shown = html.escape(strip_invisible(text.strip("\n")), quote=False)
    return f"<pre><code>{shown}\n</code></pre>"


def render_site(catalog: Catalog, env: jinja2.Environment, settings: Settings) -> dict[str, str]:
    """Return every generated file of the docs folder as relative path -> text."""
    papers = catalog.papers
    by_slug = {paper.slug: paper for paper in papers}
    # How a list names another paper: its title, and its short name when the title does not hold it.
    named = {
        p.slug: p.title if not p.short_name or p.short_name in p.title else f"{p.title} ({p.short_name})"
        for p in papers
    }
    topics = {topic.slug: topic for topic in catalog.topics}
    hubs = {"models": model_hubs(papers), "datasets": dataset_hubs(papers)}
    hub_slugs = {kind: {hub.name: hub.slug for hub in kind_hubs} for kind, kind_hubs in hubs.items()}
    common = {
        "site_name": settings.site_name,
        "link_kinds": LINK_KIND_LABELS,
        "named": named,
        "topics": topics,
        "hub_slugs": hub_slugs,
        "mentioned_by_shown": MENTIONED_BY_SHOWN,
        "site_url": settings.site_url,
        "added_on": added_on(catalog),
    }
    pages: dict[str, str] = {}
    paper_template = env.get_template("paper.md.j2")

    def paper_page(paper: Paper) -> str:
        return paper_template.render(
            paper=paper,
            front_matter=front_matter(paper_front_matter(paper, settings.site_url, topics)),
            bibtex=Markup(code_block(bibtex_entry(paper))),
            ris=Markup(code_block(paper_ris(paper))),
            csl=Markup(code_block(paper_csl(paper))),
            neighbourhood=neighbourhood_graph(paper),
            **common,
        )

    # Paper pages are most of the work, and each depends on its paper alone.
    for paper, text in zip(papers, map_in_order(paper_page, papers, settings.jobs), strict=True):
        pages[f"papers/{paper.slug}.md"] = text
    retired_template = env.get_template("retired.md.j2")
    for page in catalog.retired:
        pages[f"papers/{page.slug}.md"] = retired_template.render(
            page=page, target=by_slug.get(page.redirect_to), front_matter=front_matter(retired_front_matter(page))
        )
    pages.update(render_topics(catalog, env, by_slug, common))
    for hub_kind, kind_hubs in hubs.items():
        pages.update(render_hubs(hub_kind, kind_hubs, env, common))
    by_title = sorted(papers, key=lambda p: (p.title.casefold(), p.slug))
    index_template = env.get_template("papers_index.md.j2")
    for chunk in paginate(by_title, ALL_PAPERS_PAGE_SIZE, "index.md", "{n}.md"):
        pages[f"all/{chunk.name}"] = index_template.render(
            papers=chunk.items,
            total=len(papers),
            number=chunk.number,
            pages=chunk.pages,
            first=chunk.first + 1,
            **common,
        )
    updates = [
        {
            "date": update.date,
            "added": [by_slug[s] for s in update.added if s in by_slug],
            "updated": [by_slug[s] for s in update.updated if s in by_slug],
            "removed": [p for p in catalog.retired if p.slug in update.removed],
        }
        for update in reversed(catalog.updates[-WHATS_NEW_UPDATES:])
    ]
    pages["whats-new.md"] = env.get_template("whats_new.md.j2").render(updates=updates, **common)
    pages["feed.xml"] = render_feed(catalog, settings.site_name, settings.site_url)
    pages["papers.json"] = render_json(papers, settings.site_url)
    pages["papers.bib"] = render_bibtex(papers)
    pages["papers.ris"] = render_ris(papers, settings.site_url)
    pages["papers.csl.json"] = render_csl_json(papers, settings.site_url)
    pages["explore/vectors.json"] = vectors_json(catalog)
    pages["explore/table.md"] = env.get_template("explore_table.md.j2").render(**common)
    pages["explore/map.md"] = env.get_template("explore_map.md.j2").render(**common)
    pages["explore/table.json"] = table_json(catalog)
    pages["explore/map.json"] = map_json(catalog)
    pages["index.md"] = env.get_template("home.md.j2").render(
        chart=topic_chart(catalog.topics),
        papers=papers,
        paper_count=len(papers),
        code_count=sum(1 for p in papers if any(link.kind == "code" for link in p.links)),
        sources=sorted({s.path for p in papers for s in (p.source, *p.record.also_from)}),
        latest=updates[0] if updates else None,
        topic_list=catalog.topics,
        **common,
    )
    return pages


@dataclass(frozen=True)
class Hub:
    """A term of a taxonomy (a model family, a dataset or benchmark) and the papers that name it."""

    slug: str
    name: str
    papers: list[Paper]
    #: (paper, result) pairs reported on this benchmark, for its leaderboard.
    results: list[tuple[Paper, Result]]


def _hubs(papers: list[Paper], names_of: Any) -> list[Hub]:
    """Group papers by each name `names_of(paper)` gives; keep names with HUB_MIN_PAPERS papers."""
    members: dict[str, list[Paper]] = {}
    for paper in papers:
        for name in dict.fromkeys(names_of(paper)):
            members.setdefault(name, []).append(paper)
    kept = sorted((n for n, m in members.items() if len(m) >= HUB_MIN_PAPERS), key=lambda n: (-len(members[n]), n))
    taken: set[str] = set()
    hubs = []
    for name in kept:
        slug = unique(slugify(name) or "hub", taken)
        taken.add(slug)
        results = [
            (paper, result)
            for paper in members[name]
            for result in paper.results
            if result.benchmark and any(d.name == result.benchmark and d.hub == name for d in paper.datasets)
        ]
        results.sort(key=lambda item: (item[1].metric.lower(), -_number(item[1].value), item[0].title.casefold()))
        hubs.append(Hub(slug, name, sorted(members[name], key=lambda p: (p.title.casefold(), p.slug)), results))
    return hubs


def _number(value: str) -> float:
    match = re.search(r"[+-]?\d+(?:\.\d+)?", value)
    return float(match.group()) if match else 0.0


def model_hubs(papers: list[Paper]) -> list[Hub]:
    """Return one hub per model family named by at least two papers."""
    return _hubs(papers, lambda p: [m.family for m in p.models])


def dataset_hubs(papers: list[Paper]) -> list[Hub]:
    """Return one hub per dataset or benchmark named by at least two papers."""
    return _hubs(papers, lambda p: [d.hub for d in p.datasets])


HUB_TITLES = {"models": ("Models", "model family"), "datasets": ("Datasets and benchmarks", "dataset or benchmark")}


def render_hubs(kind: str, hubs: list[Hub], env: jinja2.Environment, common: dict[str, Any]) -> dict[str, str]:
    """Return a hub kind's index and one page per hub (papers paginated past TOPIC_PAGE_SIZE)."""
    title, singular = HUB_TITLES[kind]
    pages = {
        f"{kind}/index.md": env.get_template("hubs_index.md.j2").render(
            hubs=hubs,
            title=title,
            singular=singular,
            minimum=HUB_MIN_PAPERS,
            chart=bar_chart(f"Papers per {singular}", [(hub.name, len(hub.papers)) for hub in hubs]),
            **common,
        )
    }
    template = env.get_template("hub.md.j2")
    for hub in hubs:
        pages[feed_file(kind, hub.slug)] = term_feed(hub.name, singular, kind, hub.slug, hub.papers, common)
        for chunk in paginate(hub.papers, TOPIC_PAGE_SIZE, f"{hub.slug}.md", hub.slug + "-{n}.md"):
            pages[f"{kind}/{chunk.name}"] = template.render(
                hub=hub,
                kind=kind,
                singular=singular,
                entries=chunk.items,
                results=hub.results[:HUB_RESULTS] if chunk.number == 1 else [],
                number=chunk.number,
                pages=chunk.pages,
                **common,
            )
    return pages


def feed_file(kind: str, slug: str) -> str:
    """Return the file of a term's feed: `feed-topics-<slug>.xml`, in the site's root folder.

    Not beside the term's page: Material's instant navigation takes every `<link rel=alternate>` of
    a page for another language's site and loads the `sitemap.xml` of its folder (a 404 anywhere
    but the root, one failed request on every topic page).
    """
    return f"feed-{kind}-{slug}.xml"


def term_feed(name: str, what: str, kind: str, slug: str, papers: list[Paper], common: dict[str, Any]) -> str:
    """Return the Atom feed of one term (a topic, model family, benchmark)."""
    site_url = common["site_url"]
    return render_term_feed(
        common["site_name"], name, what, f"{kind}/{slug}/", feed_file(kind, slug), papers, common["added_on"], site_url
    )


def render_topics(
    catalog: Catalog, env: jinja2.Environment, by_slug: dict[str, Paper], common: dict[str, Any]
) -> dict[str, str]:
    """Return the topics index and every topic's pages (paginated past TOPIC_PAGE_SIZE papers) and feed."""
    index = env.get_template("topics_index.md.j2")
    pages = {"topics/index.md": index.render(topic_list=catalog.topics, chart=topic_chart(catalog.topics), **common)}
    template = env.get_template("topic.md.j2")
    for topic in catalog.topics:
        members = [by_slug[s] for s in topic.papers]
        pages[feed_file("topics", topic.slug)] = term_feed(topic.label, "topic", "topics", topic.slug, members, common)
        for chunk in paginate(members, TOPIC_PAGE_SIZE, f"{topic.slug}.md", topic.slug + "-{n}.md"):
            pages[f"topics/{chunk.name}"] = template.render(
                topic=topic,
                entries=[(p, summary(p), chunk.first + i < topic.primary_count) for i, p in enumerate(chunk.items)],
                number=chunk.number,
                pages=chunk.pages,
                **common,
            )
    return pages
