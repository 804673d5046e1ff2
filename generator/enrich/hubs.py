"""Hubs: the model families and the datasets or benchmarks papers share, as taxonomy terms.

Catalog-wide, after the entities are extracted: a name becomes a term when at least
`HUB_MIN_PAPERS` papers name it, and every term's slug is assigned here, before anything renders,
so a paper page can link its hubs and a hub its papers. Topics are the other taxonomy
(`generator.enrich.topics`); the two kinds of term are one `Term`, rendered by one template.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from generator.enrich.authors import MIN_PAPERS, author_names, author_terms, newest, venue, venue_names
from generator.model import Paper, Result, Term, Vocabulary
from generator.text.slugs import slugify, unique

#: A model family or dataset (and an author or venue) gets a hub page when at least this many papers name it.
HUB_MIN_PAPERS = MIN_PAPERS

#: The names a paper gives for one taxonomy's terms, each as often as it names them.
NamesOf = Callable[[Paper], Iterable[str]]


def model_families(paper: Paper) -> list[str]:
    """Return the model families a paper names (`Llama` for `Llama-3-8B`)."""
    return [model.family for model in paper.models]


def dataset_hubs(paper: Paper) -> list[str]:
    """Return the datasets and benchmarks a paper names (`AIME` for `AIME-2024`)."""
    return [dataset.hub for dataset in paper.datasets]


def hub_vocabularies(papers: list[Paper], topics: Sequence[Term] = ()) -> list[Vocabulary]:
    """Return the model-family, benchmark, author and venue taxonomies, each term with its slug, largest first."""
    names = author_names(papers)
    notes = tuple(f"{shown}: also written {', '.join(others)}." for shown, others in names.merged) + tuple(
        f"{name}: kept apart, as it could be {' or '.join(could)}." for name, could in names.ambiguous
    )
    return [
        Vocabulary("models", hub_terms(papers, model_families)),
        Vocabulary("datasets", hub_terms(papers, dataset_hubs)),
        _authors(author_terms(papers, names, {t.slug: t.label for t in topics}), names.key_of, notes),
        _venues(papers),
    ]


def _authors(terms: tuple[Term, ...], key_of: dict[str, str], notes: tuple[str, ...]) -> Vocabulary:
    """Return the authors' taxonomy, every spelling of a name with a page pointing at its slug."""
    by_key = {key_of[term.label]: term.slug for term in terms if term.label in key_of}
    aliases = {name: by_key[key] for name, key in key_of.items() if key in by_key}
    return Vocabulary("authors", terms, notes, aliases)


def hub_terms(papers: list[Paper], names_of: NamesOf, newest_first: bool = False) -> tuple[Term, ...]:
    """Group papers by each name `names_of` gives; keep names with HUB_MIN_PAPERS papers.

    Terms come largest first (ties by name), their papers by title (or `newest_first`); slugs are
    unique within the taxonomy, the larger term keeping the plain one.
    """
    members: dict[str, list[Paper]] = {}
    for paper in papers:
        for name in dict.fromkeys(names_of(paper)):
            members.setdefault(name, []).append(paper)
    kept = sorted((n for n, m in members.items() if len(m) >= HUB_MIN_PAPERS), key=lambda n: (-len(members[n]), n))
    taken: set[str] = set()
    terms = []
    for name in kept:
        slug = unique(slugify(name, "hub"), taken)
        taken.add(slug)
        own = (
            newest(members[name]) if newest_first else sorted(members[name], key=lambda p: (p.title.casefold(), p.slug))
        )
        terms.append(
            Term(
                slug=slug,
                label=name,
                description="",
                papers=tuple(p.slug for p in own),
                primary_count=len(own),
                results=reported_on(name, members[name]),
            )
        )
    return tuple(terms)


def _venues(papers: list[Paper]) -> Vocabulary:
    """Return the venues' taxonomy, every name a paper gives its venue pointing at that venue's slug."""
    shown = venue_names(papers)
    terms = hub_terms(papers, venues_by(shown), newest_first=True)
    slugs = {t.label: t.slug for t in terms}
    return Vocabulary("venues", terms, aliases={name: slugs[label] for name, label in shown.items() if label in slugs})


def venues_by(shown: dict[str, str]) -> NamesOf:
    """Return what gives a paper's venue, without its volume, pages and year, by the name `shown`
    (`authors.venue_names`: an abbreviation as the venue it abbreviates); none when unknown."""

    def venues_of(paper: Paper) -> list[str]:
        name = venue(paper.record.venue)
        return [shown.get(name, name)] if name else []

    return venues_of


#: Metrics where less is better: their leaderboards list the lowest first.
LOWER_IS_BETTER = frozenset(
    {"perplexity", "error", "error rate", "wer", "cer", "latency", "loss", "fid", "mae", "rmse"}
)


def reported_on(hub: str, papers: list[Paper]) -> tuple[tuple[str, Result], ...]:
    """Return the (paper slug, result) pairs on a dataset of `hub`: by kind (scores first), by metric,
    best first, then by title. A result of kind `other` (a baseline's number, a setting) is left out."""
    pairs = [
        (paper, result)
        for paper in papers
        for result in paper.results
        if result.benchmark
        and result.kind != "other"
        and any(d.name == result.benchmark and d.hub == hub for d in paper.datasets)
    ]
    pairs.sort(
        key=lambda item: (_KIND_ORDER[item[1].kind], item[1].metric.lower(), _rank(item[1]), item[0].title.casefold())
    )
    return tuple((paper.slug, result) for paper, result in pairs)


_KIND_ORDER = {"score": 0, "gain": 1, "reduction": 2, "speedup": 3, "other": 4}


def _rank(result: Result) -> float:
    """Return a sort key that puts the best value first: the highest, or the lowest where less is better."""
    number = _number(result.value)
    return number if result.kind == "score" and result.metric.lower() in LOWER_IS_BETTER else -number


def _number(value: str) -> float:
    match = re.search(r"[+-]?\d+(?:\.\d+)?", value)  # after a qualifier: "up to 65.5%"
    return float(match.group()) if match else 0.0
