"""ALTCHA proof of work on the public report form: challenges, checks, no replays.

A challenge is ALTCHA's proof of work v2 in its deterministic form: the server picks
a secret counter below the outlet's difficulty and publishes only the first half of
the key PBKDF2 derives from it; the reader's browser tries counters from 0 until the
key matches (on average difficulty / 2 tries, about a second at the default 50,000).
The challenge is signed (HMAC, a key derived from SECRET_KEY), expires after
`LIFETIME` and states its difficulty, so a solution to an easier outlet's challenge
does not pass a harder outlet's form.

A solved challenge is accepted once: its signature is stored (`SpentChallenge`, unique)
until the challenge expires, and a second use is refused. Without JavaScript the form cannot solve a challenge; such a
report is still accepted, but under a much stricter limit: `NO_PROOF_PER_SENDER`
sending attempts per connection and hour (a form sent back for a correction counts
too), and a tenth of the outlet's hourly limit in all.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta

import altcha
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from corrigenda.archive.models import Outlet
from corrigenda.reports.models import IntakePolicy, SpentChallenge
from corrigenda.reports.services import rate_count, sender_key
from corrigenda.reports.validation import RateLimited

ALGORITHM = "PBKDF2/SHA-256"
COST = 1  # PBKDF2 iterations per try: the work is the number of tries
LIFETIME = timedelta(minutes=5)
NO_PROOF_PER_SENDER = 4  # sending attempts, including those sent back for a correction
# Spent challenges are counted in one window that outlasts every challenge; a
# window of an hour would forget a spent challenge at the next full hour.


class ProofRefused(Exception):
    """The proof of work does not hold: "invalid", "expired", "too_easy" or "replayed"."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _secret(purpose: str) -> bytes:
    return hmac.new(
        settings.SECRET_KEY.encode(), f"corrigenda.reports.altcha.{purpose}".encode(), "sha256"
    ).digest()


def challenge_create(*, difficulty: int) -> dict[str, object]:
    """A fresh signed challenge for the widget, as JSON-ready data."""
    difficulty = max(1, difficulty)
    challenge = altcha.create_challenge(
        ALGORITHM,
        COST,
        counter=secrets.randbelow(difficulty),
        expires_at=timezone.now() + LIFETIME,
        data={"difficulty": difficulty},
        hmac_secret=_secret("challenge"),
        hmac_key_secret=_secret("key"),
    )
    result: dict[str, object] = challenge.to_dict()
    return result


def solution_spend(*, payload: str, policy: IntakePolicy) -> None:
    """Accept a solved challenge once; ProofRefused when it does not hold."""
    result = altcha.verify_solution(payload, _secret("challenge"), hmac_key_secret=_secret("key"))
    if result.expired:
        raise ProofRefused("expired")
    if not result.verified:
        raise ProofRefused("invalid")
    challenge = altcha.Payload.from_base64(payload).challenge
    data = challenge.parameters.data or {}
    difficulty = data.get("difficulty")
    if not isinstance(difficulty, int) or difficulty < policy.proof_of_work_difficulty:
        raise ProofRefused("too_easy")
    spent = hashlib.sha256(str(challenge.signature).encode()).hexdigest()
    now = timezone.now()
    try:
        with transaction.atomic():
            SpentChallenge.objects.filter(expires_at__lt=now).delete()
            SpentChallenge.objects.create(signature=spent, expires_at=now + LIFETIME)
    except IntegrityError as replayed:
        raise ProofRefused("replayed") from replayed


def without_proof_count(*, outlet: Outlet, policy: IntakePolicy, sender: str) -> None:
    """Count a report sent without proof of work; RateLimited beyond the strict limit."""
    if sender and rate_count(key=f"noproof:{sender_key(sender)}") > NO_PROOF_PER_SENDER:
        raise RateLimited("without proof of work, per sender")
    if rate_count(key=f"noproof:outlet:{outlet.pk}") > max(1, policy.per_outlet_per_hour // 10):
        raise RateLimited("without proof of work, per outlet")
