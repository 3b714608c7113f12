"""Markdown to safe HTML: markdown-it with raw HTML off, then sanitised by nh3.

Pages never load anything a writer names: an image becomes a link to it (or, inside a link, just\nits alt text).
Characters that reorder or hide text (bidi overrides and isolates, zero-width characters) are
dropped, so what a reader sees is what was written.
"""

import asyncio
import sys
import threading
from collections import OrderedDict
from collections.abc import Sequence
from html import escape
from typing import Any

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token

from portal.text import storable

HIDDEN = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF])
TAGS = nh3.ALLOWED_TAGS - {"img", "map", "area"}
CACHE_BYTES = 8 * 1024 * 1024
# Longer texts are rendered on a worker thread, so the event loop keeps serving other requests.
OFF_LOOP_CHARS = 4000


def _image_as_link(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    image = tokens[idx]
    src = str(image.attrGet("src") or "")
    label = self.renderInlineAsText(image.children or [], options, env) or src
    in_link = sum(t.nesting for t in tokens[:idx] if t.type in ("link_open", "link_close")) > 0
    return escape(label) if in_link else f'<a href="{escape(src)}">{escape(label)}</a>'


_parser = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
_parser.add_render_rule("image", _image_as_link)


def render(source: str) -> str:
    """The safe HTML for `source`, rendered afresh."""
    text = storable(source).translate(HIDDEN)
    return nh3.clean(_parser.render(text), tags=TAGS, link_rel="noopener noreferrer nofollow")


class RenderCache:
    """Recently rendered texts, bounded by the memory their source and HTML take, least recently used first out."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.bytes = 0
        self._entries: OrderedDict[str, tuple[str, int]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, source: str) -> str | None:
        with self._lock:
            found = self._entries.get(source)
            if found is None:
                return None
            self._entries.move_to_end(source)
            return found[0]

    def put(self, source: str, html: str) -> None:
        size = sys.getsizeof(source) + sys.getsizeof(html)
        if size > self.max_bytes:
            return
        with self._lock:
            old = self._entries.pop(source, None)
            if old is not None:
                self.bytes -= old[1]
            self._entries[source] = (html, size)
            self.bytes += size
            while self.bytes > self.max_bytes:
                _, (_, dropped) = self._entries.popitem(last=False)
                self.bytes -= dropped


cache = RenderCache(CACHE_BYTES)


def to_safe_html(source: str) -> str:
    html = cache.get(source)
    if html is None:
        html = render(source)
        cache.put(source, html)
    return html


async def safe_html(source: str) -> str:
    """to_safe_html, with a long text not yet cached rendered off the event loop."""
    html = cache.get(source)
    if html is None:
        html = render(source) if len(source) < OFF_LOOP_CHARS else await asyncio.to_thread(render, source)
        cache.put(source, html)
    return html
