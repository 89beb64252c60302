"""The editors' pages: login with two factors, the queue, the report page and its actions."""

from __future__ import annotations

import html
import re
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from corrigenda.archive.services import article_ingest
from corrigenda.desk import services
from corrigenda.desk.models import (
    Check,
    CheckState,
    EvidencePage,
    Hint,
    Note,
    ReplyTemplate,
    Role,
    ServiceLevel,
)
from corrigenda.outbox.models import Message
from corrigenda.reports.models import Evidence, Report, ReportEvent, Status
from tests.desk._desk_setup import (
    PASSWORD,
    TEXT,
    URL,
    WRONG,
    bergpost,
    desk_user,
    file_report,
    logged_in,
    seeblick,
)

pytestmark = pytest.mark.django_db


def text_of(response: Any) -> str:
    return html.unescape(re.sub(r"\s+", " ", response.content.decode()))


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def outlet() -> Any:
    return seeblick()


@pytest.fixture
def editor(outlet: Any) -> Any:
    return desk_user("nora", outlet)


@pytest.fixture
def client(editor: Any) -> Client:
    return logged_in(editor)


# --- login ---------------------------------------------------------------------------


def test_login_with_password_leads_to_the_queue(editor: Any) -> None:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    assert client.get("/desk/")["Location"].startswith("/desk/login/?next=/desk/")
    response = client.post("/desk/login/", {"username": "nora", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/desk/"
    assert "Queue" in text_of(client.get("/desk/"))


def test_a_wrong_password_is_refused(editor: Any) -> None:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    response = client.post("/desk/login/", {"username": "nora", "password": "wrong"})
    assert response.status_code == 200
    assert "correct username and password" in text_of(response)
    assert client.get("/desk/").status_code == 302


def test_repeated_failures_lock_the_login_with_a_clear_message(editor: Any, settings: Any) -> None:
    # The lead's settings point AXES_LOCKOUT_CALLABLE here; set it as they do.
    settings.AXES_LOCKOUT_CALLABLE = "corrigenda.desk.views.locked_out"
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/desk/login/", {"username": "nora", "password": "wrong"})
    # Now even the right password is refused, and the page says why.
    response = client.post("/desk/login/", {"username": "nora", "password": PASSWORD})
    assert response.status_code == 429
    page = text_of(response)
    assert "Login locked" in page
    assert "too many wrong attempts" in page
    assert client.get("/desk/").status_code == 302


def test_a_user_on_no_desk_is_told_so(outlet: Any) -> None:
    client = logged_in(desk_user("visitor", None))
    response = client.get("/desk/")
    assert response.status_code == 403
    assert "not on a desk" in text_of(response)


def test_logout_ends_the_session(client: Client) -> None:
    assert client.get("/desk/").status_code == 200
    assert client.post("/desk/logout/").status_code == 302
    assert client.get("/desk/").status_code == 302


def _code(device: TOTPDevice, offset: int = 0) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=offset):06d}"


