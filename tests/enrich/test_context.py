"""One protocol for the catalog-wide enrichers: papers and one context in, papers out, in order."""

from __future__ import annotations

import dataclasses
import inspect
from pathlib import Path
from typing import Any

import pytest

import generator.build
from generator.build import CATALOG_ENRICHERS, build_catalog, catalog_context, enrich_paper
from generator.config import Settings
from generator.enrich.context import CatalogContext, CatalogEnricher
from generator.identify.papers import identify
from generator.identify.state import assign_stable_slugs
from generator.identify.state_file import State
from generator.model import Paper, PreviousBuild, Problem, Record, Source
from tests.enrich.test_topics import three_fields


def context_of(papers: list[Paper], tmp_path: Path, previous: PreviousBuild | None = None) -> CatalogContext:
    """Return the context a build of these papers, with no taxonomy file, gives its catalog-wide enrichers."""
    context, problems = catalog_context(papers, Settings(data_dir=tmp_path), previous or PreviousBuild())
    assert problems == []
    return context


def tiny_catalog() -> list[Paper]:
    """Return four papers as the catalog-wide enrichers get them: one introduces a model another names."""
    records = [
        ("Quokka: A Small Language Model", "We present Quokka, a 1B language model trained on web text."),
        ("Wombat: Pruning Language Models", "We prune language models layer by layer and keep their accuracy."),
        ("Maps Again", "We compare with Quokka on reasoning over maps, and prune it."),
        ("Galaxy Counts", "We count galaxies in a telescope survey of the southern sky."),
    ]
    papers = [identify(Record(title, abstract, Source("tiny.txt", n))) for n, (title, abstract) in enumerate(records)]
    return [enrich_paper(p) for p in assign_stable_slugs(papers, State(), "2026-01-01")]


def test_every_catalog_enricher_takes_the_papers_and_the_context_and_returns_the_papers(tmp_path: Path) -> None:
    papers = tiny_catalog()
    assert "Quokka" not in [m.name for m in papers[2].models], "alone, the text does not say what Quokka is"
    context = context_of(papers, tmp_path)
    for enrich_all in CATALOG_ENRICHERS:
        assert list(inspect.signature(enrich_all).parameters) == ["papers", "context"], enrich_all.__name__
        enriched = enrich_all(papers, context)
        assert [p.slug for p in enriched] == [p.slug for p in papers], f"{enrich_all.__name__}: same papers, in order"
        assert enrich_all(papers, context) == enriched, f"{enrich_all.__name__} is pure"
        papers = enriched
    by_slug = {p.slug: p for p in papers}
    reader = by_slug["maps-again"]
    assert [m.slug for m in reader.mentions] == ["quokka"] and by_slug["quokka"].mentioned_by
    assert "Quokka" in [m.name for m in reader.models], "borrowed from the paper that introduces it"
    assert all(p.topics and p.topics == context.topics.of[p.slug] for p in papers)
    assert all(len(p.related) == 3 for p in papers)
    assert len({p.position for p in papers}) == len(papers) and all(p.vector for p in papers)


def test_the_context_is_built_once_and_every_enricher_reads_the_same_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[CatalogContext] = []
    given: list[CatalogContext] = []

    def counted(*args: Any) -> tuple[CatalogContext, list[Problem]]:
        context, problems = catalog_context(*args)
        built.append(context)
        return context, problems

    def recording(enrich_all: CatalogEnricher) -> CatalogEnricher:
        def enrich(papers: list[Paper], context: CatalogContext) -> list[Paper]:
            given.append(context)
            return enrich_all(papers, context)

        return enrich

    monkeypatch.setattr(generator.build, "catalog_context", counted)
    monkeypatch.setattr(generator.build, "CATALOG_ENRICHERS", tuple(map(recording, CATALOG_ENRICHERS)))
    catalog, _ = build_catalog(Settings(data_dir=three_fields(tmp_path), state_file=tmp_path / "state.json"))
    assert len(built) == 1 and len(given) == len(CATALOG_ENRICHERS)
    assert all(context is built[0] for context in given)
    assert catalog.topics == list(built[0].topics.topics)
    with pytest.raises(dataclasses.FrozenInstanceError):
        built[0].previous = PreviousBuild()  # type: ignore[misc]


def enrich_catalog(papers: list[Paper], context: CatalogContext) -> list[Paper]:
    for enrich_all in CATALOG_ENRICHERS:
        papers = enrich_all(papers, context)
    return papers


def test_the_previous_build_reaches_the_enrichers_through_the_context(tmp_path: Path) -> None:
    papers = tiny_catalog()
    fresh = {p.slug: [r.slug for r in p.related] for p in enrich_catalog(papers, context_of(papers, tmp_path))}
    # Last time, Galaxy Counts was shown the other three the other way round: they stay as they were.
    before = tuple(reversed(fresh["galaxy-counts"]))
    remembered = PreviousBuild(related={"galaxy-counts": before})
    context = context_of(papers, tmp_path, remembered)
    assert context.previous is remembered
    again = {p.slug: [r.slug for r in p.related] for p in enrich_catalog(papers, context)}
    assert again["galaxy-counts"] == list(before) != fresh["galaxy-counts"]
