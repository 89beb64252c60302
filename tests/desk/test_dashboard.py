"""The dashboard: the editor's own outlets' response times, as a chart and a table."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from corrigenda.archive.models import Outlet
from corrigenda.desk.models import Membership, Role
from tests.desk._sla_setup import sla_outlet, timed_report

URL = "/desk/dashboard/"


@pytest.fixture
def outlet(db: None) -> Outlet:
    outlet = sla_outlet()
    received = timezone.now() - timedelta(days=10)  # all three in the same month
    for first, decided in ((2, 20), (4, 40), (6, 60)):
        timed_report(outlet, received, first=first, decided=decided)
    timed_report(outlet, timezone.now() - timedelta(hours=30))  # open, overdue
    return outlet


@pytest.fixture
def other(db: None) -> Outlet:
    other = sla_outlet("andere", "Andere Zeitung")
    timed_report(other, timezone.now() - timedelta(days=3), first=77, decided=99)
    return other


def _editor(outlet: Outlet, username: str = "alma") -> Any:
    user = get_user_model().objects.create_user(username)
    Membership.objects.create(user=user, outlet=outlet, role=Role.EDITOR)
    return user


def _get(user: Any, language: str = "en") -> str:
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(user)
    response = client.get(URL)
    assert response.status_code == 200
    return response.content.decode()


def test_an_editor_sees_the_median_and_p90_of_their_outlet(outlet: Outlet, other: Outlet) -> None:
    html = _get(_editor(outlet))
    assert "Response times" in html
    assert "Testblatt" in html
    # first response 2, 4, 6 h; decision 20, 40, 60 h (p90 interpolated)
    for figure in ("4.0 h", "5.6 h", "40.0 h", "56.0 h"):
        assert figure in html
    assert "1 overdue" in html
    assert "first response within 24 h, decision within 72 h" in html


def test_the_chart_is_svg_with_a_text_alternative(outlet: Outlet) -> None:
    html = _get(_editor(outlet))
    charts = re.findall(r"<svg.*?</svg>", html, re.S)
    assert len(charts) == 2  # first response, decision
    first = charts[0]
    assert 'role="img"' in first
    title = re.search(r'<title id="([^"]+)">([^<]+)</title>', first)
    desc = re.search(r'<desc id="([^"]+)">([^<]+)</desc>', first)
    assert title
    assert desc
    assert f'aria-labelledby="{title[1]} {desc[1]}"' in first
    assert "Time to first response at Testblatt" in title[2]
    assert "median 4.0 h" in desc[2]
    assert "90th percentile 5.6 h" in desc[2]
    assert len(re.findall(r"<rect ", first)) == 2
    assert "<table" in html


def test_in_german_the_text_is_german_and_the_svg_still_valid(outlet: Outlet) -> None:
    html = _get(_editor(outlet), language="de")
    assert "4,0 h" in html
    svg = re.search(r"<svg.*?</svg>", html, re.S)
    assert svg
    numbers = re.findall(r' (?:x|y|width|height|x1|x2|y1|y2)="([^"]*)"', svg[0])
    assert numbers
    assert all(re.fullmatch(r"-?\d+(\.\d+)?", n) for n in numbers), numbers


def test_another_outlets_figures_are_absent(outlet: Outlet, other: Outlet) -> None:
    html = _get(_editor(outlet))
    assert "Andere Zeitung" not in html
    assert "77.0 h" not in html
    assert "99.0 h" not in html
    html = _get(_editor(other, "carla"))
    assert "Testblatt" not in html
    assert "77.0 h" in html


def test_an_editor_of_two_outlets_sees_both(outlet: Outlet, other: Outlet) -> None:
    user = _editor(outlet)
    Membership.objects.create(user=user, outlet=other, role=Role.ADMIN)
    html = _get(user)
    assert "Testblatt" in html
    assert "Andere Zeitung" in html


def test_anonymous_is_sent_to_the_login(db: None) -> None:
    response = Client().get(URL)
    assert response.status_code == 302
    assert response["Location"] == "/desk/login/?next=/desk/dashboard/"


def test_an_editor_with_two_factor_must_verify_first(outlet: Outlet) -> None:
    user = _editor(outlet)
    TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    client = Client()
    client.force_login(user)
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/desk/login/verify/")


def test_a_user_on_no_desk_sees_no_figures(outlet: Outlet) -> None:
    user = get_user_model().objects.create_user("nobody")
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    response = client.get(URL)
    assert response.status_code == 403
    assert b"Testblatt" not in response.content
