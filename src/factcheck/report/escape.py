"""Text from an article, a record or a file name, made safe to print: a report shows a control character
or a bidi mark, never acts on it (a terminal escape that recolours or clears the screen, a carriage return
or backspace that overwrites a line, a character XML 1.0 forbids, a mark that reorders what follows)."""
from __future__ import annotations

import re

from ..text import visible  # kept low: the claim graph's exports escape text too


def code_span(text: str) -> str:
    """`text` as a Markdown code span that nothing in it can close: fenced by one more backtick than
    its longest run of them, and padded when it starts or ends with one (CommonMark)."""
    text = visible(text)
    fence = "`" * (max(map(len, re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"
