"""The import contracts in pyproject.toml ([tool.importlinter], explained in docs/architecture.md) hold for the
package, and they catch what they are for: a copy of the package with one back import injected breaks them."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("importlinter")

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "src"
CONFIG = ROOT / "pyproject.toml"


def lint_imports(source: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`lint-imports` with the project's contracts, on the factcheck package found first in `source`."""
    command = [sys.executable, "-c", "from importlinter.cli import lint_imports_command; lint_imports_command()",
               "--no-cache", str(CONFIG)]
    env = {**os.environ, "PYTHONPATH": str(source), "COLUMNS": "200"}  # an import chain on one line
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def copied_package(tmp_path: Path) -> Path:
    """A copy of the package's source under tmp_path/src; returns its folder."""
    target = tmp_path / "src" / "factcheck"
    shutil.copytree(SOURCE / "factcheck", target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> subprocess.CompletedProcess[str]:
    return lint_imports(SOURCE, tmp_path_factory.mktemp("lint"))


def test_the_package_keeps_its_import_contracts(checked: subprocess.CompletedProcess[str]) -> None:
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "0 broken" in checked.stdout


@pytest.mark.parametrize(("module", "line", "broken"), [
    # upward across the layers: the data model importing the engine
    ("models.py", "from .checker import Checker", "factcheck.models -> factcheck.checker (l."),
    # downward, which the layers allow, but rules read the claim graph, not extraction
    ("checks/__init__.py", "from ..extract import Extractor", "factcheck.checks -> factcheck.extract (l."),
    # one category of rules using another's code, which belongs at the top of checks/ if they share it
    ("checks/temporal/__init__.py", "from ..quantity import conflict",
     "factcheck.checks.temporal -> factcheck.checks.quantity.conflict (l."),
    # a renderer running the pipeline
    ("report/__init__.py", "from ..checker import Checker", "factcheck.report -> factcheck.checker (l."),
])
def test_a_back_import_breaks_the_contracts(tmp_path: Path, checked: subprocess.CompletedProcess[str], module: str,
                                            line: str, broken: str) -> None:
    assert broken not in checked.stdout  # the package itself does not import so
    with open(copied_package(tmp_path) / module, "a", encoding="utf-8") as f:
        f.write(f"\n{line}  # injected by test_layers\n")
    result = lint_imports(tmp_path / "src", tmp_path)
    assert result.returncode != 0
    assert broken in result.stdout, result.stdout + result.stderr


def test_a_module_outside_every_layer_breaks_the_contracts(tmp_path: Path) -> None:
    (copied_package(tmp_path) / "unplaced.py").write_text('"""A new module with no layer yet."""\n')
    result = lint_imports(tmp_path / "src", tmp_path)
    assert result.returncode != 0
    assert "factcheck.unplaced" in result.stdout + result.stderr
