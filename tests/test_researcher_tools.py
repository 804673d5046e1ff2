"""What researchers' tools read from the built site: citation tags, feeds of every term, exports."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import feedparser
import pytest
import rispy
from bs4 import BeautifulSoup

from tests.html import attribute
from tests.sitebuild import SHARED_FIXTURES, build_site

pytestmark = pytest.mark.slow  # builds sites with mkdocs


def head_meta(page: Path) -> dict[str, list[str]]:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    found: dict[str, list[str]] = {}
    for tag in soup.select("head meta[name^=citation_]"):
        found.setdefault(attribute(tag, "name"), []).append(attribute(tag, "content"))
    return found


def test_every_seed_paper_page_carries_highwire_citation_tags(seed_site: Path) -> None:
    pages = sorted((seed_site / "papers").glob("*/index.html"))
    assert len(pages) >= 244
    for page in pages:
        meta = head_meta(page)
        if "no longer in the collection" in page.read_text(encoding="utf-8"):
            continue
        assert len(meta.get("citation_title", [])) == 1, page
    ladder = head_meta(seed_site / "papers" / "mt-ladder" / "index.html")
    assert ladder["citation_title"] == [
        "MT-Ladder: A Model-Agnostic Framework Boosting LLM-based Machine Translation to the Next Level"
    ]


@pytest.fixture(scope="module")
def hf_day_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not SHARED_FIXTURES.is_dir():
        pytest.skip("real input samples not found")
    work = tmp_path_factory.mktemp("hf-day")
    data = work / "data"
    data.mkdir()
    shutil.copy(SHARED_FIXTURES / "hf_daily_papers" / "2025-10-01.json", data)
    _, site = build_site(data, work)
    return site


def test_a_hugging_face_day_gives_authors_dates_and_arxiv_to_reference_managers(hf_day_site: Path) -> None:
    exported = json.loads((hf_day_site / "papers.json").read_text(encoding="utf-8"))["papers"]
    paper = next(p for p in exported if p["authors"] and p["date"] and p["arxiv_id"])
    meta = head_meta(hf_day_site / "papers" / paper["slug"] / "index.html")
    assert meta["citation_title"] == [paper["title"]]
    assert meta["citation_author"] == paper["authors"]
    assert meta["citation_publication_date"] == [paper["date"].replace("-", "/")]
    assert meta["citation_arxiv_id"] == [paper["arxiv_id"]]
    assert meta["citation_pdf_url"] == [f"https://arxiv.org/pdf/{paper['arxiv_id']}"]


def feed_of(page: Path, site: Path) -> Path:
    """Return the file of the page's own Atom feed, found as a feed reader finds it."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    links = [attribute(a, "href") for a in soup.select('head link[rel=alternate][type="application/atom+xml"]')]
    own = [href for href in links if not href.endswith("/feed.xml")]
    assert len(own) == 1, (page, links)
    return (page.parent / own[0]).resolve()


def test_every_topic_model_family_and_benchmark_has_a_valid_feed_found_from_its_page(hf_day_site: Path) -> None:
    site = hf_day_site
    pages = [p for kind in ("topics", "models", "datasets") for p in sorted((site / kind).glob("*/index.html"))]
    assert any("/models/" in str(p) for p in pages) and any("/topics/" in str(p) for p in pages)
    exported = {p["slug"] for p in json.loads((site / "papers.json").read_text(encoding="utf-8"))["papers"]}
    for page in pages:
        path = feed_of(page, site)
        assert path.is_file(), path
        feed = feedparser.parse(path.read_text(encoding="utf-8"))
        assert not feed.bozo, path
        assert feed.entries, path
        linked = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("article li a[href*='papers/']")
        listed = {attribute(a, "href").rstrip("/").rsplit("/", 1)[-1] for a in linked}
        fed = {e.link.rstrip("/").rsplit("/", 1)[-1] for e in feed.entries}
        assert fed <= exported and fed <= listed, f"{path}: the feed holds papers its page does not list"


def test_the_ris_and_csl_exports_hold_every_paper(hf_day_site: Path) -> None:
    exported = json.loads((hf_day_site / "papers.json").read_text(encoding="utf-8"))["papers"]
    ris = rispy.loads((hf_day_site / "papers.ris").read_text(encoding="utf-8"))
    csl = json.loads((hf_day_site / "papers.csl.json").read_text(encoding="utf-8"))
    assert [e["id"] for e in ris] == [i["id"] for i in csl] == [p["slug"] for p in exported]
