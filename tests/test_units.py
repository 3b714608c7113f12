from hypothesis import given
from hypothesis import strategies as st

from portal.children.nhs import is_valid_nhs_number, nhs_check_digit
from portal.markdown import to_safe_html


def test_known_nhs_numbers():
    assert is_valid_nhs_number("943 476 5919")
    assert is_valid_nhs_number("943-476-5919")
    assert not is_valid_nhs_number("9434765918")
    assert not is_valid_nhs_number("94347659")
    assert not is_valid_nhs_number("94347659AB")


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_a_check_digit_makes_a_valid_number_and_any_other_digit_does_not(first_nine: str):
    check = nhs_check_digit(first_nine)
    if check is None:
        assert not any(is_valid_nhs_number(first_nine + str(d)) for d in range(10))
    else:
        assert [d for d in range(10) if is_valid_nhs_number(first_nine + str(d))] == [check]


def test_markdown_raw_html_and_dangerous_links_never_reach_the_page():
    html = to_safe_html("# Title\n\n<img src=x onerror=alert(1)>\n\n[click](javascript:alert(1)) and [ok](https://example.org)")
    assert "<h1>Title</h1>" in html
    assert "<img" not in html and "&lt;img src=x" in html
    assert 'href="javascript' not in html
    assert 'href="https://example.org"' in html


def test_markdown_tables_render():
    assert "<table>" in to_safe_html("| Date | Vaccine |\n|---|---|\n| 2026-01-02 | MMR |")