def test_two_factor_setup_then_login_needs_the_code(editor: Any, settings: Any) -> None:
    # django-otp delays the next try after a wrong code (1 s, doubling); not tested here.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    client = logged_in(editor)
    page = client.get("/desk/account/two-factor/")
    assert page.status_code == 200
    assert "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    # A wrong code does not switch it on.
    wrong = f"{(int(_code(device)) + 1) % 1_000_000:06d}"
    assert client.post("/desk/account/two-factor/", {"code": wrong}).status_code == 200
    device.refresh_from_db()
    assert not device.confirmed
    response = client.post("/desk/account/two-factor/", {"code": _code(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed

    # A fresh login: the password alone does not open the desk.
    fresh = Client(HTTP_ACCEPT_LANGUAGE="en")
    response = fresh.post("/desk/login/", {"username": "nora", "password": PASSWORD})
    assert response["Location"].startswith("/desk/login/verify/")
    blocked = fresh.get("/desk/")
    assert blocked.status_code == 302
    assert blocked["Location"].startswith("/desk/login/verify/")
    assert "Code from your authenticator app" in text_of(fresh.get(blocked["Location"]))
    refused = fresh.post("/desk/login/verify/", {"code": wrong, "next": "/desk/"})
    assert "not right" in text_of(refused)
    # The code of the next time step (the current one was used to confirm the device;
    # the device accepts one step of drift).
    device.refresh_from_db()
    accepted = fresh.post("/desk/login/verify/", {"code": _code(device, 1), "next": "/desk/"})
    assert accepted.status_code == 302
    assert accepted["Location"] == "/desk/"
    assert fresh.get("/desk/").status_code == 200


# --- the queue -----------------------------------------------------------------------


def test_queue_lists_the_outlets_items_soonest_due_first(
    client: Client, outlet: Any, editor: Any
) -> None:
    now = timezone.now()
    ServiceLevel.objects.create(outlet=outlet, first_response_hours=10, decision_hours=50)
    fresh = file_report(outlet, received_at=now - timedelta(hours=1))  # due in 9 h
    late = file_report(
        outlet,
        passage="Baubeginn ist im Frühjahr 2026",
        proposed_fix="Baubeginn ist im Herbst 2026",
        received_at=now - timedelta(hours=12),
    )  # first response 2 h overdue
    answered = file_report(
        outlet,
        passage="Die Opposition hatte eine Volksabstimmung verlangt",
        proposed_fix="Die Opposition hatte ein Referendum verlangt",
        received_at=now - timedelta(hours=30),
    )
    services.report_transition(report=answered, to=Status.IN_REVIEW, actor=editor)  # due in 20 h
    page = client.get("/desk/")
    body = page.content.decode()
    order = [int(pk) for pk in re.findall(r'data-report="(\d+)"', body)]
    assert order == [late.pk, fresh.pk, answered.pk]
    assert body.count("is-overdue") == 1
    assert "overdue" in text_of(page)


def test_merged_readers_appear_inside_their_item(client: Client, outlet: Any) -> None:
    first = file_report(outlet)
    second = file_report(outlet, reporter_email="ben@example.org", reporter_name="Ben")
    assert Report.objects.get(pk=second.pk).merged_into_id == first.pk
    body = client.get("/desk/").content.decode()
    assert re.findall(r'data-report="(\d+)"', body) == [str(first.pk)]
    assert "2 readers" in text_of(client.get("/desk/"))


def test_queue_filters(client: Client, outlet: Any, editor: Any) -> None:
    now = timezone.now()
    mine = file_report(outlet, received_at=now - timedelta(days=10))
    services.report_assign(report=mine, assignee=editor, actor=editor)
    other = file_report(
        outlet,
        passage="Baubeginn ist im Frühjahr 2026",
        proposed_fix="Baubeginn ist im Herbst 2026",
        received_at=now - timedelta(hours=2),
    )
    Check.objects.filter(report=other).update(state=CheckState.DONE, hint=Hint.LIKELY_ERROR)

    def listed(query: str) -> list[int]:
        body = client.get(f"/desk/?{query}").content.decode()
        return [int(pk) for pk in re.findall(r'data-report="(\d+)"', body)]

    assert set(listed("")) == {mine.pk, other.pk}
    assert listed("assignee=me") == [mine.pk]
    assert listed("assignee=none") == [other.pk]
    assert listed("age=day") == [other.pk]
    assert listed("age=older") == [mine.pk]
    assert listed("hint=likely_error") == [other.pk]
    assert listed("hint=pending") == [mine.pk]
    assert listed("overdue=on") == [mine.pk]
    services.report_transition(report=other, to=Status.ACCEPTED, actor=editor)
    assert listed("") == [mine.pk]
    assert listed("status=accepted") == [other.pk]
    assert set(listed("status=all")) == {mine.pk, other.pk}
    assert set(listed("status=nonsense&age=junk")) == {mine.pk}  # old links still work


def test_queue_shows_only_the_users_outlets(client: Client, outlet: Any) -> None:
    theirs = bergpost()
    file_report(outlet)
    file_report(
        theirs,
        location="https://www.bergpost.example/lokal/seilbahn",
        passage="Die Arbeiten kosteten 3,1 Millionen",
        proposed_fix="Die Arbeiten kosteten 3,4 Millionen",
    )
    page = text_of(client.get("/desk/"))
    assert "14,2 Millionen" in page
    assert "3,1 Millionen" not in page


def test_queue_pages(client: Client, outlet: Any) -> None:
    now = timezone.now()
    for i in range(51):
        Report.objects.create(
            outlet=outlet,
            location=URL,
            passage=f"Passage {i}",
            language="de",
            channel="form",
            token=f"token-{i}",
            received_at=now - timedelta(minutes=i),
        )
    first = client.get("/desk/").content.decode()
    assert first.count("data-report=") == 50
    assert 'rel="next"' in first
    assert client.get("/desk/?page=2").content.decode().count("data-report=") == 1


# --- the report page -----------------------------------------------------------------


def test_report_page_shows_the_passage_in_context_and_every_reader(
    client: Client, outlet: Any
) -> None:
    first = file_report(outlet, evidence=["https://stadt.example/mitteilung"])
    file_report(outlet, reporter_email="ben@example.org", reporter_name="Ben Beispiel")
    body = client.get(f"/desk/reports/{first.pk}/").content.decode()
    assert f"<mark>{WRONG}</mark>" in body
    assert "Der Stadtrat hat am Dienstag" in body  # the context around it
    page = html.unescape(body)
    assert "anna@example.org" in page
    assert "Ben Beispiel" in page
    assert "ben@example.org" in page
    assert "https://stadt.example/mitteilung" in page
    assert "not fetched yet" in page
    assert "Split off as its own item" in page


def test_report_page_notes_a_newer_version_of_the_article(client: Client, outlet: Any) -> None:
    report = file_report(outlet)
    article_ingest(url=URL, text=TEXT.replace("14,2", "12,4"), outlet=outlet)
    page = text_of(client.get(f"/desk/reports/{report.pk}/"))
    assert "The article has changed since: version 2" in page
    assert (
        "The passage now reads: <q>Die Kosten belaufen sich auf 12,4 Millionen Franken</q>" in page
    )


def test_report_page_says_when_the_passage_is_unchanged(client: Client, outlet: Any) -> None:
    report = file_report(outlet)
    article_ingest(url=URL, text=TEXT + "\n\nNachtrag: Die Stadt informiert im Mai.", outlet=outlet)
    assert "The passage still reads the same." in text_of(client.get(f"/desk/reports/{report.pk}/"))


def test_a_merged_readers_page_leads_to_the_item(client: Client, outlet: Any) -> None:
    first = file_report(outlet)
    second = file_report(outlet, reporter_email="ben@example.org")
    response = client.get(f"/desk/reports/{second.pk}/")
    assert response["Location"] == f"/desk/reports/{first.pk}/#reader-{second.pk}"


def test_report_page_shows_the_pre_check_side_by_side(client: Client, outlet: Any) -> None:
    report = file_report(outlet, evidence=["http://127.0.0.1:9/x"])
    evidence = Evidence.objects.get(report=report)
    EvidencePage.objects.create(evidence=evidence, failure="blocked_address")
    check = Check.objects.get(report=report)
    said = {
        "outlet": "Stadtanzeiger",
        "url": "https://stadtanzeiger.example/hafen",
        "title": "Hafen",
    }
    check.state, check.hint = CheckState.DONE, Hint.LIKELY_ERROR
    check.reason = "1 of 1 sources give the reader's “12,4 Millionen Franken”."
    check.result = {
        "hint": "likely_error",
        "code": "nope",
        "reason": check.reason,
        "claims": [
            {
                "text": "14,2 Millionen Franken",
                "fix": {"text": "12,4 Millionen Franken"},
                "code": "fix_supported",
                "params": {
                    "reader": 1,
                    "total": 1,
                    "fix": "12,4 Millionen Franken",
                    "text": "14,2 Millionen Franken",
                },
                "article": [
                    {**said, "sentence": "Der Hafen kostet 14,2 Millionen Franken.", "copied": True}
                ],
                "reader": [{**said, "sentence": "Der Ausbau kostet 12,4 Millionen Franken."}],
                "other": [],
            }
        ],
    }
    check.finished = timezone.now()
    check.save()
    page = text_of(client.get(f"/desk/reports/{report.pk}/"))
    assert "likely error" in page
    assert "The article: “14,2 Millionen Franken” · the reader: “12,4 Millionen Franken”" in page
    assert "Der Ausbau kostet 12,4 Millionen Franken." in page
    assert "Agree with the reader" in page
    assert "Der Hafen kostet 14,2 Millionen Franken." in page
    assert "the article's sentence, copied</span>" in page  # the copy's badge
    assert "not usable: blocked: not a public address" in page
    check.inputs = {"fix": "", "fix_from_description": "12,4 Millionen"}
    check.save()
    page = text_of(client.get(f"/desk/reports/{report.pk}/"))
    assert "· the reader’s description: “12,4 Millionen Franken”" in page


# --- actions -------------------------------------------------------------------------


def test_assign_to_self_and_to_a_colleague(client: Client, outlet: Any, editor: Any) -> None:
    colleague = desk_user("lea", outlet)
    outsider = desk_user("max", bergpost())
    report = file_report(outlet)
    url = f"/desk/reports/{report.pk}/assign/"
    client.post(url, {"assignee": str(editor.pk)})
    assert Report.objects.get(pk=report.pk).assignee == editor
    client.post(url, {"assignee": str(colleague.pk)})
    assert Report.objects.get(pk=report.pk).assignee == colleague
    refused = client.post(url, {"assignee": str(outsider.pk)}, follow=True)
    assert "Select a valid choice" in text_of(refused)
    assert Report.objects.get(pk=report.pk).assignee == colleague
    actions = list(
        ReportEvent.objects.filter(report=report, action="assigned").values_list(
            "detail", flat=True
        )
    )
    assert actions == [{"to": "nora"}, {"to": "lea"}]


def test_rejection_needs_a_reason(client: Client, outlet: Any) -> None:
    report = file_report(outlet)
    url = f"/desk/reports/{report.pk}/move/"
    response = client.post(url, {"to": "rejected", "reason": " "}, follow=True)
    assert "Please give the reader a reason" in text_of(response)
    assert Report.objects.get(pk=report.pk).status == Status.NEW
    client.post(url, {"to": "rejected", "reason": "Die Stadt nennt 14,2 Millionen."})
    report.refresh_from_db()
    assert (report.status, report.decision_reason) == (
        Status.REJECTED,
        "Die Stadt nennt 14,2 Millionen.",
    )


def test_accept_with_a_note_then_reply_from_the_template(
    client: Client, outlet: Any, editor: Any
) -> None:
    report = file_report(outlet)
    file_report(outlet, reporter_email="ben@example.org", reporter_name="Ben")
    file_report(outlet, reporter_email="", reporter_name="")  # a reader without an address
    response = client.post(
        f"/desk/reports/{report.pk}/move/",
        {"to": "accepted", "reason": "", "note": "Stadt bestätigt 12,4 Mio."},
    )
    assert response["Location"] == f"/desk/reports/{report.pk}/reply/?purpose=accepted"
    report.refresh_from_db()
    assert report.status == Status.ACCEPTED
    assert Note.objects.get(report=report).text == "Stadt bestätigt 12,4 Mio."

    draft = text_of(client.get(response["Location"]))
    assert "Wir korrigieren den Artikel" in draft  # the default German template
    assert "Goes to 2 readers" in draft
    before = Message.objects.count()
    sent = client.post(
        f"/desk/reports/{report.pk}/reply/",
        {"purpose": "accepted", "subject": "Korrektur", "body": "Danke! {status_url}"},
    )
    assert sent.status_code == 302
    mails = Message.objects.order_by("-id")[: Message.objects.count() - before]
    assert sorted(m.recipient for m in mails) == ["anna@example.org", "ben@example.org"]
    assert all("/report/status/" in m.body for m in mails)
    history = text_of(client.get(f"/desk/reports/{report.pk}/"))
    assert "status new → accepted" in history
    assert "Stadt bestätigt 12,4 Mio." in history
    assert "replied to 2 readers" in history


def test_reply_draft_prefers_the_outlets_own_template(client: Client, outlet: Any) -> None:
    ReplyTemplate.objects.create(
        outlet=outlet,
        purpose="question",
        language="de",
        subject="Frage der Seeblick",
        body="Hallo {{ reader_name }}",
    )
    report = file_report(outlet)
    page = text_of(client.get(f"/desk/reports/{report.pk}/reply/?purpose=question"))
    assert "Frage der Seeblick" in page
    assert "Hallo Anna Leser" in page
    english = text_of(client.get(f"/desk/reports/{report.pk}/reply/?purpose=question&language=en"))
    assert "A question about your correction request" in english


def test_note_and_re_run_of_the_check(client: Client, outlet: Any) -> None:
    report = file_report(outlet)
    client.post(f"/desk/reports/{report.pk}/note/", {"text": "Rückfrage bei der Stadt läuft."})
    assert Check.objects.filter(report=report).count() == 1
    client.post(f"/desk/reports/{report.pk}/check/")
    assert Check.objects.filter(report=report).count() == 2
    page = text_of(client.get(f"/desk/reports/{report.pk}/"))
    assert "Rückfrage bei der Stadt läuft." in page
    assert "pre-check requested again" in page


def test_split_and_merge(client: Client, outlet: Any) -> None:
    first = file_report(outlet)
    second = file_report(outlet, reporter_email="ben@example.org")
    client.post(f"/desk/reports/{first.pk}/split/", {"reader": str(second.pk)})
    second.refresh_from_db()
    assert second.merged_into_id is None
    assert second.status == Status.NEW
    client.post(f"/desk/reports/{second.pk}/merge/", {"into": str(first.pk)})
    second.refresh_from_db()
    assert second.merged_into_id == first.pk
    assert second.status == Status.DUPLICATE


def test_merge_refuses_another_outlets_report(client: Client, outlet: Any) -> None:
    theirs = bergpost()
    mine = file_report(outlet)
    foreign = file_report(
        theirs,
        location="https://www.bergpost.example/lokal/seilbahn",
        passage="Die Arbeiten kosteten 3,1 Millionen",
        proposed_fix="Die Arbeiten kosteten 3,4 Millionen",
    )
    client.post(f"/desk/reports/{mine.pk}/merge/", {"into": str(foreign.pk)})
    mine.refresh_from_db()
    assert mine.merged_into_id is None


def test_outlet_admin_works_the_desk_too(outlet: Any) -> None:
    admin = logged_in(desk_user("chef", outlet, Role.ADMIN))
    report = file_report(outlet)
    assert admin.get(f"/desk/reports/{report.pk}/").status_code == 200
