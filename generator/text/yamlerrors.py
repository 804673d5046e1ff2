"""Where a YAML file is wrong: the line and the reason, for a Problem that names them."""

from __future__ import annotations


def yaml_error(error: Exception) -> tuple[int | None, str]:
    """Return the line (1-based, when YAML knows it) and the reason of a YAML parse error."""
    mark = getattr(error, "problem_mark", None)
    line = mark.line + 1 if mark is not None else None
    return line, getattr(error, "problem", None) or str(error)
