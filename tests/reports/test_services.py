"""report_submit and friends: validation, anchoring, merging, limits, erasure."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from django.utils import translation
from django_tasks_db.models import DBTaskResult

from corrigenda.archive.models import Outlet
from corrigenda.archive.services import article_ingest, outlet_register
from corrigenda.outbox.models import Message, MessageStatus
from corrigenda.reports import services
from corrigenda.reports.models import (
    AnchorState,
    Channel,
    IntakePolicy,
    Report,
    ReportEvent,
    Status,
)
from corrigenda.reports.tasks import report_anchor_task
from corrigenda.reports.validation import RateLimited, ReportInvalid, Submission
from tests.archive.conftest import Site, article_page

URL = "https://www.seeblick-zeitung.ch/wirtschaft/hafen-ausbau"
TEXT = (
    "Hafen wird ausgebaut\n\n"
    "Der Stadtrat hat am Dienstag den Ausbau des Hafens beschlossen. "
    "Die Kosten belaufen sich auf 14,2 Millionen Franken, wie die Stadt mitteilte. "
    "Baubeginn ist im Frühjahr 2026.\n\n"
    "Die Opposition hatte eine Volksabstimmung verlangt. "
    "Der Hafenmeister sagte, die Anlage sei seit Jahren zu klein."
)
WRONG = "Die Kosten belaufen sich auf 14,2 Millionen Franken"


@pytest.fixture
def outlet(db: None) -> Outlet:
    outlet = outlet_register(
        slug="seeblick",
        name="Seeblick-Zeitung",
        desk_email="korrektur@seeblick-zeitung.ch",
        domains=("seeblick-zeitung.ch",),
    )
    article_ingest(url=URL, text=TEXT, outlet=outlet)
    return outlet


def submit(channel: Channel = Channel.FORM, sender: str = "", **fields: Any) -> Report:
    values: dict[str, Any] = {
        "location": URL,
        "passage": WRONG,
        "proposed_fix": "Die Kosten belaufen sich auf 12,4 Millionen Franken",
        "description": "Die Zahlen sind vertauscht, siehe Medienmitteilung.",
    }
    values.update(fields)
    return services.report_submit(submission=Submission(**values), channel=channel, sender=sender)


def test_a_report_is_stored_anchored_to_the_archived_passage(outlet: Outlet) -> None:
    report = submit(evidence=("https://stadt.example/mitteilung", "https://stadt.example/budget"))

    assert report.outlet == outlet
    assert report.article is not None
    assert report.article.canonical_url.endswith("/hafen-ausbau")
    assert report.anchor_state == AnchorState.ANCHORED
    assert report.anchor_exact == WRONG
    version = report.anchor_version
    assert version is not None
    assert version.text[report.anchor_start : report.anchor_end] == WRONG
    assert report.anchor_prefix.endswith("beschlossen. ")
    assert [e.url for e in report.evidence.all()] == [
        "https://stadt.example/mitteilung",
        "https://stadt.example/budget",
    ]
    assert len(report.token) >= 40
    assert report.language == "de"
    assert [e.action for e in report.events.all()] == ["submitted", "anchored"]


def test_a_typo_in_the_quoted_passage_still_anchors(outlet: Outlet) -> None:
    report = submit(passage="Die Kosten belaufen sich auf 14,2 Milionen Franken")
    assert report.anchor_state == AnchorState.ANCHORED
    assert "Millionen" in report.anchor_exact


def test_an_address_of_another_site_is_refused(outlet: Outlet) -> None:
    with translation.override("en"), pytest.raises(ReportInvalid) as refused:
        submit(location="https://elsewhere.example/story")
    assert "not one of our articles" in str(refused.value.errors["location"][0])
    assert not Report.objects.exists()


def test_errors_are_in_the_readers_language(outlet: Outlet) -> None:
    with translation.override("de"):
        with pytest.raises(ReportInvalid) as refused:
            submit(description="", proposed_fix="", reporter_email="kein-mail")
        errors = {name: [str(m) for m in msgs] for name, msgs in refused.value.errors.items()}
    assert set(errors) == {"description", "reporter_email"}
    assert "E-Mail" in errors["reporter_email"][0]


def test_a_passage_not_in_the_article_offers_the_closest(outlet: Outlet) -> None:
    with pytest.raises(ReportInvalid) as refused:
        submit(passage="Der Gemeinderat lehnte den Kredit für die Schule deutlich ab")
    assert "passage" in refused.value.errors
    assert refused.value.closest  # a sentence of the article to offer instead
    assert refused.value.closest in TEXT
    assert not Report.objects.exists()


def test_the_reader_may_send_an_unfound_passage_anyway(outlet: Outlet) -> None:
    report = submit(
        passage="Der Gemeinderat lehnte den Kredit für die Schule deutlich ab",
        accept_unanchored=True,
    )
    assert report.anchor_state == AnchorState.UNANCHORED
    assert report.anchor_closest


def test_mail_with_an_unfound_passage_is_kept_unanchored(outlet: Outlet) -> None:
    report = submit(channel=Channel.EMAIL, passage="Ein Satz, der nirgends steht und nie stand")
    assert report.anchor_state == AnchorState.UNANCHORED


def test_a_report_without_a_passage_is_not_anchored(outlet: Outlet) -> None:
    report = submit(passage="")
    assert report.anchor_state == AnchorState.NO_PASSAGE


def test_two_readers_on_the_same_passage_become_one_item(outlet: Outlet) -> None:
    first = submit(reporter_name="Leserin A")
    second = submit(
        passage="belaufen sich auf 14,2 Millionen Franken, wie die Stadt mitteilte",
        proposed_fix="12,4 Millionen",
    )
    other = submit(passage="Baubeginn ist im Frühjahr 2026", proposed_fix="Baubeginn 2027")

    second.refresh_from_db()
    assert second.merged_into == first
    assert second.status == Status.DUPLICATE
    assert other.merged_into is None
    assert set(first.merged.all()) == {second}
    assert ReportEvent.objects.filter(report=first, action="merged_in").count() == 1


def test_near_identical_proposals_merge_without_a_passage(outlet: Outlet) -> None:
    first = submit(passage="", proposed_fix="Richtig ist: 12,4 Millionen Franken.")
    second = submit(passage="", proposed_fix="richtig ist: 12,4 Millionen Franken")
    second.refresh_from_db()
    assert second.merged_into == first


def test_a_merged_report_can_be_split_off_again(outlet: Outlet) -> None:
    first = submit()
    second = submit()
    second.refresh_from_db()
    services.report_split(report=second)
    second.refresh_from_db()
    assert second.merged_into is None
    assert second.status == Status.NEW
    assert not first.merged.exists()


def test_a_closed_item_is_not_merged_into(outlet: Outlet) -> None:
    first = submit()
    Report.objects.filter(pk=first.pk).update(status=Status.REJECTED)
    second = submit()
    assert second.merged_into is None


def test_the_senders_hourly_limit_holds(outlet: Outlet) -> None:
    IntakePolicy.objects.create(outlet=outlet, per_sender_per_hour=2)
    submit(sender="203.0.113.7")
    submit(sender="203.0.113.7", passage="Baubeginn ist im Frühjahr 2026")
    with pytest.raises(RateLimited):
        submit(sender="203.0.113.7", passage="")
    submit(sender="198.51.100.1", passage="")  # another sender is not affected
    assert Report.objects.count() == 3


def test_the_outlets_hourly_limit_holds(outlet: Outlet) -> None:
    IntakePolicy.objects.create(outlet=outlet, per_outlet_per_hour=1)
    submit()
    with pytest.raises(RateLimited):
        submit(sender="198.51.100.1")


def test_limits_come_from_the_outlets_policy(outlet: Outlet) -> None:
    IntakePolicy.objects.create(outlet=outlet, max_links=1, max_text_chars=20)
    with translation.override("en"), pytest.raises(ReportInvalid) as refused:
        submit(evidence=("https://a.example/1", "https://a.example/2"), description="x" * 21)
    assert "at most 1 link" in str(refused.value.errors["evidence"][0])
    assert "20 characters" in str(refused.value.errors["description"][0])


def test_rate_counts_add_up_in_the_database(db: None) -> None:
    assert [services.rate_count(key="k") for _ in range(3)] == [1, 2, 3]
    assert services.rate_count(key="other") == 1


def test_the_reader_gets_a_confirmation_mail_through_the_outbox(outlet: Outlet) -> None:
    report = submit(reporter_email="leserin@example.org", reporter_name="Leserin")
    mail = Message.objects.get()
    assert mail.recipient == "leserin@example.org"
    assert mail.headers["Auto-Submitted"] == "auto-replied"
    assert report.token in mail.body
    assert mail.status == MessageStatus.QUEUED


def test_no_address_no_mail(outlet: Outlet) -> None:
    submit()
    assert not Message.objects.exists()


def test_erasing_contact_data_removes_name_and_address_everywhere(outlet: Outlet) -> None:
    report = submit(reporter_email="leserin@example.org", reporter_name="Leserin")
    Report.objects.filter(pk=report.pk).update(
        payload={"reporter_email": "leserin@example.org", "passage": WRONG}
    )
    report.refresh_from_db()
    services.report_contact_erase(report=report)
    report.refresh_from_db()
    assert (report.reporter_name, report.reporter_email) == ("", "")
    assert report.payload == {"passage": WRONG}
    assert report.contact_erased_at is not None
    assert Message.objects.get().recipient == ""
    assert Message.objects.get().status == MessageStatus.WITHDRAWN
    assert report.events.filter(action="contact_erased").exists()


ARTICLE_HTML = article_page(
    "Neue Fähre für den See",
    [
        "Die Schifffahrtsgesellschaft hat eine neue Fähre für 38 Millionen Franken bestellt.",
        "Sie soll ab dem Sommer 2027 zwischen den beiden Ufern verkehren.",
        "Der Verwaltungsrat sprach von einem wichtigen Schritt für die Region.",
    ],
)


@pytest.mark.django_db(transaction=True)
def test_a_report_on_an_unarchived_article_is_anchored_by_the_worker(site: Site) -> None:
    outlet = outlet_register(slug="ufer", name="Uferbote", domains=("127.0.0.1",))
    url = site.add("/faehre", ARTICLE_HTML)
    report = services.report_submit(
        submission=Submission(
            location=url,
            passage="eine neue Fähre für 38 Millionen Franken bestellt",
            description="Es sind 36 Millionen.",
        ),
        channel=Channel.API,
        outlet=outlet,
    )
    assert report.anchor_state == AnchorState.PENDING
    assert report.article is None
    queued = DBTaskResult.objects.filter(task_path=report_anchor_task.module_path)
    assert queued.count() == 1

    services.report_anchor(report=report, fetch=site.fetch)
    report.refresh_from_db()
    assert report.article is not None
    assert report.anchor_state == AnchorState.ANCHORED
    assert report.anchor_exact == "eine neue Fähre für 38 Millionen Franken bestellt"


@pytest.mark.django_db(transaction=True)
def test_an_unreachable_article_is_marked_not_lost(site: Site) -> None:
    outlet = outlet_register(slug="ufer", name="Uferbote", domains=("127.0.0.1",))
    report = services.report_submit(
        submission=Submission(location=site.url("/fehlt"), description="Falsches Datum."),
        channel=Channel.FORM,
        outlet=outlet,
    )
    # The worker's real fetcher refuses loopback addresses: the report stays, marked.
    call_command("worker", batch=True, interval=0.1, verbosity=0)
    report.refresh_from_db()
    assert report.anchor_state == AnchorState.NO_ARTICLE
    assert report.anchor_note == "non_public_address"


def test_counts_of_past_windows_are_forgotten(db: None) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from corrigenda.reports.models import RateCount

    RateCount.objects.create(key="old", window_start=timezone.now() - timedelta(days=3), count=9)
    services.rate_count(key="new")
    assert list(RateCount.objects.values_list("key", flat=True)) == ["new"]
