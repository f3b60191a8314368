"""The Checker: loads rules and lexicons once, then checks any number of articles."""
from __future__ import annotations

import datetime as dt
import gc
import itertools
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from .analysis import Analyser, Analysis
from .baseline import fingerprint
from .checks import CHECKS, Rule, select_rules
from .checks.context import Context
from .claims import to_networkx
from .errors import FactcheckError, InputError, problem_of, stage
from .extract import Extractor, Mentions
from .ingest import ARTICLE_SUFFIXES, DEFAULT_MAX_SIZE, ReadOptions, RecordFields, article_from_text, sources
from .ingest.records import record_article
from .ingest.sources import RECORD_SUFFIXES, Source, written_by_factcheck
from .lexicon import languages as lexicon_languages
from .lexicon import load_lexicon
from .models import Article, FileReport, Finding, Report, SourceRef
from .settings import Settings
from .suppress import apply_suppressions, parse_suppressions
from .text import LineIndex, Taken

if TYPE_CHECKING:
    import networkx as nx

UNUSED_SUPPRESSION = "factcheck.unused-suppression"


class Checker:
    """Checks articles against a rule set.

    >>> checker = Checker()
    >>> report = checker.check_text("...", published=datetime.date(2021, 12, 5), lang="id")
    >>> checker = Checker(Settings.load(Path(".factcheck.toml")))  # as `factcheck check` reads that file
    """

    def __init__(self, settings: Settings | None = None, *, rules: Sequence[Rule] | None = None,
                 rule_dirs: Sequence[Path] | None = None, select: Sequence[str] | None = None,
                 warn_unused_suppressions: bool | None = None, keep_text: bool = False):
        """A checker built from `settings` (`Settings.load(path)`: a configuration file's meaning; default:
        the built-in rules and lexicons). The keyword arguments override them: `rules`, exactly these
        rules (a list given first in place of the settings is taken as them), narrowed by `select`; else
        the rules of the folders `rule_dirs` (in place of the settings' folders), chosen by `select` (rule
        ids, categories, globs or `experimental`; default: every rule that is not experimental).
        `warn_unused_suppressions` reports suppression comments that suppress nothing; `keep_text` keeps
        each article's text in its report (the HTML report shows it)."""
        if settings is not None and not isinstance(settings, Settings):
            settings, rules = None, settings  # Checker(rules), as before there were settings
        if rules is not None:
            rules = _rule_list(rules)
        if isinstance(rule_dirs, (str, os.PathLike)):
            raise TypeError(f"rule_dirs: expected a list of folders, got the single {type(rule_dirs).__name__} "
                            f"{rule_dirs!r}; write [{rule_dirs!r}]")
        settings = (settings or Settings()).overridden(rule_folders=[Path(d) for d in rule_dirs or ()],
                                                      select=select, warn_unused_suppressions=warn_unused_suppressions)
        self.settings = settings
        if rules is None:
            rules = settings.rules()
        elif select:
            rules = select_rules(rules, select)
        self.rules = rules
        for language in lexicon_languages(settings.lexicons) if settings.lexicons else ():
            load_lexicon(language, settings.lexicons)  # a newsroom lexicon's error shows now, not on an article
        # each rule's check kind and parameters, validated once rather than for every article
        self._checks = [(rule, CHECKS[rule.check], CHECKS[rule.check].params.model_validate(rule.params))
                        for rule in rules]
        self._superseded_by: dict[str, list[str]] = {}
        for rule in rules:
            for other in rule.supersedes:
                self._superseded_by.setdefault(other, []).append(rule.id)
        self.warn_unused_suppressions = settings.warn_unused_suppressions
        self.keep_text = keep_text  # reports carry the article text (for the HTML report)
        self.analyser = Analyser(settings.lexicons)  # also what the HTML report draws each article's claims with

    def extractor(self, lang: str) -> Extractor:
        """The extractor of a language, built from its lexicon on first use and kept."""
        return self.analyser.extractor(lang)

    def analyse(self, article: Article) -> tuple[Mentions, nx.MultiDiGraph]:
        """The mentions and claim graph of an article."""
        analysis = self.analyser.analyse(article)
        return analysis.mentions, to_networkx(analysis.claims)

    def check_article(self, article: Article) -> FileReport:
        """The article's report. An unexpected exception is raised as `CheckCrash`, naming the stage
        or rule that failed."""
        with _collections.deferred():
            return self._check_analysis(self.analyser.analyse(article))

    def check_analysis(self, analysis: Analysis) -> FileReport:
        """The report of an article already analysed (`factcheck graph` draws the claims it checked)."""
        with _collections.deferred():
            return self._check_analysis(analysis)

    def _check_analysis(self, analysis: Analysis) -> FileReport:
        article, graph = analysis.article, analysis.claims
        lex = self.extractor(article.lang).lex
        ctx = Context(article, graph, lex)
        lines = LineIndex(article.text)
        related = Taken((s.start, s.end) for s in article.segments if s.kind == "related-link")
        findings: list[Finding] = []
        for rule, kind, params in self._checks:
            with stage(f"rule {rule.id}"):
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
                    note = lex.data.notes.get("unused_suppression", "This suppression suppresses nothing.")
                    kept.append(Finding(rule=UNUSED_SUPPRESSION, category="meta", severity="warning", message=note,
                                        evidence=(ev,), fingerprint=fingerprint(UNUSED_SUPPRESSION, [ev.text])))
        return kept

    def _finding(self, rule: Rule, hit, article: Article, lines: LineIndex, lex, related: Taken) -> Finding:
        evidence = []
        for start, end in dict.fromkeys(hit.evidence):  # a span given twice (both ends of one range) is shown once
            in_related = related.contains(start, end)
            evidence.append(lines.evidence(start, end, lex.data.notes.get("related_link") if in_related else None))

        def render(part: str) -> str | None:
            template = rule.text(part, article.lang, hit.variants)
            return template.format_map(hit.fields) if template else None

        message = render("message")
        assert message is not None  # every rule has a message: the rule file's schema requires it
        if hit.in_quote and lex.data.notes.get("in_quote"):
            message = f"{message} ({lex.data.notes['in_quote']})"
        return Finding(rule=rule.id, category=rule.category, severity=rule.severity, message=message,
                       suggestion=render("suggestion"), reasoning=render("reasoning"),
                       evidence=tuple(evidence), in_quote=hit.in_quote,
                       fingerprint=fingerprint(rule.id, [e.text for e in evidence]),
                       replacements=() if hit.in_quote else tuple(dict.fromkeys(hit.replacements)))

    def check_text(self, text: str, published: dt.date | None = None, lang: str | None = None,
                   path: str = "<text>") -> Report:
        """The report of one article given as text (plain text, or Markdown with front matter), named
        `path` in the report. `published` and `lang` override what the text says."""
        if not isinstance(text, str):
            raise TypeError(f"text: expected the article as a str, got {type(text).__name__}")
        _check_options(published, lang, self.settings.lexicons)
        return Report.of([self.check_source(Source(SourceRef(file=path), lambda: article_from_text(
            text, path=path, published=published, lang=lang, languages=self.settings.languages,
            lexicons=self.settings.lexicons)))])

    def check_file(self, path, published: dt.date | None = None, lang: str | None = None) -> Report:
        """The report of one file: an article, or each record of an archive export."""
        if not isinstance(path, (str, os.PathLike)):
            raise TypeError(f"path: expected one path (a str or pathlib.Path), got {type(path).__name__}")
        return self.check_paths([path], published=published, lang=lang)

    def check_paths(self, paths: Iterable, published: dt.date | None = None, lang: str | None = None,
                    jobs: int | None = 1, path_filter: Callable[[Path], bool] | None = None, *,
                    max_size: int = DEFAULT_MAX_SIZE, record_fields: RecordFields | None = None,
                    languages: Sequence[str] = (), stdin_filename: str | None = None,
                    progress: Callable[[int, int], None] | None = None) -> Report:
        """Files, folders (searched recursively for articles) or `-` for standard input.

        `jobs` worker processes check the files, and the records of each archive export (None: one per
        CPU this process may use); the report keeps the order of a serial run. `path_filter` drops files
        (default: the settings' include/exclude globs). `max_size` is the largest file (bytes) or archive
        record (characters) read; `record_fields` names the keys of archive records (JSON Lines, JSON
        arrays), each reported as FILE#ID, or FILE:LINE without an id. `languages` are those an article
        may be detected as (default: the settings').
        `stdin_filename` is the file standard input stands for: it is read as that file's type and
        reported under its name. `progress(done, total)` is called as each file is checked."""
        return Report.of(list(self.check_stream(paths, published, lang, jobs, path_filter, max_size=max_size,
                                                record_fields=record_fields, languages=languages,
                                                stdin_filename=stdin_filename, progress=progress)))

    def check_stream(self, paths: Iterable, published: dt.date | None = None, lang: str | None = None,
                     jobs: int | None = 1, path_filter: Callable[[Path], bool] | None = None, *,
                     max_size: int = DEFAULT_MAX_SIZE, record_fields: RecordFields | None = None,
                     languages: Sequence[str] = (), stdin_filename: str | None = None,
                     progress: Callable[[int, int], None] | None = None) -> Iterator[FileReport]:
        """The reports `check_paths` gives, one at a time, each as soon as it and all before it are
        checked: however many records an export holds, memory holds a few chunks of them."""
        _check_options(published, lang, self.settings.lexicons)
        if jobs is not None and (not isinstance(jobs, int) or jobs < 1):
            raise ValueError(f"jobs: {jobs!r} is not a number of processes; give 1 or more, or None for one per CPU")
        options = ReadOptions(published, lang, max_size, record_fields or RecordFields(),
                              tuple(languages or self.settings.languages), stdin_filename, self.settings.lexicons)
        path_filter = path_filter or self.settings.selected
        targets = [t for t in expand_paths(paths) if not (isinstance(t, Path) and not path_filter(t))]
        return self._stream(targets, options, jobs or available_cpus(), progress)

    def _stream(self, targets: list, options: ReadOptions, jobs: int,
                progress: Callable[[int, int], None] | None) -> Iterator[FileReport]:
        chunks = _chunks(self._units(targets, options))
        checked = self._in_workers(chunks, options, jobs) if jobs > 1 else self._in_process(chunks, options)
        total, done = sum(isinstance(t, Path) for t in targets), 0
        for (_, ends_file), reports in checked:
            yield from reports
            if ends_file:
                done += 1
                if progress:
                    progress(done, total)

    def _units(self, targets: list, options: ReadOptions) -> Iterator[tuple[object, bool]]:
        """The work, in the serial order: a file of one article and each record of an archive export (read
        where they are checked: a worker reads its own), standard input or a record that cannot be read
        (read here: an `_Read`, or the error reading it), or a report already known. Each comes with
        whether it ends a file, for `progress`."""
        for target in targets:
            whole_file = isinstance(target, Path) and target.suffix.lower() not in RECORD_SUFFIXES
            if isinstance(target, FileReport) or whole_file:
                yield target, isinstance(target, Path)
                continue
            last = None
            for source in sources(target, options):
                if last is not None:
                    yield last, False
                last = source if source.portable else self._read(source)
            yield last, True

    def _in_process(self, chunks: Iterable[list], options: ReadOptions
                    ) -> Iterator[tuple[tuple[object, bool], list[FileReport]]]:
        for chunk in chunks:
            for item in chunk:
                yield item, self._check_unit(item[0], options)

    def _in_workers(self, chunks: Iterator[list], options: ReadOptions,
                    jobs: int) -> Iterator[tuple[tuple[object, bool], list[FileReport]]]:
        """(unit, reports) for each unit, in order, its chunk checked by one of `jobs` worker processes;
        at most a few chunks per worker wait, so memory stays flat. Work that fits one chunk is checked
        in this process. A worker that dies (killed, out of memory) breaks the pool: the chunks not yet
        returned are checked in this process."""
        first, second = next(chunks, None), next(chunks, None)
        chunks = itertools.chain([c for c in (first, second) if c], chunks)
        if second is None:
            yield from self._in_process(chunks, options)
            return
        from concurrent.futures import ProcessPoolExecutor  # loaded only for a parallel run
        from concurrent.futures.process import BrokenProcessPool

        for language in lexicon_languages(self.settings.lexicons):  # built once here, then shared by the forked workers
            self.extractor(language)
        pool = ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(self,))
        waiting: deque = deque()  # (chunk, future), oldest first
        try:
            for chunk in itertools.chain(chunks, [None]):
                if chunk is not None:  # waiting before it is sent, so that a broken pool still has it checked
                    waiting.append((chunk, None))
                    waiting[-1] = (chunk, pool.submit(_check_in_worker, [unit for unit, _ in chunk], options))
                while waiting and (chunk is None or len(waiting) > 2 * jobs):
                    yield from zip(waiting[0][0], waiting[0][1].result())
                    waiting.popleft()
        except BrokenProcessPool:
            pass
        except BaseException:  # Ctrl-C: what the workers would still return is not wanted
            _stop_workers(pool)
            raise
        finally:
            pool.shutdown(cancel_futures=True)
        yield from self._in_process(itertools.chain((chunk for chunk, _ in waiting), chunks), options)

    def _check_unit(self, unit, options: ReadOptions) -> list[FileReport]:
        if isinstance(unit, FileReport):
            return [unit]
        if isinstance(unit, _Read):
            return [self._check_read(unit)]
        if isinstance(unit, Source):
            return [self.check_source(unit)]
        return self.check_target(unit, options)

    def check_target(self, target, options: ReadOptions) -> list[FileReport]:
        """The reports of a file's articles (one per record of an archive export), or of `-`, standard input."""
        return [self.check_source(s) for s in sources(target, options)]

    def check_record(self, record: object, name: str, options: ReadOptions = ReadOptions()) -> FileReport:
        """The report of one archive record (a JSON object as a dict, read as `options` say), named
        `name`: what a cluster's workers run on each record (factcheck.dask)."""
        return self.check_source(Source(SourceRef(file=name), partial(
            record_article, name, record, options.fields, published=options.published, lang=options.lang,
            languages=options.languages, lexicons=self.settings.lexicons)))

    def check_source(self, source: Source) -> FileReport:
        """The report of one article to read: a problem reading it becomes that article's report, and so
        does a bug met while checking it: neither ends the batch. What every check of an article (a file,
        a record, a text, a server's draft) goes through."""
        read = self._read(source)
        return read if isinstance(read, FileReport) else self._check_read(read)

    def _read(self, source: Source) -> _Read | FileReport:
        try:
            with stage("reading the article"):
                return _Read(source.origin, source.notes, source.read())
        except FactcheckError as exc:
            return _failed(source.origin, exc, source.notes)

    def _check_read(self, read: _Read) -> FileReport:
        try:
            report = self.check_article(read.article)
        except FactcheckError as exc:
            return _failed(read.origin, exc, read.notes)
        return report.model_copy(update={"source": read.origin, "notes": read.notes + report.notes})


