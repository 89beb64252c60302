"""The dashboard's figures: per outlet and month of arrival, medians and 90th percentiles."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from pytest_django.fixtures import Settings

from corrigenda.archive.models import Outlet
from corrigenda.desk.metrics import MonthFigures, month_starts, sla_figures
from corrigenda.desk.models import ServiceLevel
from corrigenda.reports.models import Status
from tests.desk._sla_setup import sla_outlet, timed_report

ZURICH = ZoneInfo("Europe/Zurich")
NOW = datetime(2026, 5, 20, 12, 0, tzinfo=ZURICH)


@pytest.fixture(autouse=True)
def _zurich(settings: Settings) -> None:
    settings.TIME_ZONE = "Europe/Zurich"


@pytest.fixture
def outlet(db: None) -> Outlet:
    return sla_outlet()


def _months(outlet: Outlet, **kwargs: object) -> dict[date, MonthFigures]:
    (figures,) = sla_figures(outlets=[outlet], now=NOW, **kwargs)  # type: ignore[arg-type]
    return {m.month: m for m in figures.months}


def test_median_and_p90_are_exact_on_known_times(outlet: Outlet) -> None:
    start = datetime(2026, 4, 3, 9, 0, tzinfo=ZURICH)
    for i in range(1, 12):  # first response after 1..11 h, decision after 10..110 h
        timed_report(outlet, start + timedelta(days=i), first=i, decided=10 * i)
    april = _months(outlet)[date(2026, 4, 1)]
    assert april.received == 11
    assert (april.first_response.median, april.first_response.p90) == (6, 10)
    assert (april.decision.median, april.decision.p90) == (60, 100)
    assert april.first_response.count == april.decision.count == 11


def test_an_unanswered_report_is_open_not_a_time(outlet: Outlet) -> None:
    start = datetime(2026, 4, 3, 9, 0, tzinfo=ZURICH)
    for hours in (2, 4, 6):
        timed_report(outlet, start, first=hours, decided=50)
    timed_report(outlet, start)  # never answered: new, long overdue
    timed_report(outlet, start, first=8)  # answered, decision still open
    april = _months(outlet)[date(2026, 4, 1)]
    assert april.received == 5
    assert april.open == 2
    assert april.overdue == 2  # 24 h and 72 h have long passed
    assert april.first_response.count == 4
    assert april.first_response.median == 5  # of 2, 4, 6, 8 — not of a zero or "now"
    assert april.decision.count == 3
    assert april.decision.median == 50


def test_reports_count_in_the_month_they_arrived_in_local_time(outlet: Outlet) -> None:
    # 30 April 23:30 in Zurich is still April; 1 May 00:30 in Zurich is May,
    # although both are 30 April in UTC.
    timed_report(outlet, datetime(2026, 4, 30, 23, 30, tzinfo=ZURICH), first=1, decided=3)
    timed_report(outlet, datetime(2026, 5, 1, 0, 30, tzinfo=ZURICH), first=5, decided=7)
    months = _months(outlet)
    assert list(months) == [date(2026, 4, 1), date(2026, 5, 1)]
    assert months[date(2026, 4, 1)].first_response.median == 1
    assert months[date(2026, 5, 1)].first_response.median == 5


def test_months_before_the_window_and_before_the_first_report_are_left_out(
    outlet: Outlet,
) -> None:
    timed_report(outlet, datetime(2025, 9, 10, 9, 0, tzinfo=ZURICH), first=1, decided=2)
    timed_report(outlet, datetime(2026, 3, 10, 9, 0, tzinfo=ZURICH), first=1, decided=2)
    months = _months(outlet)
    assert list(months) == [date(2026, 3, 1), date(2026, 4, 1), date(2026, 5, 1)]
    assert months[date(2026, 4, 1)].received == 0
    assert months[date(2026, 4, 1)].first_response.median is None


def test_merged_readers_and_other_outlets_do_not_count(outlet: Outlet) -> None:
    start = datetime(2026, 5, 4, 9, 0, tzinfo=ZURICH)
    item = timed_report(outlet, start, first=3, decided=30)
    timed_report(outlet, start, status=Status.DUPLICATE, merged_into=item)
    timed_report(sla_outlet("andere", "Andere Zeitung"), start, first=100)
    may = _months(outlet)[date(2026, 5, 1)]
    assert may.received == 1
    assert may.first_response.median == 3


def test_overdue_follows_the_outlets_own_service_level(outlet: Outlet) -> None:
    timed_report(outlet, NOW - timedelta(hours=3))  # new for 3 hours
    assert _months(outlet)[date(2026, 5, 1)].overdue == 0  # default: 24 h
    ServiceLevel.objects.create(outlet=outlet, first_response_hours=2, decision_hours=48)
    (figures,) = sla_figures(outlets=[outlet], now=NOW)
    assert figures.level.first_response == 2
    assert figures.overdue == 1


def test_month_starts_crosses_the_year() -> None:
    assert month_starts(date(2026, 2, 14), 4) == [
        date(2025, 11, 1),
        date(2025, 12, 1),
        date(2026, 1, 1),
        date(2026, 2, 1),
    ]
