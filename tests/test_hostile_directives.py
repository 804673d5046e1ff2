"""No text from the data is read as a directive by a MkDocs plugin.

Material's tags plugin reads `<!-- material/tags ... -->` in every page's Markdown before it is
rendered: a broken one stops the build, a valid one becomes a list of tagged pages. The hostile
files that carry one (in a title, an abstract, authors, venue, DOI, keywords) build, and each
page shows the directive as the text it was, its BibTeX entry included.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from generator.build import BuildResult
from generator.emit.citations import paper_csl, paper_ris
from generator.emit.exports import bibtex_entry
from generator.emit.render import code_block
from tests.sitebuild import FIXTURES, build_site

pytestmark = pytest.mark.slow  # builds sites with mkdocs

DIRECTIVE_FILES = (
    "title_material_tags_directive.txt",
    "title_material_tags_listing.txt",
    "json_material_tags_in_fields.json",
)


@pytest.fixture(scope="module")
def directive_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuildResult, Path]:
    work = tmp_path_factory.mktemp("directives")
    data = work / "data"
    data.mkdir()
    for name in DIRECTIVE_FILES:
        shutil.copy(FIXTURES / "hostile" / name, data)
    return build_site(data, work)


def article(path: Path) -> Tag:
    page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    found = page.select_one("article.md-content__inner")
    assert found is not None
    return found


def test_the_cite_block_is_html_no_plugin_reads() -> None:
    assert code_block("@misc{x,\n  title = {<!-- material/tags -->}\n}\n") == (
        "<pre><code>@misc{x,\n  title = {&lt;!-- material/tags --&gt;}\n}\n</code></pre>"
    )
    assert code_block("@misc{x, author = {\u202eEvil\u202c}}") == "<pre><code>@misc{x, author = {Evil}}\n</code></pre>"


def test_directives_in_the_data_show_as_text_on_every_page(directive_site: tuple[BuildResult, Path]) -> None:
    result, site = directive_site
    papers = result.catalog.papers
    assert len(papers) == len(DIRECTIVE_FILES)
    for paper in papers:
        content = article(site / "papers" / paper.slug / "index.html")
        heading = content.find("h1")
        assert heading is not None and heading.get_text().rstrip("¶") == paper.title
        blocks = content.find_all("pre")
        shown = [block.get_text().strip("\n") for block in blocks]
        assert shown == [entry.strip("\n") for entry in (bibtex_entry(paper), paper_ris(paper), paper_csl(paper))]
        # A listing the plugin made would be a list of links to tagged pages.
        assert not content.select('a[href*="/papers/"] + ul, ul a[href$="/tags/"]')
    fields = next(p for p in papers if p.slug.startswith("tagsfields"))
    text = article(site / "papers" / fields.slug / "index.html").get_text()
    assert "a directive <!-- material/tags --> in it" in text
    assert "<!-- material/tags { include: [ -->, Ann Author" in text
    assert "<!--material/tags-->" in text and "<!-- material/tags -->" in text.split("Keywords:", 1)[1]
    # Titles are listed on the other pages too: as text there, every one.
    for path in (site / "all" / "index.html", site / "whats-new" / "index.html"):
        listed = article(path).get_text()
        assert all(paper.title in listed for paper in papers), path
    for topic in result.catalog.topics:
        listed = article(site / "topics" / topic.slug / "index.html").get_text()
        assert all(paper.title in listed for paper in papers if paper.slug in topic.papers), topic.slug
        if fields.slug in topic.papers:  # its one-line summary, the abstract's first sentence
            assert "An abstract with a directive <!-- material/tags --> in it." in listed
