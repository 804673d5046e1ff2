from __future__ import annotations

import html
import re

import markdown
import pytest

from generator.emit.markdown import escape_text, escape_url, link, page_link, render_spans
from generator.model import Span

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "*bold* _italic_ **strong** `code`",
    "[x](javascript:alert(1))",
    "![img](https://evil.example/x.png)",
    "{{ config }} {% raw %}",
    "---",
    "# not a heading #",
    "- not a list",
    "+ not a list",
    "1. not a list",
    "> not a quote",
    ": not a definition",
    "a | b | c",
    "back\\slash and &amp; entity",
    "{: .class onclick=alert(1)}",
    "!!! note",
    "<https://evil.example/>",
    "trailing hashes ##",
]

EXTENSIONS = ["toc", "tables", "admonition", "attr_list"]


def rendered_text(source: str) -> str:
    """Render Markdown the way MkDocs does and return the visible text of the result."""
    out = markdown.markdown(source, extensions=EXTENSIONS)
    assert out.startswith("<p>") and out.endswith("</p>"), out
    inner = out[3:-4]
    assert "<" not in inner.replace("&lt;", ""), f"markup leaked: {out}"
    return html.unescape(inner)


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_renders_as_exactly_itself(text: str) -> None:
    assert rendered_text(escape_text(text)) == text


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_stays_text_in_a_heading_and_a_table_cell(text: str) -> None:
    heading = markdown.markdown(f"# {escape_text(text)}", extensions=EXTENSIONS)
    assert heading.startswith("<h1") and heading.count("<") == 2, heading
    table = markdown.markdown(f"| A | B |\n| --- | --- |\n| {escape_text(text)} | x |", extensions=EXTENSIONS)
    assert table.count("<td>") == 2, table
    assert "<script" not in table and "<img" not in table


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://github.com/a/b", "https://github.com/a/b"),
        ("https://example.org/a b(c)", "https://example.org/a%20b%28c%29"),
        ("javascript:alert(1)", ""),
        ("data:text/html,<b>", ""),
        ("JAVASCRIPT://x", ""),
    ],
)
def test_escape_url_keeps_only_http(url: str, expected: str) -> None:
    assert escape_url(url) == expected


def test_link_with_a_bad_scheme_is_only_text() -> None:
    assert link("x", "javascript:alert(1)") == "x"
    assert link("Code", "https://github.com/a/b") == "[Code](https://github.com/a/b)"


def test_page_link_refuses_anything_but_a_page_path() -> None:
    assert page_link("A *b*", "papers/a-b.md") == "[A \\*b\\*](papers/a-b.md)"
    with pytest.raises(ValueError):
        page_link("x", "javascript:alert(1)")


@pytest.mark.parametrize("short_name", ["ProX", "MT-Ladder", *HOSTILE, 'a "quoted" } name', "x=1 y='2'"])
def test_a_short_name_on_a_page_link_is_one_attribute_of_exactly_its_text(short_name: str) -> None:
    source = f"- {page_link('A title', 'a-title.md', short_name)}: “a sentence” with a \\}} brace\n"
    out = markdown.markdown(source, extensions=EXTENSIONS)
    match = re.fullmatch(r'<ul>\n<li><a data-short-name="([^"]*)" href="a-title.md">A title</a>: (.*)</li>\n</ul>', out)
    assert match, out
    assert html.unescape(match[1]) == short_name
    assert match[2] == "“a sentence” with a } brace"


def test_a_page_link_without_a_short_name_has_no_attribute() -> None:
    assert page_link("A title", "a-title.md", "") == "[A title](a-title.md)"


def test_spans_render_formatting_and_links() -> None:
    spans = (
        Span("text", "three "),
        Span("em", "O"),
        Span("text", "bstacles and G"),
        Span("sub", "stack"),
        Span("text", " at "),
        Span("link", "https://github.com/a/b_c", "https://github.com/a/b_c"),
        Span("text", "."),
    )
    out = markdown.markdown(render_spans(spans), extensions=EXTENSIONS)
    assert out == (
        "<p>three <em>O</em>bstacles and G<sub>stack</sub> at "
        '<a href="https://github.com/a/b_c">https://github.com/a/b_c</a>.</p>'
    )
