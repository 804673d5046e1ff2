"""Catalog-wide enricher: a compact vector per paper, for "more like my list" in the browser.

Each paper's meaning vector (its LSA projection) is cut to its leading dimensions, scaled to unit
length and rounded to signed bytes, then written as base64: 32 dimensions are 44 characters, so
the file the reading list loads stays small (about 80 bytes a paper with its slug and title).
"""

from __future__ import annotations

import base64
from dataclasses import replace

import numpy as np

from generator.enrich.context import CatalogContext
from generator.model import Paper

#: Leading LSA dimensions kept: the ones that carry most of the collection's variance.
DIMENSIONS = 32


def compact_vectors(papers: list[Paper], context: CatalogContext) -> list[Paper]:
    """Return papers with `vector` set: base64 of their leading LSA dimensions as signed bytes."""
    if not papers:
        return papers
    lead = np.asarray(context.features.lsa[:, :DIMENSIONS], dtype=np.float64)
    norms = np.linalg.norm(lead, axis=1, keepdims=True)
    unit = np.divide(lead, norms, out=np.zeros_like(lead), where=norms > 0)
    quantised = np.clip(np.rint(unit * 127), -127, 127).astype(np.int8)
    return [
        replace(paper, vector=base64.b64encode(row.tobytes()).decode("ascii"))
        for paper, row in zip(papers, quantised, strict=True)
    ]
