"""Issue #7, done when: the demo correction, accepted and published from the desk, shows
on the article snippet and in the article's JSON-LD, and its readers get the message.

The same correction is also checked in the public log, its Atom feed and its JSON.
The whole way goes through the pages an editor uses; the readers' e-mails go through
the outbox to a real SMTP server.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import extruct
import feedparser
import lxml.html
import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone
from pyld import jsonld as pyld

from corrigenda.desk.demo import OPENAI, desk_demo_load
from corrigenda.desk.services import status_url
from corrigenda.outbox.models import Message, MessageStatus
from corrigenda.outbox.services import message_send
from corrigenda.publish.models import Correction, CorrectionState
from corrigenda.reports.models import Report, Status
from corrigenda.web.demo import demo_load
from tests.desk._desk_setup import logged_in
from tests.publish.test_jsonld import SCHEMA, schema_org_only

if TYPE_CHECKING:
    from tests.mailservers import SmtpSink

WRONG = "Twitter für 9,75 Milliarden Dollar zu kaufen"
RIGHT = "Twitter für 9,74 Milliarden Dollar zu kaufen"


def accept_and_publish(editor: Any, report: Report) -> Correction:
    """The editor's clicks: accept, write the correction, check the preview, publish."""
    client = logged_in(editor)
    moved = client.post(f"/desk/reports/{report.pk}/move/", {"to": "accepted"})
    assert moved.status_code == 302
    report.refresh_from_db()
    assert report.status == Status.ACCEPTED

    started = client.post(f"/corrections/desk/reports/{report.pk}/correction/")
    text = client.get(started["Location"]).context["form"]["text"].value()
    assert WRONG in text
    assert RIGHT in text
    preview = client.post(started["Location"], {"kind": "correction", "text": text})
    assert text in client.get(preview["Location"]).content.decode()
    correction = Correction.objects.get()
    published = client.post(f"/corrections/desk/{correction.pk}/publish/")
    assert published.status_code == 302
    correction.refresh_from_db()
    assert correction.state == CorrectionState.PUBLISHED
    return correction


@pytest.mark.django_db
def test_the_published_demo_correction_reaches_the_article_its_json_ld_and_its_readers(
    smtp_sink: SmtpSink,
) -> None:
    demo_load()
    desk_demo_load(run_checks=False)
    report = Report.objects.get(payload__demo="desk_demo", passage__startswith="Twitter")
    readers = [report, *Report.objects.filter(merged_into=report)]
    assert len(readers) == 2
    editor = get_user_model().objects.get(username="redaktion")

    correction = accept_and_publish(editor, report)

    # On the article: the snippet's fragment, in the outlet's language, dated today.
    fragment = Client().get("/corrections/embed/notices", {"url": OPENAI})
    aside = lxml.html.fragment_fromstring(fragment.content.decode())
    assert aside.get("lang") == "de"
    assert aside.xpath("normalize-space(.//p[@class='corrigenda-notice__text'])") == (
        correction.text
    )
    shown = aside.xpath("string(.//time/@datetime)")
    assert shown.startswith(f"{timezone.localtime(correction.published_at):%Y-%m-%d}")

    # The article's JSON-LD, as the outlet embeds it, read by extruct and by pyld.
    script = Client().get("/corrections/embed/jsonld", {"url": OPENAI, "as": "script"})
    page = f"<html><head>{script.content.decode()}</head><body><article></article></body></html>"
    [markup] = extruct.extract(page, base_url=OPENAI, syntaxes=["json-ld"])["json-ld"]
    assert correction.published_at is not None
    assert markup["@type"] == "NewsArticle"
    assert markup["correction"] == [
        {
            "@type": "CorrectionComment",
            "text": correction.text,
            "datePublished": correction.published_at.isoformat(),
        }
    ]
    [article] = pyld.expand(markup, {"documentLoader": schema_org_only})
    [comment] = article[f"{SCHEMA}correction"]
    assert comment["@type"] == [f"{SCHEMA}CorrectionComment"]
    assert comment[f"{SCHEMA}text"] == [{"@value": correction.text}]

    # The outlet's public log, its Atom feed (read by feedparser) and its JSON.
    slug = correction.outlet.slug
    log = Client().get(f"/corrections/{slug}/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert correction.text in " ".join(log.split())
    feed = feedparser.parse(Client().get(f"/corrections/{slug}/feed.atom").content)
    assert feed.bozo == 0
    [entry] = feed.entries
    assert correction.text in " ".join(lxml.html.fromstring(entry.summary).text_content().split())
    assert any(link.href == OPENAI for link in entry.links)
    listed = Client().get(f"/corrections/{slug}.json").json()
    assert correction.text in str(listed)

    # The readers: the outbox sends every queued mail to the SMTP server.
    for message in Message.objects.filter(status=MessageStatus.QUEUED):
        assert message_send(message_id=message.pk) == MessageStatus.SENT
    told = {
        received.rcpt_tos[0]: received.message
        for received in smtp_sink.received
        if received.message["Subject"].startswith("Korrigiert:")
    }
    assert set(told) == {reader.reporter_email for reader in readers}
    for reader in readers:
        body = told[reader.reporter_email].get_content()
        assert correction.text in body
        assert OPENAI in body
        assert status_url(reader) in body
