"""factcheck in a newsroom repository: the distribution's name, the pre-commit hook as pre-commit runs it,
baselines from any folder, and the GitHub Action's steps in a clean virtualenv."""
import functools
import importlib.metadata
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tomllib

import pytest
import yaml

import factcheck
from factcheck.ingest.sources import HTML_SUFFIXES, MARKDOWN_SUFFIXES, TEXT_SUFFIXES

ROOT = pathlib.Path(__file__).resolve().parents[1]
BIN = pathlib.Path(sys.executable).parent
EXE = shutil.which("factcheck", path=str(BIN))
PRE_COMMIT = shutil.which("pre-commit", path=str(BIN))
DIST = "factcheck-news"

WEEKDAY = "---\ndate: 2021-12-08\nlang: id\n---\n# Rapat\n\nRapat digelar pada Rabu (7/12/2021) di Jakarta.\n"
CLEAN = "---\ndate: 2021-12-08\nlang: en\n---\nThe talks were held on Tuesday, Dec. 7, 2021.\n"
WEEKDAY_TEXT = "Rapat digelar pada Rabu (7/12/2021) di Jakarta."  # flagged wherever it is read as an article


def git(repo, *args):
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@x"}
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True, env=env)


def write(root, files: dict[str, str]):
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def fc(cwd, *args):
    assert EXE, "needs the installed command"
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    return subprocess.run([EXE, *args], cwd=cwd, capture_output=True, text=True, timeout=120, env=env)


def checked_paths(output: str) -> list[str]:
    """The files a `--format json` report in `output` (among other lines) checked."""
    report, _ = json.JSONDecoder().raw_decode(output[output.index("{"):])
    return sorted(f["path"] for f in report["files"])


# --- the distribution's name -------------------------------------------------------------------------

def test_distribution_is_factcheck_news_with_the_factcheck_command():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == DIST  # `factcheck` on PyPI is an unrelated project
    assert project["scripts"] == {"factcheck": "factcheck.cli:run"}  # main(), then the end of the process
    assert importlib.metadata.version(DIST) == factcheck.__version__


@pytest.mark.parametrize("name", ["README.md", "docs/ci.md", "action.yml"])
def test_every_install_line_names_the_distribution(name):
    text = (ROOT / name).read_text(encoding="utf-8")
    for words in re.findall(r"pip install([^\n&;|#]*)", text):
        names = {re.sub(r"[^\w.-].*", "", w.strip("'\""), flags=re.DOTALL).lower()
                 for w in words.split() if not w.startswith("-")}
        assert "factcheck" not in names, f"`pip install{words}` installs the unrelated project"
    assert DIST in text


# --- the pre-commit hook ------------------------------------------------------------------------------

HOOK = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]


def test_hook_passes_every_article_suffix_and_no_archive():
    files, exclude = re.compile(HOOK["files"]), re.compile(HOOK["exclude"])
    for suffix in TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES:
        assert files.search(f"articles/2021/rapat{suffix.upper()}") and not exclude.search(f"articles/rapat{suffix}")
    for name in [".factcheck-baseline.json", "archive/export.jsonl", "pyproject.toml", ".pre-commit-config.yaml"]:
        assert not files.search(name)


def run_hook(repo, *args):
    """pre-commit runs the shipped hook on the staged files. The hook is the manifest's entry with only its
    installation replaced by the installed command (`language: system`): pre-commit still selects the files
    by the hook's own `types`, `files` and `exclude`, and nothing is downloaded."""
    hook = {**HOOK, "language": "system", "entry": f"{EXE} check", "args": ["--format", "json", *args]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump({"repos": [{"repo": "local", "hooks": [hook]}]}),
                                                  encoding="utf-8")
    git(repo, "add", "-A")
    env = {**os.environ, "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home"), "PRE_COMMIT_NO_CONCURRENCY": "1"}
    env = {k: v for k, v in env.items() if not k.startswith("GITHUB_")}
    assert PRE_COMMIT, "needs pre-commit"
    return subprocess.run([PRE_COMMIT, "run", "--verbose", "--color", "never"], cwd=repo, capture_output=True,
                          text=True, timeout=120, env=env)


