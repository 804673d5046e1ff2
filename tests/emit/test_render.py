from __future__ import annotations

from dataclasses import replace

import markdown
import pytest
import yaml

from generator.config import Settings
from generator.emit.environment import make_environment
from generator.emit.explore import topic_style
from generator.emit.page_file import PAGE_DATA, read_page_data_line
from generator.emit.render import ALL_PAPERS_PAGE_SIZE, MENTIONED_BY_SHOWN, render_site
from generator.emit.terms import TERM_PAGE_SIZE
from generator.enrich.hubs import hub_vocabularies
from generator.identify.papers import identify
from generator.model import Catalog, DatasetName, Mention, Record, Source, Term
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
    # A table right under the pager's line would be read as more of its paragraph.
    html = markdown.markdown(pages["all/2.md"].split("---\n", 2)[2], extensions=["tables"])
    assert html.count("<table>") == 1 and html.count('<a href="../papers/') == ALL_PAPERS_PAGE_SIZE


def test_later_pages_of_a_topic_and_a_hub_have_valid_front_matter() -> None:
    count = TERM_PAGE_SIZE + 1
    papers = [
        replace(
            identify(Record(f"Paper {i:05d}", "We test on GSM8K.", Source("x.txt", i))),
            slug=f"paper-{i:05d}",
            topics=("big-topic",),
            datasets=(DatasetName("GSM8K", "GSM8K", "benchmark"),),
        )
        for i in range(count)
    ]
    topic = Term("big-topic", 'A "Big" Topic: <b>x</b>', "", tuple(p.slug for p in papers), count)
    catalog = Catalog(papers=papers, topics=[topic], hubs=hub_vocabularies(papers))
    pages = render_site(catalog, make_environment(ROOT / "site_templates"), Settings(today="2026-01-01"))
    for name, title in [
        ("topics/big-topic.md", 'A "Big" Topic: <b>x</b>'),
        ("topics/big-topic-2.md", 'A "Big" Topic: <b>x</b> (2)'),
        ("datasets/gsm8k-2.md", "GSM8K (2)"),
    ]:
        meta = yaml.safe_load(pages[name].split("---\n")[1])
        assert meta["title"] == title, name


def test_a_paper_named_by_many_lists_a_bounded_number_of_them() -> None:
    count = MENTIONED_BY_SHOWN + 5
    named = replace(identify(Record("GalaxyNet: a model", "", Source("x.txt", 0))), slug="galaxynet")
    others = [
        replace(identify(Record(f"Paper {i:03d}", "We beat GalaxyNet.", Source("x.txt", i + 1))), slug=f"paper-{i:03d}")
        for i in range(count)
    ]
    named = replace(named, mentioned_by=tuple(Mention(p.slug, "GalaxyNet", "We beat GalaxyNet.") for p in others))
    pages = render_site(
        Catalog(papers=[named, *others]), make_environment(ROOT / "site_templates"), Settings(today="2026-01-01")
    )
    data = dict(map(read_page_data_line, pages[PAGE_DATA].splitlines()))["papers/galaxynet.md"]
    listed = [path for _, path, _, _ in data["mentioned_by"]]
    assert listed == [f"papers/paper-{i:03d}.md" for i in range(MENTIONED_BY_SHOWN)]
    assert data["mentioned_by_more"] == 5
    assert "Mentioned by" not in pages["papers/galaxynet.md"], "the theme lists them, from the page's data"


@pytest.mark.parametrize(
    ("index", "style"),
    [
        (0, {"colour": "#e53935"}),
        (11, {"colour": "#f4511e"}),
        (12, {"colour": "#e53935", "shape": "diamond"}),
        (18, {"colour": "#c0ca33", "shape": "diamond"}),
        (24, {"colour": "#e53935", "shape": "triangle"}),
    ],
)
def test_topics_past_the_palette_differ_by_shape(index: int, style: dict[str, str]) -> None:
    assert topic_style(index) == style


def test_no_two_of_sixty_topics_look_the_same() -> None:
    styles = {tuple(sorted(topic_style(i).items())) for i in range(60)}
    assert len(styles) == 60
