"""How fast each outlet's desk answers: the figures behind the dashboard. Reads only.

Per outlet and per calendar month of receipt (in the site's time zone): how many
reports arrived, how many of them are still open and overdue now, and the median and
90th percentile of the hours to the first response and to the decision. A report
counts in the month it was received, so a month's figures settle as its last reports
are decided. A report without a first response (or decision) yet is left out of that
duration — it is counted as open instead. Merged readers are not counted separately:
the desk works on the item they were merged into.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from django.utils import timezone

from corrigenda.archive.models import Outlet
from corrigenda.desk.models import ServiceLevel
from corrigenda.desk.percentiles import median, percentile
from corrigenda.desk.sla import is_overdue
from corrigenda.reports.models import OPEN_STATUSES, Report

DEFAULT_MONTHS = 6


@dataclass(frozen=True)
class Hours:
    """A service level: first response and decision within so many hours."""

    first_response: int
    decision: int


@dataclass(frozen=True)
class Durations:
    """Median and 90th percentile (in hours) of `count` measured durations."""

    count: int
    median: float | None
    p90: float | None

    @classmethod
    def of(cls, hours: Sequence[float]) -> Durations:
        return cls(count=len(hours), median=median(hours), p90=percentile(hours, 90))


@dataclass(frozen=True)
class MonthFigures:
    month: date  # the first day of the month
    received: int
    open: int
    overdue: int
    first_response: Durations
    decision: Durations


@dataclass(frozen=True)
class OutletFigures:
    outlet: Outlet
    level: Hours
    months: tuple[MonthFigures, ...]  # oldest first

    @property
    def received(self) -> int:
        return sum(m.received for m in self.months)

    @property
    def open(self) -> int:
        return sum(m.open for m in self.months)

    @property
    def overdue(self) -> int:
        return sum(m.overdue for m in self.months)


@dataclass(frozen=True)
class Timing:
    """The times of one report that the figures are made of."""

    received_at: datetime
    first_response_at: datetime | None
    decided_at: datetime | None
    is_open: bool


def service_levels(outlets: Iterable[Outlet]) -> dict[int, Hours]:
    """Each outlet's service level; the defaults where an outlet has not set its own."""
    first = ServiceLevel._meta.get_field("first_response_hours").get_default()
    decision = ServiceLevel._meta.get_field("decision_hours").get_default()
    levels = {outlet.pk: Hours(first, decision) for outlet in outlets}
    for level in ServiceLevel.objects.filter(outlet_id__in=levels):
        levels[level.outlet_id] = Hours(level.first_response_hours, level.decision_hours)
    return levels


def sla_figures(
    *, outlets: Iterable[Outlet], now: datetime | None = None, months: int = DEFAULT_MONTHS
) -> list[OutletFigures]:
    """The figures of `outlets` for the last `months` calendar months (this one included).

    Months before an outlet's first report in the window are left out.
    """
    now = now or timezone.now()
    zone = timezone.get_current_timezone()
    window = month_starts(timezone.localtime(now, zone).date(), months)
    since = datetime(window[0].year, window[0].month, 1, tzinfo=zone)
    outlets = list(outlets)
    levels = service_levels(outlets)
    timings: dict[int, list[Timing]] = {outlet.pk: [] for outlet in outlets}
    rows = Report.objects.filter(
        outlet_id__in=timings, merged_into__isnull=True, received_at__gte=since
    ).values_list("outlet_id", "received_at", "first_response_at", "decided_at", "status")
    for outlet_id, received_at, first_response_at, decided_at, status in rows:
        timings[outlet_id].append(
            Timing(received_at, first_response_at, decided_at, status in OPEN_STATUSES)
        )
    return [
        OutletFigures(
            outlet=outlet,
            level=levels[outlet.pk],
            months=figures_by_month(
                timings[outlet.pk], window=window, now=now, level=levels[outlet.pk], zone=zone
            ),
        )
        for outlet in outlets
    ]


def figures_by_month(
    timings: Iterable[Timing], *, window: Sequence[date], now: datetime, level: Hours, zone: tzinfo
) -> tuple[MonthFigures, ...]:
    """Group by month of receipt; the window's months before the first report are dropped."""
    by_month: dict[date, list[Timing]] = {month: [] for month in window}
    for timing in timings:
        month = timezone.localtime(timing.received_at, zone).date().replace(day=1)
        if month in by_month:
            by_month[month].append(timing)
    figures = [_month(month, by_month[month], now, level) for month in window]
    while figures and figures[0].received == 0:
        figures.pop(0)
    return tuple(figures)


def month_starts(today: date, months: int) -> list[date]:
    """The first days of the `months` calendar months up to `today`'s, oldest first."""
    index = today.year * 12 + today.month - 1
    return [date(i // 12, i % 12 + 1, 1) for i in range(index - max(months, 1) + 1, index + 1)]


def _month(month: date, timings: list[Timing], now: datetime, level: Hours) -> MonthFigures:
    first_response = [
        _hours(t.received_at, t.first_response_at) for t in timings if t.first_response_at
    ]
    decision = [_hours(t.received_at, t.decided_at) for t in timings if t.decided_at]
    still_open = [t for t in timings if t.is_open]
    return MonthFigures(
        month=month,
        received=len(timings),
        open=len(still_open),
        overdue=sum(1 for t in still_open if is_late(t, now=now, level=level)),
        first_response=Durations.of(first_response),
        decision=Durations.of(decision),
    )


def is_late(timing: Timing, *, now: datetime, level: Hours) -> bool:
    """Whether the report's next step (first response or decision) is past due at `now`."""
    return is_overdue(
        timing.received_at,
        timing.first_response_at,
        timing.decided_at,
        level.first_response,
        level.decision,
        now=now,
    )


def _hours(start: datetime, end: datetime) -> float:
    return max((end - start).total_seconds(), 0.0) / 3600
