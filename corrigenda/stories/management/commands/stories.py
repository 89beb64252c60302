from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandParser

from corrigenda.stories import selectors, services


class Command(BaseCommand):
    help = "List stories, most recent first; --assign first groups archived articles in none."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--limit", type=int, default=50, help="How many stories to list.")
        parser.add_argument("--json", action="store_true", help="Print JSON instead of a table.")
        parser.add_argument(
            "--assign",
            action="store_true",
            help="First put every archived article that is in no story into one.",
        )

    def handle(
        self, *args: object, limit: int, json: bool, assign: bool, **options: object
    ) -> None:
        if assign:
            count = services.story_assign_pending()
            self.stderr.write(f"assigned {count} article(s)")
        stories = selectors.story_list()[: max(limit, 0)]
        if json:
            self.stdout.write(_dumps([selectors.story_summary_json(s) for s in stories]))
            return
        for story in stories:
            span = story.first_published.isoformat() if story.first_published else "–"
            articles, outlets = (
                getattr(story, "article_count", 0),
                getattr(story, "outlet_count", 0),
            )
            self.stdout.write(
                f"{story.pk:>6}  {span}  {articles:>3} art. {outlets:>3} outl.  {story.title}"
            )


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)
