"""`factcheck serve` as a real process on a local port, driven by httpx and by a stock LanguageTool client."""
from __future__ import annotations

import json
import subprocess
import sys

import httpx
import language_tool_python
import pytest
import yaml

import factcheck
from factcheck.lexicon import builtin_lexicons
from serving import running_server

TEXT = "Rapat itu digelar pada Rabu (7/12/2021) di Jakarta.\n"
EMOJI_TEXT = "Rapat 🎉🎉 itu digelar pada Rabu (7/12/2021) di Jakarta 😀."
WRONG = "Rabu (7/12/2021)"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    with running_server(log) as (url, _):
        yield url, log


@pytest.fixture(scope="module")
def guarded(tmp_path_factory):
    """A server with a token, a small body limit and one allowed web origin."""
    log = tmp_path_factory.mktemp("guarded") / "serve.log"
    with running_server(log, "--token", "s3cret", "--max-body", "2000", "--allow-origin",
                        "https://cms.example") as (url, _):
        yield url


def cli_json(text: str, *options: str) -> dict:
    done = subprocess.run([sys.executable, "-m", "factcheck", "check", "-", "--format", "json", *options],
                          input=text, capture_output=True, text=True)
    return json.loads(done.stdout)


def test_health_version_and_openapi(server):
    url, _ = server
    assert httpx.get(f"{url}/healthz").json() == {"status": "ok"}
    assert httpx.get(f"{url}/version").json()["version"] == factcheck.__version__
    paths = httpx.get(f"{url}/openapi.json").json()["paths"]
    assert {"/api/v1/check", "/api/v1/rules", "/healthz", "/version", "/v2/check", "/v2/languages"} <= set(paths)
    assert "requestBody" in paths["/api/v1/check"]["post"]


