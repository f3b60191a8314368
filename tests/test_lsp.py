"""`factcheck lsp` over stdio, driven by pygls's language client: initialize, didOpen, diagnostics,
hover, codeAction, didChange, shutdown."""
from __future__ import annotations

import asyncio
import datetime as dt
import sys

import pytest
from lsprotocol import types
from pygls.lsp.client import LanguageClient
from pygls.uris import from_fs_path

ARTICLE = """---
title: Rapat
published: 2021-12-06
---
Kabar 😀 pertama. Rapat itu digelar pada Rabu (7/12/2021) di Jakarta.
"""
WRONG = "Rabu (7/12/2021)"


class Session:
    """A client talking to one `factcheck lsp` process, collecting the diagnostics it publishes."""

    def __init__(self):
        self.client = LanguageClient("factcheck-test", "1")
        self.published: dict[str, asyncio.Queue] = {}

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def diagnostics(params: types.PublishDiagnosticsParams):
            self.queue(params.uri).put_nowait(params.diagnostics)

    def queue(self, uri: str) -> asyncio.Queue:
        return self.published.setdefault(uri, asyncio.Queue())

    async def diagnostics(self, uri: str) -> list[types.Diagnostic]:
        return list(await asyncio.wait_for(self.queue(uri).get(), timeout=30))

    async def start(self, root, *options: str):
        await self.client.start_io(sys.executable, "-m", "factcheck", "lsp", *options)
        await self.client.initialize_async(types.InitializeParams(
            capabilities=types.ClientCapabilities(general=types.GeneralClientCapabilities(
                position_encodings=[types.PositionEncodingKind.Utf16])),
            root_uri=from_fs_path(str(root))))
        self.client.initialized(types.InitializedParams())

    def open(self, path, text: str, language: str):
        uri = from_fs_path(str(path))
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))
        return uri

    async def stop(self):
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()


def run(coroutine):
    return asyncio.run(asyncio.wait_for(coroutine, timeout=120))


def utf16_slice(line: str, start: int, end: int) -> str:
    units = line.encode("utf-16-le")
    return units[2 * start:2 * end].decode("utf-16-le")


def test_diagnostics_hover_and_quick_fix(tmp_path):
    async def session():
        s = Session()
        await s.start(tmp_path)
        try:
            uri = s.open(tmp_path / "draft.md", ARTICLE, "markdown")
            (d,) = await s.diagnostics(uri)
            line = ARTICLE.splitlines()[d.range.start.line]
            assert utf16_slice(line, d.range.start.character, d.range.end.character) == WRONG  # UTF-16, past the emoji
            assert d.code == "temporal.weekday-mismatch" and d.source == "factcheck"
            assert d.severity == types.DiagnosticSeverity.Warning

            hover = await s.client.text_document_hover_async(types.HoverParams(
                types.TextDocumentIdentifier(uri), types.Position(d.range.start.line, d.range.start.character + 2)))
            assert hover and isinstance(hover.contents, types.MarkupContent)
            assert "Menurut kalender, 7 Desember 2021 adalah hari Selasa" in hover.contents.value

            actions = await s.client.text_document_code_action_async(types.CodeActionParams(
                types.TextDocumentIdentifier(uri), d.range, types.CodeActionContext(diagnostics=[d])))
            assert actions and all(isinstance(a, types.CodeAction) and a.edit and a.edit.changes for a in actions)
            edits = [a.edit.changes[uri][0] for a in actions]  # type: ignore[union-attr, index]  # checked above
            assert [e.new_text for e in edits][:1] == ["Selasa (7/12/2021)"] and all(e.range == d.range for e in edits)

            # applying the fix and sending the change clears the diagnostic
            fixed = ARTICLE.replace(WRONG, edits[0].new_text)
            s.client.text_document_did_change(types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(uri=uri, version=2),
                [types.TextDocumentContentChangeWholeDocument(text=fixed)]))
            assert await s.diagnostics(uri) == []
        finally:
            await s.stop()
    run(session())


def test_html_text_dates_and_configuration(tmp_path):
    (tmp_path / ".factcheck.toml").write_text(
        'exclude = ["drafts/*"]\n[severity]\n"temporal.weekday-mismatch" = "error"\n')
    (tmp_path / "drafts").mkdir()
    page = "<html><body><article><p>Rapat itu digelar pada Rabu (7/12/2021) di Jakarta.</p></article></body></html>"

    async def session():
        s = Session()
        await s.start(tmp_path)
        try:
            (d,) = await s.diagnostics(s.open(tmp_path / "page.html", page, "html"))
            assert d.severity == types.DiagnosticSeverity.Error  # the configuration's severity
            assert page.splitlines()[0][d.range.start.character:d.range.end.character] == WRONG
            # a text with no date of its own is dated today: a plan for last year is then already past
            last_year = dt.date.today().year - 1
            text = f"Pemerintah akan membangun bendungan itu pada awal {last_year}.\n"
            (d,) = await s.diagnostics(s.open(tmp_path / "note.txt", text, "plaintext"))
            assert d.code == "temporal.planned-before-publication"
            assert await s.diagnostics(s.open(tmp_path / "drafts" / "x.md", ARTICLE, "markdown")) == []  # excluded
        finally:
            await s.stop()
    run(session())


def test_a_broken_article_is_one_error_diagnostic(tmp_path):
    async def session():
        s = Session()
        await s.start(tmp_path, "--select", "temporal.*")
        try:
            draft = "---\npublished: kemarin sore\n---\nTeks.\n"
            (d,) = await s.diagnostics(s.open(tmp_path / "a.md", draft, "markdown"))
            assert d.severity == types.DiagnosticSeverity.Error and "YYYY-MM-DD" in d.message
        finally:
            await s.stop()
    run(session())


@pytest.mark.parametrize("command", ["lsp", "serve"])
def test_help_names_the_commands(command, capsys):
    from factcheck.cli import main

    with pytest.raises(SystemExit):
        main([command, "--help"])
    assert "--config" in capsys.readouterr().out
