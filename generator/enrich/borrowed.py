"""Catalog-wide enricher: a name another paper of the collection introduces as a model or a dataset
names that model or dataset wherever the collection mentions it.

"The recently introduced ReasonMap highlights..." says nothing of what ReasonMap is; the paper that
introduced ReasonMap, if the collection holds it, does. A mention (`link_mentions`) is the paper's
short name spelled whole, case and all; when that name is one of its own paper's models or datasets,
the mentioning paper names it too, with its family or hub, so both papers meet on its hub page.
"""

from __future__ import annotations

from dataclasses import replace

from generator.enrich.context import CatalogContext
from generator.model import DatasetName, ModelName, Paper
from generator.text.names import normalise_name


def borrow_named_entities(papers: list[Paper], context: CatalogContext) -> list[Paper]:
    """Return papers with the models and datasets they mention by another paper's short name."""
    introduced: dict[str, ModelName | DatasetName] = {}
    for paper in papers:
        if paper.short_name:
            key = normalise_name(paper.short_name)
            own: list[ModelName | DatasetName] = [d for d in paper.datasets if normalise_name(d.name) == key]
            own += [m for m in paper.models if normalise_name(m.name) == key]
            if own:
                introduced[paper.slug] = own[0]
    if not introduced:
        return papers
    result = []
    for paper in papers:
        named = {normalise_name(m.name) for m in paper.models} | {normalise_name(d.name) for d in paper.datasets}
        models, datasets = list(paper.models), list(paper.datasets)
        for mention in paper.mentions:
            entity = introduced.get(mention.slug)
            if entity is None or normalise_name(entity.name) in named:
                continue
            named.add(normalise_name(entity.name))
            # named here because another paper introduces it: the rule is "borrowed"
            if isinstance(entity, ModelName):
                models.append(replace(entity, rule="borrowed"))
            else:
                datasets.append(replace(entity, rule="borrowed"))
        changed = len(models) != len(paper.models) or len(datasets) != len(paper.datasets)
        result.append(replace(paper, models=tuple(models), datasets=tuple(datasets)) if changed else paper)
    return result