def test_check_answers_the_cli_json_report(server):
    url, log = server
    r = httpx.post(f"{url}/api/v1/check", json={"text": TEXT, "published": "2021-12-06", "lang": "id"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    body = r.json()
    cli = cli_json(TEXT, "--published", "2021-12-06", "--lang", "id")
    assert body["files"][0]["findings"] == cli["files"][0]["findings"]
    assert body["summary"] == cli["summary"]
    assert WRONG not in log.read_text()  # article text is never logged


def test_check_dates_a_draft_today_unless_told(server):
    url, _ = server
    import datetime as dt

    r = httpx.post(f"{url}/api/v1/check", json={"text": TEXT, "title": "Rapat"}).json()
    assert r["files"][0]["published"] == dt.date.today().isoformat()
    assert r["files"][0]["title"] == "Rapat"


def test_check_html_format(server):
    url, _ = server
    r = httpx.post(f"{url}/api/v1/check?format=html", json={"text": TEXT, "published": "2021-12-06"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert r.text.startswith("<!DOCTYPE html>") and WRONG in r.text


def test_check_uploaded_files_as_the_cli_reads_them(server):
    url, _ = server
    records = "".join(json.dumps({"id": f"a{i}", "text": TEXT, "published": "2021-12-06"}) + "\n" for i in (1, 2))
    r = httpx.post(f"{url}/api/v1/check", files={"file": ("export.jsonl", records.encode())})
    assert r.status_code == 200
    files = r.json()["files"]
    assert [f["path"] for f in files] == ["export.jsonl#a1", "export.jsonl#a2"]
    assert all(f["findings"][0]["rule"] == "temporal.weekday-mismatch" for f in files)
    page = f"<html><body><article><p>{TEXT}</p></article></body></html>"
    r = httpx.post(f"{url}/api/v1/check", files={"file": ("page.html", page.encode())},
                   data={"published": "2021-12-06"}).json()
    (found,) = r["files"][0]["findings"]
    assert r["files"][0]["path"] == "page.html" and page[found["evidence"][0]["start"]:].startswith(WRONG)


def test_rules_lists_the_rules_the_cli_turns_on(server):
    url, _ = server
    listed = subprocess.run([sys.executable, "-m", "factcheck", "rules"], capture_output=True, text=True).stdout
    ids = [r["id"] for r in httpx.get(f"{url}/api/v1/rules").json()]
    assert ids == [line.split()[0] for line in listed.splitlines() if line.split()[3] == "on"]


@pytest.mark.parametrize("request_kwargs, status, says", [
    ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 400, "not valid JSON"),
    ({"json": ["a list"]}, 400, "JSON object"),
    ({"json": {"published": "2021-12-06"}}, 400, "text"),
    ({"json": {"text": TEXT, "lang": "fr"}}, 400, "'fr' is not a language"),
    ({"json": {"text": TEXT, "published": "6/12/2021"}}, 400, "YYYY-MM-DD"),
    ({"json": {"text": TEXT, "format": "pdf"}}, 400, "format"),
    ({"content": TEXT.encode(), "headers": {"content-type": "text/plain"}}, 415, "application/json"),
    ({"files": {"file": ("notes.docx", b"x")}}, 400, "not an article file"),
])
def test_bad_requests_get_json_errors(server, request_kwargs, status, says):
    url, _ = server
    r = httpx.post(f"{url}/api/v1/check", **request_kwargs)
    assert r.status_code == status and says in r.json()["error"]


def test_unknown_paths_and_methods_answer_json(server):
    url, _ = server
    assert httpx.get(f"{url}/nothing").json()["error"]
    assert httpx.get(f"{url}/api/v1/check").status_code == 405


def test_body_limit_token_and_cors(guarded):
    url = guarded
    auth = {"Authorization": "Bearer s3cret"}
    assert httpx.post(f"{url}/api/v1/check", json={"text": TEXT}).status_code == 401
    wrong = {"Authorization": "Bearer no"}
    assert httpx.post(f"{url}/api/v1/check", json={"text": TEXT}, headers=wrong).status_code == 401
    assert httpx.post(f"{url}/api/v1/check", json={"text": TEXT}, headers=auth).status_code == 200
    big = httpx.post(f"{url}/api/v1/check", json={"text": TEXT * 100}, headers=auth)
    assert big.status_code == 413 and "2,000-byte limit" in big.json()["error"]

    def chunks():  # no Content-Length: the limit still holds
        for _ in range(10):
            yield b" " * 500
    assert httpx.post(f"{url}/api/v1/check", content=chunks(), headers=auth).status_code == 413
    # the LanguageTool API takes the token as its apiKey field, as LanguageTool's own API does
    form = {"text": TEXT, "language": "id"}
    assert httpx.post(f"{url}/v2/check", data=form).status_code == 401
    assert httpx.post(f"{url}/v2/check", data={**form, "apiKey": "s3cret"}).status_code == 200
    preflight = {"Origin": "https://cms.example", "Access-Control-Request-Method": "POST"}
    assert httpx.options(f"{url}/api/v1/check", headers=preflight).headers["access-control-allow-origin"] == "https://cms.example"
    other = httpx.options(f"{url}/api/v1/check", headers={**preflight, "Origin": "https://evil.example"})
    assert other.headers.get("access-control-allow-origin") is None


def test_worker_processes_share_the_settings(tmp_path):
    with running_server(tmp_path / "serve.log", "--workers", "2", "--token", "s3cret") as (url, _):
        assert httpx.post(f"{url}/api/v1/check", json={"text": TEXT}).status_code == 401
        r = httpx.post(f"{url}/api/v1/check", json={"text": TEXT}, headers={"Authorization": "Bearer s3cret"})
        assert r.json()["summary"]["findings"] >= 1


def test_no_cors_by_default(server):
    url, _ = server
    r = httpx.post(f"{url}/api/v1/check", json={"text": TEXT}, headers={"Origin": "https://any.example"})
    assert "access-control-allow-origin" not in r.headers


def utf16_slice(text: str, offset: int, length: int) -> str:
    units = text.encode("utf-16-le")
    return units[2 * offset:2 * (offset + length)].decode("utf-16-le")


def test_languagetool_check_counts_utf16_units(server):
    url, _ = server
    r = httpx.post(f"{url}/v2/check", data={"text": EMOJI_TEXT, "language": "id-ID", "publishedDate": "2021-12-06"})
    body = r.json()
    assert body["software"]["name"] == "factcheck" and body["language"]["code"] == "id-ID"
    (match,) = body["matches"]
    assert utf16_slice(EMOJI_TEXT, match["offset"], match["length"]) == WRONG
    assert match["offset"] != EMOJI_TEXT.index(WRONG)  # the emoji count twice
    assert match["replacements"] == [{"value": "Selasa (7/12/2021)"}]
    assert match["rule"]["id"] == "temporal.weekday-mismatch" and match["rule"]["category"]["id"] == "TEMPORAL"
    assert match["sentence"] == EMOJI_TEXT
    ctx = match["context"]
    assert utf16_slice(ctx["text"], ctx["offset"], ctx["length"]) == WRONG
    for key in ("message", "shortMessage", "issueType"):
        assert (match | match["rule"])[key]


def test_languagetool_annotated_text_points_into_the_document(server):
    url, _ = server
    parts = [{"markup": "<p>"}, {"text": "Rapat itu digelar pada "}, {"markup": "<b>", "interpretAs": ""},
             {"text": "Rabu (7/12/2021)"}, {"markup": "</b>"}, {"text": " di Jakarta."},
             {"markup": "</p>", "interpretAs": "\n\n"}]
    document = "".join(p["text"] if "text" in p else p["markup"] for p in parts)
    r = httpx.post(f"{url}/v2/check", data={"data": json.dumps({"annotation": parts}), "language": "auto",
                                            "publishedDate": "2021-12-06"})
    (match,) = r.json()["matches"]
    assert document[match["offset"]:match["offset"] + match["length"]] == WRONG


def test_languagetool_languages_and_bad_requests(server):
    url, _ = server
    codes = {x["longCode"] for x in httpx.get(f"{url}/v2/languages").json()}
    assert {"id-ID", "en-US"} <= codes
    assert httpx.post(f"{url}/v2/check", data={"text": TEXT, "language": "de-DE"}).status_code == 400
    assert httpx.post(f"{url}/v2/check", data={"text": TEXT}).status_code == 400
    assert httpx.post(f"{url}/v2/check", data={"data": "{broken", "language": "id"}).status_code == 400
    assert httpx.post(f"{url}/v2/check", json={"text": TEXT, "language": "id"}).status_code == 415
    r = httpx.post(f"{url}/v2/check", data={"text": TEXT, "language": "id",
                                            "disabledRules": "temporal.weekday-mismatch"})
    assert r.json()["matches"] == []


def test_a_stock_languagetool_client_reads_the_answer(server):
    url, _ = server
    with language_tool_python.LanguageTool("id-ID", remote_server=url) as tool:
        assert tool.is_remote
        (match,) = tool.check(EMOJI_TEXT)
    assert EMOJI_TEXT[match.offset:match.offset + match.error_length] == WRONG
    assert match.rule_id == "temporal.weekday-mismatch" and "Selasa (7/12/2021)" in match.replacements


def test_a_language_a_newsroom_lexicon_adds_is_served(server, tmp_path):
    """A lexicon folder adding Malay: the LanguageTool API lists and checks it, and the page offers it, by the
    name its lexicon file gives it."""
    data = yaml.safe_load((builtin_lexicons() / "id.yaml").read_text(encoding="utf-8"))
    data.update(language="ms", name="Bahasa Melayu")
    data["weekdays"] = {**data["weekdays"], "isnin": 0}
    (tmp_path / "lex").mkdir()
    (tmp_path / "lex" / "ms.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with running_server(tmp_path / "serve.log", "--lexicon", str(tmp_path / "lex")) as (url, _):
        listed = httpx.get(f"{url}/v2/languages").json()
        assert {"name": "Bahasa Melayu", "code": "ms", "longCode": "ms"} in listed
        assert {"name": "Indonesian", "code": "id", "longCode": "id-ID"} in listed  # LanguageTool's names stay
        answer = httpx.post(f"{url}/v2/check", data={"text": "Mesyuarat pada Isnin (7/12/2021).", "language": "ms",
                                                     "publishedDate": "2021-12-01"}).json()
        assert answer["language"]["code"] == "ms" and answer["language"]["name"] == "Bahasa Melayu"
        assert [m["rule"]["id"] for m in answer["matches"]] == ["temporal.weekday-mismatch"]
        page = httpx.get(f"{url}/").text
        assert '<option value="ms">Bahasa Melayu</option>' in page and '<option value="en">English</option>' in page
    default, _ = server
    assert "ms" not in {x["code"] for x in httpx.get(f"{default}/v2/languages").json()}
    assert httpx.post(f"{default}/v2/check", data={"text": TEXT, "language": "ms"}).status_code == 400
