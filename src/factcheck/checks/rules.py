"""Rule files: one YAML file per rule under rules/<category>/, validated before any article is read."""
from __future__ import annotations

import datetime as dt
import fnmatch
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..errors import ConfigError
from ..lexicon import languages, load_yaml, rules_root, validate
from ..models import Category, Severity
from .registry import CHECKS, resolve

LANGUAGE_CODE = r"^[a-z]{2,3}$"  # ISO 639: the name of a lexicon file


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Localized(BaseModel):
    """A text per language, keyed by language code (`en: ...`, `id: ...`): one in every built-in language,
    and any in a newsroom's own; a language without its text reads the English one."""
    model_config = ConfigDict(extra="allow")
    __pydantic_extra__: dict[str, str]

    en: str

    @model_validator(mode="after")
    def _every_builtin_language(self) -> Localized:
        bad = [code for code in self.texts() if not re.match(LANGUAGE_CODE, code)]
        if bad:
            raise ValueError(f"'{bad[0]}' is not a language code (such as id, en)")
        missing = [code for code in languages() if code not in self.texts()]
        if missing:
            raise ValueError(f"a text in every built-in language is needed; missing: {', '.join(missing)}")
        return self

    def texts(self) -> dict[str, str]:
        """The text of each language given, by code; English, the fallback, last."""
        return {**(self.__pydantic_extra__ or {}), "en": self.en}

    def get(self, lang: str) -> str:
        return self.texts().get(lang) or self.en


class Example(_Strict):
    lang: str = Field(pattern=LANGUAGE_CODE)
    expect: Literal["fail", "pass"]
    text: str
    published: dt.date | None = None
    note: str | None = None
    # Pins on a failing example, which the example tests hold the rule's first finding to: the text of its
    # first evidence span and its message, rendered.
    evidence: str | None = None
    message: str | None = None

    @model_validator(mode="after")
    def _pins_only_when_failing(self) -> Example:
        if self.expect == "pass" and (self.evidence is not None or self.message is not None):
            raise ValueError("'evidence' and 'message' pin what a failing example finds; a passing one finds nothing")
        return self


class Variant(_Strict):
    """Texts a check selects for a particular case (an invalid month rather than day, no repair found)."""
    message: Localized | None = None
    reasoning: Localized | None = None
    suggestion: Localized | None = None


class Experimental(_Strict):
    """Why a rule is off by default: its precision on real articles, measured by `factcheck eval`."""
    precision: float | None = Field(ge=0, le=1)  # None: it found nothing to measure
    measured: str  # what was measured: "2 right of 8 findings on the dev news and wild corpora"

    def __str__(self) -> str:
        return f"precision {self.precision:.2f}" if self.precision is not None else "precision not measured"


class Rule(_Strict):
    id: str = Field(pattern=r"^(temporal|quantity|entity)\.[a-z0-9]+(?:-[a-z0-9]+)*$")
    category: Category
    severity: Severity
    check: str
    summary: Localized
    description: Localized | None = None
    message: Localized
    reasoning: Localized | None = None
    suggestion: Localized | None = None
    variants: dict[str, Variant] = {}
    needs_published: bool = False
    # Off by default until it is precise on real articles; runs when selected by its id or `experimental`.
    experimental: Experimental | None = None
    # Rules whose finding on the same span this one's replaces: one note per error, the most specific.
    supersedes: list[str] = []
    params: dict[str, Any] = {}
    examples: list[Example]
    path: str | None = Field(default=None, exclude=True)

    @field_validator("check")
    @classmethod
    def _known_check(cls, v: str) -> str:
        v = resolve(v)  # a former name of the kind
        if v not in CHECKS:
            raise ValueError(f"unknown check kind '{v}' (known: {', '.join(sorted(CHECKS))})")
        return v

    @model_validator(mode="after")
    def _consistent(self) -> Rule:
        if not self.id.startswith(self.category + "."):
            raise ValueError(f"id '{self.id}' must start with its category '{self.category}.'")
        for lang in languages():
            kinds = {e.expect for e in self.examples if e.lang == lang}
            if kinds != {"fail", "pass"}:
                raise ValueError(f"examples need at least one failing and one passing example in '{lang}'")
        CHECKS[self.check].params.model_validate(self.params)
        unknown = set(CHECKS[self.check].variants) ^ set(self.variants)
        if unknown:
            raise ValueError(f"variants must be exactly those check '{self.check}' selects: "
                             f"{', '.join(sorted(CHECKS[self.check].variants)) or '(none)'}")
        return self

    def templates(self) -> Iterator[tuple[str, str]]:
        """Every message, reasoning and suggestion template, variants' too, as (where, template)."""
        owners = [("", self)] + [(f"variants.{name}.", v) for name, v in self.variants.items()]
        for prefix, owner in owners:
            for part in ("message", "reasoning", "suggestion"):
                texts: Localized | None = getattr(owner, part)
                for lang, text in texts.texts().items() if texts else ():
                    yield f"{prefix}{part}.{lang}", text

    def text(self, part: str, lang: str, variants: list[str]) -> str | None:
        """The message, reasoning or suggestion template in `lang`, with the hit's variants applied."""
        chosen = getattr(self, part)
        for v in variants:
            override = getattr(self.variants[v], part)
            if override is not None:
                chosen = override
        return chosen.get(lang) if chosen else None

    def matches(self, selector: str) -> bool:
        """Whether a selector turns this rule on: an experimental rule answers only to its own id and
        to `experimental`, so that `temporal` or `*` still mean the precise set."""
        if self.experimental:
            return selector in (self.id, EXPERIMENTAL)
        return selector_matches(self.id, self.category, selector)


