"""Configuration: `[tool.factcheck]` in pyproject.toml or a `.factcheck.toml`, found by walking up from
the checked path. Command-line options override it.

    [tool.factcheck]
    enable = ["*", "quantity.range-inverted"]       # rule ids, categories, globs or "experimental";
                                                      # default: every rule that is not experimental
    disable = ["temporal.reported-after-publication"]
    severity = { "quantity.conflict" = "error" }
    languages = ["id", "en"]                          # languages an article may be detected as
    rules = ["newsroom-rules"]                        # extra rule folders, relative to this file
    include = ["articles/**"]                         # path globs, relative to this file
    exclude = ["articles/archive/**"]
    fail-on = "warning"
    min-severity = "info"
"""
from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path
from typing import Literal, Optional, Sequence

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .checker import Checker
from .checks import Rule, load_rules, select_rules
from .errors import ConfigError
from .files import DEFAULT_MAX_SIZE, TooLarge, read_regular
from .lexicon import languages as known_languages, rules_root
from .models import Severity

FailLevel = Literal["error", "warning", "info", "never"]
CONFIG_NAMES = (".factcheck.toml", "pyproject.toml")


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    enable: list[str] = []
    disable: list[str] = []
    severity: dict[str, Severity] = {}
    languages: list[str] = []
    rules: list[str] = []
    include: list[str] = []
    exclude: list[str] = []
    fail_on: Optional[FailLevel] = Field(default=None, alias="fail-on")
    min_severity: Optional[Severity] = Field(default=None, alias="min-severity")
    path: Optional[Path] = Field(default=None, exclude=True)  # the file it came from

    @property
    def root(self) -> Path:
        """The folder paths in the configuration are relative to."""
        return self.path.parent if self.path else Path.cwd()


def find_config(start: Path) -> Optional[Path]:
    """The nearest .factcheck.toml, or pyproject.toml with a [tool.factcheck] table, at or above `start`."""
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            path = candidate / name
            if path.is_file() and (name != "pyproject.toml" or _tool_table(_toml(path), path) is not None):
                return path
    return None


def _tool_table(data: dict, path: Path) -> Optional[dict]:
    """A pyproject.toml's [tool.factcheck] table; None without one (`tool` may be anything: not ours)."""
    tool = data.get("tool")
    table = tool.get("factcheck") if isinstance(tool, dict) else None
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{path}: 'tool.factcheck' must be a table, [tool.factcheck], not a "
                          f"{type(table).__name__}")
    return table


def _toml(path: Path) -> dict:
    try:
        return tomllib.loads(read_regular(path, DEFAULT_MAX_SIZE).decode("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
    except RecursionError:
        raise ConfigError(f"{path}: not valid TOML: nested too deeply") from None
    except TooLarge:
        raise ConfigError(f"{path}: larger than the {DEFAULT_MAX_SIZE:,}-byte limit of a configuration file") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None


def load_config(path: Path) -> Config:
    data = _toml(path)
    if path.name == "pyproject.toml":
        data = _tool_table(data, path) or {}
    try:
        config = Config.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        key = ".".join(str(p) for p in err["loc"])
        what = "unknown key" if err["type"] == "extra_forbidden" else err["msg"]
        raise ConfigError(f"{path}: '{key}': {what}") from None
    config = config.model_copy(update={"path": path})
    unknown = sorted(set(config.languages) - set(known_languages()))
    if unknown:
        raise ConfigError(f"{path}: 'languages': no lexicon for {', '.join(unknown)} (have: {', '.join(known_languages())})")
    return config


def rule_folders(config: Config, extra: list[Path] = ()) -> list[Path]:
    return [rules_root(), *(config.root / r for r in config.rules), *extra]


def configure_rules(rules: list[Rule], config: Config, select: list[str] = ()) -> list[Rule]:
    """The rules the configuration turns on (`--select` replaces its `enable`), with its severity
    overrides applied."""
    where = config.path or "command line"
    for key, selectors in (("disable", config.disable), ("severity", list(config.severity))):
        select_rules(rules, selectors, f"{where}: '{key}'")
    if select:
        chosen = select_rules(rules, select)
    else:
        chosen = select_rules(rules, config.enable, f"{where}: 'enable'")
    chosen = [r for r in chosen if not any(r.matches(s) for s in config.disable)]
    out = []
    for r in chosen:
        override = next((sev for s, sev in config.severity.items() if r.matches(s)), None)
        out.append(r.model_copy(update={"severity": override}) if override else r)
    return out


def load_configured_rules(config: Config, extra: list[Path] = (), select: list[str] = ()) -> list[Rule]:
    return configure_rules(load_rules(rule_folders(config, list(extra))), config, list(select))


def config_for(path: Optional[Path], start: Path) -> Config:
    """The configuration in the file `path`, else in the nearest one at or above `start`, else the defaults."""
    path = path or find_config(start)
    return load_config(path) if path else Config()


def configured_checker(config: Config, rule_dirs: Sequence[Path] = (), select: Sequence[str] = (), **options) -> Checker:
    """The Checker of a configuration, with `rule_dirs` and `select` as `--rules` and `--select`; `options`
    go to the Checker."""
    return Checker(load_configured_rules(config, list(rule_dirs), list(select)), **options)


def path_selected(path: Path, config: Config) -> bool:
    """Whether include/exclude globs let `path` through (globs are relative to the config's folder)."""
    if not (config.include or config.exclude):
        return True
    try:
        rel = path.resolve().relative_to(config.root.resolve()).as_posix()
    except ValueError:
        rel = path.as_posix()
    if config.include and not any(fnmatch.fnmatch(rel, g) for g in config.include):
        return False
    return not any(fnmatch.fnmatch(rel, g) for g in config.exclude)
