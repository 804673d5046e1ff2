"""The hostile corpus in every export: papers.json, papers.bib, feed.xml, explore JSON, search index.

Each export must parse with the tool a reader would use, and hold the attacks as text: the same
characters the data had, never markup the export's reader would act on.
"""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ElementTree

import pytest
from bibtexparser.entrypoint import parse_string
from bs4 import BeautifulSoup

from tests.sitebuild import FIXTURES, build_site

pytestmark = pytest.mark.slow  # builds sites with mkdocs

HOSTILE = FIXTURES / "hostile"
ATOM = "{http://www.w3.org/2005/Atom}"
#: What Material's search index may hold as markup: it keeps inline formatting of the page.
SEARCH_TAGS = {"code", "em", "strong", "sub", "sup", "p", "a", "ul", "li", "pre", "span", "br"}


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory: pytest.TempPathFactory):
    work = tmp_path_factory.mktemp("hostile-exports")
    shutil.copytree(HOSTILE, work / "data")
    result, site = build_site(work / "data", work / "build")
    return result, site


def markup_of(text: str) -> list[str]:
    """Return the elements and event handlers an HTML reader would make of `text`."""
    soup = BeautifulSoup(text, "html.parser")
    found = [tag.name for tag in soup.find_all(True) if tag.name not in SEARCH_TAGS]
    found += [f"{tag.name}[{a}]" for tag in soup.find_all(True) for a in tag.attrs if a.lower().startswith("on")]
    found += [
        f"{tag.name}[href={tag['href']}]"
        for tag in soup.find_all(href=True)
        if str(tag["href"]).strip().lower().startswith(("javascript:", "data:", "vbscript:"))
    ]
    return found


def test_papers_json_holds_every_title_as_read(hostile_build) -> None:
    result, site = hostile_build
    exported = json.loads((site / "papers.json").read_text(encoding="utf-8"))["papers"]
    assert len(exported) == len(result.catalog.papers)
    by_slug = {p["slug"]: p for p in exported}
    for paper in result.catalog.papers:
        assert by_slug[paper.slug]["raw"]["title"] == paper.record.title


def test_papers_bib_parses_entry_for_entry(hostile_build) -> None:
    result, site = hostile_build
    library = parse_string((site / "papers.bib").read_text(encoding="utf-8"))
    assert library.failed_blocks == []
    assert len(library.entries) == len(result.catalog.papers)


def test_feed_entries_are_text_only(hostile_build) -> None:
    _, site = hostile_build
    feed = ElementTree.parse(site / "feed.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert entries
    for entry in entries:
        for name in ("title", "summary", "content"):
            element = entry.find(f"{ATOM}{name}")
            if element is None:
                continue
            assert list(element) == [], f"{name} holds XML elements: {ElementTree.tostring(element)!r}"
            if element.get("type") == "html":
                assert markup_of(element.text or "") == [], element.text


@pytest.mark.parametrize("name", ["explore/table.json", "explore/map.json"])
def test_explore_json_parses(hostile_build, name: str) -> None:
    _, site = hostile_build
    assert json.loads((site / name).read_text(encoding="utf-8"))


def test_search_index_holds_no_markup_from_the_data(hostile_build) -> None:
    _, site = hostile_build
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert len(index["docs"]) > 30
    for doc in index["docs"]:
        for field in ("title", "text"):
            assert markup_of(doc.get(field, "")) == [], f"{doc['location']} {field}: {doc.get(field, '')[:300]!r}"
