"""Instructions per checked article, counted by valgrind's callgrind: a count, not a time, so it is the same
on a busy machine as on a quiet one, and two builds compare without alternating runs.

    python bench/instructions.py [CORPUS.jsonl ...] [--by-kind]

Runs this interpreter under callgrind twice over the corpus (bench/run.py's default): once to start, read
the corpus and check it once (warm-up), once doing the same and then PASSES more passes. The difference,
over the articles of those passes, is the count per article. With --by-kind, the count is split by where
it runs (the regular-expression engine, the interpreter loop, allocation, strings, dicts, modules compiled
with mypyc...), from callgrind_annotate. Needs valgrind (Debian's package); takes about two minutes.
Instructions are not time (a cache miss costs more than an add): confirm a gain with bench/run.py.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import DEV, article_of, generated_corpus, load_corpus

PASSES = 2
# Where an instruction runs, told by the source file (or the library) callgrind_annotate names; the first
# that matches.
KINDS = [
    ("regex engine", re.compile(r"_sre/")),
    ("interpreter loop", re.compile(r"ceval\.c:_PyEval_EvalFrameDefault")),
    ("allocation", re.compile(r"obmalloc\.c|malloc\.c|Dealloc|dealloc|_Py_Dealloc")),
    ("strings", re.compile(r"unicodeobject\.c|unicodectype\.c|stringlib/")),
    ("dicts", re.compile(r"dictobject\.c")),
    ("compiled factcheck (mypyc)", re.compile(r"__mypyc|factcheck/.*\.so")),
    ("pydantic-core", re.compile(r"pydantic_core")),
    ("garbage collector", re.compile(r"gcmodule\.c")),
]


def work(passes: int, paths: list[Path]) -> None:
    """What callgrind counts: the corpus checked once, then `passes` more times."""
    from factcheck import Checker

    records = load_corpus(paths) if paths else generated_corpus()
    checker = Checker()
    for _ in range(1 + passes):
        for r in records:
            checker.check_article(article_of(r))
    print(len(records))


def counted(passes: int, paths: list[Path], out: Path) -> int:
    """Runs `work` under callgrind, its output written to `out`; the number of records."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}  # the same set and dict orders in both runs
    done = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", sys.executable,
                           __file__, "--work", str(passes), *map(str, paths)],
                          env=env, capture_output=True, text=True, check=True)
    return int(done.stdout.split()[-1])


def totals(out: Path) -> int:
    summary = re.search(r"^(?:summary|totals): (\d+)", out.read_text(), re.M)
    assert summary is not None, f"{out} holds no callgrind totals"
    return int(summary.group(1))


def by_function(out: Path) -> Counter[str]:
    """The instructions of each function, its own (not those of what it calls)."""
    listing = subprocess.run(["callgrind_annotate", "--inclusive=no", "--threshold=100", str(out)],
                             capture_output=True, text=True, check=True).stdout
    functions: Counter[str] = Counter()
    for line in listing.splitlines():
        row = re.match(r"\s*([\d,]+)\s+\([^)]*\)\s+(\S.*)$", line)
        if row and row.group(2) != "PROGRAM TOTALS":
            functions[row.group(2)] += int(row.group(1).replace(",", ""))
    return functions


def kind_of(function: str) -> str:
    return next((kind for kind, where in KINDS if where.search(function)), "other (CPython's objects, calls...)")


def main(argv: list[str]) -> None:
    if argv[:1] == ["--work"]:
        work(int(argv[1]), [Path(a) for a in argv[2:]])
        return
    if shutil.which("valgrind") is None:
        sys.exit("bench/instructions.py needs valgrind (Debian: apt install valgrind)")
    split = "--by-kind" in argv
    paths = [Path(a) for a in argv if a != "--by-kind"] or sorted(DEV.glob("news-*.jsonl"))
    with tempfile.TemporaryDirectory() as tmp:
        warm, more = Path(tmp, "warm-up.out"), Path(tmp, "passes.out")
        n = counted(0, paths, warm)
        counted(PASSES, paths, more)
        per_article = (totals(more) - totals(warm)) / (PASSES * n)
        print(f"{per_article / 1e6:.2f} M instructions per article ({n} articles, {PASSES} passes after warm-up; "
              f"Python {sys.version.split()[0]})")
        if split:
            functions = by_function(more)
            functions.subtract(by_function(warm))
            kinds: Counter[str] = Counter()
            for function, count in functions.items():
                kinds[kind_of(function)] += count
            whole = sum(kinds.values())
            for kind, count in kinds.most_common():
                print(f"  {kind:36s} {count / (PASSES * n) / 1e6:6.2f} M  {100 * count / whole:5.1f}%")


if __name__ == "__main__":
    main(sys.argv[1:])
