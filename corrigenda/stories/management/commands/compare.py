import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from corrigenda.claims import Fact, Status, compare
from corrigenda.stories.sources import read_document


class Command(BaseCommand):
    help = (
        "Compare the claims of several article files (plain text or HTML) and print the "
        "facts two or more of them state: agreeing or conflicting. Works without a database."
    )
    requires_system_checks: tuple[str, ...] = ()  # no database, no checks

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", type=Path, help="Two or more article files.")
        parser.add_argument("--lang", choices=["de", "en"], help="Default: detected per file.")
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="Print a JSON list of facts."
        )

    def handle(
        self, *args: object, files: list[Path], lang: str | None, as_json: bool, **options: object
    ) -> None:
        missing = [str(path) for path in files if not path.is_file()]
        if missing:
            raise CommandError(f"No such file: {', '.join(missing)}")
        facts = compare([read_document(path, lang=lang) for path in files])
        self.stdout.write(_json(facts) if as_json else _table(facts))


def _json(facts: list[Fact]) -> str:
    return json.dumps([fact.as_json() for fact in facts], ensure_ascii=False, indent=2)


def _table(facts: list[Fact]) -> str:
    lines: list[str] = []
    for number, fact in enumerate(facts, start=1):
        verdict = "CONFLICT" if fact.status is Status.CONFLICT else "agree"
        about = ", ".join(fact.subject[:5])
        lines.append(f"{number}. {verdict}  {fact.kind} {fact.unit or ''}  ({about})".rstrip())
        width = max(len(s.document) for s in fact.statements)
        for statement in fact.statements:
            mark = "!" if statement.document in fact.outliers else " "
            lines.append(f"   {mark} {statement.document.ljust(width)}  {statement.claim.text}")
            lines.append(f"     {' ' * width}  “{_cut(statement.claim.sentence, 100)}”")
    conflicts = sum(fact.status is Status.CONFLICT for fact in facts)
    lines.append(f"{len(facts)} facts, {conflicts} in conflict")
    return "\n".join(lines)


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
