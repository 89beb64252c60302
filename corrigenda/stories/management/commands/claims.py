import datetime as dt
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from corrigenda.claims import Claim, extract
from corrigenda.stories.sources import read_source


class Command(BaseCommand):
    help = (
        "Print the checkable claims of an article file (plain text or HTML): amounts, "
        "percentages, counts, dates and quotes. Works without a database."
    )
    requires_system_checks: tuple[str, ...] = ()  # no database, no checks

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="An article as plain text or HTML.")
        parser.add_argument("--lang", choices=["de", "en"], help="Default: detected.")
        parser.add_argument(
            "--published",
            type=dt.date.fromisoformat,
            help="Publication date YYYY-MM-DD for relative dates. Default: from the file.",
        )
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="Print a JSON list."
        )

    def handle(
        self,
        *args: object,
        file: Path,
        lang: str | None,
        published: dt.date | None,
        as_json: bool,
        **options: object,
    ) -> None:
        if not file.is_file():
            raise CommandError(f"No such file: {file}")
        source = read_source(file)
        claims = extract(source.text, lang=lang, published=published or source.published)
        self.stdout.write(_json(claims) if as_json else _table(claims))


def _json(claims: list[Claim]) -> str:
    return json.dumps([claim.as_json() for claim in claims], ensure_ascii=False, indent=2)


def _table(claims: list[Claim]) -> str:
    rows = [("KIND", "TEXT", "VALUE", "LOW..HIGH", "UNIT / SPEAKER")]
    for claim in claims:
        fields = claim.as_json()
        rows.append(
            (
                str(claim.kind),
                _cut(claim.text, 48),
                _cut(str(fields["value"] if fields["value"] is not None else ""), 24),
                f"{_bound(fields['low'])}..{_bound(fields['high'])}",
                claim.speaker or claim.unit or "",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    lines.append(f"{len(claims)} claims")
    return "\n".join(line.rstrip() for line in lines)


def _bound(value: object) -> str:
    return "" if value is None else str(value)


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
