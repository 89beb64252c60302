"""The reports' JSON API under /api/v1/: file a report, read its status, the OpenAPI
document. For machines: no cookies, no CSRF token; every write goes through
`services.report_submit`, and an `Idempotency-Key` makes retries safe (see
`idempotency`). What a response may show: the submitter's own report (its private
status token included), never another reader's data.
"""

from __future__ import annotations

import json
import time
from typing import cast

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from corrigenda.reports import openapi, selectors, services
from corrigenda.reports.client import client_address
from corrigenda.reports.idempotency import (
    MAX_KEY_LENGTH,
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
from corrigenda.reports.models import AnchorState, Channel, Report
from corrigenda.reports.validation import RateLimited, ReportInvalid, Submission

MAX_BODY_BYTES = 64 * 1024
TEXT_FIELDS = {
    "url": "location",
    "passage": "passage",
    "prefix": "passage_prefix",
    "suffix": "passage_suffix",
    "proposed_fix": "proposed_fix",
    "description": "description",
    "name": "reporter_name",
    "email": "reporter_email",
    "language": "language",
}
FIELDS = {*TEXT_FIELDS, "evidence", "accept_unanchored"}
# Submission field → the API's name for it, for error messages.
API_NAMES = {inner: outer for outer, inner in TEXT_FIELDS.items()}
RATE_WINDOW_SECONDS = 3600  # services.rate_count's window


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, **headers: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.headers = status, code, message, headers

    def response(self) -> JsonResponse:
        answer = JsonResponse({"code": self.code, "error": self.message}, status=self.status)
        for name, value in self.headers.items():
            answer[name.replace("_", "-")] = value
        return answer


@csrf_exempt
@require_POST
def report_create(request: HttpRequest) -> JsonResponse:
    try:
        body = _json_body(request)
        key = _idempotency_key(request)
        submission = _submission(body, request)
        if key is None:
            return _submit(request, submission, body, claim=None)
        fingerprint = request_hash(method="POST", path=request.path_info, body=body)
        claim = idempotency_begin(key=key, request_hash=fingerprint)
        if isinstance(claim, Proceed):
            return _submit(request, submission, body, claim=claim)
        return _not_now(claim)
    except ApiError as error:
        return error.response()
    except ReportInvalid as invalid:
        return _invalid(invalid)


@require_GET
def report_status(request: HttpRequest, token: str) -> JsonResponse:
    report = selectors.report_by_token(token=token)
    if report is None:
        answer = ApiError(404, "not_found", _("No report has this token.")).response()
    else:
        answer = JsonResponse(report_json(report))
    answer["Cache-Control"] = "no-store"  # the URL holds the reader's private token
    return answer


@require_GET
def openapi_document(request: HttpRequest) -> JsonResponse:
    return JsonResponse(openapi.document())


def report_json(report: Report) -> dict[str, object]:
    """The submitter's view of their report, as its status page shows it: the state of
    the item it belongs to (merged reports are decided together), its anchor and the
    private status link. Nothing of the other readers of the item."""
    item = selectors.report_item(report=report)
    anchored = report.anchor_state == AnchorState.ANCHORED
    version = report.anchor_version if anchored else None
    return {
        "token": report.token,
        "status_url": selectors.status_url(report),
        "status": item.status,
        "merged": report.merged_into_id is not None,
        "received": report.received_at.isoformat(),
        "decided": item.decided_at.isoformat() if item.decided_at else None,
        "decision_reason": item.decision_reason,
        "anchor": {
            "state": report.anchor_state,
            "exact": report.anchor_exact if anchored else None,
            "start": report.anchor_start if anchored else None,
            "end": report.anchor_end if anchored else None,
            "version": version.number if version is not None else None,
        },
    }


# ---------------------------------------------------------------- internals


def _submit(
    request: HttpRequest, submission: Submission, body: dict[str, object], claim: Proceed | None
) -> JsonResponse:
    stored: list[dict[str, object]] = []  # the answer as the key keeps it

    def remember(report: Report) -> None:  # inside the report's transaction
        assert claim is not None
        stored.append(report_json(report))
        idempotency_finish(claim=claim, status=201, body=stored[0], report=report)

    try:
        report = services.report_submit(
            submission=submission,
            channel=Channel.API,
            sender=client_address(request),
            payload=body,
            on_stored=remember if claim else None,
        )
    except LeaseLost:  # another request took the key over: this one stored nothing
        raise ApiError(409, "in_flight", _in_flight_message()) from None
    except BaseException as error:
        if claim is not None:  # nothing was stored: the key may be used again
            idempotency_release(claim=claim)
        if isinstance(error, RateLimited):
            raise _rate_limited() from None
        if isinstance(error, ReportInvalid):
            raise _in_api_names(error) from None
        raise
    return _created(stored[0] if stored else report_json(report))


def _not_now(claim: Replay | Conflict | Mismatch) -> JsonResponse:
    if isinstance(claim, Replay):
        answer = _created(claim.body)
        answer.status_code = claim.status
        answer["Idempotent-Replayed"] = "true"
        return answer
    if isinstance(claim, Conflict):
        raise ApiError(409, "in_flight", _in_flight_message(), Retry_After=str(claim.retry_after))
    assert isinstance(claim, Mismatch)
    raise ApiError(
        422,
        "idempotency_key_reused",
        _("This Idempotency-Key was already used for a different request."),
    )


def _created(body: object) -> JsonResponse:
    answer = JsonResponse(body, status=201, safe=False)
    token = cast(dict[str, object], body).get("token") if isinstance(body, dict) else None
    if isinstance(token, str):
        answer["Location"] = reverse("reports_api:status", args=[token])
    return answer


def _in_api_names(invalid: ReportInvalid) -> ReportInvalid:
    """The service's errors under the names the API's fields have."""
    renamed = ReportInvalid(closest=invalid.closest)
    for name, messages in invalid.errors.items():
        for message in messages:
            renamed.add(API_NAMES.get(name, name), message)
    return renamed


def _invalid(invalid: ReportInvalid) -> JsonResponse:
    errors = {name: [str(m) for m in messages] for name, messages in invalid.errors.items()}
    return JsonResponse(
        {"code": "invalid", "errors": errors, "closest": invalid.closest or None}, status=422
    )


def _in_flight_message() -> str:
    return _("A request with this Idempotency-Key is still being processed. Please retry later.")


def _json_body(request: HttpRequest) -> dict[str, object]:
    content_type = request.content_type or ""
    if content_type != "application/json" and not content_type.endswith("+json"):
        raise ApiError(
            415,
            "unsupported_media_type",
            _("Please send the report as JSON (Content-Type: application/json)."),
            Accept_Post="application/json",
        )
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    raw = b"" if declared > MAX_BODY_BYTES else request.read(MAX_BODY_BYTES + 1)
    if declared > MAX_BODY_BYTES or len(raw) > MAX_BODY_BYTES:
        raise ApiError(
            413,
            "too_large",
            _("The request is too large (at most %(limit)d KiB).")
            % {"limit": MAX_BODY_BYTES // 1024},
        )
    try:
        body = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise ApiError(400, "bad_json", _("The body is not valid JSON (UTF-8).")) from None
    if not isinstance(body, dict):
        raise ApiError(400, "bad_json", _("The body must be a JSON object."))
    return body


def _idempotency_key(request: HttpRequest) -> str | None:
    """The Idempotency-Key header: a structured-field string ("…"), or bare."""
    value = request.headers.get("Idempotency-Key")
    if value is None:
        return None
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        value = value[1:-1]
    if not value or len(value) > MAX_KEY_LENGTH or not value.isascii() or not value.isprintable():
        raise ApiError(
            400,
            "bad_idempotency_key",
            _("The Idempotency-Key must have 1 to %(limit)d printable ASCII characters.")
            % {"limit": MAX_KEY_LENGTH},
        )
    return value


def _submission(body: dict[str, object], request: HttpRequest) -> Submission:
    """The body as a Submission; ReportInvalid for fields of the wrong type."""
    invalid = ReportInvalid()
    for name in sorted(set(body) - FIELDS):
        invalid.add(name, _("Unknown field."))
    values: dict[str, object] = {"location": ""}
    for outer, inner in TEXT_FIELDS.items():
        value = body.get(outer)
        if value is None:
            continue
        if not isinstance(value, str):
            invalid.add(outer, _("Expected text."))
        values[inner] = value
    evidence = body.get("evidence")
    if evidence is not None and not (
        isinstance(evidence, list) and all(isinstance(link, str) for link in evidence)
    ):
        invalid.add("evidence", _("Expected a list of web addresses."))
    accept = body.get("accept_unanchored")
    if accept is not None and not isinstance(accept, bool):
        invalid.add("accept_unanchored", _("Expected true or false."))
    languages = [code for code, _name in settings.LANGUAGES]
    language = values.get("language")
    if isinstance(language, str) and language and language not in languages:
        invalid.add("language", _("Expected one of: %(codes)s.") % {"codes": ", ".join(languages)})
    if invalid.errors:
        raise invalid
    if not values.get("language") and "HTTP_ACCEPT_LANGUAGE" in request.META:
        values["language"] = getattr(request, "LANGUAGE_CODE", "")
    return Submission(
        **cast(dict[str, str], values),
        evidence=tuple(cast(list[str], evidence or [])),
        accept_unanchored=bool(accept),
    )


def _rate_limited() -> ApiError:
    retry_after = RATE_WINDOW_SECONDS - int(time.time()) % RATE_WINDOW_SECONDS
    return ApiError(
        429,
        "rate_limited",
        _("Too many reports. Please try again later."),
        Retry_After=str(retry_after),
    )
