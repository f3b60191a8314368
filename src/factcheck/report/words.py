"""The words of the HTML report's interface, in each language factcheck reads, so that an Indonesian
newsroom reads Indonesian headings and labels around its Indonesian notes."""
from __future__ import annotations

from collections import Counter
from typing import Any

from ..models import Report

WORDS: dict[str, dict[str, Any]] = {  # a word, or a mapping of words (counts, kinds, segments...)
    "en": {
        "title": "factcheck report",
        "checked": "{files} checked: {counts}",
        "no_findings": "no findings",
        "unreadable": "{n} could not be read",
        "files_with_findings": "Files with findings, most severe first",
        "could_not_be_read": "Could not be read",
        "clean": "No findings:",
        "filters": "Show only",
        "severity": "Severity",
        "rule": "Rule",
        "show_all": "Show all",
        "published": "published {date} ({source})",
        "no_date": "no publication date found",
        "language": "language",
        "missing": "The text could not be read again from this path (standard input, or a file moved or changed "
                   "since it was checked), so only the notes are shown.",
        "why": "why",
        "fix": "fix",
        "rule_label": "rule",
        "note": "note {n}",
        "other_span": "the other span of note {n}",
        "graph": "What the notes rest on: the claims factcheck read, drawn as a graph. Pointing at a node or an "
                 "edge shows its full text.",
        "note_graph": "Note {n}",
        "full_graph": "Full claim graph ({nodes} nodes, {claims} claims)",
        "rules": "Rules",
        "index": "All files",
        "previous": "previous",
        "next": "next",
        "graph_title": "Claim graph",
        "kinds": {"article": "article", "entity": "entity", "phrase": "phrase", "event": "event", "time": "time",
                  "quantity": "quantity", "claim": "claim", "finding": "finding"},
        "sources": {"option": "as given on the command line", "record": "from the corpus record",
                    "dateline": "from the dateline", "front matter": "from the front matter"},
        "source": "from the {source}",
        "segments": {"front-matter": "front matter", "headline": "headline", "dateline": "dateline",
                     "byline": "byline", "related-link": "related-link headline (checked)",
                     "boilerplate": "boilerplate (not checked)"},
        "related_badge": "related link",
        "counts": {"file": ("file", "files"), "error": ("error", "errors"), "warning": ("warning", "warnings"),
                   "info": ("info", "info")},
    },
    "id": {
        "title": "Laporan factcheck",
        "checked": "{files} diperiksa: {counts}",
        "no_findings": "tidak ada temuan",
        "unreadable": "{n} tidak dapat dibaca",
        "files_with_findings": "Berkas dengan temuan, yang paling berat lebih dulu",
        "could_not_be_read": "Tidak dapat dibaca",
        "clean": "Tanpa temuan:",
        "filters": "Tampilkan hanya",
        "severity": "Tingkat",
        "rule": "Aturan",
        "show_all": "Tampilkan semua",
        "published": "terbit {date} ({source})",
        "no_date": "tanggal terbit tidak ditemukan",
        "language": "bahasa",
        "missing": "Teks tidak dapat dibaca lagi dari lokasi ini (masukan standar, atau berkas yang dipindah atau "
                   "diubah sejak diperiksa), jadi hanya catatannya yang ditampilkan.",
        "why": "alasan",
        "fix": "saran",
        "rule_label": "aturan",
        "note": "catatan {n}",
        "other_span": "bagian lain dari catatan {n}",
        "graph": "Dasar catatan: klaim yang dibaca factcheck, digambar sebagai graf. Arahkan penunjuk ke simpul "
                 "atau garis untuk melihat teks lengkapnya.",
        "note_graph": "Catatan {n}",
        "full_graph": "Graf klaim lengkap ({nodes} simpul, {claims} klaim)",
        "rules": "Aturan",
        "index": "Semua berkas",
        "previous": "sebelumnya",
        "next": "berikutnya",
        "graph_title": "Graf klaim",
        "kinds": {"article": "artikel", "entity": "entitas", "phrase": "frasa", "event": "peristiwa", "time": "waktu",
                  "quantity": "jumlah", "claim": "klaim", "finding": "temuan"},
        "sources": {"option": "sesuai opsi baris perintah", "record": "dari rekaman korpus",
                    "dateline": "dari baris tanggal", "front matter": "dari front matter"},
        "source": "dari {source}",
        "segments": {"front-matter": "front matter", "headline": "judul", "dateline": "baris tanggal",
                     "byline": "nama penulis", "related-link": "judul tautan terkait (diperiksa)",
                     "boilerplate": "teks baku situs (tidak diperiksa)"},
        "related_badge": "tautan terkait",
        "counts": {"file": ("berkas", "berkas"), "error": ("kesalahan", "kesalahan"),
                   "warning": ("peringatan", "peringatan"), "info": ("info", "info")},
    },
}
LANGUAGES = tuple(WORDS)


def report_language(report: Report, wanted: str | None = None) -> str:
    """`wanted` (--report-lang), else the language most of the report's articles are written in (the
    first file's on a tie), else English."""
    if wanted:
        if wanted not in WORDS:
            raise ValueError(f"report language '{wanted}' is not one of {', '.join(LANGUAGES)}")
        return wanted
    counts = Counter(f.language for f in report.files if f.language in WORDS)
    return max(counts, key=lambda lang: counts[lang]) if counts else "en"


def count(words: dict[str, Any], n: int, what: str) -> str:
    """`3 warnings`, `3 peringatan`."""
    one, many = words["counts"][what]
    return f"{n} {one if n == 1 else many}"
