"""The Idempotency-Key rows: claimed once, answered in the report's transaction."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from corrigenda.reports.idempotency import (
    Conflict,
    LeaseLost,
    Mismatch,
    Proceed,
    Replay,
    idempotency_begin,
    idempotency_finish,
    idempotency_release,
    request_hash,
)
from corrigenda.reports.models import Channel, IdempotencyKey, Report
from corrigenda.reports.services import report_submit
from corrigenda.reports.validation import Submission
from tests.reports._api_setup import ARTICLE_URL, PASSAGE, outlet_with_article

pytestmark = pytest.mark.django_db


def test_the_hash_ignores_key_order_and_spacing_but_not_content() -> None:
    a = request_hash(method="POST", path="/r", body={"a": 1, "b": ["x", "ü"]})
    assert a == request_hash(method="post", path="/r", body={"b": ["x", "ü"], "a": 1})
    assert a != request_hash(method="POST", path="/r", body={"a": 1, "b": ["x", "u"]})
    assert a != request_hash(method="POST", path="/other", body={"a": 1, "b": ["x", "ü"]})


def test_a_key_moves_from_proceed_to_conflict_to_replay() -> None:
    claim = idempotency_begin(key="k1", request_hash="h")
    assert isinstance(claim, Proceed)

    busy = idempotency_begin(key="k1", request_hash="h")
    assert isinstance(busy, Conflict)
    assert 1 <= busy.retry_after <= 30
    assert isinstance(idempotency_begin(key="k1", request_hash="other"), Mismatch)

    idempotency_finish(claim=claim, status=201, body={"token": "t"})
    assert idempotency_begin(key="k1", request_hash="h") == Replay(201, {"token": "t"})
    assert isinstance(idempotency_begin(key="k1", request_hash="other"), Mismatch)


def test_the_key_is_unique_in_the_database_itself() -> None:
    assert isinstance(idempotency_begin(key="k2", request_hash="h"), Proceed)
    with pytest.raises(IntegrityError), transaction.atomic():
        IdempotencyKey.objects.create(key="k2", request_hash="h", locked_until=timezone.now())


def test_a_released_key_is_free_again() -> None:
    claim = idempotency_begin(key="k3", request_hash="h")
    assert isinstance(claim, Proceed)
    idempotency_release(claim=claim)
    assert isinstance(idempotency_begin(key="k3", request_hash="other"), Proceed)


def test_a_request_whose_lease_was_taken_over_files_nothing() -> None:
    outlet_with_article()
    claim = idempotency_begin(key="slow", request_hash="h")
    assert isinstance(claim, Proceed)
    # The first request took longer than its lease; a retry took the key over.
    later = claim.lease_until + timedelta(seconds=1)
    assert isinstance(idempotency_begin(key="slow", request_hash="h", now=later), Proceed)

    with pytest.raises(LeaseLost):
        report_submit(
            submission=Submission(
                location=ARTICLE_URL, passage=PASSAGE, description="Falsche Zahl"
            ),
            channel=Channel.API,
            on_stored=lambda report: idempotency_finish(
                claim=claim, status=201, body={}, report=report
            ),
        )

    assert Report.objects.count() == 0  # rolled back with the answer it could not store
    # The retry that holds the key now can still finish.
    assert IdempotencyKey.objects.get(key="slow").state == "in_flight"
