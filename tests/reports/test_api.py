"""POST /api/v1/reports and GET /api/v1/reports/<token>, as an API client meets them."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from corrigenda.archive.models import Article
from corrigenda.reports.idempotency import request_hash
from corrigenda.reports.models import (
    AnchorState,
    Channel,
    IdempotencyKey,
    IdempotencyState,
    IntakePolicy,
    Report,
    Status,
)
from tests.reports._api_setup import ARTICLE_URL, PASSAGE, outlet_with_article, report_body

URL = "/api/v1/reports"
pytestmark = pytest.mark.django_db


@pytest.fixture
def article() -> Article:
    return outlet_with_article()[1]


def post(
    client: Client,
    body: object,
    *,
    key: str | None = None,
    language: str = "en",
    content_type: str = "application/json",
) -> tuple[int, dict[str, Any], dict[str, str]]:
    headers = {"Accept-Language": language}
    if key is not None:
        headers["Idempotency-Key"] = key
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    response = client.post(URL, data=data, content_type=content_type, headers=headers)
    return response.status_code, response.json(), dict(response.headers)


def test_a_report_is_filed_anchored_and_answered_with_its_private_status_link(
    client: Client, article: Article
) -> None:
    status, body, headers = post(client, report_body())

    assert status == 201
    report = Report.objects.get()
    assert body["token"] == report.token
    assert body["status_url"] == f"http://127.0.0.1:8000/report/status/{report.token}/"
    assert headers["Location"] == f"/api/v1/reports/{report.token}"
    assert body["status"] == "new"
    assert body["merged"] is False
    anchor = body["anchor"]
    assert isinstance(anchor, dict)
    assert anchor["state"] == "anchored"
    assert anchor["exact"] == PASSAGE
    assert anchor["version"] == 1
    text = article.versions.get().text
    assert text[anchor["start"] : anchor["end"]] == PASSAGE
    assert report.channel == Channel.API
    assert report.article == article
    assert [e.url for e in report.evidence.all()] == ["https://www.example.org/medienmitteilung"]
    assert report.payload == report_body()
    assert report.language == "en"  # from Accept-Language, as the body gave none


def test_an_unknown_article_is_filed_and_anchored_later(client: Client, article: Article) -> None:
    status, body, _headers = post(client, report_body(url="https://www.testblatt.ch/neu/artikel"))

    assert status == 201
    assert body["anchor"] == {
        "state": "pending",
        "exact": None,
        "start": None,
        "end": None,
        "version": None,
    }


def test_field_errors_are_422_in_english(client: Client, article: Article) -> None:
    status, body, headers = post(
        client,
        report_body(url=None, description=None, proposed_fix=None, email="nobody@"),
        language="en",
    )

    assert status == 422
    assert body["code"] == "invalid"
    assert body["errors"] == {
        "url": ["Please give the address (URL) of the article."],
        "description": ["Please say what is wrong, or how the passage should read."],
        "email": ["This e-mail address is not valid."],
    }
    assert headers["Content-Language"] == "en"
    assert Report.objects.count() == 0


def test_field_errors_are_422_in_german(client: Client, article: Article) -> None:
    status, body, headers = post(
        client, report_body(url=None, email="nobody@", language="de"), language="de"
    )

    assert status == 422
    with translation.override("de"):
        expected = {
            "url": [_("Please give the address (URL) of the article.")],
            "email": [_("This e-mail address is not valid.")],
        }
    assert body["errors"] == expected
    assert headers["Content-Language"] == "de"


def test_wrongly_typed_and_unknown_fields_are_422_by_name(client: Client, article: Article) -> None:
    status, body, _headers = post(
        client,
        report_body(
            passage=12,
            evidence="https://x.org",
            accept_unanchored="yes",
            location="x",
            language="fr",
        ),
    )

    assert status == 422
    assert body["errors"] == {
        "location": ["Unknown field."],
        "passage": ["Expected text."],
        "evidence": ["Expected a list of web addresses."],
        "accept_unanchored": ["Expected true or false."],
        "language": ["Expected one of: de, en."],
    }


def test_a_passage_not_in_the_article_is_422_with_the_closest_then_accepted_on_request(
    client: Client, article: Article
) -> None:
    misquoted = "Der Regierungsrat hat am Dienstag das Budget für das nächste Jahr präsentiert"
    status, body, _headers = post(client, report_body(passage=misquoted))

    assert status == 422
    assert list(body["errors"]) == ["passage"]
    assert isinstance(body["closest"], str)
    assert "Regierungsrat" in body["closest"]

    status, body, _headers = post(client, report_body(passage=misquoted, accept_unanchored=True))
    assert status == 201
    assert body["anchor"]["state"] == AnchorState.UNANCHORED


def test_a_foreign_url_is_422_on_url(client: Client, article: Article) -> None:
    status, body, _headers = post(client, report_body(url="https://www.other.example/artikel"))

    assert status == 422
    assert list(body["errors"]) == ["url"]


@pytest.mark.parametrize(
    ("data", "content_type", "expected", "code"),
    [
        ("{not json", "application/json", 400, "bad_json"),
        ('["a list"]', "application/json", 400, "bad_json"),
        (b"\xff\xfe{}", "application/json", 400, "bad_json"),
        ("url=https://x", "application/x-www-form-urlencoded", 415, "unsupported_media_type"),
        ('{"url": "https://x"}', "text/plain", 415, "unsupported_media_type"),
    ],
)
def test_a_body_that_is_not_a_json_object_is_refused(
    client: Client, data: str, content_type: str, expected: int, code: str
) -> None:
    status, body, _headers = post(client, data, content_type=content_type)

    assert status == expected
    assert body["code"] == code
    assert isinstance(body["error"], str)


def test_a_body_over_64_kib_is_413_and_files_nothing(client: Client, article: Article) -> None:
    status, body, _headers = post(client, report_body(description="x" * 65 * 1024))

    assert status == 413
    assert body["code"] == "too_large"
    assert Report.objects.count() == 0
    # Just under the cap is read (and judged by the field limits instead).
    status, body, _headers = post(client, report_body(description="x" * 60 * 1024))
    assert status == 422
    assert list(body["errors"]) == ["description"]


def test_csrf_does_not_apply_to_the_api(article: Article) -> None:
    client = Client(enforce_csrf_checks=True)

    status, _body, _headers = post(client, report_body())

    assert status == 201


def test_reading_the_collection_is_not_allowed(client: Client) -> None:
    assert client.get(URL).status_code == 405


def test_too_many_reports_from_one_address_is_429_with_retry_after(
    client: Client, article: Article
) -> None:
    IntakePolicy.objects.create(outlet=article.outlet, per_sender_per_hour=1)
    assert post(client, report_body())[0] == 201

    status, body, headers = post(client, report_body(proposed_fix="ganz anders"), key="k-429")

    assert status == 429
    assert body["code"] == "rate_limited"
    assert 1 <= int(headers["Retry-After"]) <= 3600
    assert Report.objects.count() == 1
    assert not IdempotencyKey.objects.filter(key="k-429").exists()  # freed: nothing stored


# ------------------------------------------------------------- Idempotency-Key


def test_the_same_key_and_body_replay_the_first_answer_and_file_once(
    client: Client, article: Article
) -> None:
    first = post(client, report_body(), key="retry-1")
    # The same JSON with its keys in another order is the same request.
    shuffled = json.dumps(dict(reversed(list(report_body().items()))))
    again = post(client, shuffled, key='"retry-1"')  # a structured-field string is the same key

    assert first[0] == again[0] == 201
    assert again[1] == first[1]
    assert again[2]["Idempotent-Replayed"] == "true"
    assert again[2]["Location"] == first[2]["Location"]
    assert "Idempotent-Replayed" not in first[2]
    assert Report.objects.count() == 1
    row = IdempotencyKey.objects.get(key="retry-1")
    assert row.state == IdempotencyState.DONE
    assert row.report == Report.objects.get()


def test_the_same_key_with_another_body_is_422(client: Client, article: Article) -> None:
    assert post(client, report_body(), key="retry-2")[0] == 201

    status, body, _headers = post(client, report_body(description="anders"), key="retry-2")

    assert status == 422
    assert body["code"] == "idempotency_key_reused"
    assert Report.objects.count() == 1


def test_a_key_still_in_flight_is_409_with_retry_after(client: Client, article: Article) -> None:
    IdempotencyKey.objects.create(
        key="busy",
        request_hash=request_hash(method="POST", path=URL, body=report_body()),
        locked_until=timezone.now() + timedelta(seconds=20),
    )

    status, body, headers = post(client, report_body(), key="busy")

    assert status == 409
    assert body["code"] == "in_flight"
    assert 1 <= int(headers["Retry-After"]) <= 20
    assert Report.objects.count() == 0


def test_an_expired_lease_is_taken_over_by_the_retry(client: Client, article: Article) -> None:
    # A request that died before it committed anything left its key in flight.
    IdempotencyKey.objects.create(
        key="orphan",
        request_hash=request_hash(method="POST", path=URL, body=report_body()),
        locked_until=timezone.now() - timedelta(seconds=1),
    )

    status, body, headers = post(client, report_body(), key="orphan")

    assert status == 201
    assert "Idempotent-Replayed" not in headers
    row = IdempotencyKey.objects.get(key="orphan")
    assert row.state == IdempotencyState.DONE
    assert row.response_body == body
    assert Report.objects.count() == 1


def test_a_request_refused_for_its_fields_frees_its_key(client: Client, article: Article) -> None:
    assert post(client, report_body(url=None), key="fix-and-retry")[0] == 422

    status, _body, headers = post(client, report_body(), key="fix-and-retry")

    assert status == 201
    assert "Idempotent-Replayed" not in headers


@pytest.mark.parametrize("key", ["", "x" * 256, "schlüssel", "tab\there"])
def test_a_bad_key_is_400(client: Client, article: Article, key: str) -> None:
    status, body, _headers = post(client, report_body(), key=key)

    assert status == 400
    assert body["code"] == "bad_idempotency_key"
    assert Report.objects.count() == 0


def test_a_key_of_255_characters_is_accepted(client: Client, article: Article) -> None:
    assert post(client, report_body(), key="k" * 255)[0] == 201


# --------------------------------------------------------------- what is shown


def test_the_answer_never_shows_another_readers_report(client: Client, article: Article) -> None:
    first = post(client, report_body(name="Anna Erste", email="anna@example.org"))[1]
    status, second, _headers = post(
        client,
        report_body(name="Bruno Zweiter", email="bruno@example.org", description="Gleicher Fehler"),
    )

    assert status == 201
    assert second["merged"] is True  # one item on the desk ...
    assert second["status"] == Status.NEW  # ... whose state is the reader's, too
    primary = Report.objects.get(token=first["token"])
    assert Report.objects.get(token=second["token"]).merged_into == primary
    # ... but the second reader learns nothing about the first.
    shown = json.dumps(second) + client.get(f"/api/v1/reports/{second['token']}").content.decode()
    for secret in ("Anna", "anna@example.org", str(first["token"]), "bruno@example.org"):
        assert secret not in shown
    assert f'"id": {primary.pk}' not in shown
    assert "merged_into" not in shown


def test_the_status_is_read_by_token_and_not_cached(client: Client, article: Article) -> None:
    created = post(client, report_body())[1]

    response = client.get(f"/api/v1/reports/{created['token']}")

    assert response.status_code == 200
    assert response.json() == created
    assert response["Cache-Control"] == "no-store"
    missing = client.get("/api/v1/reports/not-a-token", headers={"Accept-Language": "en"})
    assert missing.status_code == 404
    assert missing.json()["code"] == "not_found"


def test_the_raw_body_is_kept_and_the_report_uses_the_bodys_language(
    client: Client, article: Article
) -> None:
    post(client, report_body(language="de", email="leser@example.org"), language="en")

    report = Report.objects.get()
    assert report.language == "de"
    assert report.reporter_email == "leser@example.org"
    assert report.payload["url"] == ARTICLE_URL


def test_a_merged_readers_status_follows_the_desks_decision_on_the_item(
    client: Client, article: Article
) -> None:
    first = post(client, report_body())[1]
    second = post(client, report_body(description="Derselbe Fehler"))[1]
    primary = Report.objects.get(token=first["token"])
    primary.status = Status.ACCEPTED
    primary.decided_at = timezone.now()
    primary.decision_reason = "Die Zahl wird korrigiert."
    primary.save()

    shown = client.get(f"/api/v1/reports/{second['token']}").json()

    assert shown["status"] == "accepted"
    assert shown["decision_reason"] == "Die Zahl wird korrigiert."
    assert shown["decided"] == primary.decided_at.isoformat()
    assert shown["merged"] is True