needs_pre_commit = pytest.mark.skipif(not (PRE_COMMIT and EXE and shutil.which("git")),
                                      reason="needs pre-commit (the test extra), the installed command and git")

NEWSROOM = {
    "articles/2021/rapat.md": WEEKDAY,
    "articles/2021/pembicaraan.md": CLEAN,
    "articles/2021/rapat.txt": "Jakarta, 8 Desember 2021 - " + WEEKDAY_TEXT + "\n",
    "README.md": "# Arsip\n\n" + WEEKDAY_TEXT + "\n",
    "CHANGELOG.md": WEEKDAY_TEXT + "\n",
    "requirements.txt": "factcheck-news\n",
    "pyproject.toml": "[project]\nname = 'arsip'\n# " + WEEKDAY_TEXT + "\n",
    ".github/workflows/factcheck.yml": "# " + WEEKDAY_TEXT + "\non: pull_request\n",
    ".github/PULL_REQUEST_TEMPLATE.md": WEEKDAY_TEXT + "\n",
}


@needs_pre_commit
def test_hook_checks_the_staged_articles_only(tmp_path):
    repo = tmp_path / "arsip"
    write(repo, NEWSROOM)
    git(repo, "init", "-q", "-b", "main")
    assert fc(repo, "baseline", "articles", "-o", ".factcheck-baseline.json").returncode == 0
    done = run_hook(repo)
    assert checked_paths(done.stdout) == ["articles/2021/pembicaraan.md", "articles/2021/rapat.md",
                                          "articles/2021/rapat.txt"]
    assert done.returncode == 1 and "Failed" in done.stdout  # the weekday blocks the commit


@needs_pre_commit
def test_hook_honours_the_configuration_and_a_baseline(tmp_path):
    repo = tmp_path / "arsip"
    write(repo, {**NEWSROOM, "pyproject.toml": '[tool.factcheck]\ninclude = ["articles/**"]\n'
                                                'exclude = ["articles/lama/**"]\n',
                 "articles/lama/2009.md": WEEKDAY, "catatan/ide.md": WEEKDAY})
    git(repo, "init", "-q", "-b", "main")
    done = run_hook(repo)
    assert checked_paths(done.stdout) == ["articles/2021/pembicaraan.md", "articles/2021/rapat.md",
                                          "articles/2021/rapat.txt"]
    assert done.returncode == 1
    # Recorded findings do not block a commit; the baseline itself is never read as an article.
    assert fc(repo, "baseline", "articles", "-o", ".factcheck-baseline.json").returncode == 0
    done = run_hook(repo, "--baseline", ".factcheck-baseline.json")
    assert done.returncode == 0, done.stdout
    assert ".factcheck-baseline.json" not in checked_paths(done.stdout)


# --- baselines from any folder -----------------------------------------------------------------------

def record(rid, text):
    return json.dumps({"id": rid, "published": "2021-12-08", "lang": "id", "text": text}) + "\n"


@pytest.fixture()
def newsroom(tmp_path):
    """Articles, an archive export whose record ids are URLs, and a baseline beside them at the root."""
    write(tmp_path, {"articles/2021/rapat.md": WEEKDAY, "articles/2021/pembicaraan.md": CLEAN,
                     "arsip/ekspor.jsonl": record("https://contoh.id/2021/rapat", WEEKDAY_TEXT)})
    return tmp_path


def shown(done) -> list[tuple[str, str]]:
    return [(f["path"], x["rule"]) for f in json.loads(done.stdout)["files"] for x in f["findings"]]


