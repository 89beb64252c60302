"""`corrigenda diff`: the same word-level diff in the terminal."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from corrigenda.archive.services import article_ingest

pytestmark = pytest.mark.django_db

URL = "https://www.busblatt.example/linie-7"
TEXT = (
    "Neuer Fahrplan für die Buslinie 7\n\n"
    "Ab Dezember fährt die Buslinie 7 alle zehn Minuten.\n\n"
    "Die Haltestellen erhalten neue Anzeigen.\n\n"
    "Der Kanton bezahlt dafür 1,3 Millionen Franken im Jahr."
)


def diff(*args: str) -> str:
    out = StringIO()
    with translation.override("en"):
        call_command("diff", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def three_versions() -> None:
    article_ingest(url=URL, text=TEXT)
    article_ingest(url=URL, text=TEXT.replace("1,3 Millionen", "1,5 Millionen"))
    article_ingest(
        url=URL, text=TEXT.replace("1,3 Millionen", "1,5 Millionen").replace("zehn", "zwölf")
    )


@pytest.mark.usefixtures("three_versions")
def test_default_is_previous_against_latest_with_markers() -> None:
    out = diff(URL)
    assert out.startswith("--- version 2, fetched ")
    assert "+++ version 3" in out
    assert "alle [-zehn-]{+zwölf+} Minuten" in out
    assert "1,5 Millionen" not in out  # unchanged paragraph collapsed
    assert "… 1 unchanged paragraph …" in out
    assert "\x1b[" not in out


@pytest.mark.usefixtures("three_versions")
def test_any_two_versions_and_any_spelling_of_the_url() -> None:
    out = diff(URL + "?utm_medium=email#x", "--from", "1", "--to", "3", "--full")
    assert "[-1,3-]{+1,5+} Millionen" in out
    assert "alle [-zehn-]{+zwölf+}" in out
    assert "Neuer Fahrplan" in out  # --full keeps unchanged paragraphs


@pytest.mark.usefixtures("three_versions")
def test_force_color_uses_terminal_colours() -> None:
    assert "\x1b[32;4mzwölf\x1b[0m" in diff(URL, "--force-color")


@pytest.mark.usefixtures("three_versions")
def test_missing_version_is_an_error() -> None:
    with pytest.raises(CommandError, match="Archived versions: 1, 2, 3"):
        diff(URL, "--from", "7")


def test_unknown_article_is_an_error() -> None:
    with pytest.raises(CommandError, match="No archived article"):
        diff("https://nowhere.example/x")


def test_single_version_says_so(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    call_command("ingest", str(path), stdout=StringIO())
    assert "Only one version" in diff(str(path))
