"""`factcheck serve`: the ASGI app. One Checker per process answers every request.

Endpoints: the web page at `/` (page.py), `POST /api/v1/check` (JSON or an uploaded file; the
`factcheck check --format json` report, or the HTML report), `GET /api/v1/rules`, `GET /healthz`,
`GET /version`, `GET /openapi.json`, and LanguageTool's `POST /v2/check` and `GET /v2/languages`
(languagetool.py). A bad request gets `{"error": "..."}` with its status. Article text is never logged:
it travels only in request bodies, which the access log leaves out.
"""
from __future__ import annotations

import datetime as dt
import hmac
import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel, Field
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route
from starlette.schemas import SchemaGenerator

from .. import __version__
from ..checker import Checker
from ..ingest import ARTICLE_SUFFIXES
from ..lexicon import languages
from ..models import FileReport, Report
from ..report import renderer
from ..settings import Settings
from . import check_draft

OPTIONS_VARIABLE = "FACTCHECK_SERVE_SETTINGS"  # how `--workers` processes get the options
DEFAULT_MAX_BODY = 1_000_000
FORMATS = ("json", "html")


class ServerOptions(BaseModel):
    """What `factcheck serve` was told: the checker's settings, and who may ask what."""

    settings: Settings = Field(default_factory=Settings)
    token: str | None = None
    allow_origins: list[str] = []
    max_body: int = DEFAULT_MAX_BODY


