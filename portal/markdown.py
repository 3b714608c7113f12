"""Markdown to safe HTML: markdown-it with raw HTML off, then sanitised by nh3."""

from functools import lru_cache

import nh3
from markdown_it import MarkdownIt

_parser = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")


@lru_cache(maxsize=4096)
def to_safe_html(source: str) -> str:
    return nh3.clean(_parser.render(source), link_rel="noopener noreferrer nofollow")
