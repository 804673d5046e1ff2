"""The hostile corpus (tests/fixtures/hostile, one attack or breakage per file) builds safely.

Every file is either read, with its text shown as text in the built HTML, or reported by name;
nothing from the data becomes markup, script, an event handler or a non-http link.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.model import Catalog, Paper
from tests.html import attribute
from tests.sitebuild import FIXTURES, build_site

pytestmark = pytest.mark.slow  # builds sites with mkdocs

HOSTILE = FIXTURES / "hostile"
#: Files that are broken on purpose: each must be reported, by name, as rejected.
BROKEN = {
    "bib_unclosed_brace.bib",
    "binary_png.txt",
    "empty_file.txt",
    "encoding_latin1.txt",
    "json_deeply_nested.json",
    "jsonl_broken_lines.jsonl",
    "unknown_format.pdf",
    "yaml_billion_laughs.yaml",
    "yaml_python_object_tag.yaml",
}
#: Files with some records rejected (each reported with its line or entry) whose other records build.
PARTLY_REJECTED = {
    "atom_truncated_entry.xml",
    "title_only_invisible.txt",
}
#: Files whose bad fields are repaired or dropped with a warning, by a part of the warning's text.
WARNED = {
    "url_bracketed_host.json": "is not a usable http(s) URL; ignored",
    "title_c0_control.txt": "that XML cannot hold",
    "csv_nul_after_8k.csv": "that XML cannot hold",
    "csv_nul_early.csv": "that XML cannot hold",
    "json_number_out_of_range.json": "is not a whole number in range; ignored",
    "yaml_infinity.yaml": "is not a whole number in range; ignored",
    "doi_invalid.bib": "is not a DOI",
    "abstract_over_limit.txt": "cut to the limit",
}
#: What the content of a paper page may be made of; anything else came from the data.
ALLOWED_TAGS = {
    "article",
    "h1",
    "h2",
    "p",
    "a",
    "em",
    "strong",
    "code",
    "pre",
    "span",
    "ul",
    "li",
    "hr",
    "sub",
    "sup",
    "summary",
}
#: Markup the site makes itself in the article, by the class it must carry: Material's list of the
#: page's tags (its topics), the neighbourhood graph (generator/emit/explore.py) and the reading
#: list's star (assets/javascripts/reading-list.js), and the folded RIS and CSL-JSON entries.
MATERIAL_TAGS = {
    "nav": {"md-tags"},
    "div": {"atlas-neighbourhood", "atlas-star-slot"},
    "details": {"atlas-cite"},
}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory):
    work = tmp_path_factory.mktemp("hostile")
    data = work / "data"
    shutil.copytree(HOSTILE, data)
    return build_site(data, work / "build")


def papers_from(catalog: Catalog, name: str) -> list[Paper]:
    """Return the papers a file of the corpus gave, alone or merged with another file's."""
    return [p for p in catalog.papers if name in {s.path for s in (p.source, *p.record.also_from)}]


#: What a term page (an author's, a venue's) and an index add: the papers' lines, the export
#: buttons' slot, the tables and bar charts.
TERM_PAGE_TAGS = ALLOWED_TAGS | {"br", "table", "thead", "tbody", "tr", "th", "td"}
TERM_SITE_TAGS = {
    **MATERIAL_TAGS,
    "div": {"atlas-list-export", "atlas-bar-row", "atlas-bar-row atlas-bar-rest"},
    "figure": {"atlas-chart"},
    "figcaption": {""},
}


def check_page_is_text(
    path: Path, allowed: set[str] = ALLOWED_TAGS, site_tags: dict[str, set[str]] = MATERIAL_TAGS
) -> BeautifulSoup:
    """Check that a built page holds no markup, script, event handler or non-http link from the data."""
    page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    assert page.title is not None and "<" not in page.title.decode_contents().replace("&lt;", "")
    for tag in page.find_all(True):
        assert not any(attr.lower().startswith("on") for attr in tag.attrs), f"{path}: {tag}"
        for attr in ("href", "src", "action", "formaction"):
            value = str(tag.get(attr, "")).strip().lower()
            assert not value.startswith(("javascript:", "data:", "vbscript:")), f"{path}: {tag}"
    article = page.select_one("article.md-content__inner")
    assert article is not None
    used = {tag.name for tag in article.find_all(True)} | {"article"}
    assert used <= allowed | set(site_tags), f"{path}: {used - allowed}"
    for name, css_classes in site_tags.items():
        for tag in article.find_all(name):
            classes = " ".join(c for c in tag.get_attribute_list("class") if c)
            assert classes in css_classes, f"{path}: {tag}"
    for link in article.find_all("a", href=True):
        assert re.match(r"https?://|[#.a-z0-9]", attribute(link, "href")), f"{path}: {link}"
    return page


