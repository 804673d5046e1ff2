from __future__ import annotations

import pytest

from generator.config import switch


@pytest.mark.parametrize(
    ("value", "default", "on"),
    [
        (None, True, True),
        (None, False, False),
        ("", True, True),
        ("off", True, False),
        (" OFF ", True, False),
        ("0", True, False),
        ("no", True, False),
        ("false", True, False),
        ("on", False, True),
        ("Yes", False, True),
        ("1", False, True),
        ("true", False, True),
        ("maybe", True, True),
        ("maybe", False, False),
    ],
)
def test_an_on_off_setting_of_the_environment(
    monkeypatch: pytest.MonkeyPatch, value: str | None, default: bool, on: bool
) -> None:
    if value is None:
        monkeypatch.delenv("ATLAS_SOME_SWITCH", raising=False)
    else:
        monkeypatch.setenv("ATLAS_SOME_SWITCH", value)
    assert switch("ATLAS_SOME_SWITCH", default) is on
