"""Where an article's check time goes, stage by stage, and what any extractor could at best bring.

    python bench/stages.py [CORPUS.jsonl ...]

Times the parts of `Checker.check_article` apart for each article of the corpus (bench/run.py's default):
reading the article, extraction, the claim graph, the rules and the report. Prints each stage's median and
mean per article over the quickest of ROUNDS passes, and the median of the check without its extraction: a
floor that no faster extractor can go under, so the figure to set against a per-article target. Timers
around each stage add about a microsecond to each; read bench/run.py for the whole check's own median.
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import DEV, article_of, build_name, generated_corpus, load_corpus

ROUNDS = 7  # passes over the corpus; each stage's quickest pass counts
STAGES = ("reading", "extraction", "claim graph", "rules and report")


def one_pass(checker, records: list[dict]) -> dict[str, list[float]]:
    """Each stage's time, and the check's without extraction, for each record in turn (seconds)."""
    from factcheck.analysis import Analysis
    from factcheck.claims import build_graph

    out: dict[str, list[float]] = {name: [] for name in (*STAGES, "all but extraction")}
    for r in records:
        t0 = time.perf_counter()
        article = article_of(r)
        t1 = time.perf_counter()
        extractor = checker.analyser.extractor(article.lang)
        mentions = extractor.extract(article)
        t2 = time.perf_counter()
        graph = build_graph(article, mentions, extractor.lex)
        t3 = time.perf_counter()
        checker.check_analysis(Analysis(article, mentions, graph))
        t4 = time.perf_counter()
        for name, seconds in zip(STAGES, (t1 - t0, t2 - t1, t3 - t2, t4 - t3)):
            out[name].append(seconds)
        out["all but extraction"].append((t1 - t0) + (t4 - t2))
    return out


def main(argv: list[str]) -> None:
    from factcheck import Checker
    paths = [Path(a) for a in argv] or sorted(DEV.glob("news-*.jsonl"))
    records = load_corpus(paths) if paths else generated_corpus()
    checker = Checker()
    one_pass(checker, records)  # warm-up: patterns compiled, caches filled
    passes = [one_pass(checker, records) for _ in range(ROUNDS)]
    print(f"{len(records)} articles, factcheck {build_name()}; per article, the quickest of {ROUNDS} passes (ms):")
    for name in passes[0]:
        median = min(statistics.median(p[name]) for p in passes) * 1e3
        mean = min(statistics.fmean(p[name]) for p in passes) * 1e3
        print(f"  {name:20s} median {median:6.3f}   mean {mean:6.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