class RequestError(Exception):
    """A request the service cannot answer: the status and a one-line message saying what to send."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


def error_response(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


# Starlette types every handler as taking any Exception; each is registered for its own class only.
async def _request_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestError)
    return error_response(exc.status, str(exc))


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    return error_response(exc.status_code, exc.detail)


class BodyLimit:
    """Refuses a request body over `limit` bytes with 413, whether it declares its length or not."""

    def __init__(self, app, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        too_big = error_response(413, f"the request body is larger than the {self.limit:,}-byte limit; "
                                      f"send a shorter article, or start the server with a larger --max-body")
        declared = dict(scope["headers"]).get(b"content-length")
        if declared and declared.isdigit() and int(declared) > self.limit:
            return await too_big(scope, receive, send)
        body, more = bytearray(), True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                return
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > self.limit:
                return await too_big(scope, receive, send)
        sent = False

        async def replay():
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": bytes(body), "more_body": False}

        await self.app(scope, replay, send)


def authorise(request: Request, given: str | None = None) -> None:
    """With a token set, a check must carry it: `Authorization: Bearer TOKEN`, or `given` (a form field)."""
    token = request.app.state.options.token
    if not token:
        return
    header = request.headers.get("authorization", "")
    offered = header[7:] if header.lower().startswith("bearer ") else given or ""
    if not hmac.compare_digest(offered.encode(), token.encode()):
        raise RequestError(401, "this server needs a token: send the header 'Authorization: Bearer TOKEN'")


def parse_date(value, field: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise RequestError(400, f"{field}: '{value}' is not a date; write it as YYYY-MM-DD") from None


def parse_lang(value, field: str = "lang", lexicons: Sequence[Path] = ()) -> str | None:
    """A language asked for, one with a lexicon (built in, or in the newsroom lexicon folders `lexicons`)."""
    if value in (None, "", "auto"):
        return None
    known = languages(lexicons)
    if value not in known:
        raise RequestError(400, f"{field}: '{value}' is not a language factcheck reads; use one of "
                                f"{', '.join(known)}, or leave it out to detect it")
    return value


def media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


def answer(request: Request, report: Report, fmt: str) -> Response:
    """The report as `factcheck check --format json` prints it, or the HTML report."""
    if fmt not in FORMATS:
        raise RequestError(400, f"format: '{fmt}' is not one of {', '.join(FORMATS)}")
    rules = request.app.state.checker.rules
    if fmt == "html":
        analyses = request.app.state.checker.analyser.recover  # with the checker's own lexicons
        return HTMLResponse(renderer("html")(report, rules=rules, analyses=analyses))
    return Response(renderer("json")(report, rules=rules), media_type="application/json")


async def check(request: Request) -> Response:
    """
    summary: Check one article
    description: >-
      A JSON body {text, published?, lang?, title?, format?}, or a multipart form with the article as the
      file `file` (.txt, .md, .html, .jsonl or .json, read as `factcheck check` reads that file) and the
      fields published, lang and format. Answers the `factcheck check --format json` report, or the HTML
      report with format=html. A text without a date of its own is checked as published today.
    requestBody:
      content:
        application/json:
          schema:
            type: object
            required: [text]
            properties:
              text: {type: string}
              published: {type: string, format: date}
              lang: {type: string, enum: [id, en]}
              title: {type: string}
              format: {type: string, enum: [json, html]}
        multipart/form-data:
          schema:
            type: object
            required: [file]
            properties:
              file: {type: string, format: binary}
              published: {type: string, format: date}
              lang: {type: string, enum: [id, en]}
              format: {type: string, enum: [json, html]}
    responses:
      200: {description: the report}
      400: {description: malformed JSON, a missing text or a bad field}
      401: {description: the server's token is missing or wrong}
      413: {description: the body is over the size limit}
      415: {description: neither JSON nor a multipart form}
    """
    authorise(request)
    kind = media_type(request)
    lexicons = request.app.state.checker.settings.lexicons
    if kind == "application/json":
        fields = await _json_fields(request)
        report = check_draft(request.app.state.checker, _text(fields),
                             published=parse_date(fields.get("published"), "published"),
                             lang=parse_lang(fields.get("lang"), lexicons=lexicons),
                             title=_optional_str(fields, "title"))
    elif kind == "multipart/form-data":
        async with request.form() as form:
            fields = dict(form)
            upload = form.get("file")
            if upload is None or isinstance(upload, str):
                raise RequestError(400, "send the article as the multipart file field 'file'")
            report = check_upload(request.app.state.checker, upload.filename or "article.txt", await upload.read(),
                                  parse_date(fields.get("published"), "published"),
                                  parse_lang(fields.get("lang"), lexicons=lexicons), request.app.state.options.max_body)
    else:
        raise RequestError(415, f"send the article as application/json or multipart/form-data, not "
                                f"'{kind or 'no content type'}'")
    return answer(request, report, str(fields.get("format") or request.query_params.get("format") or "json"))


async def _json_fields(request: Request) -> dict:
    try:
        fields = json.loads(await request.body())
    except (ValueError, UnicodeDecodeError) as exc:
        raise RequestError(400, f"the body is not valid JSON ({exc}); send an object such as "
                                f'{{"text": "..."}}') from None
    if not isinstance(fields, dict):
        raise RequestError(400, 'the body must be a JSON object such as {"text": "..."}')
    return fields


def _text(fields: dict) -> str:
    text = fields.get("text")
    if not isinstance(text, str) or not text.strip():
        raise RequestError(400, "text: send the article as a non-empty string")
    return text


def _optional_str(fields: dict, key: str) -> str | None:
    value = fields.get(key)
    if value is not None and not isinstance(value, str):
        raise RequestError(400, f"{key}: expected a string")
    return value


def check_upload(checker: Checker, filename: str, data: bytes, published: dt.date | None, lang: str | None,
                 max_size: int) -> Report:
    """An uploaded file's report, read as `factcheck check` reads a file of that name, reported under it."""
    name = Path(filename).name
    if Path(name).suffix.lower() not in ARTICLE_SUFFIXES:
        raise RequestError(400, f"file: '{name}' is not an article file; upload one of "
                                f"{', '.join(ARTICLE_SUFFIXES)}")
    with tempfile.TemporaryDirectory(prefix="factcheck-upload-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        report = checker.check_paths([path], published=published, lang=lang, max_size=max_size,
                                     path_filter=lambda _: True)  # not a file of the configured folders
    return Report.of([_uploaded(f, name) for f in report.files])


def _uploaded(f: FileReport, name: str) -> FileReport:
    """The report of an upload, named after the file uploaded, not the temporary one it was checked as."""
    origin = f.origin.model_copy(update={"file": name})
    problem = f.problem and f.problem.model_copy(update={"source": origin})
    return f.model_copy(update={"path": origin.name, "source": origin, "problem": problem})


async def rules(request: Request) -> JSONResponse:
    """
    summary: The rules this server checks with
    responses:
      200: {description: "a list of {id, category, severity, summary: {id, en}}"}
    """
    return JSONResponse([{"id": r.id, "category": r.category, "severity": r.severity,
                          "summary": r.summary.texts()} for r in request.app.state.checker.rules])


async def healthz(request: Request) -> JSONResponse:
    """
    summary: Whether the server answers
    responses:
      200: {description: '{"status": "ok"}'}
    """
    return JSONResponse({"status": "ok"})


async def version(request: Request) -> JSONResponse:
    """
    summary: The factcheck version
    responses:
      200: {description: '{"name": "factcheck", "version": "..."}'}
    """
    return JSONResponse({"name": "factcheck", "version": __version__})


SCHEMAS = SchemaGenerator({"openapi": "3.0.0", "info": {"title": "factcheck", "version": __version__}})


async def openapi(request: Request) -> Response:
    return JSONResponse(SCHEMAS.get_schema(routes=request.app.routes))


def create_app(options: ServerOptions | None = None) -> Starlette:
    """The app for `options`, checking with the Checker their settings describe."""
    from .languagetool import ROUTES as LANGUAGETOOL
    from .page import ROUTES as PAGE

    options = options or ServerOptions()
    middleware = [Middleware(BodyLimit, limit=options.max_body)]
    if options.allow_origins:
        middleware.append(Middleware(CORSMiddleware, allow_origins=options.allow_origins,
                                     allow_methods=["GET", "POST"], allow_headers=["Authorization", "Content-Type"]))
    routes = [Route("/api/v1/check", check, methods=["POST"]), Route("/api/v1/rules", rules, methods=["GET"]),
              Route("/healthz", healthz, methods=["GET"]), Route("/version", version, methods=["GET"]),
              *LANGUAGETOOL, *PAGE, Route("/openapi.json", openapi, methods=["GET"], include_in_schema=False)]
    app = Starlette(routes=routes, middleware=middleware,
                    exception_handlers={RequestError: _request_error, HTTPException: _http_error})
    app.state.options = options
    app.state.checker = Checker(options.settings, keep_text=True)  # the HTML report shows the text
    return app


def app_from_environment() -> Starlette:
    """The app of a `--workers` process, from the options the parent put in the environment."""
    return create_app(ServerOptions.model_validate_json(os.environ[OPTIONS_VARIABLE]))


def serve(options: ServerOptions, host: str, port: int, workers: int = 1) -> None:
    """Serve until interrupted; `workers` processes each build their own app from the options."""
    import uvicorn

    app = create_app(options)  # a rule or lexicon error shows here, before any worker starts
    if workers == 1:
        uvicorn.run(app, host=host, port=port)
        return
    os.environ[OPTIONS_VARIABLE] = options.model_dump_json()
    uvicorn.run("factcheck.server.app:app_from_environment", factory=True, host=host, port=port, workers=workers)
