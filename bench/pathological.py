"""Timings of pathological inputs on a ladder of sizes, 32 KB to 2 MB, to show how checking time grows.

    .venv/bin/python bench/pathological.py [--budget SECONDS] [--sizes KB,KB,...] [CASE ...]

Each input is timed twice: reading it (ingest: text or HTML to an Article) and the whole check (ingest,
extraction, claim graph and rules), each the quickest of up to three runs, in CPU time of this process
(on a shared machine, wall time measures the neighbours as much as the code). The check's time per KB is
then set against that at the smallest size: linear growth keeps the ratio near 1, and the target is at
most 1.5 at 2 MB; quadratic growth shows as a ratio that grows with the size. A case whose check takes
longer than the budget is not run at the next size. This is a script, not a test: timings depend on
the machine.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gc
import sys
import time
from collections.abc import Callable

from factcheck import Checker
from factcheck.ingest import article_from_html, article_from_text

SENTENCE = "Rusia mengirim sekitar 70.000 tentara ke perbatasan pada Senin (6/12/2021), kata dia. "
SIZES_KB = (32, 128, 512, 2048)
TARGET = 1.5  # time per KB at the largest size, at most this many times that at the smallest
NAMES = ("Budi Santoso", "Siti Aminah", "Joko Susilo", "Dewi Lestari", "Agus Salim", "Rina Wati", "Hadi Pranoto")
WEEKDAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda size: unit * (size // len(unit))


def _news_line(i: int) -> str:
    """A line of a long news text: names with ages, figures, dates, quotes, related links, lengths of
    time and ages pointed back to, each line its own paragraph and each slightly different."""
    name, other = NAMES[i % len(NAMES)], NAMES[(i * 3 + 1) % len(NAMES)]
    day = 1 + i % 28
    lines = (
        (f"{name} ({20 + i % 60}) mengatakan harga beras naik dari Rp {10 + i % 7}.000 menjadi Rp {12 + i % 9}.000 "
         f"per kilogram pada {WEEKDAYS[i % 7]} ({day}/12/2021)."),
        f'"Kami sudah menunggu bantuan sejak {2010 + i % 11}," kata {other}, warga berusia {30 + i % 40} tahun.',
        f"Baca juga: Rusia Kirim {1000 + i} Tentara ke Perbatasan",
        f"Sebanyak {100 + i} warga mengungsi, {40 + i % 50} di antaranya anak-anak, tiga tahun lalu.",
        f"Seorang nenek berusia {60 + i % 30} tahun tinggal di desa itu; nenek {60 + i % 30} tahun itu sakit.",
        f"Presiden Joko Widodo akan meresmikan jembatan sepanjang {i % 900 + 100} meter pada {day} Januari 2022.",
    )
    return lines[i % len(lines)] + "\n"


def _many_lines(size: int) -> str:
    out, n, i = [], 0, 0
    while n < size:
        line = _news_line(i)
        out.append(line)
        n += len(line)
        i += 1
    return "".join(out)


# name: (an input of about `size` characters, HTML or not)
CASES: dict[str, tuple[Callable[[int], str], bool]] = {
    "digits-and-dots": (_repeat("1.2.3.4.5.6.7.8.9.0."), False),
    "digit-runs-and-dots": (_repeat("1234567890."), False),
    "senin-openings": (_repeat("Senin ("), False),
    "one-long-line-of-prose": (_repeat("warga kota itu berkumpul di alun-alun sejak pagi dan "), False),
    "one-long-line-of-sentences": (_repeat(SENTENCE), False),  # 1.25 MB of these once took 11 minutes
    "one-long-sentence-with-figures": (_repeat(SENTENCE.replace(". ", " dan ")), False),
    "many-lines": (_many_lines, False),  # a long article of short paragraphs: every per-line cache overflows
    "deeply-nested-html": (lambda size: "<div>" * (size // 11) + f"<p>{SENTENCE}</p>" + "</div>" * (size // 11), True),
    "unclosed-html-tags": (lambda size: f"<p>{SENTENCE}</p>" + "<a " * (size // 3), True),
    "unclosed-html-comments": (lambda size: f"<p>{SENTENCE}</p>" + "<!--a" * (size // 5), True),
    "many-html-entities": (lambda size: "<p>" + "&amp;&nbsp;&#160;x " * (size // 20) + "</p>", True),
    # each finding asked of every suppression, and every open block of each enable
    "crossing-suppression-blocks": (_repeat("<!-- factcheck-disable temporal -->\nRapat Senin (7/12/2021).\n"
                                            "<!-- factcheck-disable quantity -->\nRapat Senin (7/12/2021).\n"
                                            "<!-- factcheck-enable temporal -->\n<!-- factcheck-enable quantity -->\n"),
                                    False),
    "repeated-disable-next-line": (_repeat("<!-- factcheck-disable-next-line temporal.weekday-mismatch -->\n"
                                           "Rapat Senin (7/12/2021).\n"), False),
    "figures-with-units-in-one-sentence": (lambda size: _numbered(size, "{i} orang, {i} tentara, {i} kg dan "), False),
    "figures-of-one-measure": (lambda size: _numbered(size, "Rusia mengirim {i} tentara. "), False),
    "unbalanced-quotes-with-figures": (_repeat('"Rusia mengirim 70.000 tentara, kata dia, dan 5 tank '), False),
}


def _numbered(size: int, unit: str) -> str:
    """`unit` with i = 0, 1, 2... until the text has `size` characters."""
    out, n, i = [], 0, 0
    while n < size:
        out.append(unit.format(i=i))
        n += len(out[-1])
        i += 1
    return "".join(out)


def _timed(run: Callable[[str], object], text: str, repeat_within: float = 2.0) -> float:
    """The quickest of up to three runs on `text`, repeated while they take under `repeat_within` seconds
    together: one run of a short case on a shared machine can be several times its usual time. Each run
    reads the text with one more trailing space, so nothing read in the run before is remembered."""
    times: list[float] = []
    while len(times) < 3 and sum(times) < repeat_within:
        fresh = text + " " * len(times)
        gc.collect()  # the garbage of the run before is not this run's to collect
        start = time.process_time()
        run(fresh)
        times.append(time.process_time() - start)
    return min(times)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("cases", nargs="*", metavar="CASE", help=f"one of: {', '.join(CASES)} (default: all)")
    parser.add_argument("--budget", type=float, default=60.0, help="seconds one check may take (default 60)")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES_KB)),
                        help=f"sizes in KB, smallest first (default {','.join(map(str, SIZES_KB))})")
    args = parser.parse_args(argv)
    unknown = sorted(set(args.cases) - set(CASES))
    if unknown:
        parser.error(f"unknown case {', '.join(unknown)}")
    sizes = [int(s) for s in args.sizes.split(",")]
    checker = Checker()
    published = dt.date(2021, 12, 8)
    print(f"{'case':<36} {'KB':>5} {'chars':>10} {'ingest s':>9} {'check s':>9} {'ms/KB':>7} {'ratio':>6}")
    worst: tuple[float, str] = (0.0, "")
    for name in args.cases or CASES:
        make, is_html = CASES[name]
        read = article_from_html if is_html else article_from_text
        first = None  # the check's ms per KB at the smallest size
        for kb in sizes:
            text = make(kb * 1024)
            ingest = _timed(lambda t, read=read: read(t, published=published, lang="id"), text)
            check = _timed(lambda t, read=read: checker.check_article(read(t, published=published, lang="id")), text)
            per_kb = check * 1e3 / (len(text) / 1024)
            first = first or per_kb
            print(f"{name:<36} {kb:>5} {len(text):>10,} {ingest:>9.3f} {check:>9.3f} {per_kb:>7.3f} "
                  f"{per_kb / first:>6.2f}", flush=True)
            if kb == sizes[-1]:
                worst = max(worst, (per_kb / first, name))
            if check > args.budget:
                print(f"{name:<36} stopped: over the {args.budget:.0f} s budget", flush=True)
                break
    if worst[1]:
        print(f"time per KB at {sizes[-1]} KB against {sizes[0]} KB: at most {worst[0]:.2f}x ({worst[1]}); "
              f"target {TARGET}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