class _Read(NamedTuple):
    """An article read, with where it comes from (its report's name) and the warnings from reading it: what
    the parent sends a worker for an article only the parent can read (standard input)."""

    origin: SourceRef
    notes: tuple[str, ...]
    article: Article


def _failed(origin: SourceRef, exc: FactcheckError, notes: tuple[str, ...] = ()) -> FileReport:
    """The report of an article `exc` kept from being checked."""
    return FileReport(path=origin.name, source=origin, problem=problem_of(exc, origin), notes=notes)


def _chunks(units: Iterable, largest: int = 16) -> Iterator[list]:
    """The units in chunks of 1, 2, 4... up to `largest`: small at first, so that a short batch still
    reaches every worker and the first reports come soon; then large, so that each costs little to send."""
    chunk: list = []
    size = 1
    for unit in units:
        chunk.append(unit)
        if len(chunk) == size:
            yield chunk
            chunk, size = [], min(2 * size, largest)
    if chunk:
        yield chunk


class _Collections:
    """Keeps the garbage collector out of an article's check. A check makes no reference cycles (its
    objects are all freed as their last reference goes), so every pass the collector makes meanwhile is
    wasted: a young pass every 700 new containers (about 5% of a check's time on the dev news), and full
    passes that scan the whole article's mentions and claims again (7 of 19 s on 2 MB of short lines).
    The thresholds come back when the last check (threads of a server may check at once) ends; anything
    left to collect then is collected at the next pass."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._checks = 0
        self._thresholds = gc.get_threshold()

    @contextmanager
    def deferred(self):
        with self._lock:
            if not self._checks:
                self._thresholds = gc.get_threshold()
                gc.set_threshold(0, *self._thresholds[1:])  # a first threshold of 0: no automatic pass
            self._checks += 1
        try:
            yield
        finally:
            with self._lock:
                self._checks -= 1
                if not self._checks:
                    gc.set_threshold(*self._thresholds)


_collections = _Collections()


_worker: Checker | None = None


def _start_worker(parent: Checker) -> None:
    """A worker's checker: the parent's itself (a forked worker shares its compiled patterns; a
    spawned one unpickles it)."""
    global _worker
    _worker = parent
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches every process: the parent alone answers it


def _stop_workers(pool) -> None:
    """Ends a pool's workers at once: `terminate_workers` from Python 3.14; before it, no public way but
    the pool's own table of processes."""
    if hasattr(pool, "terminate_workers"):
        pool.terminate_workers()
        return
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.terminate()


