"""Archive pages: list, article with versions, and the diff between two versions."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from corrigenda.archive.models import Article
from corrigenda.archive.services import article_ingest, outlet_register

pytestmark = pytest.mark.django_db

BODY = [
    "Der Gemeinderat hat den Kredit für die neue Turnhalle am Montag bewilligt.",
    "Die Halle soll 2027 eröffnet werden und kostet 9,8 Millionen Franken.",
    "Gegen den Standort gab es im Quartier keinen Widerstand.",
]


def text(title: str, body: list[str]) -> str:
    return title + "\n\n" + "\n\n".join(body) + "\n\nKommentare: 4"


@pytest.fixture
def client() -> Client:
    return Client(headers={"accept-language": "en"})


@pytest.fixture
def article() -> Article:
    outlet_register(slug="dorfblatt", name="Dorfblatt", domains=("dorfblatt.example",))
    outlet_register(slug="seeblatt", name="Seeblatt", domains=("seeblatt.example",))
    url = "https://dorfblatt.example/turnhalle"
    article_ingest(url=url, text=text("Kredit für Turnhalle bewilligt", BODY))
    corrected = [BODY[0], BODY[1].replace("2027", "2028"), BODY[2]]
    result = article_ingest(url=url, text=text("Kredit für Turnhalle bewilligt", corrected))
    article_ingest(url="https://seeblatt.example/hafen", text=text("Hafen wird saniert", BODY))
    return result.article


def test_list_shows_articles_with_outlet_and_version_count(
    client: Client, article: Article
) -> None:
    response = client.get(reverse("archive:article_list"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Kredit für Turnhalle bewilligt" in page
    assert "Hafen wird saniert" in page
    # A changed article links to its latest diff from the version count.
    assert f'href="{reverse("archive:article_diff", args=[article.pk])}"' in page


def test_list_filters_by_outlet_and_title(client: Client, article: Article) -> None:
    by_outlet = client.get(reverse("archive:article_list"), {"outlet": "seeblatt"}).content.decode()
    assert "Hafen wird saniert" in by_outlet
    assert "Turnhalle" not in by_outlet.split("<tbody>")[1]
    by_title = client.get(reverse("archive:article_list"), {"q": "turnhalle"}).content.decode()
    assert "Kredit für Turnhalle bewilligt" in by_title
    assert "Hafen wird saniert" not in by_title
    nothing = client.get(reverse("archive:article_list"), {"q": "Flughafen"}).content.decode()
    assert "No article matches" in nothing


def test_list_paginates_newest_change_first(client: Client) -> None:
    for n in range(27):
        article_ingest(url=f"https://dorfblatt.example/{n}", text=text(f"Meldung Nummer {n}", BODY))
    first = client.get(reverse("archive:article_list")).content.decode()
    second = client.get(reverse("archive:article_list"), {"page": "2"}).content.decode()
    assert "Meldung Nummer 26" in first
    assert "Meldung Nummer 0<" not in first
    assert "Meldung Nummer 0<" in second
    assert "Page 2 of 2" in second


def test_empty_archive_explains_how_to_fill_it(client: Client) -> None:
    page = client.get(reverse("archive:article_list")).content.decode()
    assert "corrigenda ingest" in page


def test_detail_shows_latest_text_boilerplate_and_versions(
    client: Client, article: Article
) -> None:
    response = client.get(reverse("archive:article_detail", args=[article.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "eröffnet werden und kostet" in page
    assert "2028" in page
    assert re.search(r'<details class="stripped">.*Kommentare: 4', page, re.S)
    assert page.count('class="versions"') == 1
    assert "Version 1" in page
    assert "Version 2" in page


def test_detail_shows_an_older_version_on_request(client: Client, article: Article) -> None:
    page = client.get(reverse("archive:article_detail", args=[article.pk]), {"version": "1"})
    content = page.content.decode()
    assert "2027" in content
    assert "You are reading version 1 of 2" in content


@pytest.mark.parametrize(("params", "status"), [({"version": "9"}, 404), ({"version": "x"}, 400)])
def test_detail_rejects_bad_versions(
    client: Client, article: Article, params: dict[str, str], status: int
) -> None:
    assert (
        client.get(reverse("archive:article_detail", args=[article.pk]), params).status_code
        == status
    )


def test_detail_of_a_missing_article_is_404(client: Client) -> None:
    assert client.get(reverse("archive:article_detail", args=[999])).status_code == 404


def test_diff_defaults_to_previous_against_latest(client: Client, article: Article) -> None:
    response = client.get(reverse("archive:article_diff", args=[article.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "<del>2027</del><ins>2028</ins>" in page
    assert "Changes from version 1 to 2" in page
    assert "1 word added" in page
    assert "1 word removed" in page


def test_diff_of_two_chosen_versions(client: Client, article: Article) -> None:
    url = reverse("archive:article_diff", args=[article.pk])
    assert (
        "Choose two different versions"
        in client.get(url, {"from": "2", "to": "2"}).content.decode()
    )
    reverse_diff = client.get(url, {"from": "2", "to": "1"}).content.decode()
    assert "<del>2028</del><ins>2027</ins>" in reverse_diff


def test_diff_collapses_unchanged_paragraphs_unless_full(client: Client) -> None:
    long_body = [f"Absatz {n}: Der Rat beriet das Geschäft Nummer {n}." for n in range(6)]
    url = "https://dorfblatt.example/lang"
    article_ingest(url=url, text=text("Lange Sitzung", long_body))
    changed = [long_body[0].replace("beriet", "vertagte"), *long_body[1:]]
    article = article_ingest(url=url, text=text("Lange Sitzung", changed)).article
    diff_url = reverse("archive:article_diff", args=[article.pk])
    collapsed = client.get(diff_url).content.decode()
    full = client.get(diff_url, {"full": "1"}).content.decode()
    assert "… 4 unchanged paragraphs …" in collapsed
    assert long_body[5] not in collapsed
    assert long_body[5] in full
    assert 'class="gap"' not in full


@pytest.mark.parametrize(("params", "status"), [({"from": "5"}, 404), ({"to": "zwei"}, 400)])
def test_diff_rejects_bad_versions(
    client: Client, article: Article, params: dict[str, str], status: int
) -> None:
    assert (
        client.get(reverse("archive:article_diff", args=[article.pk]), params).status_code == status
    )


def test_a_date_known_to_the_month_is_shown_as_a_month(client: Client) -> None:
    article = article_ingest(
        url="https://dorfblatt.example/monat", text=" date 2025-02 " + "\n\n".join(BODY)
    ).article
    listing = client.get(reverse("archive:article_list")).content.decode()
    detail = client.get(reverse("archive:article_detail", args=[article.pk])).content.decode()
    assert "February 2025" in listing
    assert "February 2025" in detail
    assert "Feb. 1, 2025" not in listing + detail
