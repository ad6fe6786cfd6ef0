"""The burn-up chart as inline SVG (no plotting library): actual, baseline, forecast, target."""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

from dx_planner.tracking.burnup import Burnup

WIDTH, HEIGHT = 760, 400
LEFT, RIGHT, TOP, BOTTOM = 80, 170, 40, 90
TILT = -35  # degrees: quarter labels are slanted so that many quarters fit
SERIES = (  # attribute, label, colour, dash pattern
    ("actual", "実績(累計)", "#1f4e9c", ""),
    ("baseline", "ベースライン計画(累計)", "#e07b00", "6 4"),
    ("forecast", "見込み(実績＋計画)", "#4a9c2f", "2 3"),
)
TARGET_COLOUR = "#c0262d"


def nice_ceiling(value: float) -> int:
    """A round axis maximum at or above ``value`` whose fifths are round too."""
    if value <= 0:
        return 10
    fifth = value / 5
    power = 10 ** max(0, math.floor(math.log10(fifth)))
    factors = (1, 2, 2.5, 5, 10) if power >= 10 else (1, 2, 5, 10)
    step = next(f * power for f in factors if f * power >= fifth)
    return int(5 * step)


def _attrs(**values: object) -> str:
    return " ".join(f'{name.rstrip("_").replace("_", "-")}="{escape(str(v))}"'
                    for name, v in values.items())


def _el(tag: str, text: str | None = None, **values: object) -> str:
    """One SVG element; text is escaped, numbers are rounded to 0.1."""
    shown = {k: f"{v:.1f}" if isinstance(v, float) else v for k, v in values.items()}
    if text is None:
        return f"<{tag} {_attrs(**shown)}/>"
    return f"<{tag} {_attrs(**shown)}>{escape(text)}</{tag}>"


def _path(points: Sequence[tuple[float, float]]) -> str:
    return " ".join(f"{'M' if i == 0 else 'L'}{x:.1f},{y:.1f}"
                    for i, (x, y) in enumerate(points))


def burnup_svg(burnup: Burnup, title: str) -> str:
    """A standalone ``<svg>`` element (XML well-formed) for the burn-up."""
    points = burnup.points
    top = nice_ceiling(burnup.maximum * 1.05)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    right, bottom = float(LEFT + plot_w), float(TOP + plot_h)
    step = plot_w / max(1, len(points) - 1)

    def x(index: int) -> float:
        return LEFT + index * step

    def y(value: float) -> float:
        return TOP + plot_h * (1 - value / top)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" '
        f'{_attrs(width=WIDTH, height=HEIGHT, viewBox=f"0 0 {WIDTH} {HEIGHT}", role="img")} '
        f'aria-label="{escape(title)}">',
        _el("title", title),
        _el("rect", x=0, y=0, width=WIDTH, height=HEIGHT, fill="#ffffff"),
        _el("text", title, x=LEFT, y=22, font_size=15, font_weight="bold"),
    ]
    for i in range(6):  # horizontal grid and y labels
        value = top * i / 5
        parts.append(_el("line", x1=LEFT, x2=right, y1=y(value), y2=y(value), stroke="#dddddd"))
        parts.append(_el("text", f"{value:,.0f}", x=LEFT - 6, y=y(value) + 4, font_size=11,
                         text_anchor="end"))
    for index, point in enumerate(points):  # x labels: code, and months below it
        lx, ly = x(index), bottom + 14
        parts.append(_el("text", point.quarter.code, x=lx, y=ly, font_size=10,
                         text_anchor="end", transform=f"rotate({TILT} {lx:.1f} {ly:.1f})"))
        parts.append(_el("text", point.quarter.label_months, x=lx + 6, y=ly + 10, font_size=9,
                         text_anchor="end", fill="#555555",
                         transform=f"rotate({TILT} {lx + 6:.1f} {ly + 10:.1f})"))
        if point.quarter == burnup.as_of:
            parts.append(_el("line", x1=x(index), x2=x(index), y1=TOP, y2=bottom,
                             stroke="#888888", stroke_dasharray="3 3"))
            parts.append(_el("text", "報告時点", x=x(index) + 4, y=TOP + 12, font_size=10,
                             fill="#555555"))
    parts.append(_el("line", x1=LEFT, x2=LEFT, y1=TOP, y2=bottom, stroke="#333333"))
    parts.append(_el("line", x1=LEFT, x2=right, y1=bottom, y2=bottom, stroke="#333333"))
    # The target: a horizontal line at the required count, marked at the deadline.
    target_y = y(burnup.target_count)
    parts.append(_el("line", x1=LEFT, x2=right, y1=target_y, y2=target_y,
                     stroke=TARGET_COLOUR, stroke_dasharray="8 4"))
    for index, point in enumerate(points):
        if point.quarter == burnup.deadline:
            parts.append(_el("circle", cx=x(index), cy=target_y, r=5, fill=TARGET_COLOUR))
        for quarter, required in burnup.milestones:
            if point.quarter == quarter:
                mx, my = x(index), y(required)
                diamond = f"{mx:.1f},{my - 6:.1f} {mx + 6:.1f},{my:.1f} " \
                          f"{mx:.1f},{my + 6:.1f} {mx - 6:.1f},{my:.1f}"
                parts.append(_el("polygon", points=diamond, fill=TARGET_COLOUR))
    for attribute, _label, colour, dash in SERIES:
        line = [(x(i), y(value)) for i, p in enumerate(points)
                if (value := getattr(p, attribute)) is not None]
        if not line:
            continue
        extra = {"stroke_dasharray": dash} if dash else {}
        parts.append(_el("path", d=_path(line), fill="none", stroke=colour, stroke_width=2.5,
                         **extra))
        parts.extend(_el("circle", cx=cx, cy=cy, r=2.5, fill=colour) for cx, cy in line)
    legend = [(label, colour, dash) for attribute, label, colour, dash in SERIES
              if any(getattr(p, attribute) is not None for p in points)]
    legend.append((f"目標 {burnup.target_count:,}", TARGET_COLOUR, "8 4"))
    for row, (label, colour, dash) in enumerate(legend):
        ly, lx = TOP + 10 + row * 20, WIDTH - RIGHT + 14
        extra = {"stroke_dasharray": dash} if dash else {}
        parts.append(_el("line", x1=lx, x2=lx + 24, y1=ly, y2=ly, stroke=colour,
                         stroke_width=2.5, **extra))
        parts.append(_el("text", label, x=lx + 30, y=ly + 4, font_size=11))
    parts.append("</svg>")
    return "\n".join(parts)
