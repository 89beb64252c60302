"""`corrigenda demo` loads outlets and sample articles once, and they show in the archive."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation

from corrigenda.archive.models import Article, ArticleVersion, Outlet
from corrigenda.web.demo import ARTICLES_DIR

pytestmark = pytest.mark.django_db

OUR_URL = "https://www.mittelland-kurier.example/wirtschaft/musk-konsortium-openai"


def demo() -> str:
    out = StringIO()
    with translation.override("en"):
        call_command("demo", stdout=out)
    return out.getvalue()


def test_demo_loads_outlets_and_articles_and_is_idempotent() -> None:
    assert "3 outlets, 5 articles, 6 versions written" in demo()
    assert "0 versions written" in demo()
    assert Outlet.objects.count() == 3
    assert Article.objects.count() == 5
    assert ArticleVersion.objects.count() == 6


def test_our_outlet_is_swiss_with_a_desk_address() -> None:
    demo()
    ours = Outlet.objects.get(slug="mittelland-kurier")
    assert ours.spelling == "swiss"
    assert ours.desk_email.endswith("@mittelland-kurier.example")
    assert ours.domains.filter(domain="mittelland-kurier.example").exists()


def test_our_swiss_articles_use_no_sharp_s() -> None:
    for path in ARTICLES_DIR.glob("mk-*"):
        assert "ß" not in path.read_text(encoding="utf-8"), path.name


def test_one_story_from_several_outlets_with_a_planted_wrong_figure() -> None:
    demo()
    texts = {
        v.article.outlet.slug: v.text
        for v in ArticleVersion.objects.select_related("article__outlet")
        if "OpenAI" in v.text
    }
    assert {"mittelland-kurier", "rheinblick", "harbour-ledger"} <= texts.keys()
    assert "9,75 Milliarden" in texts["mittelland-kurier"]
    assert "9,74 Milliarden" in texts["rheinblick"]
    assert "$9.74 billion" in texts["harbour-ledger"]


def test_the_corrected_article_has_a_diff_and_boilerplate_is_stripped() -> None:
    demo()
    article = Article.objects.get(canonical_url=OUR_URL)
    first, second = article.versions.order_by("number")
    assert "2016 zu den Gründern" in first.text
    assert "2015 zu den Gründern" in second.text
    assert "Kommentare: 9" in second.stripped
    assert "Kommentare" not in second.text
    page = Client(headers={"accept-language": "en"}).get(
        reverse("archive:article_diff", args=[article.pk])
    )
    assert "<del>2016</del><ins>2015</ins>" in page.content.decode()


def test_the_archive_lists_the_demo_articles() -> None:
    demo()
    page = Client().get(reverse("archive:article_list")).content.decode()
    assert "Musk-Konsortium bietet 97,4 Milliarden Dollar für OpenAI" in page
    assert "Altman kontert Musks Milliardenofferte mit Spott" in page
    assert "Mittelland Kurier" in page
