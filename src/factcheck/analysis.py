"""The analysis of an article: its mentions and claim graph. The checks read it; `factcheck graph` exports
it and the HTML report draws it, both from here, so that no renderer runs the pipeline itself."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .claims import ClaimGraph, build_graph
from .errors import FactcheckError, stage
from .extract import Extractor, Mentions
from .ingest import article_from_html, article_from_text, read_article
from .ingest.sources import HTML_SUFFIXES
from .lexicon import load_lexicon
from .models import Article, FileReport


@dataclass(frozen=True)
class Analysis:
    """An article with what extraction found in it and the claim graph built from that."""

    article: Article
    mentions: Mentions
    claims: ClaimGraph


class Analyser:
    """Analyses articles with the lexicons of `lexicons` (newsroom folders merged over the built-in ones);
    each language's extractor is built from its lexicon on first use and kept."""

    def __init__(self, lexicons: Sequence[Path] = ()):
        self.lexicons = tuple(lexicons)
        self._extractors: dict[str, Extractor] = {}

    def __getstate__(self) -> dict[str, object]:
        """Pickled without its extractors, which the unpickled analyser builds again on first use: an
        extractor of the compiled build (mypyc) cannot be unpickled."""
        return {**self.__dict__, "_extractors": {}}

    def extractor(self, lang: str) -> Extractor:
        if lang not in self._extractors:
            self._extractors[lang] = Extractor(load_lexicon(lang, self.lexicons))
        return self._extractors[lang]

    def analyse(self, article: Article) -> Analysis:
        """The article's analysis; an unexpected exception is raised as `CheckCrash`, naming the stage."""
        extractor = self.extractor(article.lang)
        with stage("extraction"):
            mentions = extractor.extract(article)
        with stage("the claim graph"):
            return Analysis(article, mentions, build_graph(article, mentions, extractor.lex))

    def recover(self, f: FileReport) -> Analysis | None:
        """The analysis of the article `f` reports, as it was checked: from the text the checker kept, or
        else read again from its file; None when neither can be had, or when the text no longer holds the
        evidence (a file changed since it was checked: highlights would land on the wrong words)."""
        try:
            if f.text is not None:  # kept by the checker: standard input, an archive record, or any file
                build = article_from_html if Path(f.path).suffix.lower() in HTML_SUFFIXES else article_from_text
                article = build(f.text, path=f.path, published=f.published, lang=f.language, lexicons=self.lexicons)
            elif f.origin.record is None and f.origin.line is None and Path(f.path).is_file():
                article = read_article(f.path, published=f.published, lang=f.language, lexicons=self.lexicons)
            else:
                return None
        except FactcheckError:
            return None
        if any(article.text[e.start:e.end] != e.text for x in f.findings for e in x.evidence):
            return None
        return self.analyse(article)
