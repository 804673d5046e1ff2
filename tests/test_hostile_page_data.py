"""A paper page's data is shown by the theme: every value of it shows as text, whatever it holds.

The generator escapes nothing in the page-data file (the theme escapes at the last step), so the
file is tampered with here as an attacker would: markup, attribute breakers and non-http links in
every field the theme prints, and a link to a page that is not there.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from generator.emit.page_file import PAGE_DATA, page_data_line, read_page_data_line
from generator.workspace import copy_hand_written_docs, site_config
from tests.html import attribute
from tests.sitebuild import FIXTURES, generate
from tests.test_hostile import ALLOWED_TAGS, MATERIAL_TAGS

pytestmark = pytest.mark.slow  # builds sites with mkdocs

SCRIPT = "<script>alert(1)</script>"
BREAKER = '"><img src=x onerror=alert(2)>'
HOSTILE_DATA: dict[str, Any] = {
    "published": BREAKER,
    "arxiv": [SCRIPT, "javascript:alert(3)"],
    "categories": "</p><h1>cats</h1>",
    "topics": [[SCRIPT, "topics/other-papers.md"]],
    "models": [[BREAKER, ""]],
    "domain": "<!-- material/tags -->",
    "upvotes": "<b>9</b>",
    "links": [[SCRIPT, "javascript:alert(4)", "javascript:alert(4)"], ["Code", BREAKER, 'https://x.org/"onclick="a()']],
    "results": [[SCRIPT, BREAKER, "</td></tr></table><script>x()</script>", "", "", "{{ 7*7 }}"]],
    "related": [[SCRIPT, "papers/a-study-of-things-without-a-name.md", BREAKER, "</li></ul>" + SCRIPT]],
    "neighbourhood": {"label": BREAKER, "self": SCRIPT, "mentions": BREAKER},
    "mentions": [[BREAKER, "papers/a-study-of-things-without-a-name.md", "", SCRIPT]],
    "mentioned_by": [[SCRIPT, "papers/a-study-of-things-without-a-name.md", "", BREAKER]],
    "mentioned_by_more": SCRIPT,
    "keywords": BREAKER,
    "bibtex": "</code></pre>" + SCRIPT,
    "ris": "</details>" + SCRIPT,
    "csl": BREAKER,
    "source": "</p>" + SCRIPT,
    "citation": [["citation_title", BREAKER], [BREAKER, SCRIPT]],
}


def tampered_site(work: Path, data: dict[str, Any]) -> tuple[subprocess.CompletedProcess[str], Path]:
    """Generate the page-chrome listing, give tinynet's page `data`, and build with `mkdocs build --strict`."""
    source = work / "data"
    source.mkdir()
    shutil.copy(FIXTURES / "listings" / "listing_with_page_chrome.txt", source)
    docs = work / "docs_src"
    copy_hand_written_docs(docs)
    generate(source, docs)
    lines = [read_page_data_line(line) for line in (docs / PAGE_DATA).read_text(encoding="utf-8").split("\n") if line]
    assert "papers/tinynet.md" in dict(lines)
    changed = [page_data_line(path, data if path == "papers/tinynet.md" else found) for path, found in lines]
    (docs / PAGE_DATA).write_text("".join(changed), encoding="utf-8")
    config = site_config(work, docs, work / "site")
    # Not --quiet: MkDocs counts only the warnings it logs, and --quiet logs none.
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)]
    return subprocess.run(command, capture_output=True, text=True, check=False), work / "site"


#: The results table, which no paper of the hostile corpus has (tests/test_hostile.py).
TABLE_TAGS = {"table", "thead", "tbody", "tr", "th", "td"}


def test_every_value_of_the_page_data_shows_as_text(tmp_path: Path) -> None:
    completed, site = tampered_site(tmp_path, HOSTILE_DATA)
    assert completed.returncode == 0, completed.stderr
    path = site / "papers" / "tinynet" / "index.html"
    page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    for tag in page.find_all(True):
        assert not any(attr.lower().startswith("on") for attr in tag.attrs), tag
    article = page.select_one("article.md-content__inner")
    assert article is not None
    assert {tag.name for tag in article.find_all(True)} <= ALLOWED_TAGS | set(MATERIAL_TAGS) | TABLE_TAGS
    assert len(article.find_all("h1")) == 1 and len(article.find_all("table")) == 1
    text = page.get_text()
    for value in (SCRIPT, BREAKER, "</p><h1>cats</h1>", "<!-- material/tags -->", "<b>9</b>", "{{ 7*7 }}"):
        assert value in text, value
    assert "</code></pre>" + SCRIPT in text and "</details>" + SCRIPT in text
    hrefs = [attribute(a, "href") for a in page.find_all("a", href=True)]
    assert not [h for h in hrefs if "alert" in h or "onclick" in h or h.startswith("javascript")], hrefs
    related = article.select('a[href="../a-study-of-things-without-a-name/"]')
    assert related and related[0].get("data-short-name") == BREAKER, "an attribute holds the value whole"
    hood = article.select_one("div.atlas-neighbourhood")
    assert hood is not None and hood.get("aria-label") == BREAKER and hood.get("data-self") == SCRIPT
    metas = {(m.get("name"), m.get("content")) for m in page.find_all("meta") if m.get("name") != "viewport"}
    assert ("citation_title", BREAKER) in metas and (BREAKER, SCRIPT) in metas
    raw = path.read_text(encoding="utf-8")
    assert SCRIPT not in raw and "<img src=x" not in raw


def test_a_link_to_a_page_that_is_not_there_fails_the_strict_build(tmp_path: Path) -> None:
    data: dict[str, Any] = {"related": [["Gone", "papers/gone.md", "", "mentions Gone"]], "source": "x", "citation": []}
    data.update({"bibtex": "", "ris": "", "csl": json.dumps([])})
    completed, _ = tampered_site(tmp_path, data)
    assert completed.returncode != 0
    assert "papers/tinynet.md links to papers/gone.md, which is not in the docs folder" in completed.stderr
