"""The queue's due times, computed in the database, agree with `sla.due_at`."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from corrigenda.desk import sla
from corrigenda.desk.models import ServiceLevel
from corrigenda.desk.selectors import QueueFilters, queue_reports, service_hours
from corrigenda.reports.models import Report
from tests.desk._desk_setup import desk_user, seeblick

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.mark.parametrize("level", [None, (10, 50)])
def test_database_due_times_match_the_rule(level: tuple[int, int] | None) -> None:
    outlet = seeblick()
    if level:
        ServiceLevel.objects.create(
            outlet=outlet, first_response_hours=level[0], decision_hours=level[1]
        )
    now = timezone.now().replace(microsecond=123456)
    shapes = [(None, None), (2.0, None), (1.0, 30.0)]
    for i, (first, decided) in enumerate(shapes * 3):
        received = now - timedelta(hours=7 * i + 0.5)
        Report.objects.create(
            outlet=outlet,
            location=f"https://seeblick-zeitung.ch/{i}",
            language="de",
            channel="form",
            token=f"t{i}",
            received_at=received,
            first_response_at=received + timedelta(hours=first) if first else None,
            decided_at=received + timedelta(hours=decided) if decided else None,
        )
    editor = desk_user("nora", outlet)
    rows: list[Any] = list(queue_reports(user=editor, filters=QueueFilters(status="all"), now=now))
    hours = service_hours(outlet.pk)
    assert hours == (level or (24, 72))
    for row in rows:
        _kind, due = sla.due_at(row.received_at, row.first_response_at, row.decided_at, *hours)
        assert row.due == due
    dues = [r.due for r in rows if r.due is not None]
    assert dues == sorted(dues)
    assert all(r.due is None for r in rows[len(dues) :])  # decided last
    overdue = queue_reports(user=editor, filters=QueueFilters(status="all", overdue=True), now=now)
    expected = {
        r.pk
        for r in rows
        if sla.is_overdue(r.received_at, r.first_response_at, r.decided_at, *hours, now=now)
    }
    assert set(overdue.values_list("pk", flat=True)) == expected
    assert expected  # the data has overdue reports, or the check above proves nothing
