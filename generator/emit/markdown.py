"""Escape untrusted text so Python-Markdown shows it as text, never as markup or HTML."""

from __future__ import annotations

import re

from markupsafe import Markup

from generator.model import Span
from generator.text.lookalike import strip_invisible

_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "&#124;", '"': "&quot;"}
#: Characters Python-Markdown honours a backslash escape for and that start inline markup.
_BACKSLASHED = set("\\`*_[]{}#!")
_BLOCK_START = re.compile(r"^(?:[-+]|\d+[.)])")
_START_ENTITIES = {"=": "&#61;", ":": "&#58;", "~": "&#126;"}
_ESCAPES = str.maketrans({**{c: "\\" + c for c in _BACKSLASHED}, **_ENTITIES})
_HTML_TAGS = {"em": "em", "strong": "strong", "code": "code", "sub": "sub", "sup": "sup"}


def visible_text(text: str) -> str:
    """Return text on one line without invisible characters (bidi overrides, zero-width marks,
    tag characters, Hangul fillers): what a page shows."""
    return " ".join(strip_invisible(str(text)).split())


def escape_text(text: str) -> Markup:
    """Return text as Markdown that renders to exactly its visible text, on one line."""
    escaped = visible_text(text).translate(_ESCAPES)
    # A line starting like a list item, quote or rule would change the block around it.
    match = _BLOCK_START.match(escaped)
    if match:
        escaped = escaped[: match.end() - 1] + "\\" + escaped[match.end() - 1 :]
    elif escaped[:1] in _START_ENTITIES:
        escaped = _START_ENTITIES[escaped[0]] + escaped[1:]
    return Markup(escaped)


def escape_url(url: str) -> str:
    """Return an http(s) URL safe inside a Markdown link target, or '' for any other scheme."""
    if not re.match(r"(?i)https?://", url):
        return ""
    return "".join("%%%02X" % ord(c) if c in ' <>()"\\`|' or ord(c) < 33 else c for c in url)


def link(text: str, url: str) -> Markup:
    """Return a Markdown link with escaped text; text alone when the URL is not http(s)."""
    target = escape_url(url)
    if not target:
        return escape_text(text)
    return Markup(f"[{escape_text(text)}]({target})")


_PAGE_PATH = re.compile(r"^(?:\.\./)?[a-z0-9][a-z0-9/_-]*(?:\.[a-z0-9_-]+)*\.md(?:#[a-z0-9_-]+)?$")


def page_link(text: str, path: str, short_name: str = "") -> Markup:
    """Return a Markdown link to another page of the site, a relative `.md` path MkDocs checks.

    A paper's short name, when given, goes on the link as `data-short-name` (attr_list): the
    neighbourhood graph the browser draws from a page's lists labels its nodes with it.
    """
    if not _PAGE_PATH.match(path) or ".." in path.removeprefix("../"):
        raise ValueError(f"not a generated page path: {path!r}")
    attributes = f'{{ data-short-name="{escape_text(short_name)}" }}' if short_name else ""
    return Markup(f"[{escape_text(text)}]({path}){attributes}")


def render_spans(spans: tuple[Span, ...]) -> Markup:
    """Return cleaned spans as one line of Markdown with inline HTML for formatting."""
    parts: list[str] = []
    for span in spans:
        text = escape_text(span.text) if span.text.strip() else Markup(" ")
        if span.kind == "link":
            parts.append(link(span.text, span.href))
        elif span.kind in _HTML_TAGS:
            tag = _HTML_TAGS[span.kind]
            parts.append(f"<{tag}>{text}</{tag}>")
        else:
            parts.append(_keep_edges(span.text, text))
    return Markup("".join(parts).strip())


def _keep_edges(raw: str, escaped: str) -> str:
    """Keep the single spaces around a text span that `escape_text` trims."""
    lead = " " if raw[:1].isspace() else ""
    trail = " " if raw[-1:].isspace() else ""
    return lead + escaped + trail