@pytest.mark.skipif(not EXE, reason="needs the installed command")
@pytest.mark.parametrize("written_from,checked_from,paths,baseline", [
    (".", "articles", [".", "../arsip"], "../.factcheck-baseline.json"),
    (".", "articles/2021", ["rapat.md", "../../arsip/ekspor.jsonl"], "../../.factcheck-baseline.json"),
    ("articles", ".", ["articles", "arsip"], ".factcheck-baseline.json"),
])
def test_baseline_hides_its_findings_from_any_folder(newsroom, written_from, checked_from, paths, baseline):
    written = newsroom / written_from
    target = os.path.relpath(newsroom / ".factcheck-baseline.json", written)
    sources = [os.path.relpath(newsroom / p, written) for p in ("articles", "arsip")]
    assert fc(written, "baseline", *sources, "-o", target).returncode == 0
    recorded = json.loads((newsroom / ".factcheck-baseline.json").read_text(encoding="utf-8"))["findings"]
    assert sorted(e["path"] for e in recorded) == ["arsip/ekspor.jsonl#https://contoh.id/2021/rapat",
                                                   "articles/2021/rapat.md"]  # relative to the baseline
    done = fc(newsroom / checked_from, "check", *paths, "--baseline", baseline, "--format", "json")
    assert (done.returncode, shown(done)) == (0, [])
    # A new finding still shows, under the path as given.
    (newsroom / "articles/2021/rapat.md").write_text(WEEKDAY + "\nSidang lanjutan pada Kamis (7/12/2021).\n",
                                                     encoding="utf-8")
    done = fc(newsroom / checked_from, "check", *paths, "--baseline", baseline, "--format", "json")
    assert done.returncode == 1 and len(shown(done)) == 1


def test_library_baseline_keys_are_relative_to_the_baseline_file(newsroom, checker, monkeypatch):
    from factcheck.baseline import read_baseline, without_baseline, write_baseline

    target = newsroom / ".factcheck-baseline.json"
    monkeypatch.chdir(newsroom)
    assert write_baseline(checker.check_paths(["articles"]), target) == 1
    monkeypatch.chdir(newsroom / "articles" / "2021")
    for paths in (["."], [str(newsroom / "articles")]):
        report = without_baseline(checker.check_paths(paths), read_baseline(target))
        assert report.summary.findings == 0 and report.summary.files == 2


# --- the GitHub Action, step by step ------------------------------------------------------------------

ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
STEPS = ACTION["runs"]["steps"]


@functools.cache
def offline():
    """What runs a step without the network: pip's indexes on this disk (its configured file:// ones) and,
    where this machine allows it, a network namespace of no interfaces. None when pip has no index here."""
    config = subprocess.run([sys.executable, "-m", "pip", "config", "list"], capture_output=True, text=True).stdout
    urls = [u for line in config.splitlines() if "index-url" in line
            for u in line.split("=", 1)[1].strip("'\"").split() if u.startswith("file:")]
    if not urls:
        return None
    sandbox = ["unshare", "--net"]
    if not shutil.which("unshare") or subprocess.run([*sandbox, "true"], capture_output=True).returncode:
        sandbox = []
    return {"PIP_INDEX_URL": urls[0], "PIP_EXTRA_INDEX_URL": " ".join(urls[1:])}, sandbox