EXPERIMENTAL = "experimental"


# A format spec's width and precision (`{first:>20}`, `{share:.1f}`): a message needs no more than this,
# and `{first:>999999999}` would build a gigabyte string for every finding.
MAX_WIDTH = 200
_WIDTHS = re.compile(r"^(?:.?[<>=^])?[-+ ]?z?#?(\d*)[,_]?(?:\.(\d*))?")


class _Sample:
    """Any value of a template field: formats under a spec that suits a text or a number."""

    def __format__(self, spec: str) -> str:
        widths = _WIDTHS.match(spec)  # it always matches: every part is optional
        if any(len(n) > 3 or int(n) > MAX_WIDTH for n in (widths.groups() if widths else ()) if n):
            raise ValueError(f"a width or precision over {MAX_WIDTH}")
        try:
            return format("", spec)
        except ValueError as not_for_text:
            try:
                return format(0, spec)
            except ValueError:
                raise not_for_text from None


def check_templates(rule: Rule) -> None:
    """Raises a ConfigError naming the rule file and template when a template would fail to render: bad
    braces or format spec, or a field its check kind does not fill."""
    filled = CHECKS[rule.check].fields
    for where, template in rule.templates():
        try:
            template.format_map(_Fields(filled))
        except KeyError as exc:
            raise ConfigError(f"{rule.path}: field '{where}': check '{rule.check}' fills no '{{{exc.args[0]}}}'; "
                              f"use one of {', '.join(f'{{{f}}}' for f in filled or ())}") from None
        except (AttributeError, IndexError, TypeError):
            raise ConfigError(f"{rule.path}: field '{where}': a template names fields by name alone, such as "
                              f"{{{(filled or ('text',))[0]}}}, without attributes, indexes or positions") from None
        except ValueError as exc:
            raise ConfigError(f"{rule.path}: field '{where}': not a valid template ({exc}); write a field as "
                              f"{{name}} or {{name:spec}}, and a literal brace as {{{{ or }}}}") from None


class _Fields(dict[str, _Sample]):
    """The fields a check kind fills, each a _Sample; any name when the kind declares none."""

    def __init__(self, names: Sequence[str] | None):
        super().__init__()
        self.names = names

    def __missing__(self, key: str) -> _Sample:
        if self.names is not None and key not in self.names:
            raise KeyError(key)
        return _Sample()


def select_rules(rules: list[Rule], selectors: Sequence[str] = (), where: str | None = None) -> list[Rule]:
    """The rules the selectors turn on (ids, categories, globs, `experimental`); none: the default set,
    every rule that is not experimental. A selector that names no rule is an error, so that a typo
    cannot make a check that checks nothing; it says `where` the selectors were written (by default, the
    select setting, which a front end names its own way)."""
    selectors = [selectors] if isinstance(selectors, str) else list(selectors)
    for s in selectors:
        if s != EXPERIMENTAL and not any(selector_matches(r.id, r.category, s) for r in rules):
            example = rules[0].id if rules else "..."
            raise ConfigError(f"{where or 'the select setting'}: '{s}' names no rule; rules are named by id "
                              f"({example}), category (temporal, quantity, entity), glob (temporal.*) or "
                              f"'{EXPERIMENTAL}': `factcheck rules` lists them", option=None if where else "select")
    if not selectors:
        return [r for r in rules if not r.experimental]
    return [r for r in rules if any(r.matches(s) for s in selectors)]


def selector_matches(rule_id: str, category: str, selector: str) -> bool:
    """Whether a selector (a rule id, a category or a glob such as `temporal.*`) names a rule."""
    return selector in (rule_id, category) or fnmatch.fnmatchcase(rule_id, selector)


def load_rules(folders: list[Path] | None = None) -> list[Rule]:
    """Every rule file under the given folders (default: the built-in rules), sorted by id."""
    folders = folders or [rules_root()]
    rules: dict[str, Rule] = {}
    for folder in folders:
        if not folder.is_dir():
            raise ConfigError(f"{folder}: rule folder not found")
        for path in sorted(folder.rglob("*.yaml")):
            if "lexicon" in path.relative_to(folder).parts:
                continue
            data = load_yaml(path)
            if not isinstance(data, dict):
                raise ConfigError(f"{path}: a rule file must be a mapping with 'id', 'check', ...")
            rule = validate(Rule, data, path).model_copy(update={"path": str(path)})
            check_templates(rule)
            if rule.id in rules:
                raise ConfigError(f"{path}: rule id '{rule.id}' is also defined in {rules[rule.id].path}")
            rules[rule.id] = rule
    for rule in rules.values():
        unknown = [x for x in rule.supersedes if x not in rules]
        if unknown:
            raise ConfigError(f"{rule.path}: 'supersedes': no rule '{unknown[0]}'")
    return sorted(rules.values(), key=lambda r: r.id)
