"""Swiss outlets get Swiss spelling in what readers see."""

from django.utils import translation
from django.utils.translation import gettext

from corrigenda.archive.spelling import reader_locale, swiss


def test_swiss_outlets_read_german_in_swiss_spelling() -> None:
    assert reader_locale("de", "swiss") == "de-ch"
    assert reader_locale("de", "standard") == "de"
    assert reader_locale("en", "swiss") == "en"
    assert swiss("Wie es richtig heißt, steht im Beschluss: Straße") == (
        "Wie es richtig heisst, steht im Beschluss: Strasse"
    )


def test_the_swiss_catalogue_is_used() -> None:
    with translation.override("de-ch"):
        assert gettext("How it should read") == "Wie es richtig heisst"
    with translation.override("de"):
        assert gettext("How it should read") == "Wie es richtig heißt"
