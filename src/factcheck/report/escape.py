"""Text from an article, a record or a file name, made safe to print: a report shows a control character
or a bidi mark, never acts on it (a terminal escape that recolours or clears the screen, a carriage return
or backspace that overwrites a line, a character XML 1.0 forbids, a mark that reorders what follows)."""
from __future__ import annotations

import re

# C0 controls but the tab, DEL and C1 controls; the line and paragraph separators; bidi marks, embeddings,
# overrides and isolates; lone surrogates; the two non-characters XML forbids.
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069"
                     "\ud800-\udfff\ufffe\uffff]")


def visible(text: str) -> str:
    """`text` with each unsafe character written as its Python escape (`\\x1b`, `\\r`, `\\u202e`)."""
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def code_span(text: str) -> str:
    """`text` as a Markdown code span that nothing in it can close: fenced by one more backtick than
    its longest run of them, and padded when it starts or ends with one (CommonMark)."""
    text = visible(text)
    fence = "`" * (max(map(len, re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"