def _check_in_worker(units: list, options: ReadOptions) -> list[list[FileReport]]:
    assert _worker is not None, "a worker process starts with _start_worker"
    return [_worker._check_unit(unit, options) for unit in units]


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


def _check_options(published: object, lang: object, lexicons: Sequence[Path] = ()) -> None:
    """A TypeError or ValueError for a publication date or language a caller got wrong, rather than a
    finding that silently does not come."""
    if published is not None and (not isinstance(published, dt.date) or isinstance(published, dt.datetime)):
        raise TypeError(f"published: expected a datetime.date, got {type(published).__name__} {published!r}")
    known = lexicon_languages(lexicons)
    if lang is not None and lang not in known:
        raise ValueError(f"lang: {lang!r} is not a language factcheck reads; use one of "
                         f"{', '.join(known)}, or None to detect it")


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
                out.append(_failed(SourceRef(file=str(path)), InputError(
                    str(path), f"no articles in this folder (looked for {', '.join(ARTICLE_SUFFIXES)} outside hidden "
                               f"folders)", code="input.no-articles", hint="pass article files or another folder")))
            out.extend(found)
        elif path.exists():
            out.append(path)
        else:
            out.append(_failed(SourceRef(file=str(path)), InputError(str(path), "no such file or folder",
                                                                     code="input.not-found", hint="check the path")))
    return out


__all__ = ["Checker", "checked_in", "expand_paths"]
