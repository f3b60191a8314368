"""`factcheck lsp`: a language server over stdio, for editors (VS Code, Neovim, Helix...).

Markdown, plain text and HTML documents are checked as they are opened, changed and saved; each
finding is a diagnostic at its first evidence span, with the other spans as related information.
Hovering a finding shows why and what to do; a finding with a concrete repair offers it as a quick fix.
The configuration is read as `factcheck check` reads it: `--config`, else the nearest configuration file
at or above the document, with its rules, severities and include/exclude globs. A document dated by
neither its front matter nor a dateline is checked as published today.
"""
from __future__ import annotations

import bisect
from collections.abc import Sequence
from itertools import accumulate
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from .. import __version__
from ..checker import Checker
from ..config import find_config
from ..errors import FactcheckError
from ..ingest.sources import HTML_SUFFIXES
from ..models import FileReport, Finding
from ..settings import Settings
from . import check_draft

SEVERITIES = {"error": types.DiagnosticSeverity.Error, "warning": types.DiagnosticSeverity.Warning,
              "info": types.DiagnosticSeverity.Information}


class FactcheckServer(LanguageServer):
    """Keeps a Checker per configuration file and the latest report of each open document."""

    def __init__(self, config: Path | None = None, rule_dirs: Sequence[Path] = (), select: Sequence[str] = (),
                 lexicons: Sequence[Path] = ()):
        """`config` names the configuration file of every document; `rule_dirs`, `select` and `lexicons`
        are the overrides of `factcheck lsp --rules/--select/--lexicon` over each configuration."""
        super().__init__("factcheck", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full)
        self.config, self.rule_dirs, self.select, self.lexicons = config, rule_dirs, select, lexicons
        self.checkers: dict[Path | None, Checker] = {}
        self.reports: dict[str, FileReport | None] = {}

    def configured(self, path: Path) -> Checker:
        """The Checker for a document at `path`, built from its settings once per configuration file."""
        found = self.config or find_config(path.parent)
        if found not in self.checkers:
            settings = Settings.load(found, start=path.parent, rules=self.rule_dirs, lexicons=self.lexicons,
                                     select=self.select)
            self.checkers[found] = Checker(settings)
        return self.checkers[found]

    def check(self, uri: str) -> None:
        """Check a document and publish its diagnostics (none for a document the configuration excludes)."""
        document = self.workspace.get_text_document(uri)
        path = Path(to_fs_path(uri) or uri)
        try:
            checker = self.configured(path)
        except FactcheckError as exc:
            self.window_show_message(types.ShowMessageParams(types.MessageType.Error, f"factcheck: {exc}"))
            return
        html = document.language_id == "html" or path.suffix.lower() in HTML_SUFFIXES
        wanted = checker.settings.selected(path) and bool(document.source.strip())
        report = check_draft(checker, document.source, path=str(path), html=html).files[0] if wanted else None
        self.reports[uri] = report
        diagnostics = [] if report is None else (
            [types.Diagnostic(range=types.Range(types.Position(0, 0), types.Position(0, 0)), message=report.error,
                              severity=types.DiagnosticSeverity.Error, source="factcheck")]
            if report.error else [self.diagnostic(uri, x) for x in report.findings])
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics,
                                                                              version=document.version))

    def span(self, uri: str, start: int, end: int) -> types.Range:
        """The range of characters [start, end) of a document, in the client's position encoding."""
        document = self.workspace.get_text_document(uri)
        starts = line_starts(document.lines)

        def position(offset: int) -> types.Position:
            line = bisect.bisect_right(starts, offset) - 1
            return types.Position(line, offset - starts[line])
        return document.position_codec.range_to_client_units(document.lines,
                                                             types.Range(position(start), position(end)))

    def diagnostic(self, uri: str, x: Finding) -> types.Diagnostic:
        first, *others = x.evidence
        related = [types.DiagnosticRelatedInformation(types.Location(uri, self.span(uri, e.start, e.end)),
                                                      f'"{e.text}"' + (f" ({e.note})" if e.note else ""))
                   for e in others]
        return types.Diagnostic(range=self.span(uri, first.start, first.end), message=x.message,
                                severity=SEVERITIES[x.severity], code=x.rule, source="factcheck",
                                related_information=related or None)

    def findings_at(self, uri: str, lo: int, hi: int) -> list[Finding]:
        """The findings of a document with an evidence span that [lo, hi] (character offsets) touches."""
        report = self.reports.get(uri)
        return [x for x in (report.findings if report else ())
                if any(e.start <= hi and lo <= e.end for e in x.evidence)]

    def offset(self, uri: str, position: types.Position) -> int:
        """The character offset of a position the client sent."""
        document = self.workspace.get_text_document(uri)
        at = document.position_codec.position_from_client_units(document.lines, position)
        starts = line_starts(document.lines)
        return starts[min(at.line, len(starts) - 1)] + at.character


def line_starts(lines: Sequence[str]) -> list[int]:
    """The offset of each line (as the workspace splits them, line ends kept), and of the text's end."""
    return list(accumulate(map(len, lines), initial=0))


def hover_text(x: Finding) -> str:
    parts = [f"**{x.message}**", x.reasoning and f"Why: {x.reasoning}", x.suggestion and f"Fix: {x.suggestion}",
             f"`{x.rule}` ({x.severity})"]
    return "\n\n".join(p for p in parts if p)


def build(config: Path | None = None, rule_dirs: Sequence[Path] = (), select: Sequence[str] = (),
          lexicons: Sequence[Path] = ()) -> FactcheckServer:
    server = FactcheckServer(config, rule_dirs, select, lexicons)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: FactcheckServer, params: types.DidOpenTextDocumentParams):
        ls.check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: FactcheckServer, params: types.DidChangeTextDocumentParams):
        ls.check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: FactcheckServer, params: types.DidSaveTextDocumentParams):
        ls.check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: FactcheckServer, params: types.DidCloseTextDocumentParams):
        ls.reports.pop(params.text_document.uri, None)
        ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=params.text_document.uri,
                                                                            diagnostics=[]))

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: FactcheckServer, params: types.HoverParams) -> types.Hover | None:
        at = ls.offset(params.text_document.uri, params.position)
        found = ls.findings_at(params.text_document.uri, at, at)
        if not found:
            return None
        return types.Hover(types.MarkupContent(types.MarkupKind.Markdown, "\n\n---\n\n".join(map(hover_text, found))))

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    def code_action(ls: FactcheckServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        lo, hi = ls.offset(uri, params.range.start), ls.offset(uri, params.range.end)
        actions = []
        for x in ls.findings_at(uri, lo, hi):
            first = x.evidence[0]
            for replacement in x.replacements:
                edit = types.TextEdit(ls.span(uri, first.start, first.end), replacement)
                actions.append(types.CodeAction(title=f'Replace "{first.text}" with "{replacement}"',
                                                kind=types.CodeActionKind.QuickFix,
                                                diagnostics=[ls.diagnostic(uri, x)],
                                                edit=types.WorkspaceEdit(changes={uri: [edit]})))
        return actions

    return server


__all__ = ["FactcheckServer", "build"]
