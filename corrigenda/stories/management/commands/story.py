from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError, CommandParser

from corrigenda.stories import selectors
from corrigenda.stories.models import Story


class Command(BaseCommand):
    help = "Show one story: its articles and the facts their outlets state."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("id", type=int, help="The story's number.")
        parser.add_argument("--json", action="store_true", help="Print the story as JSON.")

    def handle(self, *args: object, id: int, json: bool, **options: object) -> None:
        story = Story.objects.filter(pk=id).first()
        if story is None:
            raise CommandError(f"no story {id}")
        while story.merged_into is not None:
            story = story.merged_into
        page = selectors.story_page(story)
        if json:
            self.stdout.write(_dumps(selectors.story_json(page)))
            return
        self.stdout.write(f"#{story.pk} {story.title}")
        for article in page.articles:
            published = article.published.isoformat() if article.published else "–"
            self.stdout.write(
                f"  {published}  {article.language:2}  {article.outlet}: {article.title}"
            )
        for row in page.facts:
            verdict = (
                f"{row.agreeing}/{row.stated} agree" if row.conflict else f"{row.stated} agree"
            )
            values = " | ".join(
                cell.text + (" (outlier)" if cell.outlier else "")
                for cell in row.cells
                if cell.text
            )
            self.stdout.write(f"  [{row.fact.status}] {row.fact.kind} {verdict}: {values}")
            for side in row.outliers:
                self.stdout.write(f"      outlier {', '.join(side.outlets)}: {side.sentence}")
            if row.conflict and row.majority:
                self.stdout.write(
                    f"      majority {', '.join(row.majority.outlets)}: {row.majority.sentence}"
                )


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)
