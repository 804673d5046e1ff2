"""The one Jinja environment: Markdown output where every data value is escaped by default."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from generator.emit.markdown import escape_text, link, page_link, render_spans, visible_text
from generator.enrich.entities.kinds import CHANGE_METRICS
from generator.model import Result


def _finalize(value: Any) -> Any:
    """Escape every value a template prints unless a filter already made it Markdown."""
    if isinstance(value, (Markup, int, float)):
        return value
    return escape_text(str(value))


def named_metric(result: Result) -> str:
    """Return the metric a result's sentence names, or "" where it names none ("score", the stand-in)
    or only the change its kind says already ("improvement" of a gain)."""
    return "" if result.metric.lower() in ("score", *CHANGE_METRICS) else result.metric


def make_environment(templates_dir: Path) -> jinja2.Environment:
    """Return the environment that renders `site_templates/*.md.j2`."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # output is Markdown: `_finalize` escapes for Markdown instead of HTML
        finalize=_finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["spans"] = render_spans
    # Text as a heading shows it, for front matter (a title the theme prints beside the heading).
    env.filters["visible"] = visible_text
    env.filters["named_metric"] = named_metric
    env.globals["link"] = link
    env.globals["page_link"] = page_link
    return env
