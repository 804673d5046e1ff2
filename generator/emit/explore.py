"""The data of the Explore pages (table and map), each paper's neighbourhood graph, and bar charts.

The table and the map load their JSON lazily from `explore/`, so no page grows with the
collection. The neighbourhood graph and the bar charts are static SVG and HTML made here: they
need no script, follow the theme's colours (`currentColor` and Material's CSS variables) and
every text in them is escaped.
"""

from __future__ import annotations

import base64
import json
from typing import Any

from markupsafe import Markup, escape

from generator.model import Catalog, Paper

#: Topic colours on the map (Material's palette, readable on light and dark backgrounds).
TOPIC_COLOURS = (
    "#e53935", "#1e88e5", "#43a047", "#fb8c00", "#8e24aa", "#00acc1",
    "#c0ca33", "#6d4c41", "#d81b60", "#3949ab", "#00897b", "#f4511e",
)  # fmt: skip
#: Past the twelve colours, topics also differ by shape: twelve circles, then twelve diamonds...
TOPIC_SHAPES = ("ellipse", "diamond", "triangle", "rectangle", "star")


def topic_style(index: int) -> dict[str, str]:
    """Return the colour of the topic at `index`, and its shape once the colours have come round.

    Topic 12 is red like topic 0 but a diamond; 60 topics and more repeat a colour and shape pair.
    """
    colour = TOPIC_COLOURS[index % len(TOPIC_COLOURS)]
    shape = TOPIC_SHAPES[(index // len(TOPIC_COLOURS)) % len(TOPIC_SHAPES)]
    return {"colour": colour} if shape == "ellipse" else {"colour": colour, "shape": shape}


#: At most this many mentions join a paper's neighbourhood graph (related papers are five).
NEIGHBOURHOOD_MENTIONS = 5
#: Bars in a chart; the rest are named in one row, "N more", with no bar (see `bar_chart`).
CHART_BARS = 20


def _compact(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def table_json(catalog: Catalog) -> str:
    """Return the papers table's data: one row per paper, topics by index into a shared list, the
    benchmarks a paper evaluates on apart from the datasets and corpora it names (The Pile, C4)."""
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
            sorted({d.hub for d in p.datasets if d.kind == "benchmark"}),
            sorted({d.hub for d in p.datasets if d.kind == "dataset"}),
        ]
        for p in catalog.papers
    ]
    columns = ["slug", "title", "short_name", "date", "code", "topics", "models", "benchmarks", "datasets"]
    return _compact({"columns": columns, "topics": [t.label for t in catalog.topics], "rows": rows})


def vectors_json(catalog: Catalog) -> str:
    """Return the reading list's data: each paper's slug, title and compact vector (base64 bytes)."""
    dims = max((len(base64.b64decode(p.vector)) for p in catalog.papers[:1] if p.vector), default=0)
    rows = [[p.slug, p.title, p.vector] for p in catalog.papers]
    return _compact({"dims": dims, "papers": rows})


#: Map edge kinds: a related paper (drawn while either end is hovered), a mention, and each paper's
#: most related paper (both drawn always: the strongest links, not a hairball of all of them).
RELATED_EDGE, MENTION_EDGE, STRONGEST_EDGE = 0, 1, 2
#: A topic's label sits on the map where most of its papers are within this distance (map units).
LABEL_REACH = 30.0


def map_json(catalog: Catalog) -> str:
    """Return the map's data: nodes with topic, position and date (the timeline's), each topic's label
    place, and edges."""
    index = {p.slug: i for i, p in enumerate(catalog.papers)}
    topic_index = {t.slug: i for i, t in enumerate(catalog.topics)}
    nodes = [
        [
            p.slug,
            p.short_name or p.title,
            p.title,
            topic_index.get(p.topics[0], 0) if p.topics else 0,
            *p.position,
            p.record.date[:10],
        ]
        for p in catalog.papers
    ]
    edges: dict[tuple[int, int], int] = {}
    for i, paper in enumerate(catalog.papers):
        for rank, item in enumerate(paper.related):
            if item.slug in index:
                pair = (min(i, index[item.slug]), max(i, index[item.slug]))
                kind = STRONGEST_EDGE if rank == 0 else RELATED_EDGE
                edges[pair] = max(edges.get(pair, RELATED_EDGE), kind)
        for mention in paper.mentions:
            if mention.slug in index:
                edges[(min(i, index[mention.slug]), max(i, index[mention.slug]))] = MENTION_EDGE
    places = _label_places(catalog.papers, topic_index)
    topics = [
        {"label": t.label, **topic_style(i), **({"x": places[i][0], "y": places[i][1]} if i in places else {})}
        for i, t in enumerate(catalog.topics)
    ]
    edge_list = [[a, b, kind] for (a, b), kind in sorted(edges.items())]
    return _compact({"topics": topics, "nodes": nodes, "edges": edge_list})


def _label_places(papers: list[Paper], topic_index: dict[str, int]) -> dict[int, tuple[float, float]]:
    """Return, per topic, the place of its paper with the most of the topic's papers within LABEL_REACH.

    The topic's mean place could fall between two clumps of it, on another topic's papers.
    """
    members: dict[int, list[tuple[float, float]]] = {}
    for paper in papers:
        if paper.topics and paper.topics[0] in topic_index:
            members.setdefault(topic_index[paper.topics[0]], []).append(paper.position)
    places = {}
    for topic, points in members.items():
        # A sample bounds the work for a large topic: it only picks where the label goes.
        sample = points[:: max(1, len(points) // 200)]
        reach = LABEL_REACH * LABEL_REACH
        near = [sum((x - a) ** 2 + (y - b) ** 2 <= reach for a, b in sample) for x, y in sample]
        places[topic] = sample[near.index(max(near))]
    return places


def neighbourhood_data(paper: Paper) -> dict[str, str]:
    """Return what the placeholder of a paper's neighbourhood graph says, or {} for a paper with none.

    The browser draws it (assets/javascripts/neighbourhood.js) from the page's own
    *Related papers*, *Mentions* and *Mentioned by* lists, whose links carry each paper's short
    name: the links are already on the page, and a graph written into every page made
    Python-Markdown and the search plugin parse it 10,000 times (a sixth of the site build).
    Without JavaScript the lists remain. The theme writes the placeholder (overrides/partials/paper.html):
    its accessible name (`label`), the name of its centre (`self`) and how many mentions join it.
    """
    if not paper.related and not paper.mentions and not paper.mentioned_by:
        return {}
    return {
        "label": f"Neighbourhood of {paper.short_name or paper.title}: related papers (dashed) and mentions (solid)",
        "self": paper.short_name or _shortened(paper.title),
        "mentions": str(NEIGHBOURHOOD_MENTIONS),
    }


def _shortened(name: str, length: int = 28) -> str:
    """Return a name cut to fit a node of the graph, with an ellipsis when cut."""
    return name if len(name) <= length else name[: length - 1] + "…"


def bar_chart(title: str, bars: list[tuple[str, int]]) -> Markup:
    """Return a horizontal bar chart as HTML (label, bar, count), each bar's length in proportion to
    its count (the longest full width).

    The terms past the first `CHART_BARS` get one row, "N more, at most M each", with no bar: their
    sum is no count of any one term (and for hubs, where a paper names several, not even of papers),
    so a bar for it would be longer than the counts it stands for while meaning none of them.
    """
    if not bars:
        return Markup("")
    shown = bars[:CHART_BARS]
    top = max(count for _, count in shown) or 1
    rows = "".join(
        f'<div class="atlas-bar-row"><span class="atlas-bar-label">{escape(label)}</span>'
        f'<span class="atlas-bar-track"><span class="atlas-bar" style="width: {100 * count / top:.1f}%"></span></span>'
        f'<span class="atlas-bar-count">{count}</span></div>'
        for label, count in shown
    )
    rest = bars[CHART_BARS:]
    if rest:
        most = max(count for _, count in rest)
        rows += (
            f'<div class="atlas-bar-row atlas-bar-rest"><span class="atlas-bar-label">{len(rest)} more</span>'
            f'<span class="atlas-bar-note">at most {most} each</span></div>'
        )
    caption = escape(title)
    figure = f'<figure class="atlas-chart" aria-label="{caption}"><figcaption>{caption}</figcaption>'
    return Markup(f"{figure}{rows}</figure>")
