"""YAML front matter at the top of a Markdown article."""
from __future__ import annotations

import re

import yaml

from ..errors import InputError
from ..lexicon import safe_yaml

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)


def split_front_matter(text: str, path: str) -> tuple[dict, int]:
    """The front matter as a dict, and the offset where the body starts (0 without front matter)."""
    m = _FRONT.match(text)
    if not m:
        return {}, 0
    try:
        meta = safe_yaml(m.group(1)) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark else ""
        raise InputError(path, f"malformed front matter{where}: {getattr(exc, 'problem', exc)}",
                         code="input.front-matter", hint="fix the YAML between the '---' lines") from None
    if not isinstance(meta, dict):
        raise InputError(path, "front matter must be a mapping of keys such as 'date:' and 'lang:'",
                         code="input.front-matter")
    return meta, m.end()
