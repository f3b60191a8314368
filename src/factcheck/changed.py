"""Files that differ from a git ref, three-dot style: against the merge base of REF and HEAD, so a pull
request is judged on its own edits (working-tree changes and new untracked files included)."""
from __future__ import annotations

import subprocess
from pathlib import Path

from .errors import ConfigError


def _git(args: list[str], cwd: Path) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
    except FileNotFoundError:
        raise ConfigError("the changed_since setting needs git, which is not installed",
                          option="changed_since") from None
    except subprocess.CalledProcessError as exc:
        raise ConfigError(f"git {' '.join(args)}: {exc.stderr.strip() or exc}") from None
    return done.stdout


def changed_files(ref: str, cwd: Path) -> set[Path]:
    top = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    base = _merge_base(ref, cwd)
    names = _git(["diff", "--name-only", "--diff-filter=ACMR", "-z", base], top).split("\0")
    names += _git(["ls-files", "--others", "--exclude-standard", "-z"], top).split("\0")
    return {(top / n).resolve() for n in names if n}


def _merge_base(ref: str, cwd: Path) -> str:
    try:
        return _git(["merge-base", ref, "HEAD"], cwd).strip()
    except ConfigError:
        if _git(["rev-parse", "--is-shallow-repository"], cwd).strip() != "true":
            raise
        raise ConfigError(f"the changed_since setting {ref}: this clone is shallow, so git cannot find where HEAD "
                          f"left {ref}; fetch the full history (in GitHub Actions, actions/checkout with "
                          f"`fetch-depth: 0`; elsewhere, `git fetch --unshallow`)", option="changed_since") from None


def restrict(paths: list[Path], changed: set[Path]) -> list[Path]:
    """The changed files that lie under the given paths (files or folders), relative to the current
    folder when they are inside it, as the user would have named them."""
    roots = [p.resolve() for p in paths]
    here = Path.cwd().resolve()
    found = sorted(c for c in changed if c.is_file() and any(c == r or r in c.parents for r in roots))
    return [c.relative_to(here) if here in c.parents else c for c in found]
