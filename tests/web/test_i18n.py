"""The German translation is complete, compiled, and what a German reader is served."""

from io import BytesIO
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po
from django.test import Client

import corrigenda
from corrigenda.archive.models import Article
from corrigenda.web.demo import demo_load

MESSAGES = Path(corrigenda.__file__).parent / "locale" / "de" / "LC_MESSAGES"


def _po() -> Catalog:
    with (MESSAGES / "django.po").open("rb") as po:
        return read_po(po, locale="de")


def _translations(catalog: Catalog) -> dict[object, object]:
    # read_mo gives plural forms as lists, read_po as tuples.
    def frozen(value: object) -> object:
        return tuple(value) if isinstance(value, list | tuple) else value

    return {frozen(m.id): frozen(m.string) for m in catalog if m.id}


def test_every_german_message_is_translated_and_none_is_fuzzy() -> None:
    catalog = _po()
    messages = [m for m in catalog if m.id]
    assert messages, "the German catalogue is empty"
    untranslated = [m.id for m in messages if not m.string or not all(m.string)]
    fuzzy = [m.id for m in messages if m.fuzzy]
    assert not untranslated, f"untranslated German messages: {untranslated}"
    assert not fuzzy, f"fuzzy German messages (review, then drop the flag): {fuzzy}"
    assert catalog.plural_forms == "nplurals=2; plural=(n != 1);"


def test_the_compiled_catalogue_matches_the_po_file() -> None:
    # Compare messages, not bytes: msgfmt and babel lay out a .mo differently.
    fresh = BytesIO()
    write_mo(fresh, _po())
    fresh.seek(0)
    with (MESSAGES / "django.mo").open("rb") as mo:
        committed = read_mo(mo)
    assert _translations(committed) == _translations(read_mo(fresh)), (
        "django.mo is stale: run `corrigenda compilemessages -l de` in corrigenda/"
    )


@pytest.mark.django_db
def test_the_archive_speaks_german_to_a_german_browser(client: Client) -> None:
    page = client.get("/archive/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert '<html lang="de">' in page
    assert "Artikelarchiv" in page
    assert "Das Archiv ist leer." in page
    assert "Article archive" not in page


@pytest.mark.django_db
def test_the_demo_front_page_speaks_german_to_a_german_browser(client: Client) -> None:
    demo_load()
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Jede Korrektur nachvollziehbar" in page
    assert "Zuletzt im Archiv geändert" in page
    assert f"{Article.objects.count()} Artikel archiviert" in page
    assert "2 Fassungen" in page  # the corrected demo article, in the plural form
    assert "Recently changed in the archive" not in page


def test_the_swiss_catalogue_is_the_german_one_in_swiss_spelling() -> None:
    import sys

    sys.path.insert(0, str(Path(corrigenda.__file__).parent.parent / "scripts"))
    from swiss_catalogue import SWISS, swiss_catalogue

    committed = SWISS.read_bytes()
    assert committed == swiss_catalogue(), "run `make messages` (scripts/swiss_catalogue.py)"
    with (SWISS.parent / "django.mo").open("rb") as mo:
        compiled = _translations(read_mo(mo))
    assert not [s for i, s in compiled.items() if "ß" in str(s) and "ß" not in str(i)]
    assert compiled[("%(counter)s reader", "%(counter)s readers")]
