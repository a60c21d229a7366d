"""The small chart of a target's progress, as SVG geometry a template draws without JavaScript.

Years run left to right from the first reading to the deadline, amounts bottom to top from zero
to the larger of the target and the readings: the readings as a line of dots, the target as a
mark at its deadline, and the rate so far as a dashed line on to the deadline.
"""

from __future__ import annotations

from dataclasses import dataclass

from accords.store.query.progress import Progress
from accords.store.query.targets import TargetRow

WIDTH, HEIGHT, PAD = 160, 48, 6


@dataclass(frozen=True)
class Sparkline:
    readings: list[tuple[float, float]]
    target: tuple[float, float]
    projection: tuple[float, float, float, float] | None
    label: str
    """What the chart says, in words, for those who cannot see it"""


def sparkline(target: TargetRow, progress: Progress) -> Sparkline | None:
    """The chart of one target, or None when nothing was measured against it."""
    if not progress.readings:
        return None
    first = progress.readings[0].year
    last = max(target.year or progress.readings[-1].year, progress.readings[-1].year)
    top = max(target.amount, *(r.amount for r in progress.readings), progress.projected or 0.0) or 1.0

    def point(year: int, amount: float) -> tuple[float, float]:
        span = (last - first) or 1
        x = PAD + (year - first) / span * (WIDTH - 2 * PAD)
        return round(x, 1), round(HEIGHT - PAD - amount / top * (HEIGHT - 2 * PAD), 1)

    readings = [point(r.year, r.amount) for r in progress.readings]
    deadline = target.year or progress.readings[-1].year
    projection = None
    if progress.projected is not None and target.year and target.year > progress.readings[-1].year:
        projection = (*readings[-1], *point(target.year, progress.projected))
    words = ", ".join(f"{r.amount:,.0f} in {r.year}" for r in progress.readings)
    verdict = {True: "on track", False: "not on track", None: "too few readings to tell"}[progress.on_track]
    return Sparkline(readings, point(deadline, target.amount), projection, f"Reached {words}; {verdict}.")
