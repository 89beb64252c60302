"""The archive's background task, run by the real worker command from the database queue."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from django.db.models import QuerySet
from django_tasks_db.models import DBTaskResult
from pytest_django.fixtures import Settings

from corrigenda.archive import services
from corrigenda.archive.models import Article
from corrigenda.archive.tasks import article_refresh
from tests.archive.conftest import Site

PAGE = """<html><head><title>{title}</title></head><body><article><h1>{title}</h1>
<p>Der Gemeinderat hat am Dienstag das Budget für das kommende Jahr verabschiedet.</p>
<p>{figure} Franken sind für die Sanierung des Schulhauses vorgesehen, wie die Gemeinde mitteilte.</p>
<p>Die Opposition kritisierte die Höhe der Ausgaben und verlangte eine zweite Lesung.</p>
</article></body></html>"""


def refreshes() -> QuerySet[DBTaskResult[Any, Any]]:
    """The refresh tasks (ingest also queues follow-up work of later stages)."""
    return DBTaskResult.objects.filter(task_path=article_refresh.module_path)


@pytest.mark.django_db(transaction=True)
def test_worker_runs_a_queued_refresh_that_archives_the_changed_text(
    site: Site, settings: Settings
) -> None:
    url = site.add("/budget", PAGE.format(title="Budget verabschiedet", figure="2,5 Millionen"))
    settings.FETCH_ALLOW_PRIVATE = [("127.0.0.1", site.port)]
    article = services.article_ingest(url=url).article
    site.add("/budget", PAGE.format(title="Budget verabschiedet", figure="3,1 Millionen"))

    article_refresh.enqueue(article.pk)
    assert refreshes().filter(status="READY").count() == 1
    call_command("worker", batch=True, interval=0.1, verbosity=0)

    assert refreshes().get().status == "SUCCESSFUL"
    versions = Article.objects.get(pk=article.pk).versions.order_by("number")
    assert [v.number for v in versions] == [1, 2]
    assert "3,1 Millionen Franken" in versions[1].text


@pytest.mark.django_db(transaction=True)
def test_worker_records_a_refused_fetch_as_a_failed_task(site: Site) -> None:
    # Without an exemption the fetcher refuses the loopback address, in the worker too.
    url = site.add("/budget", PAGE.format(title="Budget", figure="2,5 Millionen"))
    article = services.article_ingest(url=url, fetch=site.fetch).article

    article_refresh.enqueue(article.pk)
    call_command("worker", batch=True, interval=0.1, verbosity=0)

    result = refreshes().get()
    assert result.status == "FAILED"
    assert "BlockedAddress" in str(result.exception_class_path)
    assert site.requests == ["/budget"]  # only the first, allowed ingest reached the server
