"""Property tests: for any text, the readers, cleaner and renderer never crash and never inject."""

from __future__ import annotations

import csv
import io
import json
import re

import markdown
import yaml
from bibtexparser.entrypoint import parse_string
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.emit.exports import render_bibtex, render_json
from generator.emit.markdown import escape_text, render_spans, visible_text
from generator.enrich.links import extract_links_of
from generator.identify.papers import identify
from generator.ingest.listing import read_listing
from generator.ingest.tabular import read_csv, read_json, read_yaml
from generator.model import Paper, Record, Source
from generator.text.latex import clean_latex, to_spans

EXTENSIONS = ["toc", "tables", "admonition", "attr_list"]
ATTACKS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "{{ 7*7 }}",
    "{% raw %}",
    "---",
    "# h",
    "| a | b |",
    "*x* _y_ `z`",
    "\\textit{a} G_{b} 5\\% sim3",
    "https://github.com/a/b.git.",
    "{: onclick=alert(1)}",
    "&amp; &lt;",
    "\u202e\u200b",
]
TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=120)
HOSTILE_TEXT = st.lists(st.one_of(TEXT, st.sampled_from(ATTACKS)), max_size=6).map(" ".join)
ALLOWED_TAGS = {"p", "em", "strong", "code", "sub", "sup", "a"}
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def tags(html: str) -> set[str]:
    return set(re.findall(r"<([a-zA-Z][a-zA-Z0-9]*)", html))


@FAST
@given(HOSTILE_TEXT)
def test_escaped_text_renders_to_itself_and_nothing_else(text: str) -> None:
    html = markdown.markdown(escape_text(text), extensions=EXTENSIONS)
    assert tags(html) <= {"p"}
    visible = re.sub(r"</?p>", "", html)
    import html as html_lib

    assert html_lib.unescape(visible) == visible_text(text)


@FAST
@given(HOSTILE_TEXT, st.one_of(st.none(), st.sampled_from(["MT-Ladder", "<b>x</b>", "a_b"])))
def test_cleaned_abstracts_render_only_formatting_and_http_links(text: str, short_name: str | None) -> None:
    html = markdown.markdown(render_spans(to_spans(clean_latex(text, short_name))), extensions=EXTENSIONS)
    assert tags(html) <= ALLOWED_TAGS, html
    for href in re.findall(r'href="([^"]*)"', html):
        assert href.startswith(("http://", "https://")), href
    for tag in re.findall(r"<[^>]*>", html):
        assert not re.search(r"\son\w+\s*=", tag), tag


@FAST
@given(st.lists(st.one_of(TEXT, st.sampled_from(ATTACKS), st.just("")), max_size=12))
def test_listing_reader_never_crashes_and_keeps_titles_verbatim(lines: list[str]) -> None:
    text = "\n".join(lines)
    records, problems = read_listing("x.txt", text)
    flat = {" ".join(line.split()) for line in lines}
    for record in records:
        assert record.title in flat or any(record.title in line for line in flat)
        assert record.source.line is not None
    assert all(p.source.path == "x.txt" for p in problems)


RECORDS = st.lists(
    st.builds(
        lambda title, abstract, authors, arxiv: Record(
            title=" ".join(title.split()) or "Untitled",
            abstract=" ".join(abstract.split()),
            source=Source("x", 1),
            authors=tuple(" ".join(a.split()) for a in authors if a.strip() and "," not in a and " and " not in a),
            arxiv_id=arxiv,
        ),
        HOSTILE_TEXT,
        HOSTILE_TEXT,
        st.lists(st.text(st.characters(categories=["L"]), min_size=1, max_size=12), max_size=3),
        st.sampled_from(["", "2401.00001", "2312.12345"]),
    ),
    min_size=1,
    max_size=5,
)


def papers_of(records: list[Record]) -> list[Paper]:
    from dataclasses import replace

    papers = [extract_links_of(identify(r)) for r in records]
    return [replace(p, slug=f"p{i}") for i, p in enumerate(papers)]


@FAST
@given(RECORDS)
def test_json_export_reads_back_as_the_same_papers(records: list[Record]) -> None:
    papers = papers_of(records)
    read, problems = read_json("papers.json", render_json(papers, "https://x.org/"))
    assert problems == []
    assert [r.title for r in read] == [p.title for p in papers]
    assert [r.authors for r in read] == [p.record.authors for p in papers]
    assert [r.arxiv_id for r in read] == [p.record.arxiv_id for p in papers]


@FAST
@given(RECORDS)
def test_bibtex_export_parses_with_a_real_bibtex_parser(records: list[Record]) -> None:
    papers = papers_of(records)
    library = parse_string(render_bibtex(papers))
    assert library.failed_blocks == []
    assert [e.key for e in library.entries] == [p.slug for p in papers]


@FAST
@given(RECORDS)
def test_yaml_and_csv_tables_read_back(records: list[Record]) -> None:
    rows = [{"title": r.title, "abstract": r.abstract, "arxiv_id": r.arxiv_id} for r in records]
    from_yaml, problems = read_yaml("p.yaml", yaml.safe_dump(rows, allow_unicode=True))
    assert problems == [] and [r.title for r in from_yaml] == [row["title"] for row in rows]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=["title", "abstract", "arxiv_id"])
    writer.writeheader()
    writer.writerows(rows)
    from_csv, problems = read_csv("p.csv", buffer.getvalue())
    assert problems == [] and [r.title for r in from_csv] == [row["title"] for row in rows]


@FAST
@given(st.recursive(st.none() | st.booleans() | st.integers() | TEXT, lambda c: st.lists(c) | st.dictionaries(TEXT, c)))
def test_json_reader_never_crashes_on_any_json(data: object) -> None:
    records, problems = read_json("any.json", json.dumps(data))
    assert all(r.title for r in records)
    assert all(p.source.path == "any.json" for p in problems)


@FAST
@given(st.dictionaries(st.sampled_from(["title", "paper", "tags"]), st.one_of(st.text(), st.lists(st.text()))))
def test_front_matter_reads_back_as_the_same_data(data: dict[str, object]) -> None:
    from generator.emit.render import front_matter

    assert yaml.safe_load(str(front_matter(data)) or "{}") == (data or {})
