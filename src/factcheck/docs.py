"""The rules reference (docs/rules.md), generated from the rule files so it cannot drift."""
from __future__ import annotations

from .checks import CHECKS, Rule


def rules_markdown(rules: list[Rule]) -> str:
    out = ["# Rules reference", "",
           "Generated from the rule files by `factcheck rules --markdown > docs/rules.md`; a test fails when it",
           "is stale. Each rule is one YAML file under `rules/<category>/`.", "",
           "Experimental rules are off by default: their precision on real articles is under 0.9, or could not be",
           "measured because they found too little. Turn one on",
           "by its id (`--select quantity.range-inverted`, or `enable = [\"*\", \"quantity.range-inverted\"]` in the",
           "configuration), or all of them with `experimental`.", "",
           "| rule | category | severity | default | summary |", "|---|---|---|---|---|"]
    out += [f"| [`{r.id}`](#{_anchor(r.id)}) | {r.category} | {r.severity} | {_default(r)} | {r.summary.en} |"
            for r in rules]
    for r in rules:
        out += ["", f"## {r.id}", "", f"*{r.category}, {r.severity}; check kind `{r.check}`*", ""]
        if r.experimental:
            out += [f"**Experimental**, off by default: {r.experimental} ({r.experimental.measured}).", ""]
        out += [(r.description or r.summary).en, "", f"Indonesian: {(r.description or r.summary).get('id')}", ""]
        if r.supersedes:
            out += ["Replaces the finding of " + ", ".join(f"`{x}`" for x in r.supersedes)
                    + " on the same words, so that an error gets one note.", ""]
        if r.params:
            out += ["Parameters: " + ", ".join(f"`{k}` = `{v}`" for k, v in r.params.items()), ""]
        out += [f"Check kind `{r.check}`: {CHECKS[r.check].doc}", "", "Examples:", ""]
        for ex in r.examples:
            when = f", published {ex.published}" if ex.published else ""
            mark = "flags" if ex.expect == "fail" else "passes"
            out.append(f"- {mark} ({ex.lang}{when}): {ex.text}")
    return "\n".join(out) + "\n"


def _default(rule: Rule) -> str:
    return f"experimental ({rule.experimental})" if rule.experimental else "on"


def _anchor(rule_id: str) -> str:
    return rule_id.replace(".", "").lower()
