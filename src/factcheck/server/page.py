"""The web page at `/`: paste an article or upload a file, set its date and language, and read the HTML
report below the form. A plain form that posts back to `/`, so it works without JavaScript; one column
that fits a phone; interface strings in Indonesian and English, chosen by `?ui=` or Accept-Language.

The report is the HTML report of `factcheck check --format html`, shown in a sandboxed frame, so its
styles and links stay its own.
"""
from __future__ import annotations

from html import escape

from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Route

from ..lexicon import language_names
from ..report import renderer
from . import check_draft
from .app import RequestError, authorise, check_upload, parse_date, parse_lang

STRINGS = {
    "en": {"title": "factcheck: check an article", "intro": "Paste an article or upload a file. factcheck finds "
           "where it contradicts itself or its publication date.", "text": "Article text", "file": "or a file "
           "(.txt, .md, .html, .jsonl)", "published": "Publication date (default: the article's own, else today)",
           "lang": "Language", "auto": "detect", "token": "Token", "submit": "Check", "report": "Report",
           "missing": "Paste an article or choose a file.", "other": "Bahasa Indonesia"},
    "id": {"title": "factcheck: periksa artikel", "intro": "Tempel artikel atau unggah berkas. factcheck mencari "
           "bagian yang bertentangan dengan dirinya sendiri atau dengan tanggal terbitnya.", "text": "Teks artikel",
           "file": "atau berkas (.txt, .md, .html, .jsonl)", "published": "Tanggal terbit (bawaan: tanggal dari "
           "artikel, atau hari ini)", "lang": "Bahasa", "auto": "deteksi", "token": "Token", "submit": "Periksa",
           "report": "Laporan", "missing": "Tempel artikel atau pilih berkas.", "other": "English"},
}
# The page fetches nothing and runs nothing; the report's frame inherits this.
POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'"


def interface_language(request: Request) -> str:
    """`?ui=id|en`, else the reader's first Accept-Language that the page speaks, else English."""
    chosen = request.query_params.get("ui")
    if chosen in STRINGS:
        return chosen
    ranked = []
    for part in request.headers.get("accept-language", "").split(","):
        tag, _, quality = part.strip().partition(";q=")
        try:
            ranked.append((-float(quality or 1), tag.split("-")[0].lower()))
        except ValueError:
            continue
    return next((tag for _, tag in sorted(ranked) if tag in STRINGS), "en")


async def page(request: Request) -> HTMLResponse:
    ui = interface_language(request)
    if request.method == "GET":
        return _page(request, ui, {})
    async with request.form() as form:
        fields = {k: v for k, v in form.items() if isinstance(v, str)}
        upload = form.get("file")
        if upload is None or isinstance(upload, str):
            data, filename = b"", None
        else:
            data = await upload.read()
            filename = upload.filename if data else None
    try:
        authorise(request, fields.get("token"))
        checker = request.app.state.checker
        published = parse_date(fields.get("published"), "published")
        lang = parse_lang(fields.get("lang"), lexicons=checker.settings.lexicons)
        if data:
            report = check_upload(checker, filename or "article.txt", data, published, lang,
                                  request.app.state.options.max_body)
        elif fields.get("text", "").strip():
            report = check_draft(checker, fields["text"], published=published, lang=lang)
        else:
            raise RequestError(400, STRINGS[ui]["missing"])
    except RequestError as exc:
        return _page(request, ui, fields, error=str(exc), status=exc.status)
    return _page(request, ui, fields, report=renderer("html")(report, rules=checker.rules,
                                                               analyses=checker.analyser.recover))


def _page(request: Request, ui: str, fields: dict, *, report: str | None = None, error: str | None = None,
          status: int = 200) -> HTMLResponse:
    s = STRINGS[ui]
    other = "id" if ui == "en" else "en"
    langs = "".join(f'<option value="{code}"{" selected" if fields.get("lang") == code else ""}>{name}</option>'
                    for code, name in [("", s["auto"]),
                                       *language_names(request.app.state.checker.settings.lexicons).items()])
    token = (f'<label>{s["token"]} <input type="password" name="token" autocomplete="off"></label>'
             if request.app.state.options.token else "")
    published = escape(fields.get("published", ""))
    shown = (f'<p class="error" role="alert">{escape(error)}</p>' if error else "") + (
        f'<h2>{s["report"]}</h2><iframe title="{s["report"]}" sandbox srcdoc="{escape(report)}"></iframe>'
        if report else "")
    body = f"""<!DOCTYPE html>
<html lang="{ui}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{s["title"]}</title><style>{CSS}</style></head>
<body><main>
<nav><a href="/?ui={other}" hreflang="{other}">{s["other"]}</a></nav>
<h1>{s["title"]}</h1><p>{s["intro"]}</p>
<form method="post" action="/?ui={ui}" enctype="multipart/form-data">
<label for="text">{s["text"]}</label>
<textarea id="text" name="text" rows="12">{escape(fields.get("text", ""))}</textarea>
<label>{s["file"]} <input type="file" name="file" accept=".txt,.md,.markdown,.html,.htm,.jsonl,.ndjson,.json"></label>
<div class="row"><label>{s["published"]} <input type="date" name="published" value="{published}"></label>
<label>{s["lang"]} <select name="lang">{langs}</select></label>{token}</div>
<button type="submit">{s["submit"]}</button>
</form>
{shown}
</main></body></html>
"""
    return HTMLResponse(body, status_code=status, headers={"Content-Security-Policy": POLICY,
                                                           "Content-Language": ui})


CSS = """
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1d1d1f;background:#fafafa}
main{max-width:60rem;margin:0 auto;padding:1rem}nav{text-align:right}h1{font-size:1.5rem;margin:.25rem 0}
label{display:block;margin:.75rem 0 .25rem;font-weight:600}
label input,label select{display:block;margin-top:.25rem;font-weight:400}
textarea,input,select,button{font:inherit;max-width:100%}textarea{width:100%;padding:.5rem}
.row{display:flex;flex-wrap:wrap;gap:0 1.5rem}button{margin-top:1rem;padding:.5rem 1.5rem;border:0;border-radius:.3rem;
background:#1f5fbf;color:#fff;cursor:pointer}.error{color:#a00;font-weight:600}
iframe{width:100%;height:80vh;border:1px solid #ccc;background:#fff}
"""

ROUTES = [Route("/", page, methods=["GET", "POST"], include_in_schema=False)]
