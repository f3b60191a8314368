"""Which lexicon a language gets: the built-in file with a newsroom's lexicon folders merged over it, built
once per language and set of folders; the languages factcheck reads are those it has lexicon files for."""
from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from .compiled import Lexicon
from .files import M, load_yaml, rules_root, validate
from .schema import Gazetteer, LexiconFile

LEXICON_FOLDER = "lexicon"  # the lexicon files of a rules folder
GAZETTEER = "gazetteer"  # the file of named entities, beside one file per language


def builtin_lexicons() -> Path:
    """The built-in lexicon folder: one file per language, and the gazetteer."""
    return rules_root() / LEXICON_FOLDER


def load_lexicon(lang: str, folders: Sequence[Path] = ()) -> Lexicon:
    """The lexicon of a language: the built-in file with those of the newsroom lexicon `folders` merged
    over it in order (see `merge`); a language the package has no file for is one a folder adds."""
    return _lexicon(lang, tuple(folders))


@functools.cache
def _lexicon(lang: str, folders: tuple[Path, ...]) -> Lexicon:
    """Built once per language and set of folders: what it depends on is its key, so no cache needs clearing."""
    files = _files(f"{lang}.yaml", folders)
    if not files:
        where = ", ".join(str(f) for f in (builtin_lexicons(), *folders))
        raise ConfigError(f"no lexicon for language '{lang}' in {where} (have: {', '.join(languages(folders))})")
    gazetteers = _files(f"{GAZETTEER}.yaml", folders)
    gazetteer = _merged(Gazetteer, gazetteers) if gazetteers else Gazetteer(entities={})
    return Lexicon(_merged(LexiconFile, files), gazetteer)


def languages(folders: Sequence[Path] = ()) -> list[str]:
    """The languages factcheck reads: one per lexicon file, built in or in a newsroom lexicon folder."""
    return list(_languages(tuple(folders)))


def language_names(folders: Sequence[Path] = ()) -> dict[str, str]:
    """Each language factcheck reads, with the name its lexicon file gives it ("Bahasa Indonesia")."""
    return {lang: load_lexicon(lang, folders).data.name for lang in languages(folders)}


@functools.cache
def _languages(folders: tuple[Path, ...]) -> tuple[str, ...]:
    """Listed once per set of folders, as their lexicons are built once (every rule text asks)."""
    return tuple(sorted({p.stem for folder in _searched(folders) for p in folder.glob("*.yaml")} - {GAZETTEER}))


def _files(name: str, folders: tuple[Path, ...]) -> list[Path]:
    """The file `name` in the built-in lexicon folder and then in each of `folders`, where it exists."""
    return [path for folder in _searched(folders) if (path := folder / name).is_file()]


def _searched(folders: Sequence[Path]) -> list[Path]:
    """The built-in lexicon folder, then `folders`; a ConfigError for one that does not exist."""
    for folder in folders:
        if not folder.is_dir():
            raise ConfigError(f"{folder}: lexicon folder not found")
    return [builtin_lexicons(), *folders]


def _merged(model: type[M], files: list[Path]) -> M:
    """The data of `files` (one or more) merged in order, validated after each file, so that an error
    names the file that brought it."""
    data = load_yaml(files[0])
    checked = validate(model, data, files[0])
    for path in files[1:]:
        data = merge(data, load_yaml(path))
        checked = validate(model, data, path)
    return checked


def merge(base: Any, over: Any) -> Any:
    """A newsroom's lexicon data over the built-in: a mapping updates the one it meets key by key (the
    same merge below it), a list extends the one it meets with its new items, and any other value
    replaces the one it meets. So `units: {length: {words: [depa]}}` adds a word to a unit."""
    if isinstance(base, dict) and isinstance(over, dict):
        return {**base, **{k: merge(base[k], v) if k in base else v for k, v in over.items()}}
    if isinstance(base, list) and isinstance(over, list):
        return [*base, *(x for x in over if x not in base)]
    return over
