"""Renderers: a Report to text for people or to a machine format. One module per format."""
from __future__ import annotations

from typing import Callable

from ..models import Report


def renderer(fmt: str) -> Callable[..., str]:
    if fmt == "json":
        from .json import render
    elif fmt == "text":
        from .text import render
    else:
        raise ValueError(f"unknown format '{fmt}'")
    return render


FORMATS = ("text", "json")

__all__ = ["renderer", "FORMATS", "Report"]
