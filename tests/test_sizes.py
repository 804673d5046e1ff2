"""The generator's code stays in pieces a reader can hold: no module over ~300 lines, no function over ~40."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

GENERATOR = Path(__file__).resolve().parent.parent / "generator"
MODULE_LINES = 300
FUNCTION_LINES = 40

#: Modules over MODULE_LINES, known: an entry goes (and the test says so) once its module is split.
LONG_MODULES = {
    # The entity rule tables: one named rule object per clause, each with its examples.
    "enrich/entities/dataset_rules.py",
    "enrich/entities/model_rules.py",
}
#: Functions over FUNCTION_LINES, known: none.
LONG_FUNCTIONS: set[str] = set()


def long_functions(text: str, limit: int = FUNCTION_LINES) -> list[str]:
    """Return the names of the functions (and methods) defined in `text` over `limit` lines."""
    return [
        node.name
        for node in ast.walk(ast.parse(text))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > limit
    ]


def over_limits() -> tuple[set[str], set[str]]:
    """Return the modules of generator/ over MODULE_LINES, and its functions over FUNCTION_LINES."""
    modules: set[str] = set()
    functions: set[str] = set()
    for path in sorted(GENERATOR.rglob("*.py")):
        name = path.relative_to(GENERATOR).as_posix()
        text = path.read_text(encoding="utf-8")
        if len(text.splitlines()) > MODULE_LINES:
            modules.add(name)
        functions.update(f"{name}:{function}" for function in long_functions(text))
    return modules, functions


def test_no_module_is_over_the_limit() -> None:
    modules, _ = over_limits()
    assert modules - LONG_MODULES == set(), f"split these modules into modules of at most {MODULE_LINES} lines"


def test_no_function_is_over_the_limit() -> None:
    _, functions = over_limits()
    assert functions - LONG_FUNCTIONS == set(), f"split these into functions of at most {FUNCTION_LINES} lines"


def test_the_known_long_ones_are_still_long() -> None:
    modules, functions = over_limits()
    assert (LONG_MODULES - modules) | (LONG_FUNCTIONS - functions) == set(), "now short: remove them from the lists"


@pytest.mark.parametrize(
    ("body_lines", "long"),
    [(FUNCTION_LINES - 1, False), (FUNCTION_LINES, True)],
    ids=["at the limit", "one line over"],
)
def test_a_function_is_measured_from_def_to_its_last_line(body_lines: int, long: bool) -> None:
    text = "def f():\n" + "    x = 1\n" * body_lines + "\n\nclass C:\n    def g(self):\n        pass\n"
    assert long_functions(text) == (["f"] if long else [])
