from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from generator.enrich.clean import clean_abstract
from generator.enrich.mentions import link_mentions
from generator.identify.papers import identify
from generator.model import Record, Source
from tests.enrich.test_context import context_of


def paper(title: str, abstract: str, slug: str):
    return replace(clean_abstract(identify(Record(title, abstract, Source("x.txt", 1)))), slug=slug)


@pytest.mark.parametrize(
    ("abstract", "named"),
    [
        ("We compare with TART and GaLore on two tasks.", ["tart", "galore"]),
        ("We START from PDFs and use GaLoreX and pre-GaLore tricks.", []),
        ("Unlike galore, we keep the gradients.", []),
        ("GaLore. TART.", ["galore", "tart"]),
        ("The tart flavour of GaLore-2 is new.", []),
    ],
)
def test_names_match_as_whole_names_only(abstract: str, named: list[str], tmp_path: Path) -> None:
    papers = [
        paper("TART: A Plug-and-Play Module", "About TART itself.", "tart"),
        paper("GaLore: Memory-Efficient Training", "About GaLore itself.", "galore"),
        paper("PD: Too Short To Link", "About PD.", "pd"),
        paper("Reader: The Paper That Reads", abstract, "reader"),
    ]
    linked = {p.slug: p for p in link_mentions(papers, context_of(papers, tmp_path))}
    assert [m.slug for m in linked["reader"].mentions] == named
    assert linked["tart"].mentions == () and linked["galore"].mentions == (), "no paper mentions itself"
    for slug in named:
        assert [m.slug for m in linked[slug].mentioned_by] == ["reader"]
        assert linked[slug].mentioned_by[0].sentence in abstract
