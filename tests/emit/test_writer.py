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
    report = write_tree(tmp_path, {"papers/new.md": "new", "index.md": "home"}, ["papers/"])
    assert sorted(report.written) == ["index.md", "papers/new.md"]
    assert sorted(report.removed) == ["papers/gone.md", "papers/old/deep.md"]
    assert (tmp_path / "about.md").read_text() == "hand-written"
    assert not (tmp_path / "papers" / "old").exists()
    again = write_tree(tmp_path, {"papers/new.md": "new", "index.md": "home"}, ["papers/"])
    assert again.written == [] and again.removed == [] and again.unchanged == 2


def test_a_failure_while_writing_leaves_the_previous_pages(tmp_path: Path, monkeypatch) -> None:
    from generator.emit import writer

    write_tree(tmp_path, {"papers/a.md": "old a", "papers/b.md": "old b"}, ["papers/"])
    staged = 0
    real_stage = writer._stage

    def failing_stage(path: Path, data: bytes) -> Path:
        nonlocal staged
        staged += 1
        if staged == 2:
            raise OSError("disk full")
        return real_stage(path, data)

    monkeypatch.setattr(writer, "_stage", failing_stage)
    try:
        write_tree(tmp_path, {"papers/a.md": "new a", "papers/b.md": "new b"}, ["papers/"])
    except OSError:
        pass
    else:
        raise AssertionError("the write should have failed")
    assert (tmp_path / "papers" / "a.md").read_text() == "old a"
    assert (tmp_path / "papers" / "b.md").read_text() == "old b"
    assert sorted(p.name for p in (tmp_path / "papers").iterdir()) == ["a.md", "b.md"], "no staged file is left"


def test_a_pattern_prunes_stale_generated_files_of_the_root_only(tmp_path: Path) -> None:
    write_tree(tmp_path, {"feed-topics-a.xml": "a", "feed-topics-b.xml": "b", "feed.xml": "f"}, ["feed-*.xml"])
    (tmp_path / "notes.xml").write_text("hand-written", encoding="utf-8")
    report = write_tree(tmp_path, {"feed-topics-a.xml": "a", "feed.xml": "f"}, ["feed-*.xml"])
    assert report.removed == ["feed-topics-b.xml"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["feed-topics-a.xml", "feed.xml", "notes.xml"]
