"""The pipeline, in the one place its order is written down: read, identify, enrich, emit."""

from __future__ import annotations

from dataclasses import dataclass

from generator.config import Settings
from generator.emit.environment import make_environment
from generator.emit.render import GENERATED_DIRS, render_site
from generator.emit.writer import WriteReport, write_tree
from generator.enrich.clean import clean_abstract
from generator.enrich.links import extract_links_of
from generator.identify import assign_slugs, identify
from generator.ingest import read_data_dir
from generator.model import Catalog

#: Per-paper enrichers, in order; each is pure: paper in, paper out.
PAPER_ENRICHERS = (clean_abstract, extract_links_of)


@dataclass
class BuildResult:
    """The catalog that was built and what writing it changed."""

    catalog: Catalog
    report: WriteReport


def build_catalog(settings: Settings) -> Catalog:
    """Read every listing and return the enriched catalog, problems included."""
    # Read everything first, so identities can be assigned across all files at once.
    records, problems = read_data_dir(settings.data_dir)
    # Identify: clean titles, short names, then every slug before any enricher runs.
    papers = assign_slugs(identify(record) for record in records)
    # Enrich each paper on its own.
    for enrich in PAPER_ENRICHERS:
        papers = [enrich(paper) for paper in papers]
    return Catalog(papers=papers, problems=problems, records_read=len(records))


def build(settings: Settings) -> BuildResult:
    """Build the catalog and write its pages into the docs folder."""
    catalog = build_catalog(settings)
    # Render every page in memory, then write only what changed.
    pages = render_site(catalog, make_environment(settings.templates_dir), settings.site_name)
    report = write_tree(settings.docs_dir, pages, GENERATED_DIRS)
    return BuildResult(catalog, report)