class Runner:
    """Runs the action's steps as a GitHub runner does: each `run:` in `bash -eo pipefail` with the step's
    `env`, whose `${{ }}` expressions are evaluated here, with GITHUB_OUTPUT read back into the step's
    outputs, and each `if:` decided. `uses:` steps are done by hand: setup-python gives this machine's
    Python, the cache finds nothing, and an upload is recorded, not made."""

    def __init__(self, tmp, inputs=None, event=None):
        self.tmp, self.workspace, self.temp = tmp, tmp / "workspace", tmp / "runner-temp"
        self.temp.mkdir(parents=True, exist_ok=True)
        self.workspace.mkdir(exist_ok=True)
        self.steps, self.failed, self.uploaded, self.log = {}, False, [], ""
        self.inputs = {name: str(spec.get("default", "")) for name, spec in ACTION["inputs"].items()} | (inputs or {})
        self.github = {"action_path": str(ROOT), "event": event or {}, "workspace": str(self.workspace)}
        self.pip_env, self.sandbox = offline()

    def value(self, path: str):
        node: object = {"inputs": self.inputs, "steps": self.steps, "github": self.github,
                "runner": {"temp": str(self.temp), "os": "Linux"}}
        for part in path.split("."):
            node = node.get(part, "") if isinstance(node, dict) else ""
        return node

    def evaluate(self, expr: str):
        """The subset of GitHub's expression language the action uses: contexts, literals, ==, !=, !, &&,
        ||, always() and success()."""
        python = re.sub(r"\b(?:inputs|steps|github|runner)(?:\.[\w-]+)+", lambda m: f"value({m.group()!r})", expr)
        python = python.replace("&&", " and ").replace("||", " or ")
        python = re.sub(r"!(?!=)", " not ", python).replace("always()", "True").replace("success()", "ok")
        return eval(python, {"__builtins__": {}}, {"value": self.value, "ok": not self.failed})

    def substitute(self, text: str) -> str:
        return re.sub(r"\$\{\{(.*?)\}\}", lambda m: str(self.evaluate(m.group(1)) or ""), str(text))

    def run(self, steps):
        for step in steps:
            if not self.evaluate(step.get("if", "success()")):
                continue
            outputs = self.run_step(step)
            self.steps[step.get("id", "")] = {"outputs": outputs}
        return self

    def run_step(self, step) -> dict:
        uses = step.get("uses", "")
        if uses.startswith("actions/setup-python@"):
            return {"python-path": str(pathlib.Path(sys.base_prefix) / "bin" / "python3"),
                    "python-version": ".".join(map(str, sys.version_info[:3]))}
        if uses.startswith("actions/cache/"):
            return {"cache-hit": "false"}
        if uses.startswith("github/codeql-action/upload-sarif@"):
            self.uploaded.append({k: self.substitute(v) for k, v in step["with"].items()})
            return {}
        output = self.tmp / "github-output"
        output.write_text("", encoding="utf-8")
        script = self.tmp / "step.sh"
        script.write_text(step["run"], encoding="utf-8")
        env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": os.environ.get("HOME", str(self.tmp)), "CI": "true",
               "GITHUB_ACTIONS": "true", "GITHUB_OUTPUT": str(output), "GITHUB_ACTION_PATH": str(ROOT),
               "GITHUB_WORKSPACE": str(self.workspace), "RUNNER_TEMP": str(self.temp), **self.pip_env,
               **{k: self.substitute(v) for k, v in step.get("env", {}).items()}}
        done = subprocess.run([*self.sandbox, "bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
                              cwd=self.workspace, env=env, capture_output=True, text=True, timeout=300)
        self.log += done.stdout + done.stderr
        self.failed |= done.returncode != 0
        return dict(line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines())


def step_index(step_id: str) -> int:
    return next(i for i, s in enumerate(STEPS) if s.get("id") == step_id)


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """The action's steps up to and including the installation, once: a clean virtualenv in the runner's
    temporary folder, with factcheck installed from this checkout (the action's own path)."""
    if offline() is None:
        pytest.skip("no package index on this disk, and this test downloads nothing")
    runner = Runner(tmp_path_factory.mktemp("action")).run(STEPS[:step_index("check")])
    assert not runner.failed, runner.log
    return runner


def run_check(installed, tmp_path, files, inputs, event=None) -> Runner:
    """The steps from the check on, in a new workspace holding `files`, with the installed virtualenv."""
    runner = Runner(tmp_path, inputs, event)
    runner.temp, runner.steps = installed.temp, dict(installed.steps)
    write(runner.workspace, files)
    return runner.run(STEPS[step_index("check"):])


DESK = {"news desk/rapat.md": WEEKDAY, "news desk/bersih.md": CLEAN, "other/rapat.md": WEEKDAY}
FORK = {"pull_request": {"head": {"repo": {"fork": True}}}}


def test_action_puts_no_expression_inside_a_shell_command():
    for step in STEPS:
        assert "${{" not in step.get("run", ""), f"{step['name']}: inputs reach the shell only through env"
    assert {"findings", "sarif-file"} <= set(ACTION["outputs"])
    cached = {s["with"]["path"] for s in STEPS if s.get("uses", "").startswith("actions/cache/")}
    assert cached == {STEPS[step_index("install")]["env"]["PIP_CACHE_DIR"]}  # pip's cache is what is saved


def test_action_installs_into_its_own_virtualenv(installed):
    bin_ = pathlib.Path(installed.steps["install"]["outputs"]["bin"])
    assert bin_.parent == installed.temp / "factcheck-venv" and (bin_ / "factcheck").is_file()
    script = "import importlib.metadata as m; print(m.version('factcheck-news'))"
    version = subprocess.run([bin_ / "python", "-c", script], capture_output=True, text=True)
    assert version.stdout.strip() == factcheck.__version__


def test_action_checks_quoted_paths_and_reports_outputs(installed, tmp_path):
    runner = run_check(installed, tmp_path, DESK, {"paths": '"news desk"', "sarif": "factcheck results.sarif",
                                                   "args": "--select temporal --min-severity warning"})
    assert runner.failed  # a warning, at the default fail level
    assert "::warning file=news desk/rapat.md," in runner.log and "other/" not in runner.log
    assert runner.steps["check"]["outputs"] == {"findings": "1", "sarif-file": "factcheck results.sarif"}
    assert (runner.workspace / "factcheck results.sarif").is_file()
    assert runner.uploaded == [{"sarif_file": "factcheck results.sarif", "category": "factcheck"}]


def test_action_skips_the_upload_on_a_fork_pull_request(installed, tmp_path):
    runner = run_check(installed, tmp_path, DESK, {"paths": "other", "sarif": "factcheck.sarif"}, FORK)
    assert runner.steps["check"]["outputs"]["sarif-file"] == "factcheck.sarif" and runner.uploaded == []
    runner = run_check(installed, tmp_path / "again", DESK, {"paths": "other", "sarif": "factcheck.sarif",
                                                              "upload-sarif": "false"})
    assert runner.uploaded == []


def test_action_passes_when_clean_and_runs_nothing_from_inputs(installed, tmp_path):
    inputs = {"paths": "bersih.md $(touch injected) `touch injected`", "args": "--fail-on error; touch injected"}
    runner = run_check(installed, tmp_path, {"bersih.md": CLEAN}, inputs)
    assert not (runner.workspace / "injected").exists()
    assert runner.failed  # the odd words are missing files and an unknown option: exit 2, not a shell command
    runner = run_check(installed, tmp_path / "clean", {"bersih.md": CLEAN}, {"paths": "bersih.md"})
    assert not runner.failed, runner.log
    assert runner.steps["check"]["outputs"] == {"findings": "0"} and runner.uploaded == []


def test_action_leaves_the_fail_level_to_the_configuration(installed, tmp_path):
    files = {**DESK, ".factcheck.toml": 'fail-on = "error"\n'}
    runner = run_check(installed, tmp_path, files, {"paths": "other"})
    assert not runner.failed and runner.steps["check"]["outputs"] == {"findings": "1"}
    runner = run_check(installed, tmp_path / "input", files, {"paths": "other", "fail-on": "warning"})
    assert runner.failed


# --- the README's first command -----------------------------------------------------------------------

@pytest.mark.skipif(not EXE, reason="needs the installed command")
def test_readme_says_what_the_seed_check_exits_with_and_how_to_get_the_code():
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    said = re.search(r"exit status (\d), because the sample has (\w+) warnings", readme)
    assert said, "the README says what the seed check exits with"
    status, warnings = said.groups()
    done = fc(ROOT, "check", "seeds/", "--format", "json")
    summary = json.loads(done.stdout)["summary"]
    expected = {"warning": ["zero", "one", "two"].index(warnings)}
    assert (done.returncode, summary["by_severity"]) == (int(status), expected)
    assert "cloning this repository" in readme and f"pip download --no-deps --no-binary :all: {DIST}" in readme
