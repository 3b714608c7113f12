"""What the Markdown renderer will not do: load remote images, show text that reorders or hides
itself, or keep more renders than its memory budget."""

from portal.markdown import CACHE_BYTES, RenderCache, cache, safe_html, to_safe_html

HIDDEN = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u200c\u200d\u2060\ufeff"


def test_an_image_is_never_loaded_but_shown_as_a_link_with_its_alt_text():
    html = to_safe_html("See ![the bruise](https://evil.example/t.gif) here.")
    assert "<img" not in html
    assert '<a href="https://evil.example/t.gif" rel="noopener noreferrer nofollow">the bruise</a>' in html


def test_an_image_inside_a_link_becomes_the_link_text():
    html = to_safe_html("[![logo](https://evil.example/l.png)](https://example.org)")
    assert "<img" not in html and "evil.example" not in html
    assert '<a href="https://example.org" rel="noopener noreferrer nofollow">logo</a>' in html


def test_bidi_controls_and_zero_width_characters_are_dropped():
    html = to_safe_html(f"pay{HIDDEN}ment [li{HIDDEN}nk](https://example.org/a{HIDDEN}b)")
    assert not set(HIDDEN) & set(html)
    assert "<p>payment " in html and ">link</a>" in html


def test_lone_surrogates_and_nul_render_as_replacement_characters():
    html = to_safe_html("a\ud800b\x00c")
    html.encode("utf-8")
    assert html == "<p>a\ufffdb\ufffdc</p>\n"


def test_the_render_cache_evicts_by_size_not_count():
    small = RenderCache(max_bytes=100_000)
    for i in range(10):
        small.put(f"text {i}", "x" * 20_000)
    assert small.bytes <= 100_000 and len(small) == 4
    assert small.get("text 9") is not None and small.get("text 0") is None
    small.put("huge", "x" * 200_000)
    assert small.get("huge") is None and len(small) == 4


async def test_rendering_many_long_texts_stays_within_the_budget():
    for i in range(200):
        assert (await safe_html(f"{i} " + "long words " * 10_000)).startswith(f"<p>{i} long")
    assert cache.bytes <= CACHE_BYTES and len(cache) < 200
