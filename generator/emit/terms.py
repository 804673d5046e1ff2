"""Render every taxonomy (topics, model families, benchmarks) with one term and one index template.

The terms and their slugs come from enrich (`Catalog.vocabularies`); what differs between the
taxonomies is words, held in `WORDS`, and how a term page lists a paper. Every link is resolved
here through `generator.emit.paths` before a template sees it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

import jinja2
from markupsafe import Markup

from generator.emit.environment import named_metric
from generator.emit.explore import bar_chart
from generator.emit.paths import feed_file, index_page, link_from, page_url, paginate, paper_page, term_page
from generator.emit.words import INDEX_ROWS, WORDS, Entry, Words
from generator.enrich.authors import venue
from generator.enrich.hubs import HUB_MIN_PAPERS
from generator.model import Paper, Result, Term, Vocabulary, VocabularyKind
from generator.text.names import normalise_name

#: Papers per page of a term, so no page grows with the collection.
TERM_PAGE_SIZE = 200
#: Rows of a benchmark's results table (best first per metric), on its first page.
TERM_RESULTS = 200


def term_chart(kind: VocabularyKind, terms: Sequence[Term]) -> Markup:
    """Return the chart of a taxonomy: papers per term (those for which it is primary, for topics)."""
    return bar_chart(f"Papers per {WORDS[kind].singular}", [(t.label, t.primary_count) for t in terms])


def term_links(vocabularies: list[Vocabulary]) -> dict[str, dict[str, tuple[str, str]]]:
    """Return, by taxonomy, each term's (label, first page) by the key papers hold it by.

    Papers hold their topics by slug, and their models and datasets by name: a hub's label.
    """
    links: dict[str, dict[str, tuple[str, str]]] = {}
    for vocabulary in vocabularies:
        by_slug = vocabulary.kind == "topics"
        links[vocabulary.kind] = {
            t.slug if by_slug else t.label: (t.label, term_page(vocabulary.kind, t.slug)) for t in vocabulary.terms
        }
        labels = {t.slug: t.label for t in vocabulary.terms}
        for name, slug in vocabulary.aliases.items():  # an author's other spellings
            links[vocabulary.kind].setdefault(name, (labels[slug], term_page(vocabulary.kind, slug)))
    return links


def paper_terms(paper: Paper, links: dict[str, dict[str, tuple[str, str]]]) -> dict[str, list[tuple[str, str]]]:
    """Return what a paper page lists of its terms: (name, page in the docs folder), "" for a name with no page."""

    def hub(kind: str, hub_name: str, name: str) -> tuple[str, str]:
        found = links[kind].get(hub_name)
        return name, found[1] if found else ""

    place = venue(paper.record.venue)
    return {
        "topics": [links["topics"][slug] for slug in paper.topics],
        "models": [hub("models", m.family, m.name) for m in paper.models],
        "datasets": [hub("datasets", d.hub, d.name) for d in paper.datasets],
        "venues": [hub("venues", place, place)] if place and place in links.get("venues", {}) else [],
    }


def author_links(paper: Paper, links: dict[str, dict[str, tuple[str, str]]]) -> list[tuple[str, str]]:
    """Return a paper's authors as written, each with its author page ("" for an author with none)."""
    found = links.get("authors", {})
    return [(name, found[name][1] if name in found else "") for name in paper.record.authors]


#: Renders a term's Atom feed from (label, singular, page URL, feed file, papers).
TermFeed = Callable[[str, str, str, str, list[Paper]], str]


