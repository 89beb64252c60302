"""Silent edits: a re-archived article changed without a notice raises an alert on the desk."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from corrigenda.archive.models import ArticleVersion, Outlet
from corrigenda.archive.services import article_ingest
from corrigenda.desk.services import report_transition
from corrigenda.publish import alerts
from corrigenda.publish.models import Alert, AlertKind, Correction, CorrectionState, Kind
from corrigenda.publish.tasks import alerts_check_task
from tests.desk._desk_setup import (
    TEXT,
    URL,
    WRONG,
    bergpost,
    desk_user,
    file_report,
    logged_in,
    seeblick,
)

FIGURE_CHANGED = TEXT.replace("14,2 Millionen", "12,4 Millionen")
TYPO_FIXED = TEXT.replace("beschlossen", "beschlosen")  # the other way round reads the same
COMMA_IN_PASSAGE = TEXT.replace("Kosten belaufen", "Kosten, belaufen")
ELSEWHERE_CHANGED = TEXT.replace("Volksabstimmung", "Abstimmung im Parlament")


@pytest.fixture(autouse=True)
def _fast_passwords(settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def checks() -> Any:
    return DBTaskResult.objects.filter(task_path=alerts_check_task.module_path)


def reingest(outlet: Outlet, text: str, *, after: timedelta = timedelta(hours=1)) -> ArticleVersion:
    latest = ArticleVersion.objects.filter(article__canonical_url=URL).order_by("-number").first()
    assert latest is not None
    result = article_ingest(url=URL, text=text, outlet=outlet, fetched_at=latest.fetched_at + after)
    return result.version


def notice_published(of: ArticleVersion, published: Any, **fields: Any) -> Correction:
    """A notice for the article of `of` (set `version=` for the version it is about)."""
    return Correction.objects.create(
        outlet=of.article.outlet,
        article=of.article,
        kind=Kind.CORRECTION,
        text="Die Kosten betragen 12,4 Millionen Franken, nicht 14,2 Millionen.",
        language="de",
        state=fields.pop("state", CorrectionState.PUBLISHED),
        published_at=published,
        **fields,
    )


# --- through the signal, the task queue and the worker ---------------------------------


@pytest.mark.django_db(transaction=True)
def test_a_changed_figure_without_a_notice_raises_an_alert_through_the_worker() -> None:
    outlet = seeblick()
    assert not checks().exists()  # a first version has nothing to compare with
    new = reingest(outlet, FIGURE_CHANGED)
    assert checks().filter(status="READY").count() == 1  # queued with the ingest

    call_command("worker", batch=True, interval=0.1, verbosity=0)

    assert checks().get().status == "SUCCESSFUL"
    alert = Alert.objects.get()
    assert alert.kind == AlertKind.SILENT_EDIT
    assert alert.outlet == outlet
    assert alert.new_version == new
    assert alert.old_version.number == 1
    assert alert.report is None
    assert "14,2 Millionen" in alert.summary.split("→")[0]
    assert "12,4 Millionen" in alert.summary.split("→")[1]


@pytest.mark.django_db(transaction=True)
def test_a_typo_fix_raises_no_alert() -> None:
    outlet = seeblick()
    reingest(outlet, TYPO_FIXED)
    call_command("worker", batch=True, interval=0.1, verbosity=0)
    assert checks().get().status == "SUCCESSFUL"
    assert not Alert.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_notice_published_between_the_versions_means_no_silent_edit_alert() -> None:
    outlet = seeblick()
    old = ArticleVersion.objects.get(article__canonical_url=URL)
    notice_published(old, old.fetched_at + timedelta(minutes=30))
    reingest(outlet, FIGURE_CHANGED, after=timedelta(hours=1))
    call_command("worker", batch=True, interval=0.1, verbosity=0)
    assert checks().get().status == "SUCCESSFUL"
    assert not Alert.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_reported_passage_changed_without_a_notice_raises_both_alerts() -> None:
    outlet = seeblick()
    report = file_report(outlet)
    assert report.anchor_exact == WRONG
    reingest(outlet, FIGURE_CHANGED)
    call_command("worker", batch=True, interval=0.1, verbosity=0)
    kinds = dict(Alert.objects.values_list("kind", "report"))
    assert kinds == {AlertKind.SILENT_EDIT: None, AlertKind.REPORTED_PASSAGE_CHANGED: report.pk}


# --- the rules, called directly ----------------------------------------------------------


@pytest.mark.django_db
def test_a_notice_published_before_the_old_version_was_fetched_does_not_count() -> None:
    outlet = seeblick()
    old = ArticleVersion.objects.get(article__canonical_url=URL)
    notice_published(old, old.fetched_at - timedelta(days=3), version=None)
    new = reingest(outlet, FIGURE_CHANGED)
    assert [a.kind for a in alerts.alerts_for_version(version=new)] == [AlertKind.SILENT_EDIT]


@pytest.mark.django_db
def test_a_notice_about_the_old_wording_counts_whenever_it_was_published() -> None:
    outlet = seeblick()
    old = ArticleVersion.objects.get(article__canonical_url=URL)
    notice_published(old, old.fetched_at - timedelta(minutes=5), version=old)
    new = reingest(outlet, FIGURE_CHANGED)
    assert alerts.alerts_for_version(version=new) == []


@pytest.mark.django_db
def test_a_draft_or_a_notice_published_after_the_new_fetch_does_not_count() -> None:
    outlet = seeblick()
    old = ArticleVersion.objects.get(article__canonical_url=URL)
    new = reingest(outlet, FIGURE_CHANGED)
    notice_published(old, None, state=CorrectionState.DRAFT, version=old)
    notice_published(old, new.fetched_at + timedelta(days=1))
    assert [a.kind for a in alerts.alerts_for_version(version=new)] == [AlertKind.SILENT_EDIT]


@pytest.mark.django_db
def test_a_comma_in_a_rejected_reports_passage_is_still_reported() -> None:
    outlet = seeblick()
    editor = desk_user("rita", outlet)
    report = file_report(outlet)
    report_transition(report=report, to="rejected", actor=editor, reason="Die Zahl stimmt.")
    new = reingest(outlet, COMMA_IN_PASSAGE)
    raised = alerts.alerts_for_version(version=new)
    # A comma is trivial: no silent-edit alert; but the reader pointed at these words.
    assert [(a.kind, a.report_id) for a in raised] == [
        (AlertKind.REPORTED_PASSAGE_CHANGED, report.pk)
    ]
    assert "Kosten, belaufen" in raised[0].summary


@pytest.mark.django_db
def test_an_edit_elsewhere_does_not_touch_the_reported_passage() -> None:
    outlet = seeblick()
    file_report(outlet)
    new = reingest(outlet, ELSEWHERE_CHANGED)
    assert [a.kind for a in alerts.alerts_for_version(version=new)] == [AlertKind.SILENT_EDIT]


@pytest.mark.django_db
def test_a_report_covered_by_a_published_notice_raises_no_passage_alert() -> None:
    outlet = seeblick()
    report = file_report(outlet)
    merged = file_report(outlet, reporter_email="ben@example.org")
    assert merged.merged_into_id == report.pk  # the same passage: one item
    old = ArticleVersion.objects.get(article__canonical_url=URL)
    correction = notice_published(old, old.fetched_at - timedelta(days=1))
    correction.reports.set([report, merged])
    new = reingest(outlet, FIGURE_CHANGED)
    # The notice was published before the old version was fetched and is not about
    # it: the edit itself is unexplained, the reported passage is not.
    assert [a.kind for a in alerts.alerts_for_version(version=new)] == [AlertKind.SILENT_EDIT]


@pytest.mark.django_db
def test_accepted_and_merged_reports_are_not_watched() -> None:
    outlet = seeblick()
    editor = desk_user("rita", outlet)
    report = file_report(outlet)
    file_report(outlet, reporter_email="ben@example.org")  # merged into it
    report_transition(report=report, to="accepted", actor=editor)
    new = reingest(outlet, FIGURE_CHANGED)
    assert [a.kind for a in alerts.alerts_for_version(version=new)] == [AlertKind.SILENT_EDIT]


@pytest.mark.django_db
def test_a_report_anchored_in_an_earlier_version_is_found_by_its_words() -> None:
    outlet = seeblick()
    report = file_report(outlet)
    reingest(outlet, ELSEWHERE_CHANGED)  # version 2: the passage is untouched
    third = reingest(outlet, ELSEWHERE_CHANGED.replace("14,2", "12,4"), after=timedelta(hours=2))
    assert report.anchor_version is not None
    assert report.anchor_version.number == 1
    kinds = {(a.kind, a.report_id) for a in alerts.alerts_for_version(version=third)}
    assert (AlertKind.REPORTED_PASSAGE_CHANGED, report.pk) in kinds


@pytest.mark.django_db
def test_raising_twice_writes_each_alert_once() -> None:
    outlet = seeblick()
    file_report(outlet)
    new = reingest(outlet, FIGURE_CHANGED)
    first = alerts.alerts_for_version(version=new)
    again = alerts.alerts_for_version(version=new)
    assert len(first) == 2
    assert [a.pk for a in again] == [a.pk for a in first]
    assert Alert.objects.count() == 2


@pytest.mark.django_db
def test_a_title_change_is_an_edit_too() -> None:
    outlet = seeblick()
    new = reingest(outlet, TEXT.replace("Hafen wird ausgebaut", "Hafen wird nicht ausgebaut"))
    (alert,) = alerts.alerts_for_version(version=new)
    assert alert.kind == AlertKind.SILENT_EDIT


# --- the alerts page -----------------------------------------------------------------------


@pytest.fixture
def raised() -> dict[str, Any]:
    ours, theirs = seeblick(), bergpost()
    report = file_report(ours)
    new = reingest(ours, FIGURE_CHANGED)
    alerts.alerts_for_version(version=new)
    return {
        "editor": desk_user("rita", ours),
        "stranger": desk_user("bert", theirs),
        "report": report,
        "silent": Alert.objects.get(kind=AlertKind.SILENT_EDIT),
        "passage": Alert.objects.get(kind=AlertKind.REPORTED_PASSAGE_CHANGED),
    }


@pytest.mark.django_db
def test_the_editor_sees_their_outlets_alerts(raised: dict[str, Any]) -> None:
    response = logged_in(raised["editor"]).get("/corrections/alerts/")
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    html = response.content.decode()
    assert f'id="alert-{raised["silent"].pk}"' in html
    assert f'id="alert-{raised["passage"].pk}"' in html
    assert "Edited without a notice" in html
    assert f'href="/desk/reports/{raised["report"].pk}/"' in html
    assert "?from=1&amp;to=2" in html
    assert "12,4 Millionen" in html


@pytest.mark.django_db
def test_another_outlets_editor_sees_none_and_cannot_resolve(raised: dict[str, Any]) -> None:
    client = logged_in(raised["stranger"])
    html = client.get("/corrections/alerts/").content.decode()
    assert "alert-" not in html
    assert "14,2" not in html
    assert "No open alerts" in html
    response = client.post(f"/corrections/alerts/{raised['silent'].pk}/resolve/")
    assert response.status_code == 404
    assert Alert.objects.get(pk=raised["silent"].pk).resolved_at is None


@pytest.mark.django_db
def test_the_alerts_page_needs_a_desk_login(raised: dict[str, Any]) -> None:
    anonymous = Client(HTTP_ACCEPT_LANGUAGE="en")
    response = anonymous.get("/corrections/alerts/")
    assert response.status_code == 302
    assert response["Location"].startswith("/desk/login/")
    assert anonymous.post(f"/corrections/alerts/{raised['silent'].pk}/resolve/").status_code == 302
    nobody = logged_in(desk_user("nobody", None))
    assert nobody.get("/corrections/alerts/").status_code == 403


@pytest.mark.django_db
def test_resolving_records_who_and_when_and_moves_it_to_resolved(raised: dict[str, Any]) -> None:
    client = logged_in(raised["editor"])
    alert = raised["silent"]
    before = timezone.now()
    response = client.post(f"/corrections/alerts/{alert.pk}/resolve/")
    assert response.status_code == 302
    alert.refresh_from_db()
    assert alert.resolved_by == raised["editor"]
    assert alert.resolved_at is not None
    assert alert.resolved_at >= before
    assert f'id="alert-{alert.pk}"' not in client.get("/corrections/alerts/").content.decode()
    resolved = client.get("/corrections/alerts/?resolved=1").content.decode()
    assert f'id="alert-{alert.pk}"' in resolved
    assert "Rita" in resolved
    # Resolving again keeps the first record.
    first = alert.resolved_at
    client.post(f"/corrections/alerts/{alert.pk}/resolve/")
    alert.refresh_from_db()
    assert alert.resolved_at == first


@pytest.mark.django_db
def test_the_resolve_action_is_post_only(raised: dict[str, Any]) -> None:
    client = logged_in(raised["editor"])
    assert client.get(f"/corrections/alerts/{raised['silent'].pk}/resolve/").status_code == 405
