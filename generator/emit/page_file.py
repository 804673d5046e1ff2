"""The page-data file's format, and the cite block: what the generator and the MkDocs hook share.

The hook imports this module at every build, so it imports nothing heavier than the standard
library and the look-alike characters (not the enrichers, whose imports take seconds).
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from generator.text.lookalike import strip_invisible

#: The file of every paper page's data, in the docs folder: a dot file, which MkDocs neither
#: builds nor copies into the site. One line per page: its path, a tab, its data as JSON.
PAGE_DATA = "papers/.page-data.jsonl"

_PAGE_PATH = re.compile(r"[a-z0-9][a-z0-9/_-]*\.md")

#: The keys of a paper's page data that list its terms, as (name, page path): `emit.terms.paper_terms`.
TERM_KEYS = ("topics", "models", "datasets", "venues")
#: The keys that list other papers, as (name, page path, short name, what is said[, date]).
PEER_KEYS = ("related", "mentions", "mentioned_by", "earlier", "later")

#: The sections the theme adds to a paper page, by key: (heading id, heading).
SECTIONS = {
    "links": ("links", "Links"),
    "results": ("results", "Results"),
    "related": ("related-papers", "Related papers"),
    "mentions": ("mentions", "Mentions"),
    "mentioned_by": ("mentioned-by", "Mentioned by"),
    "lineage": ("line-of-work", "Line of work"),
    "cite": ("cite", "Cite"),
}


#: Characters JSON leaves as they are that some readers take for line breaks.
_LINE_BREAKS = re.compile("[\x85\u2028\u2029]")


def page_data_line(path: str, data: dict[str, Any]) -> str:
    """Return a page's line of the page-data file: its path, a tab and its data as compact JSON."""
    if _PAGE_PATH.fullmatch(path) is None:
        raise ValueError(f"not a page path: {path!r}")
    encoded = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    encoded = _LINE_BREAKS.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)
    return f"{path}\t{encoded}\n"


def read_page_data_line(line: str | bytes) -> tuple[str, dict[str, Any]]:
    """Return the page path and data of a line of the page-data file (see `page_data_line`)."""
    text = line.decode("utf-8") if isinstance(line, bytes) else line
    path, _, data = text.partition("\t")
    found: dict[str, Any] = json.loads(data)
    return path, found


def code_block(text: str) -> str:
    """Return text as an HTML code block, shown literally whatever it holds.

    Not a Markdown code block: MkDocs plugins read the page's Markdown before it is rendered, and
    Material's tags plugin would take a `<!-- material/tags ... -->` in the data for a directive
    (a broken one stops the build). Escaped as HTML, `<!--` is `&lt;!--`, which no plugin reads.
    Invisible characters are dropped, as everywhere on a page: a bidi override would reorder it.
    The theme prints a paper's cite entries with it (the `code_block` filter, generator/page_data.py).
    """
    shown = html.escape(strip_invisible(text.strip("\n")), quote=False)
    return f"<pre><code>{shown}\n</code></pre>"
