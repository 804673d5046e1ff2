"""The data of the Explore pages (table and map), each paper's neighbourhood graph, and bar charts.

The table and the map load their JSON lazily from `explore/`, so no page grows with the
collection. The neighbourhood graph and the bar charts are static SVG and HTML made here: they
need no script, follow the theme's colours (`currentColor` and Material's CSS variables) and
every text in them is escaped.
"""

from __future__ import annotations

import json
import math
from typing import Any

from markupsafe import Markup, escape

from generator.model import Catalog, Paper, Topic

#: Topic colours on the map (Material's palette, readable on light and dark backgrounds).
TOPIC_COLOURS = (
    "#e53935", "#1e88e5", "#43a047", "#fb8c00", "#8e24aa", "#00acc1",
    "#c0ca33", "#6d4c41", "#d81b60", "#3949ab", "#00897b", "#f4511e",
)  # fmt: skip
#: At most this many mentions join a paper's neighbourhood graph (related papers are five).
NEIGHBOURHOOD_MENTIONS = 5
#: Bars in a chart; the rest are summed into one "other" bar.
CHART_BARS = 20


def _compact(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def table_json(catalog: Catalog) -> str:
    """Return the papers table's data: one row per paper, topics by index into a shared list."""
    index = {t.slug: i for i, t in enumerate(catalog.topics)}
    rows = [
        [
            p.slug,
            p.title,
            p.short_name or "",
            p.record.date,
            next((link.url for link in p.links if link.kind == "code"), ""),
            [index[t] for t in p.topics if t in index],
            sorted({m.family for m in p.models}),
            sorted({d.hub for d in p.datasets}),
        ]
        for p in catalog.papers
    ]
    columns = ["slug", "title", "short_name", "date", "code", "topics", "models", "benchmarks"]
    return _compact({"columns": columns, "topics": [t.label for t in catalog.topics], "rows": rows})


def map_json(catalog: Catalog) -> str:
    """Return the map's data: nodes with positions and topic, related and mention edges."""
    index = {p.slug: i for i, p in enumerate(catalog.papers)}
    topic_index = {t.slug: i for i, t in enumerate(catalog.topics)}
    nodes = [
        [p.slug, p.short_name or p.title, p.title, topic_index.get(p.topics[0], 0) if p.topics else 0, *p.position]
        for p in catalog.papers
    ]
    edges: dict[tuple[int, int], int] = {}
    for i, paper in enumerate(catalog.papers):
        for item in paper.related:
            if item.slug in index:
                edges.setdefault((min(i, index[item.slug]), max(i, index[item.slug])), 0)
        for mention in paper.mentions:
            if mention.slug in index:
                edges[(min(i, index[mention.slug]), max(i, index[mention.slug]))] = 1
    topics = [{"label": t.label, "colour": TOPIC_COLOURS[i % len(TOPIC_COLOURS)]} for i, t in enumerate(catalog.topics)]
    edge_list = [[a, b, kind] for (a, b), kind in sorted(edges.items())]
    return _compact({"topics": topics, "nodes": nodes, "edges": edge_list})


def neighbourhood_graph(paper: Paper, titles: dict[str, str], short_names: dict[str, str]) -> Markup:
    """Return a small graph of a paper, its related papers and its mentions, each a link.

    Lines are SVG; the nodes are HTML links placed over it (Material's instant navigation rewrites
    every link of a page and fails on SVG links), so they are ordinary, focusable links.
    """
    others: dict[str, str] = {}
    for item in paper.related:
        others.setdefault(item.slug, "related")
    for mention in (*paper.mentions, *paper.mentioned_by)[:NEIGHBOURHOOD_MENTIONS]:
        others[mention.slug] = "mention"
    if not others:
        return Markup("")
    width, height = 640, 300
    cx, cy = width / 2, height / 2
    lines = []
    nodes = []
    for number, (slug, kind) in enumerate(others.items()):
        angle = 2 * math.pi * number / len(others) - math.pi / 2
        x, y = cx + math.cos(angle) * 240, cy + math.sin(angle) * 110
        dash = ' stroke-dasharray="5 4"' if kind == "related" else ""
        lines.append(f'<line x1="{cx:.0f}" y1="{cy:.0f}" x2="{x:.0f}" y2="{y:.0f}" class="atlas-edge"{dash}/>')
        name = short_names.get(slug) or titles.get(slug, slug)
        shown = _shortened(name)
        place = f"left: {100 * x / width:.1f}%; top: {100 * y / height:.1f}%"
        nodes.append(
            f'<a class="atlas-hood-node atlas-{kind}" href="../{escape(slug)}/" style="{place}" '
            f'title="{escape(titles.get(slug, slug))}">{escape(shown)}</a>'
        )
    own = paper.short_name or _shortened(paper.title)
    nodes.append(f'<span class="atlas-hood-node atlas-self" style="left: 50%; top: 50%">{escape(own)}</span>')
    label = f"Neighbourhood of {paper.short_name or paper.title}: related papers (dashed) and mentions (solid)"
    svg = f'<svg class="atlas-hood-lines" viewBox="0 0 {width} {height}" aria-hidden="true">{"".join(lines)}</svg>'
    return Markup(
        f'<div class="atlas-neighbourhood" role="group" aria-label="{escape(label)}">{svg}{"".join(nodes)}</div>'
    )


def _shortened(name: str, length: int = 28) -> str:
    """Return a name cut to fit a node of the graph, with an ellipsis when cut."""
    return name if len(name) <= length else name[: length - 1] + "…"


def bar_chart(title: str, bars: list[tuple[str, int]]) -> Markup:
    """Return a horizontal bar chart as HTML (label, bar, count), the longest bar full width."""
    if not bars:
        return Markup("")
    shown = bars[:CHART_BARS]
    rest = sum(count for _, count in bars[CHART_BARS:])
    if rest:
        shown.append((f"{len(bars) - CHART_BARS} more", rest))
    top = max(count for _, count in shown) or 1
    rows = "".join(
        f'<div class="atlas-bar-row"><span class="atlas-bar-label">{escape(label)}</span>'
        f'<span class="atlas-bar" style="width: {max(1, round(70 * count / top))}%"></span>'
        f'<span class="atlas-bar-count">{count}</span></div>'
        for label, count in shown
    )
    caption = escape(title)
    figure = f'<figure class="atlas-chart" aria-label="{caption}"><figcaption>{caption}</figcaption>'
    return Markup(f"{figure}{rows}</figure>")


def topic_chart(topics: list[Topic]) -> Markup:
    """Return the papers-per-topic chart."""
    return bar_chart("Papers per topic", [(t.label, t.primary_count) for t in topics])
