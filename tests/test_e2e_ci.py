"""factcheck as a CI step, end to end: a temporary git repository of articles and the installed command."""
import json
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

SCHEMA = pathlib.Path(__file__).resolve().parent / "fixtures" / "sarif-schema-2.1.0.json"
EXE = shutil.which("factcheck", path=str(pathlib.Path(sys.executable).parent))

WEEKDAY = "---\ndate: 2021-12-08\nlang: id\n---\n# Rapat\n\nRapat digelar pada Rabu (7/12/2021) di Jakarta.\n"
INVALID = "---\ndate: 2025-10-20\nlang: id\n---\nSidang dibuka Senin (20/20/2025), kata dia: 50% selesai.\n"
CLEAN = "---\ndate: 2021-12-08\nlang: en\n---\nThe talks were held on Tuesday, Dec. 7, 2021.\n"

pytestmark = pytest.mark.skipif(not EXE or not shutil.which("git"), reason="needs the installed command and git")


def git(repo, *args):
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@x"})


def fc(repo, *args):
    assert EXE, "needs the installed command"
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    return subprocess.run([EXE, *args], cwd=repo, capture_output=True, text=True, timeout=120, env=env)


@pytest.fixture()
def repo(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "weekday.md").write_text(WEEKDAY, encoding="utf-8")
    (tmp_path / "news" / "invalid.md").write_text(INVALID, encoding="utf-8")
    (tmp_path / "news" / "clean.md").write_text(CLEAN, encoding="utf-8")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "articles")
    return tmp_path


@pytest.mark.parametrize("fail_on,code", [("error", 1), ("warning", 1), ("info", 1), ("never", 0)])
def test_exit_codes(repo, fail_on, code):
    assert fc(repo, "check", "news", "--fail-on", fail_on).returncode == code


def test_exit_code_below_fail_level(repo):
    (repo / "news" / "invalid.md").unlink()
    assert fc(repo, "check", "news", "--fail-on", "error").returncode == 0  # only a warning is left
    assert fc(repo, "check", "news", "--fail-on", "warning").returncode == 1


def test_suppression_suppresses_exactly_one(repo):
    article = repo / "news" / "weekday.md"
    twice = WEEKDAY + "\nRapat kedua digelar pada Rabu (7/12/2021) pula.\n"
    article.write_text(twice, encoding="utf-8")
    before = json.loads(fc(repo, "check", "news/weekday.md", "--format", "json").stdout)["files"][0]["findings"]
    assert [f["evidence"][0]["line"] for f in before] == [7, 9]
    disabled = "<!-- factcheck-disable-next-line temporal.weekday-mismatch -->\nRapat digelar"
    article.write_text(twice.replace("Rapat digelar", disabled), encoding="utf-8")
    after = json.loads(fc(repo, "check", "news/weekday.md", "--format", "json").stdout)["files"][0]["findings"]
    assert [f["evidence"][0]["line"] for f in after] == [10]  # the second one, moved down by the comment


def test_baseline_survives_moved_lines_and_shows_new(repo):
    assert fc(repo, "baseline", "news", "-o", "baseline.json").returncode == 0
    assert fc(repo, "check", "news", "--baseline", "baseline.json").returncode == 0
    article = repo / "news" / "weekday.md"
    article.write_text(WEEKDAY.replace("# Rapat\n", "# Rapat\n\nParagraf pembuka yang baru.\n\nSatu lagi.\n")
                       + "\nSidang lanjutan pada Kamis (7/12/2021).\n", encoding="utf-8")
    done = fc(repo, "check", "news", "--baseline", "baseline.json", "--format", "json")
    shown = [(f["path"], f["evidence"][0]["text"]) for file in json.loads(done.stdout)["files"]
             for f in [dict(x, path=file["path"]) for x in file["findings"]]]
    assert shown == [("news/weekday.md", "Kamis (7/12/2021)")]
    assert done.returncode == 1


def test_changed_since_checks_only_changed_files(repo):
    git(repo, "checkout", "-q", "-b", "edit")
    (repo / "news" / "clean.md").write_text(CLEAN + "\nAnother meeting on Monday, Dec. 7, 2021.\n", encoding="utf-8")
    (repo / "news" / "new.md").write_text(CLEAN, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "edit")
    done = fc(repo, "check", "news", "--changed-since", "main", "--format", "json")
    paths = sorted(f["path"] for f in json.loads(done.stdout)["files"])
    assert [pathlib.Path(p).name for p in paths] == ["clean.md", "new.md"]


def test_sarif_validates(repo):
    import jsonschema

    done = fc(repo, "check", "news", "--format", "sarif")
    data = json.loads(done.stdout)
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in data["runs"][0]["results"]}
    assert uris == {"news/invalid.md", "news/weekday.md"}


def test_github_output_order_and_escaping(repo):
    done = fc(repo, "check", "./news", "--format", "github")
    lines = done.stdout.splitlines()
    assert lines[0].startswith("::error file=news/invalid.md,line=5,col=15,")
    assert lines[1].startswith("::warning file=news/weekday.md,line=7,")
    assert "file=./" not in done.stdout
    assert all(line.startswith("::") for line in lines)  # messages with newlines stay on one line (%0A)
    assert "%0AFix: " in lines[0]
