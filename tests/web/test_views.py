import pytest
from django.test import Client

from corrigenda.web.demo import demo_load


@pytest.mark.django_db
def test_front_page_lists_recently_changed_articles_of_the_demo(client: Client) -> None:
    demo_load()
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Recently changed in the archive" in page
    assert "5 articles archived" in page
    assert "2 versions" in page  # the demo article that was corrected


@pytest.mark.django_db
def test_front_page_of_an_empty_archive_says_how_to_fill_it(client: Client) -> None:
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Nothing archived yet" in page
    assert "corrigenda demo" in page
