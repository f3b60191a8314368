"""Lexicon and rule files: where the built-in ones are, and YAML read safely and validated."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from ..errors import ConfigError
from ..files import DEFAULT_MAX_SIZE, TooLarge, read_regular

# The safe loader (no tags that build Python objects), in its C build when PyYAML has one: rule and
# lexicon files are read at every start, and libyaml reads them several times faster.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

M = TypeVar("M", bound=BaseModel)


def rules_root() -> Path:
    """The built-in rules folder: inside the installed wheel, else the checkout's `rules/`."""
    package = Path(__file__).resolve().parents[1]
    packaged = package / "_rules"
    return packaged if packaged.is_dir() else package.parents[1] / "rules"


ALIAS_GROWTH = 10  # how many times its aliases may multiply what a YAML document writes out

# Where an anchor (`&name`) may stand: YAML writes one at the start of a line or after white space, `[`, `{`,
# `,` or a flow key's `:`. A document with no such `&` has no anchor, so no alias to bound, and is not walked
# (the walk was a third of reading the rule files at every start). An `&` inside a string only costs the walk.
_MAYBE_ANCHOR = re.compile(r"(?:^|[\s\[{,:])&[^\s\[\]{},]", re.M)


class AliasBomb(yaml.YAMLError):
    """A YAML document whose aliases repeat it beyond `ALIAS_GROWTH` times (a "billion laughs")."""


class UnreadableValue(yaml.YAMLError):
    """A value YAML recognises but Python cannot hold: a date that does not exist (2021-02-30), an
    integer of thousands of digits."""


def safe_yaml(text: str):
    """The data of a YAML document, read with the safe loader. Aliases are bounded: a few lines of nested
    aliases stand for gigabytes once a program walks the data, so a document whose aliases repeat it
    more than `ALIAS_GROWTH` times, or refer to a node that holds them, is refused (`AliasBomb`)."""
    loader = SAFE_LOADER(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        written, expanded = _node_counts(node) if _MAYBE_ANCHOR.search(text) else (1, 1)
        if expanded > ALIAS_GROWTH * written + 1000:
            raise AliasBomb(f"aliases repeat this document about {expanded // written:,} times over; "
                            f"write the values out")
        try:
            return loader.construct_document(node)
        except ValueError as exc:
            raise UnreadableValue(f"a value that cannot be read ({exc}); write dates as YYYY-MM-DD and "
                                  f"put a very long number in quotes") from None
    finally:
        loader.dispose()


def _node_counts(root: yaml.Node) -> tuple[int, int]:
    """The nodes a document writes out, and the nodes it holds once each alias is replaced by what it
    names: counted with each shared node once, without expanding anything."""
    sizes: dict[int, int] = {}  # id of a node -> nodes under it, itself included, aliases expanded
    open_nodes: set[int] = set()
    stack = [root]
    while stack:
        node = stack[-1]
        if id(node) in sizes:  # also listed by another node, and counted there
            stack.pop()
            continue
        children = [c for pair in node.value for c in pair] if isinstance(node, yaml.MappingNode) else \
            node.value if isinstance(node, yaml.SequenceNode) else []
        waiting = [c for c in children if id(c) not in sizes]
        if id(node) in open_nodes and not waiting:
            open_nodes.discard(id(node))
            sizes[id(node)] = 1 + sum(sizes[id(c)] for c in children)
            stack.pop()
        elif any(id(c) in open_nodes for c in waiting):
            raise AliasBomb("an alias refers to a node that holds it; write the values out")
        else:
            open_nodes.add(id(node))
            stack.extend(waiting)
    return len(sizes), sizes[id(root)]


def load_yaml(path: Path):
    try:
        return safe_yaml(read_regular(path, DEFAULT_MAX_SIZE).decode("utf-8"))
    except TooLarge:
        raise ConfigError(f"{path}: larger than the {DEFAULT_MAX_SIZE:,}-byte limit of a rule or lexicon file; "
                          f"split it") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        raise ConfigError(f"{path}{where}: not valid YAML: {getattr(exc, 'problem', exc)}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None


def validate(model: type[M], data: Any, path: Path | str) -> M:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "(top level)"
        raise ConfigError(f"{path}: field '{field}': {first['msg']}") from None
