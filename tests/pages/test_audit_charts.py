"""The audit's SVG charts: what they draw (scales, bars, points, labels), with labels escaped, and
what they draw for no data and for one point."""

import xml.etree.ElementTree as ET

from portal.charts import WIDTH, Point, bar_chart, line_chart, number

SVG = "{http://www.w3.org/2000/svg}"


def parsed(markup: str) -> ET.Element:
    return ET.fromstring(str(markup))


def texts(svg: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in svg.iter(f"{SVG}text")]


def test_a_chart_is_an_image_named_by_its_title_and_description():
    svg = parsed(bar_chart("c1", "Share met", "Bars per council.", [Point("Easterby", 50)]))
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "c1-title c1-desc"
    assert svg.find(f"{SVG}title").get("id") == "c1-title" and svg.find(f"{SVG}title").text == "Share met"
    assert svg.find(f"{SVG}desc").text == "Bars per council."
    assert svg.get("viewBox").startswith(f"0 0 {WIDTH} ")


def test_bars_are_as_long_as_their_share_of_the_maximum_and_say_their_value():
    svg = parsed(bar_chart("c", "t", "d", [Point("Easterby", 80), Point("Westmarsh", 40.25), Point("Holmcastle", 0)], maximum=100, unit="%"))
    room = WIDTH - 56
    # a zero still shows a sliver beside its value
    assert [float(r.get("width")) for r in svg.iter(f"{SVG}rect")] == [round(room * 0.8, 1), round(room * 0.4025, 1), 1]
    assert texts(svg) == ["Easterby", "80%", "Westmarsh", "40.2%", "Holmcastle", "0%"]
    assert all(float(r.get("width")) <= WIDTH - 56 for r in svg.iter(f"{SVG}rect"))


def test_without_a_maximum_the_longest_bar_is_the_largest_value():
    svg = parsed(bar_chart("c", "t", "d", [Point("a", 3), Point("b", 6)]))
    assert [float(r.get("width")) for r in svg.iter(f"{SVG}rect")] == [132.0, WIDTH - 56]


def test_long_labels_wrap_and_every_label_is_escaped():
    label = "Fact kept apart from opinion, with the source of each piece of information <b>&</b>"
    markup = str(bar_chart("c", "<script>x</script>", 'Quotes " and <tags>', [Point(label, 2)]))
    assert "<script>" not in markup and "<b>" not in markup and "&lt;b&gt;&amp;&lt;/b&gt;" in markup
    svg = parsed(markup)
    lines = texts(svg)[:-1]
    assert len(lines) == 3 and " ".join(lines) == label and all(len(line) <= 36 for line in lines)
    assert svg.find(f"{SVG}title").text == "<script>x</script>" and svg.find(f"{SVG}desc").text == 'Quotes " and <tags>'
    line = str(line_chart("l", "t", "d", [Point("2026-<Q3>", 50)]))
    assert "&lt;Q3&gt;" in line and "<Q3>" not in line


def test_no_data_says_so_in_the_image():
    for chart in (bar_chart("c", "Title", "Desc", []), bar_chart("c", "Title", "Desc", [Point("a", None)]),
                  line_chart("c", "Title", "Desc", []), line_chart("c", "Title", "Desc", [Point("2026-Q1", None)], empty="Nothing scored")):
        svg = parsed(chart)
        assert svg.get("role") == "img" and svg.find(f"{SVG}title").text == "Title"
        assert texts(svg) in (["No results yet"], ["Nothing scored"])
        assert not list(svg.iter(f"{SVG}rect")) and not list(svg.iter(f"{SVG}polyline"))


def test_the_line_has_a_scale_from_zero_to_the_maximum_and_a_point_per_value():
    svg = parsed(line_chart("l", "t", "d", [Point("2026-Q1", 50), Point("2026-Q2", 75), Point("2026-Q3", 100)]))
    labels = texts(svg)
    assert labels[:5] == ["0", "25", "50", "75", "100"]
    circles = [(float(c.get("cx")), float(c.get("cy"))) for c in svg.iter(f"{SVG}circle")]
    assert len(circles) == 3 and circles[0][0] < circles[1][0] < circles[2][0]
    gridlines = {float(line.get("y1")): label for line, label in zip(list(svg.iter(f"{SVG}line"))[:5], labels[:5], strict=True)}
    by_value = {label: y for y, label in gridlines.items()}
    assert [y for _, y in circles] == [by_value["50"], by_value["75"], by_value["100"]]
    (polyline,) = svg.iter(f"{SVG}polyline")
    assert polyline.get("points") == " ".join(f"{x:.1f},{y:.1f}" for x, y in circles)
    assert labels[5:] == ["Q12026", "50", "Q22026", "75", "Q32026", "100"]  # "Q1" over "2026", then the point's value
    assert [[t.text for t in text] for text in svg.iter(f"{SVG}text") if len(text)][0] == ["Q1", "2026"]


def test_one_point_is_drawn_without_a_line_and_a_gap_breaks_the_line():
    one = parsed(line_chart("l", "t", "d", [Point("2026-Q4", 62.5)]))
    (circle,) = one.iter(f"{SVG}circle")
    assert float(circle.get("cx")) == 36 + (WIDTH - 36 - 16) / 2
    assert not list(one.iter(f"{SVG}polyline")) and "62.5" in texts(one)
    gap = parsed(line_chart("l", "t", "d", [Point("a", 10), Point("b", 20), Point("c", None), Point("d", 30), Point("e", 40)]))
    assert len(list(gap.iter(f"{SVG}polyline"))) == 2 and len(list(gap.iter(f"{SVG}circle"))) == 4


def test_numbers_are_written_to_one_place():
    assert (number(63.25), number(64.0), number(12.5, "%")) == ("63.2", "64", "12.5%")
