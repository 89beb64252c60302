"""Background work of the archive, run by `corrigenda worker` from the database queue."""

from __future__ import annotations

from django.tasks import task

from corrigenda.archive import services
from corrigenda.archive.models import Article


@task()
def article_refresh(article_id: int) -> str:
    """Fetch an archived article again; a changed text becomes its next version.

    Returns the ingest status (`new_version` or `unchanged`) for the task's result.
    A fetch failure raises, so the task is recorded as failed with its reason.
    """
    article = Article.objects.get(pk=article_id)
    result = services.article_ingest(url=article.canonical_url, outlet=article.outlet)
    return str(result.status)
