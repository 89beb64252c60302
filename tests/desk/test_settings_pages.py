"""The outlet settings pages: who may open them, and what an outlet admin changes there.

The permission matrix walks `corrigenda.desk.urls_settings`, so a new settings page is
in it the moment it is routed.
"""

from __future__ import annotations

import html
import logging
import re
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import URLPattern

from corrigenda.desk import services, urls_settings
from corrigenda.desk.models import Membership, ReplyTemplate, Role, ServiceLevel
from corrigenda.reports.models import IntakePolicy
from tests.desk._desk_setup import bergpost, desk_user, file_report, logged_in, seeblick

pytestmark = pytest.mark.django_db

SETTINGS = "/desk/settings/seeblick/"
INTAKE = {
    "per_sender_per_hour": "3",
    "per_outlet_per_hour": "200",
    "proof_of_work": "on",
    "proof_of_work_difficulty": "80000",
    "max_passage_chars": "1500",
    "max_text_chars": "4000",
    "max_links": "5",
    "max_mail_bytes": "5000000",
}


def text_of(response: Any) -> str:
    return html.unescape(re.sub(r"\s+", " ", response.content.decode()))


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world() -> dict[str, Any]:
    ours, theirs = seeblick(), bergpost()
    editor = desk_user("nora", ours)
    root = get_user_model().objects.create_superuser(username="root", password="x" * 20)
    desk_user("lea", None)  # an account on no desk yet
    return {
        "ours": ours,
        "editor_user": editor,
        "editor_membership": Membership.objects.get(user=editor),
        "admin_user": desk_user("chef", ours, Role.ADMIN),
        "editor": logged_in(editor),
        "other_admin": logged_in(desk_user("max", theirs, Role.ADMIN)),
        "superuser": logged_in(root),
        "anonymous": Client(HTTP_ACCEPT_LANGUAGE="en"),
    }


@pytest.fixture
def admin(world: dict[str, Any]) -> Client:
    return logged_in(world["admin_user"])


def settings_routes() -> list[tuple[str, str]]:
    return [
        (str(p.name), "/desk/" + str(p.pattern))
        for p in urls_settings.urlpatterns
        if isinstance(p, URLPattern)
    ]


def path_of(route: str, world: dict[str, Any]) -> str:
    path = (
        route.replace("<slug:slug>", world["ours"].slug)
        .replace("<int:pk>", str(world["editor_membership"].pk))
        .replace("<str:purpose>", "accepted")
        .replace("<str:language>", "de")
    )
    assert "<" not in path, f"the matrix does not know how to fill {route}; teach it"
    return path


# A POST that would change something on every settings URL, had it been allowed.
CHANGES = {
    "first_response_hours": "2",
    "decision_hours": "3",
    **INTAKE,
    "subject": "Danke",
    "body": "Danke, {{ reader_name }}.",
    "username": "lea",
    "role": Role.ADMIN,
}


def state() -> tuple[Any, ...]:
    return (
        list(ServiceLevel.objects.values_list("outlet_id", "first_response_hours")),
        list(IntakePolicy.objects.order_by("pk").values_list("outlet_id", "per_sender_per_hour")),
        list(ReplyTemplate.objects.order_by("pk").values_list("outlet_id", "subject")),
        list(Membership.objects.order_by("pk").values_list("user_id", "outlet_id", "role")),
    )


def test_the_matrix_covers_every_settings_page() -> None:
    names = {name for name, _route in settings_routes()}
    assert {"settings", "settings_outlet", "settings_reply", "settings_member_remove"} <= names
    assert len(names) == len(settings_routes())


@pytest.mark.parametrize(("name", "route"), settings_routes())
def test_every_settings_page_for_every_role(
    world: dict[str, Any], admin: Client, name: str, route: str
) -> None:
    ReplyTemplate.objects.create(
        outlet=world["ours"], purpose="accepted", language="de", subject="Eigen", body="Text"
    )
    path = path_of(route, world)
    for who in (admin, world["superuser"]):
        response = who.get(path)
        assert response.status_code in (200, 405), (name, response.status_code)
    post_only = admin.get(path).status_code == 405

    before = state()
    anonymous = world["anonymous"]
    for response in (anonymous.get(path), anonymous.post(path, CHANGES)):
        assert response.status_code == 302, name
        assert response.url.startswith("/desk/login/?next="), name

    if name == "settings":  # the list: only the outlets one administers
        editor = world["editor"].get(path)
        assert editor.status_code == 200
        assert "You administer no outlet" in text_of(editor)
        assert SETTINGS not in text_of(editor)
        other = text_of(world["other_admin"].get(path))
        assert "/desk/settings/bergpost/" in other
        assert SETTINGS not in other
        assert SETTINGS in text_of(admin.get(path))
        return

    editor_get, editor_post = world["editor"].get(path), world["editor"].post(path, CHANGES)
    assert editor_post.status_code == 403, name
    assert "Only the outlet admins of Seeblick-Zeitung" in text_of(editor_post)
    assert editor_get.status_code == 403, name
    other = world["other_admin"]
    assert other.get(path).status_code == 404, name
    assert other.post(path, CHANGES).status_code == 404, name
    assert state() == before, f"{name}: a refused request changed the settings"

    if post_only:  # the same request from the outlet's admin does change something
        assert admin.post(path, CHANGES).status_code == 302, name
        assert state() != before, name


