"""`corrigenda ingest`: one line per failed input, a summary, and the exit status."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from corrigenda.archive.management.commands.ingest import BarProgress, Command
from corrigenda.archive.models import Article, ArticleVersion
from corrigenda.archive.services import IngestOutcome

pytestmark = pytest.mark.django_db

TEXT = (
    "Neuer Fahrplan für die Buslinie 7\n\n"
    "Ab Dezember fährt die Buslinie 7 tagsüber alle zehn statt alle fünfzehn Minuten.\n\n"
    "Der Kanton bezahlt den dichteren Takt mit jährlich 1,3 Millionen Franken."
)


def ingest(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    with translation.override("en"):
        call_command("ingest", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "bus.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_a_file_is_archived_with_a_summary(article_file: Path) -> None:
    out, err = ingest(str(article_file))
    assert "created" in out.splitlines()[0]
    assert "Neuer Fahrplan für die Buslinie 7" in out
    assert out.splitlines()[-1] == "1 created, 0 new versions, 0 unchanged, 0 failed"
    assert err == ""


def test_ingesting_twice_is_idempotent(article_file: Path) -> None:
    ingest(str(article_file))
    out, _ = ingest(str(article_file))
    assert out.splitlines()[-1] == "0 created, 0 new versions, 1 unchanged, 0 failed"
    assert ArticleVersion.objects.count() == 1


def test_each_failure_gets_one_line_and_the_others_still_run(
    article_file: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("\n", encoding="utf-8")
    out, err = StringIO(), StringIO()
    with translation.override("en"), pytest.raises(CommandError, match="3 inputs failed"):
        call_command(
            "ingest",
            str(tmp_path / "missing.txt"),
            str(empty),
            "http://127.0.0.1/admin",
            str(article_file),
            stdout=out,
            stderr=err,
        )
    lines = err.getvalue().splitlines()
    assert len(lines) == 3
    assert lines[0].startswith(f"failed: {tmp_path / 'missing.txt'}: unreadable:")
    assert lines[1].startswith(f"failed: {empty}: not an article:")
    assert lines[2].startswith("failed: http://127.0.0.1/admin: blocked address:")
    assert out.getvalue().splitlines()[-1] == "1 created, 0 new versions, 0 unchanged, 3 failed"
    assert Article.objects.count() == 1


def test_url_option_makes_an_edited_copy_version_two(article_file: Path, tmp_path: Path) -> None:
    url = "https://www.busblatt.example/linie-7"
    ingest(str(article_file), "--url", url)
    copy = tmp_path / "bus-korrigiert.txt"
    copy.write_text(TEXT.replace("1,3 Millionen", "1,5 Millionen"), encoding="utf-8")
    out, _ = ingest(str(copy), "--url", url)
    assert out.splitlines()[0].startswith("new version  v2  " + url)


def test_url_option_needs_exactly_one_file(article_file: Path) -> None:
    with pytest.raises(CommandError, match="exactly one"):
        ingest(str(article_file), str(article_file), "--url", "https://a.example/x")


def test_unknown_outlet_is_refused(article_file: Path) -> None:
    with pytest.raises(CommandError, match="No outlet nope"):
        ingest(str(article_file), "--outlet", "nope")


def test_outlet_option_files_the_article_there(article_file: Path) -> None:
    call_command("demo", stdout=StringIO())
    ingest(str(article_file), "--outlet", "rheinblick")
    assert Article.objects.get(canonical_url=article_file.resolve().as_uri()).outlet.slug == (
        "rheinblick"
    )


def test_a_directory_ingests_its_files(article_file: Path, tmp_path: Path) -> None:
    (tmp_path / "other.txt").write_text(TEXT.replace("Buslinie 7", "Buslinie 9"), encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    out, _ = ingest(str(tmp_path))
    assert out.splitlines()[-1] == "2 created, 0 new versions, 0 unchanged, 0 failed"


def test_seed_files_become_two_articles_with_their_dates(seeds: Path) -> None:
    """The issue's "done when": both seeds, correct dates, no reader notice in the body."""
    first, second = sorted(seeds.glob("*.txt"))
    out, _ = ingest(str(first), str(second))
    assert out.splitlines()[-1] == "2 created, 0 new versions, 0 unchanged, 0 failed"
    dated = ArticleVersion.objects.get(article__canonical_url=first.resolve().as_uri())
    assert (dated.published_display, dated.published_precision) == ("2025-02", "month")
    undated = ArticleVersion.objects.get(article__canonical_url=second.resolve().as_uri())
    assert undated.published_on is None  # seed 001 states no date: unknown, not guessed
    for notice in ("Fehler- und Korrekturhinweise", "Unterstützen Sie uns", "Kommentare: 0"):
        assert notice not in undated.text
        assert notice in undated.stripped
    assert "Machtkampf" in undated.paragraphs[-1]


def test_an_empty_directory_is_a_failed_input(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="1 input failed"):
        ingest(str(tmp_path))


def test_progress_bar_counts_the_entries_a_feed_expands_into() -> None:
    command = Command(stdout=StringIO(), stderr=StringIO())
    command.verbosity = 1
    bar = BarProgress(command, 2, enabled=True)
    bar.expand(3)  # the first input was a feed of three articles
    for _ in range(4):
        bar.advance(IngestOutcome("x", reason="not_an_article", message="empty"))
    assert bar.bar is not None
    assert (bar.bar.n, bar.bar.total) == (4, 4)
    bar.close()


def test_no_bar_for_a_single_article() -> None:
    command = Command(stdout=StringIO(), stderr=StringIO())
    assert BarProgress(command, 1, enabled=True).bar is None


def test_edited_copy_of_a_seed_is_version_two_with_its_diff(seeds: Path, tmp_path: Path) -> None:
    """The issue's "done when": an edited copy, re-ingested with --url, shows version 2."""
    (seed,) = seeds.glob("001_*.txt")
    ingest(str(seed))
    copy = tmp_path / "edited.txt"
    original = seed.read_text(encoding="utf-8")
    assert "9,74 Milliarden" in original
    copy.write_text(original.replace("9,74 Milliarden", "9,75 Milliarden"), encoding="utf-8")
    out, _ = ingest(str(copy), "--url", seed.resolve().as_uri())
    assert out.splitlines()[-1] == "0 created, 1 new version, 0 unchanged, 0 failed"
    diff = StringIO()
    with translation.override("en"):
        call_command("diff", str(seed), stdout=diff)
    assert "[-9,74-]{+9,75+} Milliarden" in diff.getvalue()
    assert diff.getvalue().startswith("--- version 1")
