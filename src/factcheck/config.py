"""Configuration files: `[tool.factcheck]` in pyproject.toml or a `.factcheck.toml`, found by walking up
from the checked path. Read here; resolved with the command line's overrides in settings.py.

    [tool.factcheck]
    enable = ["*", "quantity.range-inverted"]       # rule ids, categories, globs or "experimental";
                                                      # default: every rule that is not experimental
    disable = ["temporal.reported-after-publication"]
    severity = { "quantity.conflict" = "error" }
    languages = ["id", "en"]                          # languages an article may be detected as
    rules = ["newsroom-rules"]                        # extra rule folders, relative to this file
    lexicons = ["newsroom-lexicon"]                   # lexicon folders merged over the built-in lexicons
    include = ["articles/**"]                         # path globs, relative to this file
    exclude = ["articles/archive/**"]
    fail-on = "warning"
    min-severity = "info"
    warn-unused-suppressions = true
"""
from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import ConfigError
from .files import DEFAULT_MAX_SIZE, TooLarge, read_regular
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
    lexicons: list[str] = []
    include: list[str] = []
    exclude: list[str] = []
    fail_on: FailLevel | None = Field(default=None, alias="fail-on")
    min_severity: Severity | None = Field(default=None, alias="min-severity")
    warn_unused_suppressions: bool | None = Field(default=None, alias="warn-unused-suppressions")
    path: Path | None = Field(default=None, exclude=True)  # the file it came from

    @property
    def root(self) -> Path:
        """The folder paths in the configuration are relative to."""
        return self.path.parent if self.path else Path.cwd()


def find_config(start: Path) -> Path | None:
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


def _tool_table(data: dict[str, Any], path: Path) -> dict[str, Any] | None:
    """A pyproject.toml's [tool.factcheck] table; None without one (`tool` may be anything: not ours)."""
    tool = data.get("tool")
    table = tool.get("factcheck") if isinstance(tool, dict) else None
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{path}: 'tool.factcheck' must be a table, [tool.factcheck], not a "
                          f"{type(table).__name__}")
    return table


def _toml(path: Path) -> dict[str, Any]:
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
    return config.model_copy(update={"path": path})


def config_for(path: Path | None, start: Path) -> Config:
    """The configuration in the file `path`, else in the nearest one at or above `start`, else the defaults."""
    path = path or find_config(start)
    return load_config(path) if path else Config()
