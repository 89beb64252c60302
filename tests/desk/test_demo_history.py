"""The demo's past reports give the dashboard figures and the digest something overdue."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from corrigenda.desk.demo_history import HISTORY, sla_demo_history
from corrigenda.desk.digest import digest_plan
from corrigenda.desk.metrics import sla_figures
from corrigenda.desk.models import Membership
from corrigenda.reports.models import Report
from tests.desk._sla_setup import sla_outlet


@pytest.mark.django_db
def test_the_history_fills_the_dashboard_once() -> None:
    outlet = sla_outlet()
    now = timezone.now()
    assert sla_demo_history(outlet, now) == len(HISTORY) >= 30
    assert sla_demo_history(outlet, now) == 0  # idempotent
    assert Report.objects.filter(outlet=outlet).count() == len(HISTORY)
    assert not Report.objects.exclude(reporter_email="").exists()

    (figures,) = sla_figures(outlets=[outlet], now=now)
    assert 4 <= len(figures.months) <= 5
    assert all(isinstance(m.month, date) for m in figures.months)
    measured = [m for m in figures.months if m.decision.count]
    assert len(measured) >= 4
    assert all(m.first_response.median and m.decision.p90 for m in measured)
    # the desk gets faster: the last full month answers sooner than the first
    assert measured[-1].decision.median < measured[0].decision.median  # type: ignore[operator]
    assert figures.open == 4
    assert figures.overdue == 2


@pytest.mark.django_db
def test_the_demo_digest_lists_the_two_overdue_reports() -> None:
    outlet = sla_outlet()
    user = get_user_model().objects.create_user("alma", email="alma@desk.example")
    Membership.objects.create(user=user, outlet=outlet)
    now = timezone.now()
    sla_demo_history(outlet, now)
    (digest,) = digest_plan(now=now)
    assert [item.step for item in digest.reports] == ["first_response", "decision"]
    assert Report.objects.get(pk=digest.reports[1].number).assignee == user
