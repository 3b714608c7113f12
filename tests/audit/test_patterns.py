"""Rubric patterns: the shared word-start group, and the ASCII form answering as the Unicode one does."""

import pytest

from portal.audit.judges import text_pattern
from portal.audit.rubric import compile_patterns
from portal.audit.text import PreparedText


def test_a_leading_word_boundary_anchors_only_its_own_alternative():
    assert compile_patterns((r"\bseen", "records?")).search("unseen") is None
    assert compile_patterns((r"\bcat|dog",)).search("tomcat") is None
    assert compile_patterns((r"\bcat|dog",)).search("hotdog").start() == 3


@pytest.mark.parametrize(
    "patterns, source, start",
    [
        ((r"\bseen\b",), "Last SEEN 2 weeks ago", 5),
        ((r"\bseen\b",), "unseen", None),
        # Unicode letters are word characters: no word starts inside "déseen".
        ((r"\bseen\b",), "déseen", None),
        ((r"a\sb",), "a b", 0),
        # Unicode, unlike re.ASCII, counts the separators \x1c-\x1f as spaces.
        ((r"a\sb",), "a\x1cb", 0),
        ((r"x|a\Sb",), "a\x1cb", None),
    ],
)
def test_text_matches_by_unicode_rules_whichever_form_is_searched(patterns, source, start):
    found = PreparedText("s", source).search_once(text_pattern(patterns))
    assert (found.start() if found else None) == start
