"""Clean each abstract into spans: LaTeX resolved, macros read as the paper's short name."""

from __future__ import annotations

from dataclasses import replace

from generator.model import Paper
from generator.text.latex import clean_latex, to_spans


def clean_abstract(paper: Paper) -> Paper:
    """Clean the abstract into spans, resolving macros to the paper's short name."""
    return replace(paper, abstract=to_spans(clean_latex(paper.record.abstract, paper.short_name)))
