"""Benchmark factcheck on one machine and print the figures.

    python bench/run.py [CORPUS.jsonl ...] [--skip PART ...] [--export-records N] [--memory-records N]

Default corpus: ../shared/corpora/dev/news-*.jsonl beside the checkout when present, otherwise articles
generated from seeds/. Prints medians and ratios (shared machines are noisy; single times mislead):
  - per-article check time in one process after warm-up (median, p95, articles per second), from the
    quickest of three passes over the corpus;
  - dateparser.search.search_dates alone on the same texts (timed the same way), the ratio, and how
    many dates each finds;
  - `factcheck check --jobs 1` and `--jobs 2` throughput on the same files, and their ratio: on the
    corpus's files, then on ten copies of them (a batch where start-up no longer dominates);
  - `--jobs 1` and `--jobs 2` on ONE JSONL export of 20,000 records (the corpus repeated with new ids),
    streamed out as JSON Lines, and their ratio;
  - peak resident memory (main process, and with its workers) of `factcheck check --jobs 2 --format
    jsonl` on 100,000 records streamed from one JSONL file;
  - wall time of `factcheck check` on one short article from a cold start;
  - factcheck.dask on a 2-worker distributed LocalCluster over the 20,000 records in 8 shards, against
    the serial run (needs the dask extra; `--skip dask` without it);
  - the pathological inputs of bench/pathological.py on a ladder of sizes, 32 KB to 2 MB, with each
    one's time per KB against that at 32 KB (the target: at most 1.5x at 2 MB).
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
PARTS = ("per-article", "files", "export", "memory", "cold-start", "dask", "pathological")  # what --skip leaves out


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


def article_of(record: dict):
    """A corpus record as the checker reads it: its language and publication date given, plain text."""
    from factcheck.ingest import article_from_text

    published = dt.date.fromisoformat(record["published"]) if record.get("published") else None
    return article_from_text(record["text"], published=published, lang=record.get("lang"), markdown=False)


def build_name() -> str:
    """Which build of factcheck this interpreter imports."""
    import factcheck.text  # an extension module in the compiled build (docs/performance.md, "Compiled build")

    return "compiled with mypyc" if factcheck.text.__file__.endswith((".so", ".pyd")) else "pure Python"


def median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1e3


def in_process(records: list[dict]) -> dict:
    from factcheck import Checker

    checker = Checker()
    for r in records[:20]:
        checker.check_article(article_of(r))

    def one(r):
        checker.check_article(article_of(r))  # the full check: ingest, extraction, graph, rules, report model

    times = best_round(one, records)
    spans = [[(t.span.start, t.span.end) for t in checker.analyse(article_of(r))[0].times] for r in records]
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


def run_cli(args: list[str], env: dict[str, str] | None = None) -> tuple[float, int]:
    """Wall time of one `factcheck` run and the peak resident memory (KiB) of the process tree."""
    start = time.perf_counter()
    subprocess.run([str(EXE), *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def throughput(folder: Path, n: int, jobs: int, rounds: int = 3) -> float:
    walls = [run_cli(["check", str(folder), "--jobs", str(jobs), "--format", "json"])[0] for _ in range(rounds)]
    return n / statistics.median(walls)


def write_export(records: list[dict], path: Path, n: int, start: int = 0) -> Path:
    """n records in one JSONL file: the corpus repeated, each copy with new ids."""
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(start, start + n):
            r = records[i % len(records)]
            fh.write(json.dumps({"id": f"a{i}", "text": r["text"], "published": r.get("published"),
                                 "lang": r.get("lang")}, ensure_ascii=False) + "\n")
    return path


def _tree_memory_kb(root: int) -> tuple[int, int]:
    """Resident memory (KiB) of the process `root`, and the proportional memory (PSS: shared pages split
    among the processes that share them) of it with all its descendants, from /proc."""
    parent_of = {}
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                parent_of[int(entry)] = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
    tree, grew = {root}, True
    while grew:
        more = {pid for pid, parent in parent_of.items() if parent in tree} - tree
        tree, grew = tree | more, bool(more)
    return _status_kb(root, "/status", "VmRSS:"), sum(_status_kb(pid, "/smaps_rollup", "Pss:") for pid in tree)


def _status_kb(pid: int, name: str, key: str) -> int:
    try:
        with open(f"/proc/{pid}{name}", encoding="ascii", errors="replace") as fh:
            return next((int(line.split()[1]) for line in fh if line.startswith(key)), 0)
    except OSError:
        return 0


def run_sampled(args: list[str]) -> tuple[float, float, float]:
    """Wall time of one `factcheck` run, the peak resident memory (MB) of its main process and the peak
    proportional memory of its whole process tree (workers included), sampled ten times a second."""
    start = time.perf_counter()
    process = subprocess.Popen([str(EXE), *args], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    main_peak = tree_peak = 0
    while process.poll() is None:
        main, tree = _tree_memory_kb(process.pid)
        main_peak, tree_peak = max(main_peak, main), max(tree_peak, tree)
        time.sleep(0.1)
    return time.perf_counter() - start, main_peak / 1024, tree_peak / 1024


def one_export(records: list[dict], folder: Path, n: int, rounds: int) -> tuple[float, float, list[float]]:
    """Articles per second of `factcheck check --jobs 1` and `--jobs 2` on ONE JSONL export of n records,
    streamed out as JSON Lines (the runs interleaved, the median of `rounds` each), and the CPU seconds
    each used (all its processes): on a busy machine the CPU says what the wall time cannot."""
    export = write_export(records, folder / "export.jsonl", n)
    walls: dict[int, list[float]] = {1: [], 2: []}
    cpu: dict[int, list[float]] = {1: [], 2: []}
    for _ in range(rounds):
        for jobs in (1, 2):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            walls[jobs].append(run_cli(["check", str(export), "--jobs", str(jobs), "--format", "jsonl"])[0])
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[jobs].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return (n / statistics.median(walls[1]), n / statistics.median(walls[2]),
            [statistics.median(cpu[1]), statistics.median(cpu[2])])


def peak_memory(records: list[dict], folder: Path, n: int = 100_000) -> tuple[float, float, float]:
    """Wall time and peak memory (MB: the main process's resident memory, the whole tree's proportional
    memory) of `factcheck check --jobs 2 --format jsonl` on n records streamed from one JSONL file."""
    big = write_export(records, folder / "archive.jsonl", n)
    return run_sampled(["check", str(big), "--jobs", "2", "--format", "jsonl"])


def on_dask(records: list[dict], folder: Path, n: int, shards: int = 8) -> tuple[float, float]:
    """Start-up time of a 2-worker distributed LocalCluster, and its articles per second on n records in
    `shards` JSONL shards (factcheck.dask.check_shards, findings written as Parquet)."""
    from distributed import Client, LocalCluster

    from factcheck.dask import check_shards

    per = n // shards
    urls = [str(write_export(records, folder / f"shard{i}.jsonl", per, i * per)) for i in range(shards)]
    start = time.perf_counter()
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
            Client(cluster) as client:
        started = time.perf_counter()
        check_shards(urls, str(folder / "findings"), client=client)
        done = time.perf_counter()
    return started - start, per * shards / (done - started)


def cold_start(folder: Path, rounds: int = 5) -> float:
    """A new process checking one short article, with the modules' bytecode cached as an install leaves it
    (pip compiles it; an editable install writes it on first run). The cache goes to a folder of its own:
    where PYTHONDONTWRITEBYTECODE is set, every start would otherwise compile the package from source."""
    short = folder / "short.md"
    short.write_text("---\ndate: 2021-12-06\nlang: id\n---\nRapat digelar pada Selasa (7/12/2021).\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(folder / "bytecode")
    run_cli(["check", str(short)], env)  # writes the bytecode
    return statistics.median(run_cli(["check", str(short)], env)[0] for _ in range(rounds))


def main(argv: list[str]) -> None:
    import argparse

    parser = argparse.ArgumentParser(description="Benchmark factcheck and print the figures.")
    parser.add_argument("corpora", nargs="*", type=Path, help="JSONL corpora (default: the dev news)")
    parser.add_argument("--skip", action="append", default=[], choices=PARTS,
                        help="leave a part out (repeatable)")
    parser.add_argument("--export-records", type=int, default=20_000, help="records of the one export for --jobs")
    parser.add_argument("--memory-records", type=int, default=100_000, help="records streamed for peak memory")
    parser.add_argument("--rounds", type=int, default=1, help="interleaved runs of the one export per --jobs")
    args = parser.parse_args(argv)
    skip = set(args.skip)
    paths = args.corpora or sorted(DEV.glob("news-*.jsonl"))
    records = load_corpus(paths) if paths else generated_corpus()
    source = ", ".join(p.name for p in paths) if paths else "articles generated from seeds/"
    print(f"factcheck benchmark: {len(records)} articles ({source}); Python {sys.version.split()[0]}, "
          f"{os.cpu_count()} cores; factcheck {build_name()}")

    if "per-article" not in skip:
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
        print()
        if "files" not in skip:
            write_articles(records, folder)
            for copies in (1, BATCH_COPIES):
                if copies > 1:  # an archive-sized batch, where the command's own start-up no longer dominates
                    for i in range(1, copies):
                        write_articles(records, folder / f"copy{i}")
                n = len(records) * copies
                one, two = throughput(folder, n, 1), throughput(folder, n, 2)
                print(f"factcheck check on {n:,} files: --jobs 1 {one:.0f} articles/s; --jobs 2 {two:.0f} articles/s; "
                      f"ratio {two / one:.2f}")
        serial = None
        if "export" not in skip:
            load = os.getloadavg()[0]
            serial, two, cpu = one_export(records, Path(tmp), args.export_records, args.rounds)
            print(f"factcheck check on ONE export of {args.export_records:,} records (--format jsonl): --jobs 1 "
                  f"{serial:.0f} articles/s; --jobs 2 {two:.0f} articles/s; ratio {two / serial:.2f} "
                  f"(CPU {cpu[0]:.1f} s and {cpu[1]:.1f} s; load average before: {load:.1f})")
            sys.stdout.flush()
        if "memory" not in skip:
            wall, main_mb, tree_mb = peak_memory(records, Path(tmp), args.memory_records)
            print(f"peak memory, {args.memory_records:,} records streamed from one JSONL file (--jobs 2 --format "
                  f"jsonl, {wall:.0f} s): {main_mb:.0f} MB resident in the main process; {tree_mb:.0f} MB with its "
                  f"workers (PSS: shared pages counted once)")
            sys.stdout.flush()
        if "cold-start" not in skip:
            print(f"cold start, one short article: {cold_start(Path(tmp)) * 1e3:.0f} ms (median of 5, bytecode "
                  f"cached as installed)")
        if "dask" not in skip:
            started, rate = on_dask(records, Path(tmp), args.export_records)
            against = (f"; the serial run (--jobs 1 above) {serial:.0f} articles/s, ratio {rate / serial:.2f}"
                       if serial else "")
            print(f"Dask, 2-worker LocalCluster ({started:.1f} s to start), {args.export_records:,} records in 8 "
                  f"JSONL shards, findings to Parquet: {rate:.0f} articles/s{against}")

    pathological = ROOT / "bench" / "pathological.py"
    if pathological.is_file() and "pathological" not in skip:
        print("\npathological inputs, 32 KB to 2 MB (bench/pathological.py):")
        sys.stdout.flush()
        subprocess.run([sys.executable, str(pathological)], check=False)


if __name__ == "__main__":
    main(sys.argv[1:])
