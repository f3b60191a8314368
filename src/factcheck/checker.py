"""The Checker: loads rules and lexicons once, then checks any number of articles."""
from __future__ import annotations

import datetime as dt
import os
import signal
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Optional, Sequence

from .baseline import fingerprint
from .checks import CHECKS, Rule, load_rules, select_rules
from .checks.context import Context
from .errors import CheckCrash, FactcheckError
from .extract import Extractor, Mentions
from .graph import ClaimGraph, build_graph
from .ingest import ARTICLE_SUFFIXES, DEFAULT_MAX_SIZE, ReadOptions, RecordFields, article_from_text, sources
from .ingest.sources import written_by_factcheck
from .lexicon import languages as lexicon_languages, load_lexicon
from .models import Article, FileReport, Finding, Report
from .suppress import apply_suppressions, parse_suppressions
from .text import LineIndex, Taken

if TYPE_CHECKING:
    import networkx as nx

UNUSED_SUPPRESSION = "factcheck.unused-suppression"


class Checker:
    """Checks articles against a rule set.

    >>> checker = Checker()
    >>> report = checker.check_text("...", published=datetime.date(2021, 12, 5), lang="id")
    """

    def __init__(self, rules: Optional[list[Rule]] = None, *, rule_dirs: Optional[list[Path]] = None,
                 select: Optional[list[str]] = None, warn_unused_suppressions: bool = False,
                 keep_text: bool = False):
        """`rules` (default: those of the folders `rule_dirs`, or else the built-in ones), narrowed by
        `select` (rule ids, categories, globs or `experimental`; default: every rule that is not
        experimental). `warn_unused_suppressions` reports suppression comments that suppress nothing;
        `keep_text` keeps each article's text in its report (the HTML report shows it)."""
        if rules is not None:
            rules = _rule_list(rules)
        if isinstance(rule_dirs, (str, os.PathLike)):
            raise TypeError(f"rule_dirs: expected a list of folders, got the single {type(rule_dirs).__name__} "
                            f"{rule_dirs!r}; write [{rule_dirs!r}]")
        if rules is None:
            rules = select_rules(load_rules([Path(d) for d in rule_dirs] if rule_dirs else None), select or ())
        elif select:
            rules = select_rules(rules, select)
        self.rules = rules
        # each rule's check kind and parameters, validated once rather than for every article
        self._checks = [(rule, CHECKS[rule.check], CHECKS[rule.check].params.model_validate(rule.params))
                        for rule in rules]
        self._superseded_by: dict[str, list[str]] = {}
        for rule in rules:
            for other in rule.supersedes:
                self._superseded_by.setdefault(other, []).append(rule.id)
        self.warn_unused_suppressions = warn_unused_suppressions
        self.keep_text = keep_text  # reports carry the article text (for the HTML report)
        self._extractors: dict[str, Extractor] = {}

    def extractor(self, lang: str) -> Extractor:
        """The extractor of a language, built from its lexicon on first use and kept."""
        if lang not in self._extractors:
            self._extractors[lang] = Extractor(load_lexicon(lang))
        return self._extractors[lang]

    def analyse(self, article: Article) -> tuple[Mentions, nx.MultiDiGraph]:
        """The mentions and claim graph of an article (what `factcheck graph` exports)."""
        mentions, graph = self._claims(article)
        return mentions, graph.to_networkx()

    def _claims(self, article: Article) -> tuple[Mentions, ClaimGraph]:
        extractor = self.extractor(article.lang)
        with _stage("extraction"):
            mentions = extractor.extract(article)
        with _stage("the claim graph"):
            return mentions, build_graph(article, mentions, extractor.lex)

    def check_article(self, article: Article) -> FileReport:
        """The article's report. An unexpected exception is raised as `CheckCrash`, naming the stage
        or rule that failed."""
        lex = self.extractor(article.lang).lex
        _, graph = self._claims(article)
        ctx = Context(article, graph, lex)
        lines = LineIndex(article.text)
        related = Taken((s.start, s.end) for s in article.segments if s.kind == "related-link")
        findings: list[Finding] = []
        for rule, kind, params in self._checks:
            with _stage(f"rule {rule.id}"):
                findings.extend(self._finding(rule, hit, article, lines, lex, related) for hit in kind.run(ctx, params))
        findings = self._one_note_per_error(findings)
        findings = self._suppress(article, lines, lex, findings)
        findings.sort(key=lambda f: (f.position, f.rule))
        notes = []
        if article.published is None and any(r.needs_published for r in self.rules):
            notes.append(lex.data.notes.get("no_published", "no publication date found"))
        return FileReport(path=article.path, language=article.lang, published=article.published,
                          published_source=article.published_source, title=article.title,
                          findings=tuple(findings), notes=tuple(notes),
                          text=article.text if self.keep_text else None)

    def _one_note_per_error(self, findings: list[Finding]) -> list[Finding]:
        """Drops a finding when a more specific rule (one that `supersedes` it) flags the same span, so
        that an editor reads one note, and one repair, per error."""
        if not self._superseded_by:
            return findings
        flagged: dict[str, Taken] = {}
        for f in findings:
            for e in f.evidence:
                flagged.setdefault(f.rule, Taken()).add(e.start, e.end)

        def superseded(f: Finding) -> bool:
            return any(rule in flagged and flagged[rule].overlaps(e.start, e.end)
                       for rule in self._superseded_by.get(f.rule, ()) for e in f.evidence)

        return [f for f in findings if not superseded(f)]

    def _suppress(self, article: Article, lines: LineIndex, lex, findings: list[Finding]) -> list[Finding]:
        """Drop what the article's own comments and front matter suppress; report unused suppressions."""
        suppressions = parse_suppressions(article.text, lines, article.disabled)
        if not suppressions:
            return findings
        kept = apply_suppressions(findings, suppressions)
        if self.warn_unused_suppressions:
            for s in suppressions:
                if not s.used and s.end > s.start:
                    ev = lines.evidence(s.start, s.end)
                    kept.append(Finding(rule=UNUSED_SUPPRESSION, category="meta", severity="warning",
                                        message=lex.data.notes.get("unused_suppression", "This suppression suppresses nothing."),
                                        evidence=(ev,), fingerprint=fingerprint(UNUSED_SUPPRESSION, [ev.text])))
        return kept

    def _finding(self, rule: Rule, hit, article: Article, lines: LineIndex, lex, related: Taken) -> Finding:
        lang = article.lang if article.lang in ("id", "en") else "en"
        evidence = []
        for start, end in hit.evidence:
            in_related = related.contains(start, end)
            evidence.append(lines.evidence(start, end, lex.data.notes.get("related_link") if in_related else None))

        def render(part: str) -> Optional[str]:
            template = rule.text(part, lang, hit.variants)
            return template.format_map(hit.fields) if template else None

        message = render("message")
        if hit.in_quote and lex.data.notes.get("in_quote"):
            message = f"{message} ({lex.data.notes['in_quote']})"
        return Finding(rule=rule.id, category=rule.category, severity=rule.severity, message=message,
                       suggestion=render("suggestion"), reasoning=render("reasoning"),
                       evidence=tuple(evidence), in_quote=hit.in_quote,
                       fingerprint=fingerprint(rule.id, [e.text for e in evidence]),
                       replacements=() if hit.in_quote else tuple(dict.fromkeys(hit.replacements)))

    def check_text(self, text: str, published: Optional[dt.date] = None, lang: Optional[str] = None,
                   path: str = "<text>") -> Report:
        """The report of one article given as text (plain text, or Markdown with front matter), named
        `path` in the report. `published` and `lang` override what the text says."""
        if not isinstance(text, str):
            raise TypeError(f"text: expected the article as a str, got {type(text).__name__}")
        _check_options(published, lang)
        return Report.of([self._safely(path, lambda: article_from_text(text, path=path, published=published, lang=lang))])

    def check_file(self, path, published: Optional[dt.date] = None, lang: Optional[str] = None) -> Report:
        """The report of one file: an article, or each record of an archive export."""
        if not isinstance(path, (str, os.PathLike)):
            raise TypeError(f"path: expected one path (a str or pathlib.Path), got {type(path).__name__}")
        return self.check_paths([path], published=published, lang=lang)

    def check_paths(self, paths: Iterable, published: Optional[dt.date] = None, lang: Optional[str] = None,
                    jobs: Optional[int] = 1, path_filter: Optional[Callable[[Path], bool]] = None, *,
                    max_size: int = DEFAULT_MAX_SIZE, record_fields: Optional[RecordFields] = None,
                    languages: Sequence[str] = (), stdin_filename: Optional[str] = None,
                    progress: Optional[Callable[[int, int], None]] = None) -> Report:
        """Files, folders (searched recursively for articles) or `-` for standard input.

        `jobs` worker processes check the files (None: one per CPU this process may use); the report
        keeps the order of a serial run. `path_filter` drops files (configuration include/exclude
        globs). `max_size` is the largest file (bytes) or archive record (characters) read;
        `record_fields` names the keys of archive records (JSON Lines, JSON arrays), each reported as
        FILE#ID, or FILE:LINE without an id.
        `stdin_filename` is the file standard input stands for: it is read as that file's type and
        reported under its name. `progress(done, total)` is called as each file is checked."""
        _check_options(published, lang)
        if jobs is not None and (not isinstance(jobs, int) or jobs < 1):
            raise ValueError(f"jobs: {jobs!r} is not a number of processes; give 1 or more, or None for one per CPU")
        options = ReadOptions(published, lang, max_size, record_fields or RecordFields(), tuple(languages),
                              stdin_filename)
        targets = [t for t in expand_paths(paths) if not (path_filter and isinstance(t, Path) and not path_filter(t))]
        files = [t for t in targets if isinstance(t, Path)]
        jobs = min(jobs or available_cpus(), len(files))
        if jobs > 1:
            for language in lexicon_languages():  # built once here, then shared by the forked workers
                self.extractor(language)
            done = dict(_counted(self._in_workers(files, options, jobs), len(files), progress))
        else:
            done = dict(_counted(((f, self.check_target(f, options)) for f in files), len(files), progress))
        reports = []
        for target in targets:
            if isinstance(target, FileReport):
                reports.append(target)
            else:
                reports.extend(done[target] if isinstance(target, Path) else self.check_target(target, options))
        return Report.of(reports)

    def _in_workers(self, files: list[Path], options: ReadOptions, jobs: int) -> Iterator[tuple[Path, list[FileReport]]]:
        """(file, reports) for each file, in order, checked by `jobs` worker processes. A worker that dies
        (killed, out of memory) breaks the pool: the files not yet returned are checked in this process."""
        from concurrent.futures import ProcessPoolExecutor  # loaded only for a parallel run
        from concurrent.futures.process import BrokenProcessPool

        pool = ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(self,))
        returned = 0
        try:
            for reports in pool.map(_check_in_worker, files, [options] * len(files),
                                    chunksize=max(1, len(files) // (jobs * 8))):
                yield files[returned], reports
                returned += 1
        except BrokenProcessPool:
            pass
        except BaseException:  # Ctrl-C: what the workers would still return is not wanted
            _stop_workers(pool)
            raise
        finally:
            pool.shutdown(cancel_futures=True)
        for path in files[returned:]:
            yield path, self.check_target(path, options)

    def check_target(self, target, options: ReadOptions) -> list[FileReport]:
        """The reports of a file's articles (one per record of an archive export), or of `-`, standard input."""
        return [self._safely(s.name, s.read, s.notes) for s in sources(target, options)]

    def _safely(self, path: str, make_article, notes: tuple[str, ...] = ()) -> FileReport:
        """One article's report, with the warnings from reading it; an input error becomes that article's
        error entry, and so does a bug met while checking it: neither ends the batch."""
        try:
            with _stage("reading the article"):
                article = make_article()
            report = self.check_article(article)
        except FactcheckError as exc:
            return FileReport(path=path, error=str(exc), notes=notes)
        return report.model_copy(update={"notes": notes + report.notes}) if notes else report


def _counted(items: Iterable, total: int, progress: Optional[Callable[[int, int], None]]) -> Iterator:
    """The items, telling `progress` how many of `total` have come after each."""
    for n, item in enumerate(items, 1):
        yield item
        if progress:
            progress(n, total)


@contextmanager
def _stage(name: str):
    """Raises any unexpected exception inside as a `CheckCrash` of the named stage."""
    try:
        yield
    except FactcheckError:
        raise
    except Exception as exc:  # a bug: reported as the article's error, so the batch goes on
        raise CheckCrash(name, exc) from exc


_worker: Optional[Checker] = None


def _start_worker(parent: Checker) -> None:
    """A worker's checker: the parent's itself (a forked worker shares its compiled patterns; a
    spawned one unpickles it)."""
    global _worker
    _worker = parent
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches every process: the parent alone answers it


def _stop_workers(pool) -> None:
    """Ends a pool's workers at once (Python before 3.14 has no public way)."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.terminate()


def _check_in_worker(path: Path, options: ReadOptions) -> list[FileReport]:
    return _worker.check_target(path, options)


def available_cpus() -> int:
    """The CPUs this process may run on (its affinity: a container's or `taskset`'s share), not the
    machine's."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return getattr(os, "process_cpu_count", os.cpu_count)() or 1


def _rule_list(rules) -> list[Rule]:
    listed = [] if isinstance(rules, (str, Rule)) else list(rules)
    if (not listed and rules) or not all(isinstance(r, Rule) for r in listed):
        raise TypeError("rules: expected a list of Rule (from factcheck.checks.load_rules); to pick rules by name, "
                        "pass select=[...]")
    return listed


def _check_options(published, lang) -> None:
    """A TypeError or ValueError for a publication date or language a caller got wrong, rather than a
    finding that silently does not come."""
    if published is not None and (not isinstance(published, dt.date) or isinstance(published, dt.datetime)):
        raise TypeError(f"published: expected a datetime.date, got {type(published).__name__} {published!r}")
    if lang is not None and lang not in lexicon_languages():
        raise ValueError(f"lang: {lang!r} is not a language factcheck reads; use one of "
                         f"{', '.join(lexicon_languages())}, or None to detect it")


def checked_in(folder: Path, path: Path) -> bool:
    """Whether checking `folder` checks `path`, a file in it: an article type outside hidden folders, and
    not a report, baseline or graph that factcheck wrote there."""
    return (path.suffix.lower() in ARTICLE_SUFFIXES and path.is_file()
            and not any(part.startswith(".") for part in path.relative_to(folder).parts)
            and not written_by_factcheck(path))


def expand_paths(paths: Iterable) -> list:
    """Article files under the given paths, in a stable order; a missing path becomes an error entry."""
    if isinstance(paths, (str, bytes, os.PathLike)):
        raise TypeError(f"paths: expected a list of paths, got the single {type(paths).__name__} {paths!r}; "
                        f"write [{paths!r}]")
    out: list = []
    for p in paths:
        if not isinstance(p, (str, os.PathLike)):
            raise TypeError(f"paths: {p!r} is not a path (a str or pathlib.Path)")
        if p == "-":
            out.append("-")
            continue
        path = Path(p)
        if path.is_dir():
            found = sorted(x for x in path.rglob("*") if checked_in(path, x))
            if not found:
                out.append(FileReport(path=str(path), error=f"{path}: no articles in this folder (looked for "
                                      f"{', '.join(ARTICLE_SUFFIXES)} outside hidden folders); pass article "
                                      f"files or another folder"))
            out.extend(found)
        elif path.exists():
            out.append(path)
        else:
            out.append(FileReport(path=str(path), error=f"{path}: no such file or folder; check the path"))
    return out


__all__ = ["Checker", "checked_in", "expand_paths"]
