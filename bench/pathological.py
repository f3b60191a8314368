"""Timings of pathological inputs at 1x, 2x and 4x size, to show how checking time grows.

    .venv/bin/python bench/pathological.py [--budget SECONDS] [CASE ...]

Each input is timed twice: reading it (ingest: text or HTML to an Article) and the whole check (ingest,
extraction, claim graph and rules), each the quickest of up to three runs. Linear growth shows as a ratio near 2 from one size to the next; a
ratio near 4 is quadratic. A case whose run takes longer than the budget is not run at the next size.
This is a script, not a test: timings depend on the machine.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from typing import Callable

from factcheck import Checker
from factcheck.ingest import article_from_html, article_from_text

SENTENCE = "Rusia mengirim sekitar 70.000 tentara ke perbatasan pada Senin (6/12/2021), kata dia. "


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda size: unit * (size // len(unit))


# name: (input of about `size` characters, size at 1x, HTML or not)
CASES: dict[str, tuple[Callable[[int], str], int, bool]] = {
    "digits-and-dots": (_repeat("1.2.3.4.5.6.7.8.9.0."), 256_000, False),
    "digit-runs-and-dots": (_repeat("1234567890."), 256_000, False),
    "senin-openings": (_repeat("Senin ("), 2_500 * len("Senin ("), False),
    "one-long-line-of-prose": (_repeat("warga kota itu berkumpul di alun-alun sejak pagi dan "), 1_250_000, False),
    "one-long-line-of-sentences": (_repeat(SENTENCE), 20_000, False),  # 1.25 MB of these took 11 minutes
    "one-long-sentence-with-figures": (_repeat(SENTENCE.replace(". ", " dan ")), 20_000, False),
    "deeply-nested-html": (lambda size: "<div>" * (size // 11) + f"<p>{SENTENCE}</p>" + "</div>" * (size // 11),
                           550_000, True),
    "unclosed-html-tags": (lambda size: f"<p>{SENTENCE}</p>" + "<a " * (size // 3), 120_000, True),
    "unclosed-html-comments": (lambda size: f"<p>{SENTENCE}</p>" + "<!--a" * (size // 5), 200_000, True),
    "many-html-entities": (lambda size: "<p>" + "&amp;&nbsp;&#160;x " * (size // 20) + "</p>", 1_000_000, True),
    # each finding asked of every suppression, and every open block of each enable
    "crossing-suppression-blocks": (_repeat("<!-- factcheck-disable temporal -->\nRapat Senin (7/12/2021).\n"
                                            "<!-- factcheck-disable quantity -->\nRapat Senin (7/12/2021).\n"
                                            "<!-- factcheck-enable temporal -->\n<!-- factcheck-enable quantity -->\n"),
                                    200_000, False),
    "repeated-disable-next-line": (_repeat("<!-- factcheck-disable-next-line temporal.weekday-mismatch -->\n"
                                           "Rapat Senin (7/12/2021).\n"), 200_000, False),
    "figures-with-units-in-one-sentence": (lambda size: "".join(f"{i} orang, {i} tentara, {i} kg dan "
                                                               for i in range(size // 36)), 100_000, False),
    "figures-of-one-measure": (lambda size: "".join(f"Rusia mengirim {i} tentara. " for i in range(size // 28)),
                               100_000, False),
    "unbalanced-quotes-with-figures": (_repeat('"Rusia mengirim 70.000 tentara, kata dia, dan 5 tank '), 200_000, False),
}


def _timed(run: Callable[[str], object], text: str, repeat_within: float = 2.0) -> float:
    """The quickest of up to three runs on `text`, repeated while they take under `repeat_within` seconds
    together: one run of a short case on a shared machine can be several times its usual time. Each run
    reads the text with one more trailing space, so nothing read in the run before is remembered."""
    times: list[float] = []
    while len(times) < 3 and sum(times) < repeat_within:
        fresh = text + " " * len(times)
        start = time.perf_counter()
        run(fresh)
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("cases", nargs="*", metavar="CASE", help=f"one of: {', '.join(CASES)} (default: all)")
    parser.add_argument("--budget", type=float, default=30.0, help="seconds one run may take (default 30)")
    args = parser.parse_args(argv)
    unknown = sorted(set(args.cases) - set(CASES))
    if unknown:
        parser.error(f"unknown case {', '.join(unknown)}")
    checker = Checker()
    published = dt.date(2021, 12, 8)
    print(f"{'case':<32} {'size':>5} {'chars':>10} {'ingest s':>9} {'ratio':>6} {'check s':>9} {'ratio':>6}")
    for name in args.cases or CASES:
        make, base, is_html = CASES[name]
        read = article_from_html if is_html else article_from_text
        previous = None
        for factor in (1, 2, 4):
            text = make(base * factor)
            ingest = _timed(lambda t: read(t, published=published, lang="id"), text)
            check = _timed(lambda t: checker.check_article(read(t, published=published, lang="id")), text)
            ratios = [f"{now / before:6.2f}" if previous and before > 0.01 else "     -"
                      for now, before in zip((ingest, check), previous or (0, 0))]
            print(f"{name:<32} {factor:>4}x {len(text):>10,} {ingest:>9.3f} {ratios[0]} {check:>9.3f} {ratios[1]}",
                  flush=True)
            previous = (ingest, check)
            if check > args.budget:
                print(f"{name:<32} stopped: over the {args.budget:.0f} s budget", flush=True)
                break
    return 0


if __name__ == "__main__":
    sys.exit(main())
