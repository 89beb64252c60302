"""The daily digest: overdue reports, to each desk member of that outlet, once a day."""

from __future__ import annotations

from datetime import datetime, timedelta
from io import StringIO
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from pytest_django.fixtures import Settings

from corrigenda.archive.models import Outlet
from corrigenda.desk.digest import digest_send
from corrigenda.desk.models import Membership, Role
from corrigenda.outbox.models import Message
from corrigenda.reports.models import Report
from tests.desk._sla_setup import sla_outlet, timed_report

ZURICH = ZoneInfo("Europe/Zurich")
MORNING = datetime(2026, 5, 20, 7, 0, tzinfo=ZURICH)


@pytest.fixture(autouse=True)
def _zurich(settings: Settings) -> None:
    settings.TIME_ZONE = "Europe/Zurich"


@pytest.fixture
def outlet(db: None) -> Outlet:
    return sla_outlet()


@pytest.fixture
def other(db: None) -> Outlet:
    return sla_outlet("andere", "Andere Zeitung")


def _member(outlet: Outlet, username: str, role: str = Role.EDITOR, **fields: Any) -> Any:
    user = get_user_model().objects.create_user(
        username, email=fields.pop("email", f"{username}@desk.example"), **fields
    )
    Membership.objects.create(user=user, outlet=outlet, role=role)
    return user


def _overdue(outlet: Outlet, now: datetime = MORNING) -> Report:
    return timed_report(
        outlet,
        now - timedelta(hours=30),
        reporter_name="Lea Leserin",
        reporter_email="lea.leserin@mail.example",
    )


def _digests() -> dict[str, Message]:
    return {m.recipient: m for m in Message.objects.filter(about__startswith="desk.digest:")}


def test_each_member_of_the_outlet_gets_the_overdue_reports(outlet: Outlet, other: Outlet) -> None:
    _member(outlet, "alma")
    _member(outlet, "bruno", Role.ADMIN)
    _member(other, "carla")
    _member(outlet, "dora", email="")  # no address: cannot get one
    _member(outlet, "emil", is_active=False)
    late = _overdue(outlet)
    answered_late = timed_report(
        outlet, MORNING - timedelta(hours=80), first=2
    )  # decision due 72 h
    fresh = timed_report(outlet, MORNING - timedelta(hours=2))
    decided = timed_report(outlet, MORNING - timedelta(hours=200), first=1, decided=100)
    timed_report(other, MORNING - timedelta(hours=3))  # the other outlet: nothing overdue

    assert digest_send(now=MORNING) == 2

    digests = _digests()
    assert set(digests) == {"alma@desk.example", "bruno@desk.example"}
    mail = digests["alma@desk.example"]
    assert mail.subject == "Testblatt: 2 overdue reports"
    assert mail.headers["Auto-Submitted"] == "auto-replied"
    link = f"{django_settings.SITE_URL}/desk/reports/{{}}/"
    assert link.format(late.pk) in mail.body
    assert link.format(answered_late.pk) in mail.body
    assert link.format(fresh.pk) not in mail.body
    assert link.format(decided.pk) not in mail.body
    assert late.location in mail.body
    assert "first response was due" in mail.body
    assert "decision was due" in mail.body
    # The most overdue first: the report answered late was due at 72 h after arrival,
    # 8 h ago; the new one at 24 h, 6 h ago.
    assert mail.body.index(f"#{answered_late.pk} ") < mail.body.index(f"#{late.pk} ")


def test_the_digest_names_no_reader(outlet: Outlet) -> None:
    _member(outlet, "alma")
    _overdue(outlet)
    digest_send(now=MORNING)
    (mail,) = _digests().values()
    assert "lea.leserin" not in mail.body
    assert "Lea" not in mail.body
    assert "lea" not in mail.subject.lower()


def test_a_second_run_the_same_day_sends_nothing_the_next_day_sends_again(
    outlet: Outlet,
) -> None:
    _member(outlet, "alma")
    _overdue(outlet)
    late_evening = MORNING.replace(hour=23, minute=30)
    after_midnight = late_evening + timedelta(hours=1)  # the next day in Zurich

    assert digest_send(now=MORNING) == 1
    assert digest_send(now=MORNING + timedelta(hours=1)) == 0
    assert digest_send(now=late_evening) == 0
    assert Message.objects.count() == 1
    assert digest_send(now=after_midnight) == 1
    assert Message.objects.count() == 2


def test_nothing_is_sent_when_nothing_is_overdue(outlet: Outlet) -> None:
    _member(outlet, "alma")
    timed_report(outlet, MORNING - timedelta(hours=23))  # due in an hour
    timed_report(outlet, MORNING - timedelta(hours=70), first=1)  # decision due in 2 h
    timed_report(outlet, MORNING - timedelta(days=30), first=1, decided=40)
    assert digest_send(now=MORNING) == 0
    assert not Message.objects.exists()


def test_the_mail_is_in_the_outlets_language(other: Outlet) -> None:
    other.language = "de"
    other.save()
    _member(other, "carla")
    _overdue(other)
    digest_send(now=MORNING)
    (mail,) = _digests().values()
    assert mail.language == "de"


def test_the_command_dry_run_shows_and_queues_nothing(outlet: Outlet) -> None:
    _member(outlet, "alma")
    _overdue(outlet, now=datetime.now(tz=ZURICH))
    out = StringIO()
    call_command("digest", "--dry-run", stdout=out)
    assert "Testblatt → alma: 1 overdue" in out.getvalue()
    assert not Message.objects.exists()

    call_command("digest", stdout=out)
    assert Message.objects.filter(recipient="alma@desk.example").count() == 1
    call_command("digest", stdout=out)
    assert Message.objects.count() == 1
