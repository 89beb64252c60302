"""`Idempotency-Key` for API writes (draft-ietf-httpapi-idempotency-key-header).

The database enforces it, not process memory: the first request with a key inserts
the key's row (the column is unique) and holds a lease on it; it stores its answer
in the SAME transaction that writes what the request created, so the answer exists
exactly when the effect does. A retry then gets:

- the stored answer again (`Replay`) once the first request is done,
- `Conflict` (HTTP 409) while the first is still in flight,
- `Mismatch` (HTTP 422) when the key was used for another request body,
- `Proceed` when the key is new, or its holder died before committing anything and
  its lease has run out (the retry takes the key over).

A request that stored nothing (invalid input, rate limit, an error) releases the key,
so the client may correct the request and send it again under the same key.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from corrigenda.reports.models import IdempotencyKey, IdempotencyState, Report

MAX_KEY_LENGTH = 255


@dataclass(frozen=True)
class Proceed:
    """The caller holds the key until `lease_until`: do the work, then finish or release."""

    key: str
    lease_until: datetime


@dataclass(frozen=True)
class Replay:
    """The key's request is done: answer with this again."""

    status: int
    body: object


@dataclass(frozen=True)
class Conflict:
    """The key's first request is still in flight; retry after `retry_after` seconds."""

    retry_after: int


@dataclass(frozen=True)
class Mismatch:
    """The key was used for a different request."""


class LeaseLost(Exception):
    """The lease ran out and another request took the key over; store nothing."""


def request_hash(*, method: str, path: str, body: object) -> str:
    """A request's fingerprint: method, path and the body as canonical JSON.

    Key order and whitespace do not matter; anything else in the body does.
    """
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(f"{method.upper()} {path}\n{canonical}".encode()).hexdigest()


def idempotency_begin(
    *, key: str, request_hash: str, now: datetime | None = None
) -> Proceed | Replay | Conflict | Mismatch:
    """Claim `key` for a request with this hash, or say why not (see the module)."""
    if not key or len(key) > MAX_KEY_LENGTH:
        raise ValueError("an idempotency key has 1 to 255 characters")
    now = now or timezone.now()
    lease_until = now + timedelta(seconds=settings.IDEMPOTENCY_LEASE_SECONDS)
    with transaction.atomic():
        row, created = IdempotencyKey.objects.select_for_update().get_or_create(
            key=key,
            defaults={
                "request_hash": request_hash,
                "state": IdempotencyState.IN_FLIGHT,
                "locked_until": lease_until,
            },
        )
        if created:
            return Proceed(key=key, lease_until=lease_until)
        if row.request_hash != request_hash:
            return Mismatch()
        if row.state == IdempotencyState.DONE:
            return Replay(status=row.response_status or 200, body=row.response_body)
        # In flight. A holder that died leaves a lease that runs out: take the key
        # over, but only if nobody else did in the meantime (a conditional update).
        if row.locked_until > now:
            return Conflict(retry_after=_seconds_until(row.locked_until, now))
        taken = IdempotencyKey.objects.filter(
            pk=row.pk, state=IdempotencyState.IN_FLIGHT, locked_until=row.locked_until
        ).update(locked_until=lease_until)
    if taken:
        return Proceed(key=key, lease_until=lease_until)
    return Conflict(retry_after=settings.IDEMPOTENCY_LEASE_SECONDS)


def idempotency_finish(
    *, claim: Proceed, status: int, body: object, report: Report | None = None
) -> None:
    """Store the answer for the claimed key.

    Call it inside the transaction that writes the request's effect (for reports:
    `report_submit(on_stored=…)`), so both commit together or not at all. Raises
    LeaseLost when the lease ran out and another request took the key over; the
    caller's transaction then rolls back, and nothing is filed twice.
    """
    stored = IdempotencyKey.objects.filter(
        key=claim.key, state=IdempotencyState.IN_FLIGHT, locked_until=claim.lease_until
    ).update(
        state=IdempotencyState.DONE,
        response_status=status,
        response_body=body,
        report=report,
    )
    if not stored:
        raise LeaseLost(claim.key)


def idempotency_release(*, claim: Proceed) -> None:
    """Give the key up: the request stored nothing, so it may be sent again."""
    IdempotencyKey.objects.filter(
        key=claim.key, state=IdempotencyState.IN_FLIGHT, locked_until=claim.lease_until
    ).delete()


def _seconds_until(moment: datetime, now: datetime) -> int:
    return max(1, int((moment - now).total_seconds() + 0.999))
