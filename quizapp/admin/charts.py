"""Bar charts drawn on the server as SVG geometry, rendered by ``admin/_chart.html``.

A chart is plain data: the template turns it into an ``<svg role="img">`` with
a title and a description, the values written on or under the bars (so colour
is never the only cue) and a data table for screen readers. The drawing uses
a small viewBox with large type, so it stays readable when a phone scales it.
"""

import math
from dataclasses import dataclass, field

WIDTH = 480
HEIGHT = 250
LEFT = 52
RIGHT = 8
TOP = 22
BOTTOM = 46


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    value_text: str
    show_value: bool


@dataclass
class Tick:
    position: float
    text: str


@dataclass
class Chart:
    """Everything the template needs to draw one chart and its table."""

    chart_id: str
    title: str
    description: str
    bars: list[Bar]
    x_ticks: list[Tick]
    y_ticks: list[Tick]
    table_headers: tuple[str, str]
    table_rows: list[tuple[str, str]]
    x_axis_label: str = ""
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    baseline: float = HEIGHT - BOTTOM
    right_edge: float = WIDTH - RIGHT
    notes: list[str] = field(default_factory=list)


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 5 × 10^k that is at least ``value`` (1 for nothing)."""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def _format(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def compact(value: float) -> str:
    """A short label for a chart: 950, 1.2k, 12k, 3.4M (the data table has exact values)."""
    for size, suffix in ((1_000_000, "M"), (1_000, "k")):
        if abs(value) >= size:
            scaled = value / size
            text = f"{scaled:.1f}" if abs(scaled) < 10 else f"{scaled:.0f}"
            return text.removesuffix(".0") + suffix
    return _format(value)


def column_chart(
    chart_id: str,
    title: str,
    description: str,
    labels: list[str],
    values: list[float],
    *,
    headers: tuple[str, str],
    label_every: int = 1,
    show_values: bool = True,
    x_axis_label: str = "",
) -> Chart:
    """A vertical bar per value; every ``label_every``-th label is written under its bar."""
    top = nice_ceiling(max(values, default=0))
    plot_height = HEIGHT - TOP - BOTTOM
    slot = (WIDTH - LEFT - RIGHT) / max(len(values), 1)
    gap = min(4.0, slot * 0.2)
    bars, x_ticks = [], []
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        height = plot_height * value / top
        x = LEFT + index * slot + gap / 2
        bars.append(
            Bar(
                x=round(x, 2),
                y=round(TOP + plot_height - height, 2),
                width=round(slot - gap, 2),
                height=round(height, 2),
                value_text=compact(value),
                show_value=show_values and value > 0,
            )
        )
        if index % label_every == 0:
            x_ticks.append(Tick(round(x + (slot - gap) / 2, 2), label))
    y_ticks = [
        Tick(round(TOP + plot_height * (1 - fraction), 2), compact(top * fraction))
        for fraction in (0, 0.5, 1)
    ]
    rows = [(label, _format(value)) for label, value in zip(labels, values, strict=True)]
    return Chart(
        chart_id=chart_id,
        title=title,
        description=description,
        bars=bars,
        x_ticks=x_ticks,
        y_ticks=y_ticks,
        table_headers=headers,
        table_rows=rows,
        x_axis_label=x_axis_label,
    )
