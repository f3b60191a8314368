"""Paths as CI systems want them: relative to the repository root, forward slashes, no `./` prefix."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional


def relative(path: str, root: Optional[Path] = None) -> str:
    """`path` relative to `root` (default: the current folder) when it lies inside it."""
    if path.startswith("<"):
        return path  # <stdin>, <text>
    record = ""
    if "#" in path and not Path(path).exists():  # an archive record, FILE#ID
        path, record = path.split("#", 1)
        record = "#" + record
    p = Path(path)
    try:
        rel = p.resolve().relative_to((root or Path.cwd()).resolve())
    except ValueError:
        rel = p
    return rel.as_posix().removeprefix("./") + record


def file_part(path: str) -> str:
    """The file of a record path (`export.jsonl#a1` -> `export.jsonl`; `export.jsonl:12` likewise)."""
    if path.startswith("<"):
        return path
    head = path.split("#", 1)[0]
    if ":" in head and head.rsplit(":", 1)[1].isdigit() and not os.path.exists(head):
        head = head.rsplit(":", 1)[0]
    return head
