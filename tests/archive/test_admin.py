"""The admin edits outlets and shows articles and versions read-only."""

import pytest
from django.contrib.auth.models import User
from django.test import Client

from corrigenda.archive.models import Article, ArticleVersion, Outlet
from corrigenda.archive.services import article_ingest

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client() -> Client:
    user = User.objects.create_superuser("desk", "desk@example.org", "a-long-password")
    client = Client()
    client.force_login(user)
    return client


def test_admin_pages_render_and_archive_rows_are_read_only(admin_client: Client) -> None:
    article_ingest(
        url="https://dorfblatt.example/a", text="Titel der Meldung\n\nDer Text der Meldung."
    )
    outlet, article, version = (
        Outlet.objects.get(),
        Article.objects.get(),
        ArticleVersion.objects.get(),
    )
    for url in (
        f"/admin/archive/outlet/{outlet.pk}/change/",
        f"/admin/archive/article/{article.pk}/change/",
        f"/admin/archive/articleversion/{version.pk}/change/",
        "/admin/archive/article/",
    ):
        assert admin_client.get(url).status_code == 200, url
    assert admin_client.get("/admin/archive/article/add/").status_code == 403
    response = admin_client.post(
        f"/admin/archive/articleversion/{version.pk}/change/", {"text": "verändert"}
    )
    assert response.status_code == 403
    version.refresh_from_db()
    assert version.text == "Der Text der Meldung."
