"""Robustness: every article of the 10kGNAD test set goes through text ingest."""

import csv
from pathlib import Path

import pytest
from django.db import transaction

from corrigenda.archive.models import ArticleVersion
from corrigenda.archive.services import IngestStatus, article_ingest, outlet_register

pytestmark = pytest.mark.django_db


def read_gnad(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [row[1] for row in csv.reader(handle, delimiter=";", quotechar="'")]


def test_all_10kgnad_articles_ingest_as_text(gnad_csv: Path) -> None:
    texts = read_gnad(gnad_csv)
    assert len(texts) == 1028
    outlet = outlet_register(slug="gnad", name="10kGNAD", domains=("gnad.example",))
    statuses = []
    with transaction.atomic():
        for number, body in enumerate(texts):
            result = article_ingest(
                outlet=outlet, url=f"https://gnad.example/test/{number}", text=body
            )
            statuses.append(result.status)
    assert statuses.count(IngestStatus.CREATED) == 1028
    versions = ArticleVersion.objects.filter(article__outlet=outlet)
    assert versions.count() == 1028
    assert not versions.filter(text="").exists()
    # Ordinary news text keeps nearly all of its words: stripping is the exception.
    stripped = versions.exclude(stripped="").count()
    assert stripped < 1028 * 0.05, f"{stripped} articles lost text to boilerplate stripping"
