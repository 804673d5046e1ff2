"""A paper page's data: one file read once, each page's part resolved for the page it is shown on."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from mkdocs.structure.files import File, Files
from mkdocs.structure.toc import AnchorLink, TableOfContents

from generator.emit.page_file import PAGE_DATA, page_data_line, read_page_data_line
from generator.page_data import PageData, add_sections, outside_url, paper_context
from tests.sitebuild import ROOT

CONTENT = '<h1 id="t">T</h1>\n<p>Short name: T</p>\n<h2 id="abstract">Abstract</h2>\n<p>Text.</p>'


def files(*paths: str) -> Files:
    return Files([File(path, "/docs", "/site", use_directory_urls=True) for path in paths])


def page(src: str = "papers/a.md", title_id: str = "t", content: str = CONTENT) -> Any:
    heading = AnchorLink("T", title_id, 1)
    heading.children = [AnchorLink("Abstract", "abstract", 2)]
    return SimpleNamespace(
        file=File(src, "/docs", "/site", use_directory_urls=True), content=content, toc=TableOfContents([heading])
    )


def test_the_file_is_read_once_and_each_page_on_demand(tmp_path: Path) -> None:
    (tmp_path / "papers").mkdir()
    lines = [page_data_line("papers/a.md", {"authors": "Ann\u2028Bo"}), page_data_line("papers/b.md", {"domain": "x"})]
    (tmp_path / PAGE_DATA).write_text("".join(lines), encoding="utf-8")
    data = PageData(tmp_path)
    assert sorted(data.offsets) == ["papers/a.md", "papers/b.md"]
    assert data.get("papers/b.md") == {"domain": "x"}
    assert data.get("papers/a.md") == {"authors": "Ann\u2028Bo"}, "a line break inside a value is no line's end"
    assert data.get("about.md") is None
    assert PageData(tmp_path / "none").get("papers/a.md") is None, "no file: no page has data"


@pytest.mark.parametrize("path", ["../x.md", "papers/a.md\tx", "papers/a.md\n", "papers/a.json", ""])
def test_a_line_is_only_for_a_page_path(path: str) -> None:
    with pytest.raises(ValueError, match="not a page path"):
        page_data_line(path, {})


def test_a_line_reads_back_as_its_page_and_data() -> None:
    data = {"keywords": "a\tb", "results": [["1", "<b>"]]}
    assert read_page_data_line(page_data_line("papers/a.md", data).encode()) == ("papers/a.md", data)


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://github.com/a/b", True),
        ("HTTP://example.org/x", True),
        ("javascript:alert(1)", False),
        ("data:text/html,x", False),
        ("//evil.example/x", False),
        ('https://x.org/"onmouseover="alert(1)', False),
        ("https://x.org/<script>", False),
        ("", False),
    ],
)
def test_only_http_urls_are_links(url: str, kept: bool) -> None:
    assert outside_url(url) == (url if kept else "")


def test_links_to_pages_are_resolved_from_the_page() -> None:
    data = {
        "topics": [["Stars", "topics/stars.md"]],
        "models": [["Llama-3-8B", "models/llama.md"], ["Mystery-1B", ""]],
        "related": [["B", "papers/b.md", "B", "same topic: Stars"]],
        "links": [["Code", "javascript:alert(1)", "javascript:alert(1)"], ["Code", "https://x.org/", "https://x.org/"]],
        "arxiv": ["2401.00001", "javascript:alert(1)"],
    }
    site = files("papers/a.md", "papers/b.md", "topics/stars.md", "models/llama.md", "papers.json", "all/index.md")
    shown = paper_context(data, page(), site)
    assert shown["topics"] == [["Stars", "../../topics/stars/"]]
    assert shown["models"] == [["Llama-3-8B", "../../models/llama/"], ["Mystery-1B", ""]]
    assert shown["related"] == [["B", "../b/", "B", "same topic: Stars"]]
    assert shown["links"] == [["Code", "javascript:alert(1)", ""], ["Code", "https://x.org/", "https://x.org/"]]
    assert shown["arxiv"] == ["2401.00001", ""]
    assert (shown["papers_json"], shown["all_papers"]) == ("../../papers.json", "../../all/")
    assert shown["head"] + shown["tail"] == CONTENT and shown["tail"].startswith('<h2 id="abstract">')


def test_a_link_to_a_page_that_is_not_there_is_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    data = {"related": [["Gone", "papers/gone.md", "", "mentions Gone"]]}
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.paper_atlas"):
        shown = paper_context(data, page(), files("papers/a.md", "papers.json", "all/index.md"))
    assert shown["related"] == [["Gone", "", "", "mentions Gone"]]
    assert "papers/a.md links to papers/gone.md, which is not in the docs folder" in caplog.text


@pytest.mark.parametrize(
    ("title_id", "ids"),
    [
        ("t", ["links", "results", "related-papers", "mentions", "mentioned-by", "cite"]),
        ("cite", ["links", "results", "related-papers", "mentions", "mentioned-by", "cite_1"]),
        ("links", ["links_1", "results", "related-papers", "mentions", "mentioned-by", "cite"]),
    ],
)
def test_sections_get_ids_no_other_heading_has_and_toc_entries(title_id: str, ids: list[str]) -> None:
    data = {key: [["x"]] for key in ("links", "results", "related", "mentions", "mentioned_by")}
    shown = page(title_id=title_id)
    sections = add_sections(data, shown.toc)
    assert [section["id"] for section in sections.values()] == ids
    entries = [anchor.id for anchor in next(iter(shown.toc)).children]
    assert entries == [*ids[:2], "abstract", *ids[2:]], "the table of contents lists them in the page's order"


def test_only_the_sections_a_paper_has_are_added() -> None:
    shown = page()
    assert list(add_sections({"links": [], "mentions": [["x"]]}, shown.toc)) == ["mentions", "cite"]
    assert [anchor.title for anchor in next(iter(shown.toc)).children] == ["Abstract", "Mentions", "Cite"]


def test_the_hook_imports_no_enricher() -> None:
    # The hook imports this module at every build; the enrichers' imports (scikit-learn) take seconds.
    code = (
        "import sys, generator.page_data; print(sorted({m.split('.')[0] for m in sys.modules} & {'sklearn', 'numpy'}))"
    )
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert found.stdout.strip() == "[]"
