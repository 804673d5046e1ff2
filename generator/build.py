"""The pipeline, in the one place its order is written down: read, identify, enrich, emit."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from generator.config import Settings
from generator.emit.environment import make_environment
from generator.emit.manifest import GENERATED
from generator.emit.render import render_site
from generator.emit.writer import WriteReport, read_text, write_if_changed, write_tree
from generator.enrich.borrowed import borrow_named_entities
from generator.enrich.clean import clean_abstract
from generator.enrich.context import CatalogContext, CatalogEnricher
from generator.enrich.entities import extract_entities, load_gazetteer
from generator.enrich.hubs import hub_vocabularies
from generator.enrich.layout import place_papers
from generator.enrich.links import extract_links_of
from generator.enrich.mentions import link_mentions
from generator.enrich.paper_cache import enrich_cached, read_stems, write_stems
from generator.enrich.related import related_papers
from generator.enrich.taxonomy import load_taxonomy
from generator.enrich.text import text_features
from generator.enrich.topics import assign_topics, find_topics
from generator.enrich.vectors import compact_vectors
from generator.identify.merge import merge_records
from generator.identify.papers import identify
from generator.identify.state import assign_stable_slugs, next_state, previous_build, retired_pages
from generator.identify.state_file import State, read_state
from generator.ingest import read_data_dir
from generator.model import Catalog, Paper, PreviousBuild, Problem
from generator.parallel import executor

#: Called with the name of each stage as it starts (a progress bar on a terminal).
Progress = Callable[[str], None]
#: The stages `build` reports, in order.
STAGES = (
    "reading data",
    "merging and identifying",
    "cleaning and extracting",
    "comparing texts",
    "finding topics",
    "relating papers",
    "rendering pages",
    "writing",
)

#: Per-paper enrichers, in order; each is pure: paper in, paper out.
PAPER_ENRICHERS = (clean_abstract, extract_links_of, extract_entities)


def enrich_paper(paper: Paper) -> Paper:
    """Return the paper through every per-paper enricher, in order."""
    for enrich in PAPER_ENRICHERS:
        paper = enrich(paper)
    return paper


#: Catalog-wide enrichers, in order, after every paper is enriched: each is pure, all papers and
#: the one context in, all papers out.
CATALOG_ENRICHERS: tuple[CatalogEnricher, ...] = (
    link_mentions,
    borrow_named_entities,
    assign_topics,
    related_papers,
    place_papers,
    compact_vectors,
)


class EmptyCollectionError(Exception):
    """The data holds no paper, and an empty collection was not asked for: nothing is written."""

    def __init__(self, settings: Settings, problems: list[Problem]) -> None:
        errors = sum(p.severity == "error" for p in problems)
        found = f"no record could be used ({errors} errors above)" if errors else "it holds no listing"
        super().__init__(
            f"no papers in {settings.data_dir}: {found}, so nothing was written (the site would have no "
            "papers left). Add a listing (or fix the records reported above), or pass --allow-empty to "
            "generate an empty collection"
        )
        #: What reading the data reported, to show before this.
        self.problems = problems


@dataclass
class BuildResult:
    """The catalog that was built and what writing it changed."""

    catalog: Catalog
    report: WriteReport
    state_written: bool = False


def _no_progress(stage: str) -> None:
    """Say nothing of the stages: the default for tests, logs and CI."""


def catalog_context(
    papers: list[Paper], settings: Settings, previous: PreviousBuild, progress: Progress = _no_progress
) -> tuple[CatalogContext, list[Problem]]:
    """Return what every catalog-wide enricher reads, computed once, and the taxonomy file's problems."""
    # Topics and related papers compare every paper's text with every other's.
    progress("comparing texts")
    stems, read = read_stems(settings.stems_cache_path, not settings.cold)
    pool = executor(settings.jobs, settings.scheduler)
    features = text_features(papers, settings.semantic_model, settings.embeddings_path, stems, pool)
    write_stems(settings.stems_cache_path, stems, read)
    name = settings.taxonomy_path.name
    taxonomy, problems = load_taxonomy(name, read_text(settings.taxonomy_path))
    # Topics are found once, before any enricher, so that every enricher can name them.
    progress("finding topics")
    topics = find_topics(papers, features, previous.topics, taxonomy)
    problems += taxonomy.check(name, topics.seen, {p.slug for p in papers})
    return CatalogContext(features, previous, taxonomy, topics), problems


def build_catalog(settings: Settings, progress: Progress = _no_progress) -> tuple[Catalog, State]:
    """Read every listing and return the enriched catalog, problems included, and the new state."""
    progress("reading data")
    # The state first: it holds every URL, and a broken one stops the build before any work.
    previous = read_state(settings.state_path)
    # Read everything, so identities can be assigned across all files at once.
    records, problems = read_data_dir(settings.data_dir)
    if not records and not settings.allow_empty:  # an empty site would replace the published one
        raise EmptyCollectionError(settings, problems)
    # The same paper from several sources becomes one record; each merge is reported.
    progress("merging and identifying")
    merged, warnings, merges = merge_records(records)
    # Identify: clean titles and short names, then every slug (kept from the state) before enriching.
    papers = assign_stable_slugs([identify(r) for r in merged], previous, settings.today)
    # Enrich each paper on its own (in several processes for a large collection, or on a Dask
    # cluster), the gazetteer read first, once: its bad entries are reported and left out, and the
    # rest is used. Papers the last build enriched with the same code are taken from its cache.
    progress("cleaning and extracting")
    gazetteer = load_gazetteer()
    pool = executor(settings.jobs, settings.scheduler)
    papers = enrich_cached(enrich_paper, papers, pool, settings.paper_cache_path, not settings.cold)
    # Then the enrichers that need the whole catalog, all reading one context.
    context, taxonomy_problems = catalog_context(papers, settings, previous_build(previous), progress)
    progress("relating papers")
    for enrich_all in CATALOG_ENRICHERS:
        papers = enrich_all(papers, context)
    catalog = Catalog(
        papers=papers,
        topics=list(context.topics.topics),
        hubs=hub_vocabularies(papers, context.topics.topics),
        log=[*problems, *warnings, *merges, *gazetteer.problems, *taxonomy_problems],
        records_read=len(records),
    )
    # The next state, from the previous one and what this build made; the pages show its history.
    state = next_state(previous, catalog, settings.today)
    return replace(catalog, retired=retired_pages(state), updates=state.updates), state


def build(settings: Settings, progress: Progress = _no_progress) -> BuildResult:
    """Build the catalog and write its pages into the docs folder, then the state file."""
    catalog, state = build_catalog(settings, progress)
    # Render every page in memory, then write only what changed.
    progress("rendering pages")
    pages = render_site(catalog, make_environment(settings.templates_dir), settings)
    progress("writing")
    report = write_tree(settings.docs_dir, pages, GENERATED)
    # The state is written last: a failed render leaves it as it was, to be retried.
    state_written = write_if_changed(settings.state_path, state.to_json().encode("utf-8"))
    return BuildResult(catalog, report, state_written)
