from __future__ import annotations

import os
from pathlib import Path

from generator.emit.writer import write_if_changed, write_tree


def test_unchanged_bytes_are_not_rewritten(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    assert write_if_changed(target, b"one") is True
    os.utime(target, (1, 1))
    assert write_if_changed(target, b"one") is False
    assert target.stat().st_mtime == 1
    assert write_if_changed(target, b"two") is True
    assert target.read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"], "no temporary file is left behind"


def test_stale_pages_are_pruned_only_inside_generated_folders(tmp_path: Path) -> None:
    (tmp_path / "papers" / "old").mkdir(parents=True)
    (tmp_path / "papers" / "gone.md").write_text("stale")
    (tmp_path / "papers" / "old" / "deep.md").write_text("stale")
    (tmp_path / "about.md").write_text("hand-written")
    report = write_tree(tmp_path, {"papers/new.md": "new", "index.md": "home"}, ["papers"])
    assert sorted(report.written) == ["index.md", "papers/new.md"]
    assert sorted(report.removed) == ["papers/gone.md", "papers/old/deep.md"]
    assert (tmp_path / "about.md").read_text() == "hand-written"
    assert not (tmp_path / "papers" / "old").exists()
    again = write_tree(tmp_path, {"papers/new.md": "new", "index.md": "home"}, ["papers"])
    assert again.written == [] and again.removed == [] and again.unchanged == 2
