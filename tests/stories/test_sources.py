"""Reading article files for the command line: text, publication date, outlet."""

import datetime as dt
from pathlib import Path

from corrigenda.stories.sources import read_source, split_marker


def test_a_date_marker_gives_the_month_as_a_range_or_the_day() -> None:
    assert split_marker(" date 2025-02 Elon Musk bietet.") == (
        " " * 14 + "Elon Musk bietet.",
        (dt.date(2025, 2, 1), dt.date(2025, 2, 28)),
    )
    assert split_marker(" date 2024-02-29 Text") == (" " * 17 + "Text", dt.date(2024, 2, 29))
    assert split_marker("Ohne Marker.") == ("Ohne Marker.", None)
    assert split_marker(" date 2025-13 Text")[1] is None


def test_a_plain_text_file_is_read_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "bericht.txt"
    path.write_text("Der Text.\n", encoding="utf-8")
    source = read_source(path)
    assert (source.name, source.outlet, source.text, source.published) == (
        "bericht.txt",
        "bericht",
        "Der Text.\n",
        None,
    )
