"""A linear-time HTML tokenizer that gives every token's place in the source.

html.parser is not used because, in the Python versions factcheck supports, it takes quadratic time on
unclosed comments and unclosed start tags (measured: 120 KB of `<a ` took over two minutes), and after a
`&#` with no `;` later in the page it passes the rest of the page, tags and all, as text. Here every
construct is found by one forward scan, following the HTML5 tokenizer where it matters: a tag runs to
the first `>` outside a quoted attribute value, a comment to `-->`, script and style content to their
end tag, and a construct the file ends inside of runs to the end of the file (a tag is then dropped).
"""
from __future__ import annotations

import html
import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import NamedTuple

# Elements whose content is raw text, not markup (RCDATA ones included: all are hidden from the view).
RAW_TEXT_TAGS = frozenset({"script", "style", "textarea", "title", "xmp", "noembed", "noframes"})
_RAW_END = {name: re.compile(rf"</{name}(?=[\s/>])", re.I) for name in RAW_TEXT_TAGS}
_TEXT = re.compile(r"[^<&]+")
_CHARREF = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);?")
_TAG_OPEN = re.compile(r"<(/?)([a-zA-Z][^\s/>]*)")
_ATTR_GAP = re.compile(r"[\s/]*")
# An unclosed quoted value runs to the end of the file, as in HTML5, so it is scanned only once.
_ATTR = re.compile(r"""([^\s/>][^\s/>=]*)(?:\s*=\s*("[^"]*"?|'[^']*'?|[^\s>]*))?""")


class Token(NamedTuple):
    kind: str  # "text", "charref", "start", "end" or "raw" (the content of a raw text element)
    start: int
    end: int
    name: str = ""  # a tag's name, lower case
    attrs: Mapping[str, str] = MappingProxyType({})  # a tag's attributes: lower-case names, values decoded


def tokens(source: str) -> Iterator[Token]:
    """The text, character references, tags and raw text of `source`, in order; comments, doctypes and
    processing instructions are passed over."""
    pos, n = 0, len(source)
    while pos < n:
        if source.startswith("<", pos):
            tag = _TAG_OPEN.match(source, pos)
            if tag:
                end, attrs = _tag_end(source, tag.end())
                if end is None:
                    return  # the file ends inside a tag
                name = tag.group(2).lower()
                yield Token("end" if tag.group(1) else "start", pos, end, name, attrs)
                pos = end
                if name in RAW_TEXT_TAGS and not tag.group(1):
                    close = _RAW_END[name].search(source, end)
                    pos = close.start() if close else n
                    if pos > end:
                        yield Token("raw", end, pos)
            elif source.startswith("<!--", pos):
                closed = source.find("-->", pos + 2)  # from "<!" so that "<!-->" is a whole (empty) comment
                pos = n if closed < 0 else closed + 3
            elif source.startswith(("<!", "</", "<?"), pos):  # doctypes, bogus comments: to the next ">"
                closed = source.find(">", pos + 2)
                pos = n if closed < 0 else closed + 1
            else:
                yield Token("text", pos, pos + 1)
                pos += 1
        elif source.startswith("&", pos):
            ref = _CHARREF.match(source, pos)
            end = ref.end() if ref else pos + 1
            yield Token("charref" if ref else "text", pos, end)
            pos = end
        else:
            run = _TEXT.match(source, pos)
            assert run is not None  # the character at pos is neither "<" nor "&"
            end = run.end()
            yield Token("text", pos, end)
            pos = end


def _tag_end(source: str, pos: int) -> tuple[int | None, dict]:
    """Where a tag whose name ends at `pos` ends (after its `>`; None at the end of the file), and its
    attributes (the first of a repeated name wins)."""
    attrs: dict[str, str] = {}
    while True:
        gap = _ATTR_GAP.match(source, pos)
        assert gap is not None  # it matches the empty string
        pos = gap.end()
        if pos >= len(source):
            return None, attrs
        if source[pos] == ">":
            return pos + 1, attrs
        attr = _ATTR.match(source, pos)
        assert attr is not None  # the character at pos is none of white space, "/" and ">"
        value = attr.group(2) or ""
        if value[:1] in ("'", '"'):
            value = value[1:-1] if len(value) > 1 and value[-1] == value[0] else value[1:]
        attrs.setdefault(attr.group(1).lower(), html.unescape(value))
        pos = attr.end()
