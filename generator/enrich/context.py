"""What the catalog-wide enrichers read: one frozen context, built once before the first of them runs.

Every catalog-wide enricher is a `CatalogEnricher`: all papers and the context in, all papers out,
pure. The context holds what the whole collection says and no enricher changes: the papers' text
features, the previous build as the state file remembers it, the curator's taxonomy, and the
topics found in the text (found once, like the slugs, so that every enricher can name them).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from generator.enrich.taxonomy import Taxonomy
from generator.enrich.text import TextFeatures
from generator.model import Paper, PreviousBuild, Term


@dataclass(frozen=True)
class FoundTopics:
    """The topics of this build: each paper's, the topics themselves, and those found before the taxonomy."""

    #: Paper slug -> the slugs of its topics, main first (one to three).
    of: Mapping[str, tuple[str, ...]]
    #: Every topic, largest first.
    topics: tuple[Term, ...]
    #: The topics the clustering and the state gave, before the curator's merges, splits and pins.
    discovered: frozenset[str] = frozenset()

    @property
    def seen(self) -> frozenset[str]:
        """Return every topic slug this build met: those discovered and those it ended with."""
        return self.discovered | {t.slug for t in self.topics}


@dataclass(frozen=True)
class CatalogContext:
    """What every catalog-wide enricher may read; built once per build, never changed."""

    #: Per-paper vectors, rows in the order of the papers the context was built from.
    features: TextFeatures
    previous: PreviousBuild
    taxonomy: Taxonomy
    topics: FoundTopics


#: A catalog-wide enricher: every paper in, every paper out (same order), pure.
CatalogEnricher = Callable[[list[Paper], CatalogContext], list[Paper]]
