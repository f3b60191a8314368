"""Profile the full check of every article of a corpus, in one process, and print the call tree.

    python bench/profile_check.py [CORPUS.jsonl ...]

Uses pyinstrument when it is installed (`pip install pyinstrument`), otherwise the standard library's
cProfile (the 30 functions with the most time of their own). The corpus is bench/run.py's default. The
times are inflated by the profiler; read the shares, and bench/run.py for the times themselves.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import DEV, article_of, generated_corpus, load_corpus


def main(argv: list[str]) -> None:
    from factcheck import Checker

    paths = [Path(a) for a in argv] or sorted(DEV.glob("news-*.jsonl"))
    records = load_corpus(paths) if paths else generated_corpus()
    checker = Checker()

    def check_all() -> None:
        for r in records:
            checker.check_article(article_of(r))

    check_all()  # warm-up: patterns compiled, caches filled
    try:
        from pyinstrument import Profiler
    except ImportError:
        import cProfile
        import pstats

        profile = cProfile.Profile()
        profile.runcall(check_all)
        pstats.Stats(profile).sort_stats("tottime").print_stats(30)
        return
    profiler = Profiler(interval=0.0005)
    profiler.start()
    check_all()
    profiler.stop()
    print(profiler.output_text(unicode=False, color=False))


if __name__ == "__main__":
    main(sys.argv[1:])
