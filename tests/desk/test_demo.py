"""The demo desk: accounts, templates and reports, the planted error flagged; idempotent."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model

from corrigenda.desk.demo import DEMO_MARK, DEMO_PASSWORD, desk_demo_load
from corrigenda.desk.models import Check, CheckState, Hint, Membership, ReplyTemplate, Role
from corrigenda.reports.models import Report
from corrigenda.web.demo import demo_load

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_demo_desk_flags_the_planted_wrong_figure_and_loads_once() -> None:
    demo_load()
    summary = desk_demo_load()  # (demo_load may have called it already: no matter)
    assert summary.editors == 2
    assert Report.objects.filter(payload__demo=DEMO_MARK).count() == 3
    roles = dict(Membership.objects.values_list("user__username", "role"))
    assert roles == {"redaktion": Role.EDITOR, "chefredaktion": Role.ADMIN}
    assert get_user_model().objects.get(username="redaktion").check_password(DEMO_PASSWORD)
    assert ReplyTemplate.objects.filter(outlet__isnull=True).count() == 8

    planted = Report.objects.get(
        payload__demo=DEMO_MARK, passage__contains="9,75", merged_into__isnull=True
    )
    assert Report.objects.filter(merged_into=planted).count() == 1  # a second reader
    check = Check.objects.filter(report=planted).latest("created")
    assert (check.state, check.hint) == (CheckState.DONE, Hint.LIKELY_ERROR)
    outlets = {s["outlet"] for c in check.result["claims"] for s in c["reader"]}
    assert "Rheinblick Online" in outlets

    again = desk_demo_load()
    assert again.reports == 0
    assert Report.objects.filter(payload__demo=DEMO_MARK).count() == 3