def test_the_refusal_names_whom_to_ask(world: dict[str, Any]) -> None:
    page = text_of(world["editor"].get(SETTINGS))
    assert "You work on its desk as an editor" in page
    assert "Chef" in page  # the outlet admin's name


def test_the_desk_navigation_links_to_the_settings(admin: Client) -> None:
    assert 'href="/desk/settings/"' in admin.get("/desk/").content.decode()


# --- service level and intake limits -------------------------------------------------


def test_the_service_level_starts_at_the_defaults_and_is_saved(
    world: dict[str, Any], admin: Client
) -> None:
    page = admin.get(SETTINGS)
    assert page.context["service_form"]["first_response_hours"].value() == 24
    assert not ServiceLevel.objects.exists()  # looking creates nothing
    response = admin.post(
        f"{SETTINGS}service-level/", {"first_response_hours": "12", "decision_hours": "48"}
    )
    assert response["Location"] == f"{SETTINGS}#service-level"
    level = ServiceLevel.objects.get(outlet=world["ours"])
    assert (level.first_response_hours, level.decision_hours) == (12, 48)
    assert "The service level is saved." in text_of(admin.get(response["Location"]))


@pytest.mark.parametrize(
    ("first", "decision", "error"),
    [
        ("0", "48", "At least one hour."),
        ("48", "12", "The decision cannot be due before the first response."),
        ("x", "48", "Enter a whole number."),
    ],
)
def test_a_wrong_service_level_is_explained(
    admin: Client, first: str, decision: str, error: str
) -> None:
    response = admin.post(
        f"{SETTINGS}service-level/", {"first_response_hours": first, "decision_hours": decision}
    )
    assert response.status_code == 200
    assert error in text_of(response)
    assert "Not saved; see the messages at the fields." in text_of(response)
    assert not ServiceLevel.objects.exists()


def test_the_intake_limits_are_saved(world: dict[str, Any], admin: Client) -> None:
    IntakePolicy.objects.filter(outlet=world["ours"]).delete()
    page = admin.get(SETTINGS)
    assert page.context["intake_form"]["per_outlet_per_hour"].value() == 500  # the default
    response = admin.post(f"{SETTINGS}intake/", INTAKE)
    assert response["Location"] == f"{SETTINGS}#intake"
    policy = IntakePolicy.objects.get(outlet=world["ours"])
    assert (policy.per_sender_per_hour, policy.max_links, policy.proof_of_work) == (3, 5, True)
    del INTAKE["proof_of_work"]  # an unticked box is not sent
    try:
        admin.post(f"{SETTINGS}intake/", INTAKE)
    finally:
        INTAKE["proof_of_work"] = "on"
    policy.refresh_from_db()
    assert policy.proof_of_work is False
    assert IntakePolicy.objects.filter(outlet=world["ours"]).count() == 1


def test_wrong_intake_limits_are_refused(world: dict[str, Any], admin: Client) -> None:
    response = admin.post(f"{SETTINGS}intake/", {**INTAKE, "max_links": "-1"})
    assert response.status_code == 200
    assert "Ensure this value is greater than or equal to 0." in text_of(response)
    assert IntakePolicy.objects.get(outlet=world["ours"]).max_links == 10


# --- reply templates -----------------------------------------------------------------


def test_reply_templates_default_then_own_then_reset(world: dict[str, Any], admin: Client) -> None:
    rows = {(r.purpose, r.language): r for r in admin.get(SETTINGS).context["replies"]}
    assert len(rows) == 8
    assert not any(r.own for r in rows.values())
    assert rows[("accepted", "de")].template.subject.startswith("Wir korrigieren")

    edit = f"{SETTINGS}replies/accepted/de/"
    form = admin.get(edit).context["form"]
    assert form.initial["subject"].startswith("Wir korrigieren")  # starts from the default
    response = admin.post(
        edit, {"subject": "Korrektur bei {{ outlet.name }}", "body": "Danke! {{ status_url }}"}
    )
    assert response["Location"] == f"{SETTINGS}#replies"
    page = admin.get(SETTINGS)
    rows = {(r.purpose, r.language): r for r in page.context["replies"]}
    assert rows[("accepted", "de")].own
    assert not rows[("accepted", "en")].own
    assert "Korrektur bei {{ outlet.name }}" in text_of(page)

    report = file_report(world["ours"])
    subject, _body = services.reply_draft(report=report, purpose="accepted", language="de")
    assert subject == "Korrektur bei Seeblick-Zeitung"

    admin.post(f"{edit}reset/")
    assert not ReplyTemplate.objects.filter(outlet=world["ours"]).exists()
    subject, _body = services.reply_draft(report=report, purpose="accepted", language="de")
    assert subject.startswith("Wir korrigieren")
    assert ReplyTemplate.objects.filter(outlet__isnull=True).count() == 8  # defaults stay