@pytest.mark.parametrize("name", sorted(path.name for path in HOSTILE.iterdir()))
def test_each_hostile_file_is_reported_by_name_or_builds_pages_that_show_it_as_text(hostile_site, name: str) -> None:
    result, site = hostile_site
    papers = papers_from(result.catalog, name)
    if name in BROKEN | PARTLY_REJECTED:
        assert any(p.source.path == name for p in result.catalog.errors), f"{name} is not reported"
    if name not in BROKEN:
        assert papers, f"{name} built no paper"
    for paper in papers:
        page = check_page_is_text(site / "papers" / paper.slug / "index.html")
        heading = page.select_one("article h1")
        assert heading is not None
        assert heading.get_text().rstrip("¶") == re.sub(r"[\u200b-\u200f\u202a-\u202e]", "", paper.title)


def test_every_broken_file_is_reported_by_name_and_the_rest_builds(hostile_site) -> None:
    result, _ = hostile_site
    catalog = result.catalog
    rejected = {p.source.path for p in catalog.errors}
    assert rejected == BROKEN | PARTLY_REJECTED
    counts = {c.path: c for c in catalog.file_counts()}
    assert set(counts) == {p.name for p in HOSTILE.iterdir()}, "every file is accounted for"
    assert sum(c.read for c in counts.values()) == catalog.records_read
    assert catalog.records_read - catalog.merged == len(catalog.papers)
    assert sum(c.rejected for c in counts.values()) == len(catalog.errors)
    for name, part in WARNED.items():
        assert any(p.severity == "warning" and part in p.message for p in catalog.problems if p.source.path == name), (
            name
        )


def test_every_paper_page_runs_the_same_scripts(hostile_site) -> None:
    _, site = hostile_site
    pages = sorted((site / "papers").glob("*/index.html"))
    scripts = {len(BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find_all("script")) for path in pages}
    assert pages and len(scripts) == 1, f"paper pages run different numbers of scripts: {sorted(scripts)}"


def test_abstract_attacks_show_as_text(hostile_site) -> None:
    _, site = hostile_site

    def text(slug: str) -> str:
        page = BeautifulSoup((site / "papers" / slug / "index.html").read_text(encoding="utf-8"), "html.parser")
        article = page.select_one("article.md-content__inner")
        assert article is not None
        return article.get_text()

    assert "<script>alert(2)</script>" in text("handlernet")
    assert "javascript:alert(1) and data:text/html" in text("schemenet")
    assert "![x](https://evil.example/track.png)" in text("imagenet2")
    assert "{{ 7*7 }}" in text("script-alert-json-script-jsonnet-hostile-fields")


def test_hostile_author_and_venue_names_get_pages_that_show_them_as_text(hostile_site) -> None:
    result, site = hostile_site
    authors = {t.label: t.slug for v in result.catalog.hubs if v.kind == "authors" for t in v.terms}
    venues = {t.label: t.slug for v in result.catalog.hubs if v.kind == "venues" for t in v.terms}
    assert "<img src=x onerror=alert('author')>" in authors and "[Eve](javascript:alert(1))" in authors
    assert "<script>alert('venue')</script> Journal" in venues
    pages = [site / "authors" / slug / "index.html" for slug in authors.values()]
    pages += [site / "venues" / slug / "index.html" for slug in venues.values()]
    pages += [site / "authors" / "index.html", site / "venues" / "index.html"]
    for path in pages:
        check_page_is_text(path, TERM_PAGE_TAGS, TERM_SITE_TAGS)
    path = site / "authors" / authors["<img src=x onerror=alert('author')>"] / "index.html"
    page = check_page_is_text(path, TERM_PAGE_TAGS, TERM_SITE_TAGS)
    heading = page.select_one("article h1")
    assert heading is not None and heading.get_text().rstrip("¶") == "<img src=x onerror=alert('author')>"
