"""One settings object for a build; every field is documented and has a default."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Settings:
    """Where the generator reads and writes, and how strict it is."""

    #: Folder of paper listings; every file in it (and below) is read.
    data_dir: Path = Path("data")
    #: MkDocs `docs_dir`; the generator owns `index.md` and `papers/` in it, nothing else.
    docs_dir: Path = Path("docs_src")
    #: Jinja2 templates of the generated Markdown (`*.md.j2`).
    templates_dir: Path = Path("site_templates")
    #: Name shown on the home page.
    site_name: str = "Paper Atlas"
    #: Exit with success even when some records were rejected (they are still reported).
    allow_partial: bool = False

    def resolved(self, root: Path) -> Settings:
        """Return a copy whose relative paths are taken from `root`."""
        return Settings(
            data_dir=root / self.data_dir,
            docs_dir=root / self.docs_dir,
            templates_dir=root / self.templates_dir,
            site_name=self.site_name,
            allow_partial=self.allow_partial,
        )
