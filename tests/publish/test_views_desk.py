"""The editor's way from an accepted report to a published, amended, retracted notice."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.utils import timezone

from corrigenda.outbox.models import Message
from corrigenda.publish.models import Correction, CorrectionState, Kind
from corrigenda.publish.services import correction_draft, correction_publish
from corrigenda.reports.models import Report, ReportEvent
from tests.publish._publish_setup import (
    FIX,
    WRONG,
    accept,
    bergpost,
    desk_user,
    file_report,
    logged_in,
    seeblick,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def said(response: Any) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def accepted_report() -> tuple[Report, Any]:
    outlet = seeblick()
    editor = desk_user("nora", outlet)
    return accept(file_report(outlet), editor), editor


def test_write_preview_and_publish_the_notice() -> None:
    report, editor = accepted_report()
    client = logged_in(editor)

    started = client.post(f"/corrections/desk/reports/{report.pk}/correction/")
    correction = Correction.objects.get()
    assert started.status_code == 302
    assert started["Location"] == f"/corrections/desk/{correction.pk}/edit/"

    page = client.get(started["Location"])
    assert page.status_code == 200
    assert page["X-Robots-Tag"] == "noindex, nofollow"
    form = page.context["form"]
    assert form["kind"].value() == Kind.CORRECTION
    assert form["text"].value() == correction.text
    assert WRONG in form["text"].value()
    assert FIX in form["text"].value()
    assert "Write the correction notice" in page.content.decode()

    text = f"Präzisierung: Die Kosten betragen {FIX[29:]}."
    saved = client.post(started["Location"], {"kind": Kind.CLARIFICATION, "text": text})
    assert saved["Location"] == f"/corrections/desk/{correction.pk}/preview/"

    preview = client.get(saved["Location"])
    html = preview.content.decode()
    assert '<aside class="corrigenda-notices" lang="de"' in html  # the outlet's language
    assert "Korrekturhinweis" in html
    assert text in html
    assert f'<time datetime="{timezone.localtime():%Y-%m-%d}' in html
    assert "When you publish it, 1 reader who left an e-mail address is told" in html
    assert Correction.objects.get().state == CorrectionState.DRAFT

    published = client.post(f"/corrections/desk/{correction.pk}/publish/")
    assert published["Location"] == f"/corrections/desk/{correction.pk}/"
    assert said(published) == ["The notice is published. 1 reader(s) will be told by e-mail."]
    correction.refresh_from_db()
    assert (correction.state, correction.kind, correction.text) == (
        CorrectionState.PUBLISHED,
        Kind.CLARIFICATION,
        text,
    )
    assert Message.objects.filter(recipient="anna@example.org", body__contains=text).exists()

    detail = client.get(published["Location"]).content.decode()
    assert text in detail
    assert "/static/publish/notices.js" in detail
    assert "CorrectionComment" in detail

    again = client.post(f"/corrections/desk/{correction.pk}/publish/")
    assert said(again) == ["This notice is already published."]
    assert ReportEvent.objects.filter(action="correction_published").count() == 1


def test_write_the_correction_twice_reopens_the_draft_and_later_the_published_notice() -> None:
    report, editor = accepted_report()
    client = logged_in(editor)
    first = client.post(f"/corrections/desk/reports/{report.pk}/correction/")
    second = client.post(f"/corrections/desk/reports/{report.pk}/correction/")
    assert first["Location"] == second["Location"]
    correction = Correction.objects.get()
    correction_publish(correction=correction, actor=editor)
    third = client.post(f"/corrections/desk/reports/{report.pk}/correction/")
    assert third["Location"] == f"/corrections/desk/{correction.pk}/"
    assert said(third) == ["This report already has a published notice; amend it instead."]
    # The draft pages of a published notice lead to the notice.
    assert client.get(f"/corrections/desk/{correction.pk}/edit/")["Location"] == third["Location"]


def test_a_report_that_is_not_accepted_gets_no_notice() -> None:
    outlet = seeblick()
    editor = desk_user("nora", outlet)
    report = file_report(outlet)
    response = logged_in(editor).post(f"/corrections/desk/reports/{report.pk}/correction/")
    assert response["Location"] == f"/desk/reports/{report.pk}/"
    assert said(response) == ["Only an accepted report can get a correction notice."]
    assert not Correction.objects.exists()


def test_an_empty_notice_is_refused_in_the_form() -> None:
    report, editor = accepted_report()
    correction = correction_draft(report=report, actor=editor)
    response = logged_in(editor).post(
        f"/corrections/desk/{correction.pk}/edit/", {"kind": "correction", "text": "  "}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["text"]
    correction.refresh_from_db()
    assert correction.text.startswith("Korrigendum:")


def test_amend_and_retract_from_the_notice_page() -> None:
    report, editor = accepted_report()
    correction = correction_draft(report=report, actor=editor)
    correction_publish(correction=correction, actor=editor)
    client = logged_in(editor)
    url = f"/corrections/desk/{correction.pk}/"

    form = client.get(url + "amend/").context["form"]
    assert form["text"].value() == correction.text
    refused = client.post(url + "amend/", {"kind": "correction", "text": "Neu.", "why": ""})
    assert refused.status_code == 200
    assert refused.context["form"].errors["why"]
    amended = client.post(
        url + "amend/", {"kind": "correction", "text": "Korrigendum: neu.", "why": "Tippfehler"}
    )
    assert amended["Location"] == url
    page = client.get(url).content.decode()
    assert "Korrigendum: neu." in page
    assert "Dieser Hinweis wurde am" in page  # shown on the article as amended
    assert "Tippfehler" in page  # earlier wording, with the reason

    retracted = client.post(url + "retract/", {"why": "Die Zahl stimmte doch."})
    assert retracted["Location"] == url
    correction.refresh_from_db()
    assert correction.state == CorrectionState.RETRACTED
    assert "<del>Korrigendum: neu.</del>" in client.get(url).content.decode()
    # A retracted notice cannot be amended or retracted again: the pages lead back.
    assert client.get(url + "amend/")["Location"] == url
    assert client.post(url + "retract/", {"why": "x"})["Location"] == url
    assert correction.revisions.count() == 2


def test_an_editor_of_another_outlet_finds_nothing() -> None:
    report, editor = accepted_report()
    correction = correction_draft(report=report, actor=editor)
    stranger = logged_in(desk_user("fremd", bergpost()))
    base = f"/corrections/desk/{correction.pk}/"

    assert stranger.post(f"/corrections/desk/reports/{report.pk}/correction/").status_code == 404
    for page in ("", "edit/", "preview/", "amend/", "retract/"):
        assert stranger.get(base + page).status_code == 404, page
    assert stranger.post(base + "publish/").status_code == 404
    assert stranger.post(base + "edit/", {"kind": "update", "text": "Gehackt."}).status_code == 404
    correction.refresh_from_db()
    assert correction.state == CorrectionState.DRAFT
    assert not correction.text.startswith("Gehackt")


def test_the_pages_need_a_desk_login() -> None:
    report, editor = accepted_report()
    correction = correction_draft(report=report, actor=editor)
    anonymous = Client()
    response = anonymous.get(f"/corrections/desk/{correction.pk}/edit/")
    assert response.status_code == 302
    assert response["Location"].startswith("/desk/login/?next=")
    nobody = logged_in(desk_user("gast", None))
    assert nobody.get(f"/corrections/desk/{correction.pk}/edit/").status_code == 403
    assert nobody.post(f"/corrections/desk/{correction.pk}/publish/").status_code == 403
    correction.refresh_from_db()
    assert correction.state == CorrectionState.DRAFT
