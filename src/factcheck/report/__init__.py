"""Renderers: a Report to text for people or to a machine format. One module per format, each with
`render(report, **options) -> str`, imported only when used."""
from __future__ import annotations

import importlib
from typing import Callable

FORMATS = {"text": "text", "json": "json", "sarif": "sarif", "github": "github", "junit": "junit",
           "markdown": "markdown", "html": "html"}  # format name -> module in this package


def renderer(fmt: str) -> Callable[..., str]:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format '{fmt}' (known: {', '.join(FORMATS)})")
    return importlib.import_module(f".{FORMATS[fmt]}", __name__).render


__all__ = ["renderer", "FORMATS"]
