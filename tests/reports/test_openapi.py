"""The OpenAPI document: valid, complete (every /api/v1/ URL and method) and true
(real answers match its schemas)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate

from corrigenda.stories.models import Story
from corrigenda.stories.services import story_assign
from tests.reports._api_setup import outlet_with_article, report_body
from tests.stories.conftest import archive_labelled
from tests.stories.labelled import story_articles

PREFIX = "api/v1/"
METHODS = ("get", "post", "put", "patch", "delete")
pytestmark = pytest.mark.django_db


@pytest.fixture
def document(client: Client) -> dict[str, Any]:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()  # type: ignore[no-any-return]


def api_routes(resolvers: list[Any] | None = None, prefix: str = "") -> Iterator[str]:
    """Every URL pattern of the project, as its route text (`api/v1/stories/<int:pk>`)."""
    for entry in resolvers if resolvers is not None else get_resolver().url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from api_routes(entry.url_patterns, route)
        elif isinstance(entry, URLPattern):
            yield route


def as_openapi(route: str) -> str:
    """`api/v1/stories/<int:pk>` → `/stories/{pk}` (relative to the server /api/v1)."""
    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route.removeprefix(PREFIX))


def test_the_document_is_valid_openapi_3_1(document: dict[str, Any]) -> None:
    validate(document)
    assert document["openapi"].startswith("3.1")
    assert document["servers"] == [{"url": "/api/v1"}]


def test_every_api_url_is_documented_and_every_documented_path_exists(
    document: dict[str, Any],
) -> None:
    routes = {as_openapi(r) for r in api_routes() if r.startswith(PREFIX)}
    assert {"/reports", "/reports/{token}", "/stories", "/stories/{pk}"} <= routes
    assert routes - set(document["paths"]) == set(), "URLs missing from the OpenAPI document"
    assert set(document["paths"]) - routes == set(), "documented paths without a URL"


def test_each_url_answers_exactly_the_documented_methods(
    client: Client, document: dict[str, Any]
) -> None:
    samples = {"token": "no-such-token", "pk": "999999"}
    for path, operations in document["paths"].items():
        url = "/api/v1" + re.sub(r"{(\w+)}", lambda m: samples[m.group(1)], path)
        for method in METHODS:
            response = client.generic(
                method.upper(), url, data="{}", content_type="application/json"
            )
            if method in operations:
                assert response.status_code != 405, f"{method.upper()} {path} is documented"
                documented = operations[method]["responses"]
                assert str(response.status_code) in documented, f"{method.upper()} {path}"
            else:
                assert response.status_code == 405, f"{method.upper()} {path} is undocumented"


def conforms(document: dict[str, Any], path: str, method: str, response: Any) -> None:
    """The response's status is documented and its body matches the documented schema."""
    answers = document["paths"][path][method]["responses"]
    assert str(response.status_code) in answers, f"{response.status_code} undocumented"
    schema = answers[str(response.status_code)]["content"]["application/json"]["schema"]
    validator = Draft202012Validator({**schema, "components": document["components"]})
    errors = [e.message for e in validator.iter_errors(response.json())]
    assert errors == [], json.dumps(response.json(), indent=1)


def test_the_reports_answers_match_their_schemas(client: Client, document: dict[str, Any]) -> None:
    outlet_with_article()

    def post(body: object, **headers: str) -> Any:
        return client.post(
            "/api/v1/reports",
            data=json.dumps(body),
            content_type="application/json",
            headers=headers,
        )

    created = post(report_body(), **{"Idempotency-Key": "doc"})
    assert created.status_code == 201
    conforms(document, "/reports", "post", created)
    conforms(document, "/reports", "post", post(report_body(), **{"Idempotency-Key": "doc"}))
    conforms(document, "/reports", "post", post(report_body(url=None)))
    conforms(document, "/reports", "post", post(report_body(x=1), **{"Idempotency-Key": "doc"}))
    conforms(document, "/reports", "post", post(["not", "an", "object"]))
    conforms(document, "/reports", "post", post(report_body(), **{"Idempotency-Key": "k" * 300}))
    status = client.get(f"/api/v1/reports/{created.json()['token']}")
    conforms(document, "/reports/{token}", "get", status)
    conforms(document, "/reports/{token}", "get", client.get("/api/v1/reports/nothing"))


def test_the_stories_answers_match_their_schemas(client: Client, document: dict[str, Any]) -> None:
    article = story_articles("musk_openai_bid")[0]
    story_id = story_assign(version=archive_labelled(article)).story_id
    assert Story.objects.filter(pk=story_id).exists()

    conforms(document, "/stories", "get", client.get("/api/v1/stories"))
    conforms(document, "/stories", "get", client.get("/api/v1/stories?limit=x"))
    conforms(document, "/stories/{pk}", "get", client.get(f"/api/v1/stories/{story_id}"))
    conforms(document, "/stories/{pk}", "get", client.get("/api/v1/stories/999999"))
