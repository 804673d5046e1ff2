"""What the theme shows of a paper page beside its Markdown: the panel, lists and cite block, as data.

A paper page's Markdown holds what search indexes (title, short name, abstract); the rest is
presentation, rendered by the theme (overrides/partials/paper.html) from this data, which the
MkDocs hook reads from one file (PAGE_DATA, one line per page; its format is
generator/emit/page_file.py) and puts in the page's context (generator/page_data.py).
Python-Markdown and the search plugin no longer parse it on every build.

Every text is as the page shows it (`visible_text`: one line, no invisible characters) and still
raw: the theme escapes each one. Every outside URL is http(s) (`escape_url`), or "" (the text is
shown without a link); a link to another page is its path in the docs folder, which the hook
resolves through MkDocs' own list of files, so a link to a page that is not there fails the
strict build as a Markdown link does.
"""

from __future__ import annotations

from typing import Any

from generator.emit.citations import citation_meta, paper_csl, paper_ris
from generator.emit.environment import named_metric
from generator.emit.explore import neighbourhood_data
from generator.emit.exports import bibtex_entry
from generator.emit.markdown import escape_url, visible_text
from generator.emit.paths import paper_page
from generator.model import Paper, Related, Result


def _text(value: object) -> str:
    return visible_text(str(value))


def _result_row(result: Result) -> list[str]:
    cells = (result.value, result.kind, named_metric(result), result.benchmark, result.baseline, result.sentence)
    return [_text(cell) for cell in cells]


def _panel(paper: Paper) -> dict[str, Any]:
    """Return the lines of the metadata panel a paper has, each as the page shows it."""
    record = paper.record
    panel: dict[str, Any] = {}
    if record.date or record.venue:
        panel["published"] = _text(" · ".join(part for part in (record.date, record.venue) if part))
    if record.arxiv_id:
        version = f"v{record.arxiv_version}" if record.arxiv_version else ""
        panel["arxiv"] = [_text(record.arxiv_id + version), escape_url(f"https://arxiv.org/abs/{record.arxiv_id}")]
    if record.categories:
        panel["categories"] = _text(", ".join(record.categories))
    if paper.domains:
        panel["domain"] = _text(", ".join(paper.domains))
    if record.upvotes is not None:
        panel["upvotes"] = str(record.upvotes)
    if record.keywords:
        panel["keywords"] = _text(", ".join(record.keywords))
    return panel


#: Papers a line of work lists on each side of a paper: earlier ones, and later ones.
LINEAGE = 5


def _peers(
    paper: Paper, named: dict[str, str], short_names: dict[str, str], shown: int, dates: dict[str, str]
) -> dict[str, Any]:
    """Return the related papers (with their dates, to sort by), mentions, the first `shown` papers
    that mention this one, and its line of work: earlier and later papers of the collection."""

    def peer(slug: str, name: str, said: str) -> list[str]:
        return [_text(name), paper_page(slug), _text(short_names.get(slug, "")), _text(said)]

    data: dict[str, Any] = {
        "related": [[*peer(r.slug, named[r.slug], "; ".join(r.reasons)), dates.get(r.slug, "")] for r in paper.related],
        "mentions": [peer(m.slug, m.name, m.sentence) for m in paper.mentions],
        "mentioned_by": [peer(m.slug, named[m.slug], m.sentence) for m in paper.mentioned_by[:shown]],
    }
    if len(paper.mentioned_by) > shown:
        data["mentioned_by_more"] = len(paper.mentioned_by) - shown
    earlier, later = lineage(paper, dates)
    data["earlier"] = [peer(slug, named[slug], said) for slug, said in earlier]
    data["later"] = [peer(slug, named[slug], said) for slug, said in later]
    hood = neighbourhood_data(paper)
    if hood:
        data["neighbourhood"] = {key: _text(value) for key, value in hood.items()}
    return data


def _related_why(related: Related) -> str:
    """Return why a related paper is in a line of work: "related", with its reasons."""
    return "related: " + "; ".join(related.reasons) if related.reasons else "related"


def lineage(paper: Paper, dates: dict[str, str]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Return a paper's line of work in the collection: the papers before it (those it mentions and
    its related papers dated before it) and those after it (those that mention it and related
    papers dated after it), each side nearest in time first, up to LINEAGE, with the date and why;
    a paper named both ways is listed for its mention. A paper without a date has only mentions."""
    own = dates.get(paper.slug, "")
    before = [(m.slug, "it mentions this one") for m in paper.mentions]
    after = [(m.slug, "mentions this paper") for m in paper.mentioned_by]
    if own:
        before += [(r.slug, _related_why(r)) for r in paper.related if "" < dates.get(r.slug, "") < own]
        after += [(r.slug, _related_why(r)) for r in paper.related if dates.get(r.slug, "") > own]

    def dated(items: list[tuple[str, str]], newest_first: bool) -> list[tuple[str, str]]:
        unique = list({slug: why for slug, why in reversed(items) if slug != paper.slug}.items())[::-1]
        unique.sort(key=lambda item: dates.get(item[0], "") or ("0" if newest_first else "9"), reverse=newest_first)
        return [
            (slug, " · ".join(part for part in (dates.get(slug, ""), why) if part)) for slug, why in unique[:LINEAGE]
        ]

    return dated(before, True), dated(after, False)


def paper_data(
    paper: Paper,
    terms: dict[str, list[tuple[str, str]]],
    link_kinds: dict[str, str],
    peers: tuple[dict[str, str], dict[str, str], int, dict[str, str]],
) -> dict[str, Any]:
    """Return what the theme shows of a paper page beside its Markdown.

    `terms` holds its topics, models and datasets as (name, page path, "" for none), `link_kinds`
    the label of each kind of link, `peers` the name and short name of every paper by slug, how
    many papers that mention this one its page lists, and every paper's date by slug.
    """
    data = _panel(paper)
    for key, pairs in terms.items():
        if pairs:
            data[key] = [[_text(name), path] for name, path in pairs]
    links = [[_text(link_kinds[item.kind]), _text(item.url), escape_url(item.url)] for item in paper.links]
    if links:
        data["links"] = links
    if paper.results:
        data["results"] = [_result_row(result) for result in paper.results]
    data.update({k: v for k, v in _peers(paper, *peers).items() if v})
    # Raw: the theme prints each through `code_block` (generator.emit.render), which escapes it.
    data["bibtex"], data["ris"], data["csl"] = bibtex_entry(paper), paper_ris(paper), paper_csl(paper)
    sources = [paper.source.describe(), *(f"also in {other.describe()}" for other in paper.record.also_from)]
    data["source"] = "; ".join(_text(source) for source in sources)
    data["citation"] = citation_meta(paper)
    return data
