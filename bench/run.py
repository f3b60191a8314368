"""Benchmark factcheck on one machine and print the figures.

    python bench/run.py [CORPUS.jsonl ...]

Default corpus: ../shared/corpora/dev/news-*.jsonl beside the checkout when present, otherwise articles
generated from seeds/. Prints medians and ratios (shared machines are noisy; single times mislead):
  - per-article check time in one process after warm-up (median, p95, articles per second), from the
    quickest of three passes over the corpus;
  - dateparser.search.search_dates alone on the same texts (timed the same way), the ratio, and how
    many dates each finds;
  - `factcheck check --jobs 1` and `--jobs 2` throughput on the same files, and their ratio: on the
    corpus's files, then on ten copies of them (a batch where start-up no longer dominates);
  - peak resident memory of `factcheck check` on 10,000 articles streamed from one JSONL file;
  - wall time of `factcheck check` on one short article from a cold start;
  - the pathological inputs of bench/pathological.py at 1x, 2x and 4x size.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "corpora" / "dev"
EXE = Path(sys.executable).parent / "factcheck"
ROUNDS = 3  # passes over the corpus in one process; the quickest counts
BATCH_COPIES = 10  # the throughput is measured on the corpus's files, then on this many copies of them


def load_corpus(paths: list[Path]) -> list[dict]:
    records = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            records += [json.loads(line) for line in fh if line.strip()]
    return [r for r in records if r.get("text")]


def generated_corpus(n: int = 200) -> list[dict]:
    """Variants of the seed articles (other years and figures), for a checkout without the corpora."""
    out = []
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        for i in range(n):
            out.append({"id": f"{seed.stem}-{i}", "lang": "id", "published": f"{2015 + i % 10}-12-05",
                        "text": text.replace("2021", str(2015 + i % 10)).replace("70.000", f"{60 + i % 30}.000")})
    return out


def median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1e3


def in_process(records: list[dict]) -> dict:
    from factcheck import Checker
    from factcheck.ingest import article_from_text

    checker = Checker()

    def article(r):
        published = dt.date.fromisoformat(r["published"]) if r.get("published") else None
        return article_from_text(r["text"], published=published, lang=r.get("lang"), markdown=False)

    for r in records[:20]:
        checker.check_article(article(r))

    def one(r):
        checker.check_article(article(r))  # the full check: ingest, extraction, graph, rules, report model

    times = best_round(one, records)
    spans = [[(t.span.start, t.span.end) for t in checker.analyse(article(r))[0].times] for r in records]
    return {"median_ms": median_ms(times), "p95_ms": times[int(0.95 * (len(times) - 1))] * 1e3,
            "per_second": len(times) / sum(times), "dates_found": sum(map(len, spans)),
            "annotated_found": annotated_found(records, spans)}


def best_round(run, records: list[dict]) -> list[float]:
    """The sorted per-article times of the quickest of ROUNDS passes over the records (by median): on a
    shared machine a slow pass says more about the neighbours than about the code."""
    rounds = []
    for _ in range(ROUNDS):
        times = []
        for r in records:
            start = time.perf_counter()
            run(r)
            times.append(time.perf_counter() - start)
        rounds.append(sorted(times))
    return min(rounds, key=statistics.median)


def annotated_found(records: list[dict], spans: list[list[tuple[int, int]]]) -> str:
    """How many annotated temporal errors (their quotes) lie on a date the method found."""
    total = hit = 0
    for r, found in zip(records, spans):
        for item in r.get("expected") or []:
            if "temporal" not in item["categories"]:
                continue
            total += 1
            quotes = [(i, i + len(q)) for q in item["quotes"] for i in _occurrences(r["text"], q)]
            hit += any(a < y and x < b for a, b in quotes for x, y in found)
    return f"{hit}/{total}"


def _occurrences(text: str, s: str) -> list[int]:
    out, i = [], text.find(s)
    while s and i >= 0:
        out.append(i)
        i = text.find(s, i + 1)
    return out


def search_dates(records: list[dict]) -> dict:
    from dateparser.search import search_dates as sd

    def one(r):
        base = dt.datetime.fromisoformat(r["published"]) if r.get("published") else dt.datetime(2025, 1, 1)
        return sd(r["text"], languages=[r.get("lang") or "id"],
                  settings={"DATE_ORDER": "DMY", "RELATIVE_BASE": base}) or []

    for r in records[:5]:
        one(r)
    times = best_round(one, records)
    results = [one(r) for r in records]
    # search_dates gives no offsets (dateparser #379): every occurrence of a matched string counts
    spans = [[(i, i + len(s)) for s, _ in res for i in _occurrences(r["text"], s)] for r, res in zip(records, results)]
    return {"median_ms": median_ms(times), "dates_found": sum(map(len, results)),
            "annotated_found": annotated_found(records, spans)}


def write_articles(records: list[dict], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i, r in enumerate(records):
        front = f"---\npublished: {r.get('published') or ''}\nlang: {r.get('lang') or 'id'}\n---\n"
        (folder / f"{i:05d}.md").write_text(front + r["text"], encoding="utf-8")


def run_cli(args: list[str]) -> tuple[float, int]:
    """Wall time of one `factcheck` run and the peak resident memory (KiB) of the process tree."""
    start = time.perf_counter()
    subprocess.run([str(EXE), *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def throughput(folder: Path, n: int, jobs: int, rounds: int = 3) -> float:
    walls = [run_cli(["check", str(folder), "--jobs", str(jobs), "--format", "json"])[0] for _ in range(rounds)]
    return n / statistics.median(walls)


def peak_memory(records: list[dict], folder: Path, n: int = 10_000) -> float:
    """Peak RSS in MB while checking n records streamed from one JSONL file, in a fresh process."""
    big = folder / "archive.jsonl"
    with open(big, "w", encoding="utf-8") as fh:
        for i in range(n):
            r = records[i % len(records)]
            fh.write(json.dumps({"id": f"a{i}", "text": r["text"], "published": r.get("published"),
                                 "lang": r.get("lang")}, ensure_ascii=False) + "\n")
    probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
             "stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", probe, str(EXE), "check", str(big), "--jobs", "1", "--format", "json"],
                         capture_output=True, text=True)
    return int(out.stdout.strip()) / 1024


def cold_start(folder: Path, rounds: int = 5) -> float:
    short = folder / "short.md"
    short.write_text("---\ndate: 2021-12-06\nlang: id\n---\nRapat digelar pada Selasa (7/12/2021).\n", encoding="utf-8")
    return statistics.median(run_cli(["check", str(short)])[0] for _ in range(rounds))


def main(argv: list[str]) -> None:
    paths = [Path(a) for a in argv] or sorted(DEV.glob("news-*.jsonl"))
    records = load_corpus(paths) if paths else generated_corpus()
    source = ", ".join(p.name for p in paths) if paths else "articles generated from seeds/"
    print(f"factcheck benchmark: {len(records)} articles ({source}); Python {sys.version.split()[0]}, "
          f"{os.cpu_count()} cores")

    fc = in_process(records)
    print(f"\nper article, one process: median {fc['median_ms']:.2f} ms, p95 {fc['p95_ms']:.2f} ms, "
          f"{fc['per_second']:.0f} articles/s; {fc['dates_found']} time expressions found, "
          f"on {fc['annotated_found']} annotated date errors")
    sd = search_dates(records)
    print(f"dateparser search_dates alone: median {sd['median_ms']:.2f} ms; {sd['dates_found']} dates found, "
          f"on {sd['annotated_found']} annotated date errors; "
          f"factcheck is {sd['median_ms'] / fc['median_ms']:.1f}x faster (ratio of medians)")

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        write_articles(records, folder)
        print()
        for copies in (1, BATCH_COPIES):
            if copies > 1:  # an archive-sized batch, where the command's own start-up no longer dominates
                for i in range(1, copies):
                    write_articles(records, folder / f"copy{i}")
            n = len(records) * copies
            one, two = throughput(folder, n, 1), throughput(folder, n, 2)
            print(f"factcheck check on {n:,} files: --jobs 1 {one:.0f} articles/s; --jobs 2 {two:.0f} articles/s; "
                  f"ratio {two / one:.2f}")
        print(f"peak memory, 10,000 articles streamed from one JSONL file: {peak_memory(records, Path(tmp)):.0f} MB")
        print(f"cold start, one short article: {cold_start(Path(tmp)) * 1e3:.0f} ms (median of 5)")

    pathological = ROOT / "bench" / "pathological.py"
    if pathological.is_file():
        print("\npathological inputs (bench/pathological.py):")
        sys.stdout.flush()
        subprocess.run([sys.executable, str(pathological)], check=False)


if __name__ == "__main__":
    main(sys.argv[1:])