@pytest.mark.parametrize(
    ("subject", "body"),
    [
        ("Danke {% if %}", "Text"),
        ("Danke", "{{ reader_name|nosuchfilter }}"),
        ("Danke", "{% endif %}"),
    ],
)
def test_a_broken_template_is_refused(admin: Client, subject: str, body: str) -> None:
    response = admin.post(f"{SETTINGS}replies/question/en/", {"subject": subject, "body": body})
    assert response.status_code == 200
    assert "This is not a valid template" in text_of(response)
    assert not ReplyTemplate.objects.filter(outlet__isnull=False).exists()


def test_unknown_reply_templates_are_not_found(admin: Client) -> None:
    assert admin.get(f"{SETTINGS}replies/thanks/de/").status_code == 404
    assert admin.get(f"{SETTINGS}replies/accepted/fr/").status_code == 404


# --- members -------------------------------------------------------------------------


def test_an_admin_adds_changes_and_removes_members(world: dict[str, Any], admin: Client) -> None:
    response = admin.post(f"{SETTINGS}members/add/", {"username": "lea", "role": Role.EDITOR})
    assert response["Location"] == f"{SETTINGS}#members"
    lea = Membership.objects.get(user__username="lea", outlet=world["ours"])
    assert lea.role == Role.EDITOR
    assert "lea" in text_of(admin.get(SETTINGS))

    admin.post(f"{SETTINGS}members/{lea.pk}/role/", {"role": Role.ADMIN})
    lea.refresh_from_db()
    assert lea.role == Role.ADMIN

    admin.post(f"{SETTINGS}members/{lea.pk}/remove/")
    assert not Membership.objects.filter(pk=lea.pk).exists()


@pytest.mark.parametrize(
    ("username", "error"),
    [
        ("nobody", "There is no active account with this user name."),
        ("nora", "This account is already on the desk."),
    ],
)
def test_adding_a_member_explains_refusals(admin: Client, username: str, error: str) -> None:
    before = Membership.objects.count()
    response = admin.post(f"{SETTINGS}members/add/", {"username": username, "role": "editor"})
    assert response.status_code == 200
    assert error in text_of(response)
    assert Membership.objects.count() == before


def test_the_last_admin_stays(world: dict[str, Any], admin: Client) -> None:
    own = Membership.objects.get(user=world["admin_user"])
    for action, data in (("remove", {}), ("role", {"role": Role.EDITOR})):
        response = admin.post(f"{SETTINGS}members/{own.pk}/{action}/", data, follow=True)
        assert "The desk needs at least one outlet admin." in text_of(response)
        own.refresh_from_db()
        assert own.role == Role.ADMIN

    # With a second admin, one may step down and loses the page.
    admin.post(f"{SETTINGS}members/{world['editor_membership'].pk}/role/", {"role": "admin"})
    response = admin.post(f"{SETTINGS}members/{own.pk}/remove/")
    assert response["Location"] == "/desk/settings/"
    assert not Membership.objects.filter(pk=own.pk).exists()
    assert world["editor"].get(SETTINGS).status_code == 200


def test_members_of_another_outlet_are_out_of_reach(world: dict[str, Any], admin: Client) -> None:
    theirs = Membership.objects.get(user__username="max")
    assert admin.post(f"{SETTINGS}members/{theirs.pk}/remove/").status_code == 404
    assert admin.post(f"{SETTINGS}members/{theirs.pk}/role/", {"role": "editor"}).status_code == 404
    assert Membership.objects.filter(pk=theirs.pk, role=Role.ADMIN).exists()


def test_the_log_names_no_account(admin: Client, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="corrigenda.desk.settings_services"):
        admin.post(f"{SETTINGS}members/add/", {"username": "lea", "role": "editor"})
        admin.post(f"{SETTINGS}replies/received/de/", {"subject": "Danke", "body": "Geheim"})
    assert len(caplog.records) == 2
    logged = caplog.text
    assert "seeblick" in logged
    assert "lea" not in logged
    assert "Geheim" not in logged
