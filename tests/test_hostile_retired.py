"""Data that the theme prints, not the Markdown: retired pages' titles and curated topic labels.

The hostile corpus (tests/fixtures/hostile) is built, then removed from the data and built again
with the same state file, so each of its papers leaves a "no longer in the collection" page titled
from the state. The second build's papers (tests/fixtures/topics) have topics whose labels a
curator wrote with markup in data/atlas-topics.yaml. Material prints a page's title in the header
and the <title>, and topic labels as tag chips and on the Tags page: no page of that site may
carry any of it as markup, and each shows exactly the text of the data. Labels the state file
remembers are data too.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from generator.build import build_catalog
from generator.config import Settings
from generator.emit.markdown import visible_text
from generator.model import Catalog
from tests.sitebuild import FIXTURES, TODAY, build_site

pytestmark = pytest.mark.slow  # builds sites with mkdocs

#: Curated labels, one per topic of the second build (the last is used for any further topic).
HOSTILE_LABELS = (
    "<img src=x onerror=alert(1)>",
    "<script>alert('label')</script> Topic",
    "</title><svg onload=alert(2)>",
    "<!-- material/tags -->",
    "Q&amp;A &lt;b&gt; already escaped",
)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def retired_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Catalog, Path]:
    work = tmp_path_factory.mktemp("retired")
    state = work / "atlas-state.json"
    hostile = work / "hostile"
    shutil.copytree(FIXTURES / "hostile", hostile)
    build_site(hostile, work, state_file=state, today="2026-01-14")
    # The hostile papers leave the data; the papers that replace them get curated labels.
    data = work / "data"
    data.mkdir()
    shutil.copy(FIXTURES / "topics" / "three_fields.jsonl", data)
    catalog, _ = build_catalog(Settings(data_dir=data, state_file=state, today=TODAY))
    slugs = [topic.slug for topic in catalog.topics]
    last = len(HOSTILE_LABELS) - 1
    labels = {slug: HOSTILE_LABELS[min(i, last)] + (f" {i}" if i > last else "") for i, slug in enumerate(slugs)}
    names = {slug: {"label": label, "description": f"About {label}"} for slug, label in labels.items()}
    (data / "atlas-topics.yaml").write_text(yaml.safe_dump({"names": names}), encoding="utf-8")
    result, site = build_site(data, work, state_file=state)
    assert {t.label for t in result.catalog.topics} == set(labels.values())
    return result.catalog, site


def script_id(script: Tag) -> str:
    """Say which script this is, wherever its page is: its file, or its code less relative paths."""
    code = str(script.get("src") or script.get_text())
    return re.sub(r'^(?:\.\.?/?|/)+|(?<=")(?:\.\.?/?|/)+', "", code)


def header_topic(page: BeautifulSoup) -> str:
    topic = page.select_one('[data-md-component="header-topic"]')
    assert topic is not None
    return topic.get_text().strip()


def test_every_hostile_title_left_a_retired_page(retired_site: tuple[Catalog, Path]) -> None:
    catalog, site = retired_site
    retired = [page for page in catalog.retired if not page.redirect_to]
    assert len(retired) >= 30
    for page in retired:
        assert (site / "papers" / page.slug / "index.html").is_file()


def test_no_page_of_the_site_carries_markup_from_the_data(retired_site: tuple[Catalog, Path]) -> None:
    _, site = retired_site
    # The theme's own scripts, as an ordinary hand-written page has them.
    theme = {script_id(script) for script in soup(site / "about" / "index.html")("script")}
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 50
    for path in pages:
        page = soup(path)
        for script in page("script"):
            assert script_id(script) in theme, f"{path}: {script}"
        for tag in page.find_all(True):
            assert not any(attr.lower().startswith("on") for attr in tag.attrs), f"{path}: {tag}"
            for attr in ("href", "src", "action", "formaction"):
                value = str(tag.get(attr, "")).strip().lower()
                assert not value.startswith(("javascript:", "data:", "vbscript:")), f"{path}: {tag}"
        assert not page.find(["img", "iframe", "object", "embed", "style"]), f"{path}"
        if page.title is not None:
            assert "<" not in page.title.decode_contents().replace("&lt;", ""), f"{path}: {page.title}"


def test_a_retired_page_shows_its_title_as_text_in_header_title_and_heading(
    retired_site: tuple[Catalog, Path],
) -> None:
    catalog, site = retired_site
    for retired in catalog.retired:
        if retired.redirect_to:
            continue
        page = soup(site / "papers" / retired.slug / "index.html")
        title = visible_text(retired.title)
        assert header_topic(page) == title, retired.slug
        assert page.title is not None and page.title.get_text() == f"{title} - Paper Atlas"
        heading = page.select_one("article h1")
        assert heading is not None and heading.get_text().rstrip("¶") == title


def test_curated_labels_show_as_text_in_tags_topic_pages_and_the_tags_page(
    retired_site: tuple[Catalog, Path],
) -> None:
    catalog, site = retired_site
    labels = {topic.slug: topic.label for topic in catalog.topics}
    for paper in catalog.papers:
        page = soup(site / "papers" / paper.slug / "index.html")
        chips = [chip.get_text() for chip in page.select("nav.md-tags .md-tag")]
        assert chips == [labels[t] for t in paper.topics], paper.slug
    for topic in catalog.topics:
        page = soup(site / "topics" / topic.slug / "index.html")
        assert header_topic(page) == topic.label
        assert page.title is not None and page.title.get_text() == f"{topic.label} - Paper Atlas"
        heading = page.select_one("article h1")
        assert heading is not None and heading.get_text().rstrip("¶") == topic.label
    tags = soup(site / "tags" / "index.html")
    shown = {chip.get_text() for chip in tags.select("article .md-tag")}
    assert set(labels.values()) <= shown
    # The Tags page's table of contents lists the labels too, as text.
    toc = tags.select_one("nav.md-nav--secondary")
    assert toc is not None and not toc.find(re.compile("^(img|svg|script)$"))
    assert set(labels.values()) <= {link.get_text().strip() for link in toc.select("a.md-nav__link")}


def test_the_search_index_holds_the_data_as_escaped_text(retired_site: tuple[Catalog, Path]) -> None:
    _, site = retired_site
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    # Material's search shows titles and text as HTML, keeping only these tags of the page.
    kept = re.compile(r"</?(?:p|code|pre|li|ol|ul|sub|sup)>")
    for entry in index["docs"]:
        for field in ("title", "text"):
            assert "<" not in kept.sub("", entry[field]), f"{entry['location']}: {entry[field][:200]}"


def test_topic_labels_from_the_taxonomy_file_show_as_text(tmp_path: Path) -> None:
    # Labels are recomputed every build; the only label a build keeps is the curator's.
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(FIXTURES / "topics" / "three_fields.jsonl", data)
    state = tmp_path / "atlas-state.json"
    first, _ = build_site(data, tmp_path, state_file=state)
    assert first.catalog.topics
    names = {
        t.slug: {"label": f"<img src=x onerror=alert({i})> curated {i}"} for i, t in enumerate(first.catalog.topics)
    }
    (data / "atlas-topics.yaml").write_text(yaml.safe_dump({"names": names}), encoding="utf-8")
    result, site = build_site(data, tmp_path, state_file=state)
    labels = {topic.slug: topic.label for topic in result.catalog.topics}
    assert all(label.startswith("<img src=x") for label in labels.values()), "the curator's labels are kept"
    for paper in result.catalog.papers:
        page = soup(site / "papers" / paper.slug / "index.html")
        assert not page.find("img")
        assert [chip.get_text() for chip in page.select("nav.md-tags .md-tag")] == [labels[t] for t in paper.topics]
    for topic in result.catalog.topics:
        page = soup(site / "topics" / topic.slug / "index.html")
        assert not page.find("img") and header_topic(page) == topic.label
