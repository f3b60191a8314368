"""A Markdown code span that nothing in its text can close or turn into markup; its text made safe to
print first (`text.visible`: a control character or bidi mark is shown, never acted on)."""
from __future__ import annotations

import re

from ..text import visible


def code_span(text: str) -> str:
    """`text` as a Markdown code span that nothing in it can close: fenced by one more backtick than
    its longest run of them, and padded when it starts or ends with one (CommonMark)."""
    text = visible(text)
    fence = "`" * (max(map(len, re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"
