"""End to end: real `mkdocs build --strict` runs over the default data and the hostile listing."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup, Tag

from generator.build import build_catalog
from generator.config import Settings
from generator.emit.page_file import PAGE_DATA
from tests.html import attribute, following, one
from tests.sitebuild import FIXTURES, ROOT, SHARED_FIXTURES, build_site, generate

pytestmark = pytest.mark.e2e

DEBRIS = re.compile(r"\\%|textit\{|_\{|\\methodname|\\growlength|\\ewtune|``|\{https?:")


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def content(page: BeautifulSoup) -> Tag:
    return one(page, "article.md-content__inner")


def test_every_seed_paper_has_a_page_with_its_exact_title(seed_site: Path) -> None:
    catalog, _ = build_catalog(Settings(data_dir=ROOT / "data"))
    assert len(catalog.papers) == 244
    pages = sorted((seed_site / "papers").glob("*/index.html"))
    assert len(pages) == 244
    for paper in catalog.papers:
        page = soup(seed_site / "papers" / paper.slug / "index.html")
        heading = content(page).find("h1")
        assert heading is not None
        assert heading.get_text().rstrip("¶") == paper.title


def test_no_latex_debris_survives_on_any_paper_page(seed_site: Path) -> None:
    for path in (seed_site / "papers").glob("*/index.html"):
        article = content(soup(path))
        for block in article.find_all("pre"):
            block.decompose()  # the BibTeX to copy is LaTeX on purpose
        text = article.get_text()
        assert not DEBRIS.search(text), f"{path}: {DEBRIS.search(text)}"


def test_seed_code_links_are_clean(seed_site: Path) -> None:
    hrefs = set()
    for path in (seed_site / "papers").glob("*/index.html"):
        hrefs |= {attribute(a, "href") for a in content(soup(path)).find_all("a", href=re.compile(r"^https?://"))}
    assert "https://github.com/EmpathYang/TinyHelen" in hrefs
    assert "https://github.com/linkedin/ControlLLM" in hrefs
    assert "https://llm-stacking.github.io/" in hrefs
    assert "https://aka.ms/redstone" in hrefs
    bad = [h for h in hrefs if re.search(r"[.,;)}]$|\.git$|\{", h)]
    assert bad == []


def test_macros_become_the_papers_short_name(seed_site: Path) -> None:
    text = content(soup(seed_site / "papers" / "switchgpt" / "index.html")).get_text()
    assert "we propose a novel approach, SwitchGPT, from" in text
    text = content(soup(seed_site / "papers" / "growlength" / "index.html")).get_text()
    assert "named \u201cGrowLength\u201d" in text


def test_paper_pages_stay_out_of_the_navigation(seed_site: Path) -> None:
    page = soup(seed_site / "papers" / "mt-ladder" / "index.html")
    nav_links = page.select("nav.md-nav--primary a[href]")
    assert not [a["href"] for a in nav_links if "/papers/" in a["href"]], "paper pages stay out of the navigation"
    assert len(nav_links) < 20, "the navigation lists the site's sections only"
    assert (seed_site / "papers" / "mt-ladder" / "index.html").stat().st_size < 60_000


def test_site_loads_nothing_from_the_network(seed_site: Path) -> None:
    for path in seed_site.rglob("*.html"):
        page = soup(path)
        for tag in page.find_all(["link", "script", "img"]):
            if tag.name == "link" and {"canonical", "alternate"} & set(tag.get_attribute_list("rel")):
                continue  # names the page's address; the browser loads nothing from it
            url = str(tag.get("href") or tag.get("src") or "")
            assert not re.match(r"(https?:)?//", url), f"{path}: loads {url}"


def test_search_index_covers_every_paper(seed_site: Path) -> None:
    index = json.loads((seed_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert sum(1 for loc in locations if loc.startswith("papers/") and loc != "papers/") == 244


def test_hostile_listing_shows_as_text_and_injects_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(FIXTURES / "listings" / "listing_hostile.txt", data)
    result, site = build_site(data, tmp_path)
    clean_data = tmp_path / "clean-data"
    clean_data.mkdir()
    shutil.copy(FIXTURES / "listings" / "listing_with_page_chrome.txt", clean_data)
    _, clean_site = build_site(clean_data, tmp_path / "clean")
    reference = soup(clean_site / "papers" / "tinynet" / "index.html")
    expected_scripts = len(reference.find_all("script"))
    for paper in result.catalog.papers:
        raw = (site / "papers" / paper.slug / "index.html").read_text(encoding="utf-8")
        page = BeautifulSoup(raw, "html.parser")
        assert len(page.find_all("script")) == expected_scripts, paper.slug
        assert page.find("img") is None
        assert page.title is not None and "<" not in page.title.decode_contents().replace("&lt;", "")
        for tag in page.find_all(True):
            assert not any(attr.startswith("on") for attr in tag.attrs), f"{paper.slug}: {tag}"
            assert not str(tag.get("href", "")).lower().startswith(("javascript:", "data:"))
        heading = content(page).find("h1")
        assert heading is not None and heading.get_text().rstrip("¶") == paper.title
    page = soup(site / "papers" / "script-alert-title-script-scripted-a-title-that-carries-a" / "index.html")
    assert "<script>alert(2)</script> as text" in content(page).get_text()
    jinja = content(soup(site / "papers" / "config-raw-template-jinja-in-a-title" / "index.html")).get_text()
    assert "{{ 7*7 }}" in jinja and "{% if true %}yes{% endif %}" in jinja


def test_same_data_gives_byte_identical_docs_and_no_rewrites(tmp_path: Path) -> None:
    first = generate(ROOT / "data", tmp_path / "a")
    generate(ROOT / "data", tmp_path / "b")
    again = generate(ROOT / "data", tmp_path / "a")
    files_a = {p.relative_to(tmp_path / "a"): p.read_bytes() for p in (tmp_path / "a").rglob("*") if p.is_file()}
    files_b = {p.relative_to(tmp_path / "b"): p.read_bytes() for p in (tmp_path / "b").rglob("*") if p.is_file()}
    assert files_a == files_b and Path(PAGE_DATA) in files_a
    topics = len(first.catalog.topics)
    hubs = sum(len(vocabulary.terms) for vocabulary in first.catalog.hubs)
    # papers, topics and hubs with their indexes and their feeds, all-papers, home, what's new,
    # feed, json, bib, ris, csl-json, the explore pages with their data (table, map, timeline, vectors),
    # and the paper pages' data
    # (the author and venue indexes are empty: the seed names no authors)
    assert len(first.report.written) == 244 + 2 * topics + 1 + 2 * hubs + 4 + 8 + 6 + 1
    assert again.report.written == [] and again.report.removed == []


@pytest.mark.usefixtures("shared_fixtures")
def test_every_fixture_format_builds_into_one_site_with_a_valid_feed(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(SHARED_FIXTURES, data, ignore=shutil.ignore_patterns("*.md"))
    shutil.copy(ROOT / "data" / "trending-papers.txt", data)
    result, site = build_site(data, tmp_path / "work")
    catalog = result.catalog
    assert catalog.errors == []
    assert catalog.records_read == 244 + 10 + 100 + 200 + 46 + 13 + 37 + 25 + 39
    assert len(catalog.papers) == catalog.records_read - catalog.merged
    # "Stacking Your Transformers" is in the seed and in the 2024 daily papers: one page, two sources.
    stacking = next(p for p in catalog.papers if p.title.startswith("Stacking Your Transformers"))
    # Files are read in sorted path order, so the daily-papers record comes first and gives the identity.
    assert stacking.record.arxiv_id == "2405.15319"
    assert stacking.source.path == "hf_daily_papers/2024-05-27_older_format.json"
    assert [s.path for s in stacking.record.also_from] == ["trending-papers.txt"]
    assert len(list((site / "papers").glob("*/index.html"))) == len(catalog.papers)
    feed = feedparser.parse((site / "feed.xml").read_text(encoding="utf-8"))
    assert not feed.bozo and len(feed.entries) == 50
    whats_new = content(soup(site / "whats-new" / "index.html")).get_text()
    assert f"Added ({len(catalog.papers)})" in whats_new
    # Authors and venues are taxonomies too: a page each, linked from the papers' pages.
    maestro = content(soup(site / "authors" / "adrian-del-maestro" / "index.html"))
    assert "10 papers are by this author" in maestro.get_text()  # 6 as "Adrian", 4 as "A. Del Maestro"
    assert "Frequent co-authors" in maestro.get_text() and maestro.select("a[href$='subir-sachdev/']")
    index = content(soup(site / "authors" / "index.html")).get_text()
    assert "Adrian Del Maestro: also written A. Del Maestro." in index
    assert "kept apart, as it could be" in index
    written_as_initials = next(p for p in catalog.papers if "A. Del Maestro" in p.record.authors)
    page = content(soup(site / "papers" / written_as_initials.slug / "index.html"))
    assert [a.get_text() for a in page.select("a[href$='/authors/adrian-del-maestro/']")] == ["A. Del Maestro"]
    timeline = content(soup(site / "explore" / "timeline" / "index.html"))
    assert timeline.select_one(".atlas-map[data-layout='timeline'][data-source='../map.json']") is not None
    nodes = json.loads((site / "explore" / "map.json").read_text(encoding="utf-8"))["nodes"]
    assert sum(bool(node[6]) for node in nodes) >= 400, "the timeline's dates are missing from map.json"
    # An abbreviation is the venue it abbreviates, and the paper's page links its venue.
    abbreviated = next(p for p in catalog.papers if p.record.venue.startswith("Phys. Rev. B"))
    page = content(soup(site / "papers" / abbreviated.slug / "index.html"))
    assert page.select("a[href$='/venues/physical-review-b/']"), "the venue is not linked"
    venue = content(soup(site / "venues" / "phys-rev-d" / "index.html")).get_text()
    assert "Phys. Rev. D" in venue and "appeared in this venue" in venue


def test_a_merged_papers_old_url_redirects_in_the_built_site(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    state = tmp_path / "state.json"
    (data / "a.yaml").write_text("- title: 'First: Spelling'\n- title: 'Second: Spelling'\n")
    build_site(data, tmp_path / "work", state, today="2026-01-01")
    (data / "a.yaml").write_text(
        "- {title: 'First: Spelling', doi: 10.1234/same}\n- {title: 'Second: Spelling', doi: 10.1234/same}\n"
    )
    _, site = build_site(data, tmp_path / "work", state, today="2026-01-02")
    page = soup(site / "papers" / "second" / "index.html")
    refresh = page.find("meta", attrs={"http-equiv": "refresh"})
    assert refresh is not None and refresh["content"] == "0; url=../first/"
    assert (site / "papers" / "first" / "index.html").exists()


@pytest.mark.parametrize(
    ("source", "target"), [("efficientllm", "llm-pruner"), ("fira", "galore"), ("ee-tuning", "ee-llm")]
)
def test_mentions_link_both_ways_with_their_sentence(seed_site: Path, source: str, target: str) -> None:
    mentioning = content(soup(seed_site / "papers" / source / "index.html"))
    assert mentioning.find("a", href=f"../{target}/") is not None
    mentioned = content(soup(seed_site / "papers" / target / "index.html"))
    heading = mentioned.find("h2", id="mentioned-by")
    assert heading is not None
    back = heading.find_next("ul")
    assert back is not None and back.find("a", href=f"../{source}/") is not None
    assert "“" in back.get_text()  # the sentence is quoted as context


def test_topics_index_topic_pages_and_tags_cover_every_seed_paper(seed_site: Path) -> None:
    index = content(soup(seed_site / "topics" / "index.html"))
    rows = index.select("table tbody tr")
    assert 5 <= len(rows) <= 30
    assert sum(int(row.select("td")[1].get_text()) for row in rows) == 244
    on_topic_pages: set[str] = set()
    for row in rows:
        href = attribute(one(row, "a"), "href")
        topic = content(soup(seed_site / "topics" / href.strip("/").split("/")[-1] / "index.html"))
        assert one(topic, "h1").get_text().rstrip("¶") == one(row, "a").get_text()
        on_topic_pages |= {attribute(a, "href").split("/")[-2] for a in topic.select("li > a[href*='papers/']")}
    assert len(on_topic_pages) == 244
    tags = content(soup(seed_site / "tags" / "index.html"))
    assert len({attribute(a, "href") for a in tags.select("a[href*='papers/']")}) == 244


def test_a_paper_page_shows_its_topics_as_tags_and_five_related_papers_with_reasons(seed_site: Path) -> None:
    page = content(soup(seed_site / "papers" / "mt-ladder" / "index.html"))
    tags = page.select("nav.md-tags a.md-tag")
    assert 1 <= len(tags) <= 3 and all("tags/#tag:" in attribute(a, "href") for a in tags)
    related = following(one(page, "h2#related-papers"), "ul").select("li")
    assert len(related) == 5
    papers = {p["slug"]: p for p in json.loads((seed_site / "papers.json").read_text(encoding="utf-8"))["papers"]}
    ladder = papers["mt-ladder"]
    for item in related:
        href = attribute(one(item, "a"), "href")
        assert href.startswith("../")
        said = item.get_text().removeprefix(one(item, "a").get_text()).removeprefix(": ")
        if said == "similar wording":  # only when nothing more specific is shared, and then said so
            other = papers[href.strip("/").split("/")[-1]]
            assert not set(ladder["topics"]) & set(other["topics"]), "a shared topic left unsaid"
        else:
            assert "shared terms:" in said or "same topic:" in said or "mention" in said or "both " in said
    index = json.loads((seed_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not any("tags" in doc for doc in index["docs"]), "topics are tags, not boosted search fields"
    assert not any(
        d["location"].startswith("papers/") and d["location"].endswith("#related-papers") for d in index["docs"]
    )


def test_paper_pages_show_models_datasets_results_and_link_their_hubs(seed_site: Path) -> None:
    page = content(soup(seed_site / "papers" / "mt-ladder" / "index.html"))
    text = " ".join(page.get_text().split())
    assert "Models: GPT-4, Gemma-2B, Gemma-7B, BigTranslate-13B, MT-Ladder-2B, MT-Ladder-7B" in text
    assert "Domain: multilingual" in text
    gpt = page.find("a", string="GPT-4")
    assert isinstance(gpt, Tag) and attribute(gpt, "href") == "../../models/gpt/"
    values = [row.select("td")[0].get_text() for row in following(one(page, "h2#results"), "table").select("tbody tr")]
    assert values == ["+6.91", "+3.52"]
    aime = content(soup(seed_site / "datasets" / "aime" / "index.html"))
    rows = following(one(aime, "h2#leaderboard"), "table").select("tbody tr")
    assert rows and all("AIME" in row.select("td")[3].get_text() for row in rows)
    assert "50 points" not in " ".join(row.get_text() for row in rows), "DAPO's sentence names no metric"
    # gains are no scores, nor is a score of no named metric one of a leaderboard: both are listed,
    # worded as what they are (GSM8K's hub in the seed has only such results, so no leaderboard)
    hub = content(soup(seed_site / "datasets" / "gsm8k" / "index.html"))
    assert not hub.select("h2#leaderboard")
    others = " ".join(following(one(hub, "h2#other-results-reported"), "ul").get_text().split())
    assert "8.26 pp gain on GSM8K over the base data mix" in others
    assert "82.1% on GSM8K, a score (no metric named)" in others
    models = content(soup(seed_site / "models" / "index.html"))
    counts = {row.select("td")[0].get_text(): int(row.select("td")[1].get_text()) for row in models.select("tbody tr")}
    assert counts["Llama"] >= 10 and min(counts.values()) >= 2
