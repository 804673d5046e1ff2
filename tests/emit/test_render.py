from __future__ import annotations

from dataclasses import replace

from generator.config import Settings
from generator.emit.environment import make_environment
from generator.emit.render import ALL_PAPERS_PAGE_SIZE, render_site
from generator.identify import identify
from generator.model import Catalog, Record, Source
from tests.sitebuild import ROOT


def test_all_papers_is_paginated_so_no_page_grows_with_the_collection() -> None:
    count = ALL_PAPERS_PAGE_SIZE * 2 + 1
    papers = [
        replace(identify(Record(f"Paper {i:05d}", "", Source("x.txt", i))), slug=f"paper-{i:05d}") for i in range(count)
    ]
    pages = render_site(Catalog(papers=papers), make_environment(ROOT / "site_templates"), Settings(today="2026-01-01"))
    assert sorted(p for p in pages if p.startswith("all/")) == ["all/2.md", "all/3.md", "all/index.md"]
    assert pages["all/index.md"].count("../papers/") == ALL_PAPERS_PAGE_SIZE
    assert pages["all/3.md"].count("../papers/") == 1
    assert "numbers 1001 to 1001" in pages["all/3.md"]
