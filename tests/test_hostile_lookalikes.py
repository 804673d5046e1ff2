"""Titles that look like another paper's, and papers that merge under other titles, built with MkDocs.

A look-alike title (a Cyrillic letter, Unicode tag characters, Hangul fillers) is kept apart from
the genuine paper, whose page keeps its own abstract, and reported as a possible duplicate naming
both sources; its page shows it without the invisible characters. A paper merged from records of
different titles lists the others ("Also listed as"), each with its source; records that share an
arXiv id but not their DOI stay two papers, reported.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from generator.build import BuildResult
from tests.sitebuild import FIXTURES, build_site

pytestmark = pytest.mark.slow  # builds sites with mkdocs

LOOKALIKE_FILES = (
    "title_lookalike_cyrillic.txt",
    "title_lookalike_tag_characters.txt",
    "title_lookalike_hangul_filler.txt",
)
MERGE_FILES = ("json_same_arxiv_different_titles.json", "json_same_arxiv_different_dois.json")


@pytest.fixture(scope="module")
def lookalike_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuildResult, Path]:
    work = tmp_path_factory.mktemp("lookalikes")
    data = work / "data"
    data.mkdir()
    for name in LOOKALIKE_FILES + MERGE_FILES:
        shutil.copy(FIXTURES / "hostile" / name, data)
    return build_site(data, work)


def article(site: Path, slug: str) -> Tag:
    page = BeautifulSoup((site / "papers" / slug / "index.html").read_text(encoding="utf-8"), "html.parser")
    found = page.select_one("article.md-content__inner")
    assert found is not None
    return found


@pytest.mark.parametrize("name", LOOKALIKE_FILES)
def test_a_lookalike_is_a_reported_page_of_its_own(lookalike_site: tuple[BuildResult, Path], name: str) -> None:
    result, site = lookalike_site
    papers = [p for p in result.catalog.papers if p.source.path == name]
    assert len(papers) == 2, "the look-alike is not merged into the genuine paper"
    genuine, lookalike = papers
    assert "It is the genuine paper." in article(site, genuine.slug).get_text()
    assert "It is the genuine paper." not in article(site, lookalike.slug).get_text()
    notes = [p for p in result.catalog.problems if p.source.path == name]
    assert [(n.severity, n.source.line) for n in notes] == [("warning", 3)]
    assert f"looks like the title of {name}:1" in notes[0].message and "possible duplicate" in notes[0].message
    heading = article(site, lookalike.slug).find("h1")
    assert heading is not None and heading.get_text().rstrip("¶") == lookalike.title
    if name != "title_lookalike_cyrillic.txt":  # invisible characters: the page reads the same
        assert lookalike.title == genuine.title


def test_a_paper_merged_from_other_titles_lists_them_with_their_sources(
    lookalike_site: tuple[BuildResult, Path],
) -> None:
    result, site = lookalike_site
    paper = next(p for p in result.catalog.papers if p.slug == "twinnet")
    assert paper.record.also_titled[0][0] == "TwinNet v2: The Same Paper, Renamed on arXiv"
    text = article(site, "twinnet").get_text()
    assert (
        "Also listed as: “TwinNet v2: The Same Paper, Renamed on arXiv” "
        "(json_same_arxiv_different_titles.json, entry 2)" in text
    )


def test_a_shared_arxiv_id_with_different_dois_is_two_reported_papers(
    lookalike_site: tuple[BuildResult, Path],
) -> None:
    result, _ = lookalike_site
    papers = [p for p in result.catalog.papers if p.source.path == "json_same_arxiv_different_dois.json"]
    assert len(papers) == 2
    notes = [p for p in result.catalog.problems if p.source.path == "json_same_arxiv_different_dois.json"]
    assert [(n.severity, n.source.entry) for n in notes] == [("warning", 2)]
    assert "shares arXiv id 2405.00002 with json_same_arxiv_different_dois.json, entry 1" in notes[0].message