def render_vocabulary(
    vocabulary: Vocabulary, env: jinja2.Environment, by_slug: dict[str, Paper], term_feed: TermFeed
) -> dict[str, str]:
    """Return a taxonomy's index, and every term's pages (paginated past TERM_PAGE_SIZE papers) and feed."""
    kind, words = vocabulary.kind, WORDS[vocabulary.kind]
    index = index_page(kind)
    intro = words.intro.format(count=len(vocabulary.terms), minimum=HUB_MIN_PAPERS, singular=words.singular)
    pages = {
        index: env.get_template("term_index.md.j2").render(
            vocabulary=vocabulary,
            words=words,
            intro=Markup(intro),
            chart=term_chart(kind, vocabulary.terms),
            terms=[(t, link_from(index, term_page(kind, t.slug))) for t in vocabulary.terms[:INDEX_ROWS]],
            more=len(vocabulary.terms[INDEX_ROWS:]),
            notes=vocabulary.notes,
        )
    }
    template = env.get_template("term.md.j2")
    labels = {t.slug: t.label for t in vocabulary.terms}
    for term in vocabulary.terms:
        members = [by_slug[s] for s in term.papers]
        feed = feed_file(kind, term.slug)
        pages[feed] = term_feed(term.label, words.singular, page_url(term_page(kind, term.slug)), feed, members)
        for chunk in paginate(members, TERM_PAGE_SIZE, partial(term_page, kind, term.slug)):
            page = chunk.path
            pages[page] = template.render(
                words=words,
                term=term,
                number=chunk.number,
                pager=chunk.pager,
                feed=feed,
                feed_href=link_from(page, feed),
                index_href=link_from(page, index),
                nearby=[(labels[slug], link_from(page, term_page(kind, slug))) for slug in term.neighbours],
                results=_results(term, by_slug, page) if chunk.number == 1 else ([], []),
                entries=_entries(words, term, chunk.items, chunk.first, page),
            )
    return pages


def _entries(words: Words, term: Term, papers: list[Paper], first: int, page: str) -> list[Entry]:
    """Return the list of papers of one page of a term; `first` is the position of `papers[0]`."""
    return [
        words.entry(paper, term, link_from(page, paper_page(paper.slug)), first + i < term.primary_count)
        for i, paper in enumerate(papers)
    ]


#: A row of a results list: the paper's name, its link, the result.
ResultRow = tuple[str, str, Result]


def _results(
    term: Term, by_slug: dict[str, Paper], page: str
) -> tuple[list[tuple[str, list[ResultRow]]], list[tuple[str, str, Result, str]]]:
    """Return a term's leaderboards (one per named metric and benchmark as the abstracts spell it,
    headed "Accuracy on BrowseComp-ZH": its scores, best first) and its other results: gains,
    reductions and speedups, which are no scores, and scores whose sentence names no metric, which
    rank with no other. (A hub holds a benchmark's variants, "AIME 2024" and "AIME 2025", whose
    scores do not compare.)"""
    boards: dict[tuple[str, str], tuple[str, list[ResultRow]]] = {}
    others: list[tuple[str, str, Result, str]] = []
    for slug, result in term.results[:TERM_RESULTS]:
        paper = by_slug[slug]
        row = (paper.short_name or paper.title, link_from(page, paper_page(slug)), result)
        if result.kind == "score" and result.metric != "score":
            heading = f"{result.metric[:1].upper()}{result.metric[1:]} on {result.benchmark}"
            key = (result.metric.lower(), normalise_name(result.benchmark))
            boards.setdefault(key, (heading, []))[1].append(row)
        else:
            others.append((*row, said(result)))
    return list(boards.values()), others


def said(result: Result) -> str:
    """Return in words what a gain, reduction or speedup is: "+8.26 pp gain in accuracy over LLaMA-2";
    a score with no metric named says so: "42.3%, a score (no metric named)"."""
    on = f" on {result.benchmark}" if result.benchmark else ""
    if result.kind == "score":
        return f"{result.value}{on}, a score ({'no metric named' if result.metric == 'score' else result.metric})"
    what = {"gain": "gain", "reduction": "reduction", "speedup": "speedup"}.get(result.kind, result.kind)
    metric = f" in {named_metric(result)}" if named_metric(result) else ""
    over = f" over {result.baseline}" if result.baseline else ""
    return f"{result.value} {what}{metric}{on}{over}"
