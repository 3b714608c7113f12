"""Charts drawn on the server as SVG that screen readers and small screens can read (the audit pages, the annual report).

Each chart is an image with a title and a description (role="img", labelled by both), drawn in a
320-unit-wide view box so its text stays legible when a 320 px screen scales it to fit; values are
written beside every bar and point, so nothing is told by colour alone. Every label is escaped. The
pages put a table with the same figures after each chart.
"""

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH = 320
FONT = 15
INK = "#0b0c0c"  # GOV.UK text colour
BAR = "#1d70b8"  # GOV.UK blue: 5.2:1 against white
GRID = "#b1b4b6"
LABEL_CHARACTERS = 36  # about what a line of the view box holds at FONT


@dataclass(frozen=True)
class Point:
    label: str
    value: float | None  # None: nothing to show for this label (a gap in a line)


def number(value: float, unit: str = "") -> str:
    """63.25 as "63.3", 64.0 as "64", with the unit after it."""
    return f"{round(value, 1):g}{unit}"


def _open(chart_id: str, title: str, description: str, height: float) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="app-chart" viewBox="0 0 {WIDTH} {height:g}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" font-family="arial, sans-serif" font-size="{FONT}" fill="{INK}">'
        f'<title id="{chart_id}-title">{escape(title)}</title><desc id="{chart_id}-desc">{escape(description)}</desc>'
    )


def _empty(chart_id: str, title: str, description: str, message: str) -> Markup:
    height = 60
    return Markup(
        _open(chart_id, title, description, height)
        + f'<text x="{WIDTH / 2:g}" y="{height / 2 + FONT / 3:g}" text-anchor="middle">{escape(message)}</text></svg>'
    )


def _lines(label: str) -> list[str]:
    return textwrap.wrap(label, LABEL_CHARACTERS) or [""]


def bar_chart(chart_id: str, title: str, description: str, bars: Sequence[Point], *, maximum: float | None = None, unit: str = "",
              empty: str = "No results yet") -> Markup:
    """Horizontal bars, one per point in the order given, each under its label (wrapped onto as many
    lines as it needs) with its value written at the bar's end. `maximum` is the full width's value
    (the largest value when not given)."""
    shown = [b for b in bars if b.value is not None]
    if not shown:
        return _empty(chart_id, title, description, empty)
    top = maximum if maximum is not None else max(b.value for b in shown)  # type: ignore[type-var]
    room = WIDTH - 56  # space left for the value after the longest bar
    parts, y = [], 4.0
    for bar in shown:
        assert bar.value is not None
        for line in _lines(bar.label):
            y += FONT + 3
            parts.append(f'<text x="0" y="{y:g}">{escape(line)}</text>')
        length = room * bar.value / top if top > 0 else 0
        y += 6
        parts.append(f'<rect x="0" y="{y:g}" width="{max(length, 1):.1f}" height="18" fill="{BAR}"/>')
        parts.append(f'<text x="{length + 6:.1f}" y="{y + 14:g}" font-weight="bold">{escape(number(bar.value, unit))}</text>')
        y += 18 + 10
    return Markup(_open(chart_id, title, description, y) + "".join(parts) + "</svg>")


def line_chart(chart_id: str, title: str, description: str, points: Sequence[Point], *, maximum: float = 100, unit: str = "",
               ticks: int = 4, empty: str = "No results yet") -> Markup:
    """Values over labelled periods, left to right, on a scale from 0 to `maximum` with `ticks` steps;
    a point with no value breaks the line. A label like "2026-Q3" is written as "Q3" over "2026"."""
    if not any(p.value is not None for p in points):
        return _empty(chart_id, title, description, empty)
    height, left, right, top, bottom = 230, 36, 16, 22, 44
    plot_width, plot_height = WIDTH - left - right, height - top - bottom

    def y_of(value: float) -> float:
        return top + plot_height * (1 - min(max(value / maximum, 0), 1))

    step = plot_width / len(points)
    x_of = [left + step * (n + 0.5) for n in range(len(points))]
    parts = []
    for n in range(ticks + 1):
        value = maximum * n / ticks
        y = y_of(value)
        parts.append(f'<line x1="{left}" x2="{WIDTH - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}" stroke-width="1"/>')
        parts.append(f'<text x="{left - 6}" y="{y + FONT / 3:.1f}" text-anchor="end">{escape(number(value, unit))}</text>')
    parts.append(f'<line x1="{left}" x2="{left}" y1="{top}" y2="{top + plot_height}" stroke="{INK}" stroke-width="1"/>')
    parts.append(f'<line x1="{left}" x2="{WIDTH - right}" y1="{top + plot_height}" y2="{top + plot_height}" stroke="{INK}" stroke-width="1"/>')
    runs: list[list[str]] = [[]]
    for x, point in zip(x_of, points, strict=True):
        if point.value is None:
            runs.append([])
        else:
            runs[-1].append(f"{x:.1f},{y_of(point.value):.1f}")
    parts += [f'<polyline points="{" ".join(run)}" fill="none" stroke="{BAR}" stroke-width="3"/>' for run in runs if len(run) > 1]
    for x, point in zip(x_of, points, strict=True):
        head, _, tail = point.label.partition("-")
        label = (f'<tspan x="{x:.1f}" dy="0">{escape(tail)}</tspan><tspan x="{x:.1f}" dy="{FONT + 2}">{escape(head)}</tspan>'
                 if tail else escape(point.label))
        parts.append(f'<text x="{x:.1f}" y="{top + plot_height + FONT + 6}" text-anchor="middle">{label}</text>')
        if point.value is not None:
            y = y_of(point.value)
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{BAR}" stroke="#ffffff" stroke-width="2"/>')
            parts.append(f'<text x="{x:.1f}" y="{y - 9:.1f}" text-anchor="middle" font-weight="bold">{escape(number(point.value, unit))}</text>')
    return Markup(_open(chart_id, title, description, height) + "".join(parts) + "</svg>")
