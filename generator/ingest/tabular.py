"""Read plain paper tables: JSON, JSON lines, YAML and CSV with the documented column names.

Columns (all but `title` optional): title, abstract (or summary), authors, date (or year),
arxiv_id (or arxiv), doi, url, code, project, categories, keywords, venue, upvotes.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import yaml

from generator.ingest import fields
from generator.ingest.checks import field_problems
from generator.ingest.hf_daily import looks_like_hf_daily, read_hf_daily
from generator.ingest.kaggle import kaggle_record, looks_like_kaggle
from generator.model import Problem, Record, Source
from generator.text.yamlerrors import yaml_error

COLUMNS = (
    "title",
    "abstract",
    "authors",
    "date",
    "arxiv_id",
    "doi",
    "url",
    "code",
    "project",
    "categories",
    "keywords",
    "venue",
    "upvotes",
)
#: What a reader returns: the records it read and the problems it found.
ReadResult = tuple[list[Record], list[Problem]]


def plain_record(item: dict[str, Any], source: Source) -> Record:
    """Turn one row or object with the documented columns into a record."""
    row = {str(key).strip().lower(): value for key, value in item.items()}
    identifier, version = fields.arxiv_id(row.get("arxiv_id") or row.get("arxiv") or "")
    return Record(
        title=fields.text(row.get("title")),
        abstract=fields.text(row.get("abstract") or row.get("summary")),
        source=source,
        authors=fields.names(row.get("authors") or row.get("author") or ""),
        date=fields.date(row.get("date") or row.get("year")),
        arxiv_id=identifier,
        arxiv_version=version,
        doi=fields.doi(row.get("doi")),
        categories=fields.terms(row.get("categories") or ""),
        keywords=fields.terms(row.get("keywords") or ""),
        venue=fields.text(row.get("venue")),
        upvotes=fields.integer(row.get("upvotes")),
        urls=tuple(fields.text(row[k]) for k in ("code", "project", "url") if fields.text(row.get(k))),
        project_pages=(fields.text(row["project"]),) if fields.text(row.get("project")) else (),
    )


def _record(item: Any, source: Source, problems: list[Problem]) -> Record | None:
    """Make a record from a parsed object, or report why not."""
    if not isinstance(item, dict):
        problems.append(Problem(source, "record is not an object; skipped"))
        return None
    record = kaggle_record(item, source) if looks_like_kaggle(item) else plain_record(item, source)
    if not record.title:
        problems.append(Problem(source, "record has no title; skipped"))
        return None
    row = {str(key).strip().lower(): value for key, value in item.items()}
    problems.extend(field_problems(source, doi=row.get("doi"), upvotes=row.get("upvotes")))
    return record


def _json_int(digits: str) -> int | str:
    """Return a JSON integer, or its digits when Python refuses to convert that many (over 4,300)."""
    try:
        return int(digits)
    except ValueError:
        return digits


#: JSON whose numbers never stop the file: huge integers stay digits, NaN and Infinity stay words.
_JSON = json.JSONDecoder(parse_int=_json_int, parse_constant=str)


def _loads(content: str) -> Any:
    """Parse one JSON document with the decoder whose numbers never raise."""
    return _JSON.decode(content)


def _records(path: str, items: list[Any]) -> ReadResult:
    records: list[Record] = []
    problems: list[Problem] = []
    for number, item in enumerate(items, 1):
        record = _record(item, Source(path, entry=number), problems)
        if record is not None:
            records.append(record)
    return records, problems


def _as_list(path: str, data: Any) -> list[Any] | None:
    if isinstance(data, dict) and isinstance(data.get("papers"), list):
        return list(data["papers"])
    if isinstance(data, list):
        return data
    return None


def read_json(path: str, content: str) -> ReadResult:
    """Read a JSON file: a daily-papers response, a list of papers, or {"papers": [...]}."""
    try:
        data = _loads(content)
    except json.JSONDecodeError as error:
        where = f"{error.msg} at column {error.colno}"
        return [], [Problem(Source(path, error.lineno), f"invalid JSON ({where}); fix it or remove the file")]
    except RecursionError:
        return [], [Problem(Source(path), "JSON nested too deeply to read; flatten it to a list of papers")]
    if looks_like_hf_daily(data):
        return read_hf_daily(path, data)
    items = _as_list(path, data)
    if items is None:
        return [], [Problem(Source(path), 'expected a list of papers or {"papers": [...]}; nothing read')]
    return _records(path, items)


def read_json_lines(path: str, content: str) -> ReadResult:
    """Read one JSON object per line (Kaggle arXiv snapshot or plain columns); bad lines are reported."""
    records: list[Record] = []
    problems: list[Problem] = []
    for number, line in enumerate(fields.lines(content), 1):
        if not line.strip():
            continue
        try:
            item = _loads(line)
        except json.JSONDecodeError as error:
            problems.append(
                Problem(Source(path, number), f"invalid JSON ({error.msg} at column {error.colno}); line skipped")
            )
            continue
        except RecursionError:
            problems.append(Problem(Source(path, number), "JSON nested too deeply; line skipped"))
            continue
        record = _record(item, Source(path, number), problems)
        if record is not None:
            records.append(record)
    return records, problems


class _NoAliasLoader(yaml.SafeLoader):
    """A safe loader that refuses aliases, so a "billion laughs" file cannot exhaust memory."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(None, None, "YAML aliases are not allowed in paper lists", mark)
        return super().compose_node(parent, index)

    def construct_yaml_int(self, node: Any) -> Any:
        """Return an integer, or its text when Python refuses to convert that many digits."""
        try:
            return super().construct_yaml_int(node)
        except ValueError:
            return self.construct_scalar(node)


_NoAliasLoader.add_constructor("tag:yaml.org,2002:int", _NoAliasLoader.construct_yaml_int)


def read_yaml(path: str, content: str) -> ReadResult:
    """Read a YAML list of papers (or {"papers": [...]}); aliases are refused."""
    try:
        data = yaml.load(content, Loader=_NoAliasLoader)
    except yaml.YAMLError as error:
        line, reason = yaml_error(error)
        return [], [Problem(Source(path, line), f"invalid YAML ({reason}); fix it or remove the file")]
    items = _as_list(path, data)
    if items is None:
        return [], [Problem(Source(path), 'expected a list of papers or {"papers": [...]}; nothing read')]
    return _records(path, items)


def read_csv(path: str, content: str) -> ReadResult:
    """Read a CSV file whose header row names the documented columns."""
    reader = csv.DictReader(io.StringIO(content, newline=""))
    if not reader.fieldnames or "title" not in {name.strip().lower() for name in reader.fieldnames}:
        return [], [
            Problem(Source(path, 1), f"CSV header needs a 'title' column (known columns: {', '.join(COLUMNS)})")
        ]
    records: list[Record] = []
    problems: list[Problem] = []
    try:
        for row in reader:
            source = Source(path, reader.line_num)
            clean = {k: v for k, v in row.items() if k is not None}
            record = _record(clean, source, problems)
            if record is not None:
                records.append(record)
    except csv.Error as error:
        problems.append(Problem(Source(path, reader.line_num), f"invalid CSV ({error}); rest of file skipped"))
    return records, problems
