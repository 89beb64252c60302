"""The permission matrix: every desk URL × anonymous, other outlet's editor, editor, admin.

The URLs are walked from `corrigenda.desk.urls` (the dashboard's included), so a new
desk view is in the matrix the moment it is routed. An editor of another outlet gets
404 for this outlet's reports (not 403: the report's existence is not confirmed) and
pages without a report show them nothing of this outlet.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver

from corrigenda.desk import urls as desk_urls
from corrigenda.desk import urls_settings
from corrigenda.desk.models import Note, Role
from corrigenda.reports import api_urls
from corrigenda.reports.models import Report, ReportEvent
from tests.desk._desk_setup import bergpost, desk_user, file_report, logged_in, seeblick

pytestmark = pytest.mark.django_db

# Pages outside the matrix's rule, with what each role gets instead.
LOGIN_PAGES = {"login", "verify", "logout"}
# The outlet settings (an outlet in the URL, for its admins only) have their own matrix
# in tests/desk/test_settings_pages.py; their list page stays in this one.
SETTINGS_PAGES = {str(p.name) for p in urls_settings.urlpatterns} - {"settings"}
SECRET = "14,2 Millionen"  # from the report's passage: never on the other outlet's pages


def desk_routes() -> list[tuple[str, str]]:
    """(name, route with <pk>) of every desk URL, included lists flattened."""

    def walk(patterns: list[Any], prefix: str) -> list[tuple[str, str]]:
        found = []
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                found += walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                found.append((str(pattern.name), prefix + str(pattern.pattern)))
        return found

    return walk(desk_urls.urlpatterns, "/desk/")


def path_of(route: str, report: Report) -> str:
    path = route.replace("<int:pk>", str(report.pk))
    assert "<" not in path, f"the matrix does not know how to fill {route}; teach it"
    return path


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world() -> dict[str, Any]:
    ours, theirs = seeblick(), bergpost()
    report = file_report(ours)
    merged = file_report(ours, reporter_email="ben@example.org")
    return {
        "report": report,
        "merged": merged,
        "editor": logged_in(desk_user("nora", ours)),
        "admin": logged_in(desk_user("chef", ours, Role.ADMIN)),
        "other": logged_in(desk_user("max", theirs)),
        "anonymous": Client(HTTP_ACCEPT_LANGUAGE="en"),
    }


def test_the_matrix_covers_the_pages_it_should() -> None:
    names = {name for name, _route in desk_routes()}
    assert {"queue", "report", "assign", "move", "note", "reply", "dashboard"} <= names


def get_pages() -> list[tuple[str, str]]:
    return [(n, r) for n, r in desk_routes() if n not in LOGIN_PAGES | SETTINGS_PAGES]


@pytest.mark.parametrize(("name", "route"), get_pages())
def test_every_page_for_every_role(world: dict[str, Any], name: str, route: str) -> None:
    path = path_of(route, world["report"])
    editor = world["editor"].get(path)
    post_only = editor.status_code == 405
    if not post_only:
        assert editor.status_code == 200, (name, editor.status_code)
        assert world["admin"].get(path).status_code == 200, name

    anonymous = world["anonymous"].get(path)
    assert anonymous.status_code == 302, name
    assert anonymous.url.startswith("/desk/login/?next="), name

    other = world["other"].get(path)
    if "<int:pk>" in route:
        assert other.status_code in ((405,) if post_only else (404,)), name
    elif not post_only:
        assert other.status_code == 200, name
        assert SECRET not in other.content.decode(), f"{name} shows another outlet's report"


@pytest.mark.parametrize(("name", "route"), [(n, r) for n, r in get_pages() if "<int:pk>" in r])
def test_every_action_is_refused_to_another_outlets_editor(
    world: dict[str, Any], name: str, route: str
) -> None:
    report, merged = world["report"], world["merged"]
    path = path_of(route, report)
    data = {
        "assignee": "",
        "to": "accepted",
        "reason": "weil",
        "text": "Notiz",
        "purpose": "accepted",
        "subject": "Betreff",
        "body": "Text",
        "into": str(merged.pk),
        "reader": str(merged.pk),
    }
    before = ReportEvent.objects.count(), Note.objects.count()
    response = world["other"].post(path, data)
    if response.status_code == 405:  # a page without a POST action, for anyone
        assert world["editor"].post(path, data).status_code == 405, name
    else:
        assert response.status_code == 404, (name, response.status_code)
    assert (ReportEvent.objects.count(), Note.objects.count()) == before, name
    anonymous = world["anonymous"].post(path, data)
    assert anonymous.status_code == 302
    assert anonymous.url.startswith("/desk/login/")
    assert (ReportEvent.objects.count(), Note.objects.count()) == before, name
    report.refresh_from_db()
    assert (report.status, report.assignee_id, report.merged_into_id) == ("new", None, None)


def test_login_pages(world: dict[str, Any]) -> None:
    assert world["anonymous"].get("/desk/login/").status_code == 200
    # A logged-in editor is sent on; the second step is skipped without a device.
    assert world["editor"].get("/desk/login/").url == "/desk/"
    assert world["editor"].get("/desk/login/verify/?next=/desk/").url == "/desk/"
    assert world["anonymous"].get("/desk/login/verify/").url.startswith("/desk/login/")
    assert world["editor"].get("/desk/logout/").status_code == 405  # logging out is a POST


def test_a_non_member_gets_no_desk_page(world: dict[str, Any]) -> None:
    stranger = logged_in(desk_user("visitor", None))
    path = path_of("/desk/reports/<int:pk>/", world["report"])
    assert stranger.get("/desk/").status_code == 403
    assert stranger.get(path).status_code == 403


# --- the reports API -----------------------------------------------------------------

# Every route of the reports API and why it exposes no report data to the wrong people.
API_RULES = {
    "create": "POST only: readers file reports; nothing is listed",
    "status": "by the reader's unguessable token only",
    "openapi": "the API's description, no data",
}


def test_every_reports_api_route_is_classified() -> None:
    names = {p.name for p in api_urls.urlpatterns if isinstance(p, URLPattern)}
    assert names == set(API_RULES), "a new API route: decide who may see what and test it"


def test_the_reports_api_lists_nothing_and_needs_the_token(world: dict[str, Any]) -> None:
    for client in (world["anonymous"], world["other"], world["editor"]):
        listing = client.get("/api/v1/reports")
        assert listing.status_code == 405
        assert client.get(f"/api/v1/reports/{world['report'].pk}").status_code == 404
        assert SECRET not in client.get("/api/v1/openapi.json").content.decode()
    token = world["report"].token
    assert world["anonymous"].get(f"/api/v1/reports/{token}").status_code == 200
