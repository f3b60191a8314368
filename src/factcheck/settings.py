"""Settings: what a checker is built from, resolved once. A configuration file (config.py), then the
overrides of whoever builds the checker (command-line options, the server's options, a library's keyword
arguments), then the defaults; the CLI, the library, `factcheck serve` and `factcheck lsp` all build
their Checker from one.

    settings = Settings.load(Path(".factcheck.toml"))          # a configuration file's meaning
    settings = Settings.load(start=Path("articles"))            # the nearest one at or above a folder
    settings = Settings.load(select=["temporal"], lexicons=[Path("newsroom-lexicon")])  # and overrides
    checker = Checker(settings)

Folders a configuration file names are relative to it. Overrides that list folders (`rules`, `lexicons`)
add theirs after the file's; `select` replaces the file's `enable`; the others replace its value.
"""
from __future__ import annotations

import fnmatch
from collections.abc import Sequence
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, Field

from .checks import Rule, load_rules, select_rules
from .config import Config, FailLevel, config_for
from .errors import ConfigError
from .lexicon import LEXICON_FOLDER, languages, rules_root
from .models import Severity

T = TypeVar("T")


class Settings(BaseModel):
    """A checker's resolved settings; `Settings()` are the defaults (the built-in rules and lexicons)."""

    model_config = ConfigDict(frozen=True)

    config: Path | None = None  # the configuration file they came from
    rule_folders: tuple[Path, ...] = Field(default_factory=lambda: (rules_root(),))
    lexicons: tuple[Path, ...] = ()  # newsroom lexicon folders, merged over the built-in lexicons in order
    enable: tuple[str, ...] = ()  # rule ids, categories, globs or "experimental"; none: every precise rule
    select: tuple[str, ...] = ()  # given, it replaces `enable` (`--select`)
    disable: tuple[str, ...] = ()
    severity: dict[str, Severity] = {}
    languages: tuple[str, ...] = ()  # the languages an article may be detected as; none: every lexicon's
    include: tuple[str, ...] = ()  # path globs, relative to the configuration file's folder
    exclude: tuple[str, ...] = ()
    fail_on: FailLevel = "warning"
    min_severity: Severity = "info"
    warn_unused_suppressions: bool = False

    @classmethod
    def load(cls, config: Path | None = None, *, start: Path = Path("."), rules: Sequence[Path] = (),
             lexicons: Sequence[Path] = (), select: Sequence[str] = (), fail_on: FailLevel | None = None,
             min_severity: Severity | None = None,
             warn_unused_suppressions: bool | None = None) -> Settings:
        """The settings of the configuration file `config`, else of the nearest one at or above `start`,
        else the defaults; with the overrides: `rules` and `lexicons` (extra folders), `select`,
        `fail_on`, `min_severity` and `warn_unused_suppressions`."""
        return cls.resolve(config_for(config, start), rules=rules, lexicons=lexicons, select=select,
                           fail_on=fail_on, min_severity=min_severity,
                           warn_unused_suppressions=warn_unused_suppressions)

    @classmethod
    def resolve(cls, config: Config, *, rules: Sequence[Path] = (), lexicons: Sequence[Path] = (),
                select: Sequence[str] = (), fail_on: FailLevel | None = None,
                min_severity: Severity | None = None,
                warn_unused_suppressions: bool | None = None) -> Settings:
        """A configuration with the overrides over it (see `load`)."""
        rule_folders = [*(config.root / r for r in config.rules), *map(Path, rules)]
        # A rule folder's lexicon/ holds its lexicon files; the configuration's come before the command line's.
        lexicon_folders = [*_lexicon_folders([config.root / r for r in config.rules]),
                           *(config.root / d for d in config.lexicons),
                           *_lexicon_folders([Path(r) for r in rules]), *map(Path, lexicons)]
        known = languages(lexicon_folders)  # a ConfigError for a folder that does not exist
        unknown = sorted(set(config.languages) - set(known))
        if unknown:
            raise ConfigError(f"{config.path}: 'languages': no lexicon for {', '.join(unknown)} "
                              f"(have: {', '.join(known)})")
        return cls(config=config.path, rule_folders=(rules_root(), *rule_folders), lexicons=tuple(lexicon_folders),
                   enable=tuple(config.enable), select=_selectors(select), disable=tuple(config.disable),
                   severity=config.severity, languages=tuple(config.languages), include=tuple(config.include),
                   exclude=tuple(config.exclude), fail_on=_first(fail_on, config.fail_on, "warning"),
                   min_severity=_first(min_severity, config.min_severity, "info"),
                   warn_unused_suppressions=_first(warn_unused_suppressions, config.warn_unused_suppressions, False))

    def overridden(self, *, rule_folders: Sequence[Path] = (), select: Sequence[str] | None = None,
                   warn_unused_suppressions: bool | None = None) -> Settings:
        """These settings with a library caller's overrides: `rule_folders` in place of the settings' own
        (their lexicon/ subfolders added), `select`, `warn_unused_suppressions`; what is not given stays."""
        update: dict[str, object] = {}
        if rule_folders:
            update["rule_folders"] = tuple(rule_folders)
            update["lexicons"] = (*self.lexicons, *_lexicon_folders(list(rule_folders)))
        if select:
            update["select"] = _selectors(select)
        if warn_unused_suppressions is not None:
            update["warn_unused_suppressions"] = warn_unused_suppressions
        return self.model_copy(update=update) if update else self

    @property
    def root(self) -> Path:
        """The folder the configuration's paths are relative to."""
        return self.config.parent if self.config else Path.cwd()

    def rules(self) -> list[Rule]:
        """The rules of the rule folders these settings turn on, with their severities."""
        return self.choose(load_rules(list(self.rule_folders)))

    def choose(self, rules: list[Rule]) -> list[Rule]:
        """Of `rules`, those these settings turn on (`select`, else `enable`; less `disable`), with the
        severity overrides applied. A selector that names no rule is an error that says where it is."""
        where = self.config or "command line"
        for key, selectors in (("disable", self.disable), ("severity", list(self.severity))):
            select_rules(rules, selectors, f"{where}: '{key}'")
        if self.select:
            chosen = select_rules(rules, self.select)
        else:
            chosen = select_rules(rules, self.enable, f"{where}: 'enable'")
        chosen = [r for r in chosen if not any(r.matches(s) for s in self.disable)]
        out = []
        for r in chosen:
            override = next((sev for s, sev in self.severity.items() if r.matches(s)), None)
            out.append(r.model_copy(update={"severity": override}) if override else r)
        return out

    def selected(self, path: Path) -> bool:
        """Whether the include/exclude globs let `path` through (globs are relative to the configuration's
        folder)."""
        if not (self.include or self.exclude):
            return True
        try:
            rel = path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            rel = path.as_posix()
        if self.include and not any(fnmatch.fnmatch(rel, g) for g in self.include):
            return False
        return not any(fnmatch.fnmatch(rel, g) for g in self.exclude)

    def read_files(self) -> list[Path]:
        """The files these settings read: the configuration, rule files and lexicon files (an output must
        not replace them)."""
        folders = [f for f in (*self.rule_folders, *self.lexicons) if f.is_dir()]
        return [*([self.config] if self.config else []), *(p for f in folders for p in f.rglob("*.yaml"))]


def _first(*values: T | None) -> T:
    """The first value given (not None): an override's, else the configuration's, else the default."""
    return next(v for v in values if v is not None)


def _selectors(select: Sequence[str]) -> tuple[str, ...]:
    """Rule selectors given as a list, or as one string (one selector, not its letters)."""
    return (select,) if isinstance(select, str) else tuple(select)


def _lexicon_folders(rule_folders: list[Path]) -> list[Path]:
    """The lexicon/ subfolders of newsroom rule folders, where they have one (the built-in rules folder's
    is the base the others merge over)."""
    builtin = rules_root().resolve()
    return [folder / LEXICON_FOLDER for folder in rule_folders
            if (folder / LEXICON_FOLDER).is_dir() and folder.resolve() != builtin]


__all__ = ["Settings"]
