"""The labelled story set in tests/stories/fixtures (see its README)."""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"


@dataclass(frozen=True)
class LabelledArticle:
    id: str
    story: str  # the file's stem: the true story
    story_title: str
    outlet: str
    lang: str
    country: str
    published: dt.date
    title: str
    text: str
    planted: str | None = None

    @property
    def distractor(self) -> bool:
        return self.story.startswith("distractor_")


@cache
def labelled_articles() -> tuple[LabelledArticle, ...]:
    articles = []
    for path in sorted(FIXTURES.glob("*.toml")):
        story = tomllib.loads(path.read_text(encoding="utf-8"))
        for entry in story["article"]:
            articles.append(
                LabelledArticle(
                    id=entry["id"],
                    story=path.stem,
                    story_title=story["title"],
                    outlet=entry["outlet"],
                    lang=entry["lang"],
                    country=entry["country"],
                    published=entry["published"],
                    title=entry["title"],
                    text=entry["text"].strip(),
                    planted=entry.get("planted"),
                )
            )
    return tuple(articles)


def story_articles(story: str) -> list[LabelledArticle]:
    return [a for a in labelled_articles() if a.story == story]
