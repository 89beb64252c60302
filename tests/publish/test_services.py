"""Drafting, publishing, amending and retracting a correction notice."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from corrigenda.archive.models import Spelling
from corrigenda.desk.services import report_transition, status_url
from corrigenda.outbox.models import Message
from corrigenda.publish.models import Correction, CorrectionRevision, CorrectionState, Kind
from corrigenda.publish.services import (
    NotPublishable,
    correction_amend,
    correction_draft,
    correction_draft_save,
    correction_publish,
    correction_retract,
)
from corrigenda.reports.models import Report, ReportEvent
from tests.publish._publish_setup import (
    EN_FIX,
    EN_URL,
    EN_WRONG,
    FIX,
    URL,
    WRONG,
    accept,
    desk_user,
    file_report,
    harbour_times,
    seeblick,
)

pytestmark = pytest.mark.django_db

GERMAN_NOTICE = (
    "Korrigendum: In einer früheren Version dieses Artikels hieß es: "
    f"„{WRONG}“. Richtig ist: „{FIX}“."
)


def three_readers() -> tuple[Report, list[Report], object]:
    """An accepted item with two readers merged in, one of them without an address."""
    outlet = seeblick()
    editor = desk_user("nora", outlet)
    first = file_report(outlet)
    second = file_report(outlet, reporter_name="Ben", reporter_email="ben@example.org")
    third = file_report(outlet, passage="14,2 Millionen Franken", reporter_email="")
    for merged in (second, third):
        merged.refresh_from_db()
        assert merged.merged_into_id == first.pk, "intake merges reports of one passage"
    return accept(first, editor), [first, second, third], editor


def test_the_draft_is_prefilled_from_the_accepted_report_in_the_outlets_language() -> None:
    item, _readers, editor = three_readers()
    correction = correction_draft(report=item, actor=editor)
    assert correction.state == CorrectionState.DRAFT
    assert correction.kind == Kind.CORRECTION
    assert correction.article_id == item.article_id
    assert correction.version_id == item.anchor_version_id is not None
    assert (correction.anchor_start, correction.anchor_end) == (item.anchor_start, item.anchor_end)
    assert correction.wrong == WRONG
    assert correction.right == FIX
    assert correction.language == "de"
    assert correction.text == GERMAN_NOTICE
    assert list(correction.reports.all()) == [item]
    assert ReportEvent.objects.filter(report=item, action="correction_drafted").count() == 1


def test_a_swiss_outlet_gets_swiss_spelling_and_guillemets() -> None:
    item, _readers, editor = three_readers()
    item.outlet.spelling = Spelling.SWISS
    item.outlet.save()
    text = correction_draft(report=item, actor=editor).text
    assert text == (
        f"Korrigendum: In einer früheren Version dieses Artikels hiess es: «{WRONG}». "
        f"Richtig ist: «{FIX}»."
    )


def test_an_english_outlet_gets_an_english_notice() -> None:
    outlet = harbour_times()
    editor = desk_user("ed", outlet)
    report = file_report(
        outlet, location=EN_URL, passage=EN_WRONG, proposed_fix=EN_FIX, language="en"
    )
    correction = correction_draft(report=accept(report, editor), actor=editor)
    assert correction.language == "en"
    assert correction.text == (
        f"Correction: An earlier version of this article said “{EN_WRONG}”. "
        f"It should have said “{EN_FIX}”."
    )


def test_a_merged_reader_leads_to_the_items_draft_and_a_second_click_to_the_same_draft() -> None:
    item, readers, editor = three_readers()
    first = correction_draft(report=readers[1], actor=editor)
    assert correction_draft(report=item, actor=editor).pk == first.pk
    assert Correction.objects.count() == 1


def test_only_an_accepted_report_gets_a_draft() -> None:
    outlet = seeblick()
    editor = desk_user("nora", outlet)
    report = file_report(outlet)
    with pytest.raises(NotPublishable):
        correction_draft(report=report, actor=editor)
    report_transition(report=report, to="rejected", actor=editor, reason="stimmt so")
    with pytest.raises(NotPublishable):
        correction_draft(report=report, actor=editor)
    assert not Correction.objects.exists()


def test_a_new_kind_replaces_the_label_the_editor_kept() -> None:
    item, _readers, editor = three_readers()
    correction = correction_draft(report=item, actor=editor)
    correction_draft_save(
        correction=correction, actor=editor, kind=Kind.CLARIFICATION, text=correction.text
    )
    correction.refresh_from_db()
    assert correction.kind == Kind.CLARIFICATION
    assert correction.text == GERMAN_NOTICE.replace("Korrigendum:", "Präzisierung:")
    # A text of the editor's own is left as written.
    correction_draft_save(correction=correction, actor=editor, kind=Kind.UPDATE, text="Neu: X.")
    correction.refresh_from_db()
    assert (correction.kind, correction.text) == (Kind.UPDATE, "Neu: X.")


def test_publishing_links_every_reader_audits_each_report_and_tells_those_with_an_address() -> None:
    item, readers, editor = three_readers()
    correction = correction_draft(report=item, actor=editor)
    when = datetime(2026, 3, 12, 9, 30, tzinfo=UTC)
    earlier = set(Message.objects.values_list("pk", flat=True))  # the receipts

    correction_publish(correction=correction, actor=editor, now=when)

    correction.refresh_from_db()
    assert correction.state == CorrectionState.PUBLISHED
    assert correction.published_at == when
    assert {r.pk for r in correction.reports.all()} == {r.pk for r in readers}
    for reader in readers:
        event = ReportEvent.objects.get(report=reader, action="correction_published")
        assert event.actor == editor
        assert event.detail["correction"] == correction.pk
        assert event.detail["told"] is bool(reader.reporter_email)
    mails = {m.recipient: m for m in Message.objects.exclude(pk__in=earlier)}
    assert set(mails) == {"anna@example.org", "ben@example.org"}
    for reader in readers[:2]:
        mail = mails[reader.reporter_email]
        assert mail.about == f"reports.report:{reader.pk}"
        assert mail.subject == "Korrigiert: Hafen wird ausgebaut"
        assert GERMAN_NOTICE in mail.body
        assert URL in mail.body
        assert status_url(reader) in mail.body
        assert mail.language == "de"
    assert "Guten Tag Ben" in mails["ben@example.org"].body


def test_publishing_twice_is_refused_and_tells_nobody_twice() -> None:
    item, _readers, editor = three_readers()
    correction = correction_draft(report=item, actor=editor)
    earlier = Message.objects.count()
    correction_publish(correction=correction, actor=editor)
    stale = Correction.objects.get(pk=correction.pk)
    stale.state = CorrectionState.DRAFT  # a second tab still showing the draft
    with pytest.raises(NotPublishable):
        correction_publish(correction=stale, actor=editor)
    assert Message.objects.count() == earlier + 2
    assert ReportEvent.objects.filter(action="correction_published").count() == 3
    with pytest.raises(NotPublishable):
        correction_draft(report=item, actor=editor)


def test_a_report_reopened_after_drafting_cannot_be_published() -> None:
    item, _readers, editor = three_readers()
    correction = correction_draft(report=item, actor=editor)
    report_transition(report=item, to="in_review", actor=editor)
    earlier = Message.objects.count()
    with pytest.raises(NotPublishable):
        correction_publish(correction=correction, actor=editor)
    correction.refresh_from_db()
    assert correction.state == CorrectionState.DRAFT
    assert Message.objects.count() == earlier


def test_amending_keeps_the_earlier_wording_and_is_audited() -> None:
    item, readers, editor = three_readers()
    correction = correction_draft(report=item, actor=editor)
    correction_publish(correction=correction, actor=editor)
    before = correction.text

    correction_amend(
        correction=correction,
        actor=editor,
        text=before.replace("12,4", "12,40"),
        kind=Kind.CORRECTION,
        why="Betrag genauer",
    )

    correction.refresh_from_db()
    assert "12,40" in correction.text
    assert correction.amended_at is not None
    assert correction.state == CorrectionState.PUBLISHED
    revision = CorrectionRevision.objects.get(correction=correction)
    assert (revision.text, revision.kind, revision.why) == (
        before,
        Kind.CORRECTION,
        "Betrag genauer",
    )
    assert revision.replaced_by == editor
    assert ReportEvent.objects.filter(action="correction_amended").count() == len(readers)
    with pytest.raises(NotPublishable):  # nothing changed
        correction_amend(
            correction=correction, actor=editor, text=correction.text, kind=Kind.CORRECTION, why="x"
        )
    with pytest.raises(NotPublishable):  # no reason given
        correction_amend(correction=correction, actor=editor, text="Neu.", kind="update", why=" ")


def test_a_draft_cannot_be_amended_or_retracted() -> None:
    item, _readers, editor = three_readers()
    correction = correction_draft(report=item, actor=editor)
    with pytest.raises(NotPublishable):
        correction_amend(correction=correction, actor=editor, text="X.", kind="update", why="y")
    with pytest.raises(NotPublishable):
        correction_retract(correction=correction, actor=editor, why="y")


def test_retracting_keeps_the_wording_and_allows_a_new_notice() -> None:
    item, readers, editor = three_readers()
    correction = correction_draft(report=item, actor=editor)
    correction_publish(correction=correction, actor=editor)

    correction_retract(correction=correction, actor=editor, why="Die erste Zahl stimmte doch.")

    correction.refresh_from_db()
    assert correction.state == CorrectionState.RETRACTED
    assert correction.retracted_at is not None
    assert correction.revisions.get().why == "Die erste Zahl stimmte doch."
    assert ReportEvent.objects.filter(action="correction_retracted").count() == len(readers)
    with pytest.raises(NotPublishable):
        correction_retract(correction=correction, actor=editor, why="noch einmal")
    assert correction_draft(report=item, actor=editor).pk != correction.pk
