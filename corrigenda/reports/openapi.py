"""The OpenAPI 3.1 description of the whole JSON API under /api/v1/.

Served at /api/v1/openapi.json. tests/reports/test_openapi.py validates it, checks
that every URL under /api/v1/ is in it, and that real answers match its schemas.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping

from corrigenda.reports.idempotency import MAX_KEY_LENGTH

VERSION = "1.0.0"
MAX_BODY_KIB = 64


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: Mapping[str, object], description: str, **headers: object) -> dict[str, object]:
    answer: dict[str, object] = {
        "description": description,
        "content": {"application/json": {"schema": schema}},
    }
    if headers:
        answer["headers"] = headers
    return answer


def _error(description: str, **headers: object) -> dict[str, object]:
    return _json(_ref("Error"), description, **headers)


_NULLABLE_STRING = {"type": ["string", "null"]}
_NULLABLE_INT = {"type": ["integer", "null"]}
_NULLABLE_DATE = {"type": ["string", "null"], "format": "date"}
_RETRY_AFTER = {
    "description": "Seconds to wait before trying again.",
    "schema": {"type": "integer", "minimum": 1},
}
# What a story's summary (in the list) and the story itself share.
_STORY: dict[str, object] = {
    "id": {"type": "integer"},
    "title": {"type": "string"},
    "url": {"type": "string", "description": "The story's page on this site."},
    "created": {"type": "string", "format": "date-time"},
    "updated": {"type": "string", "format": "date-time"},
    "first_published": _NULLABLE_DATE,
    "last_published": _NULLABLE_DATE,
}
_STORY_REQUIRED = ["id", "title", "url", "created", "updated", "first_published", "last_published"]

_SCHEMAS: dict[str, object] = {
    "ReportRequest": {
        "type": "object",
        "description": (
            "A reader's correction request. `url` and one of `description` or "
            "`proposed_fix` are required; the limits on lengths and links are the "
            "outlet's (defaults: passage 2,000 characters, description and fix 5,000, "
            "10 links)."
        ),
        "additionalProperties": False,
        "required": ["url"],
        "properties": {
            "url": {
                "type": "string",
                "maxLength": 2048,
                "description": "The article's address (one of the outlet's domains).",
                "examples": ["https://www.example.ch/politik/artikel-123"],
            },
            "passage": {"type": "string", "description": "The wrong passage, as quoted."},
            "prefix": {
                "type": "string",
                "maxLength": 200,
                "description": "Words just before the passage (tells repeated passages apart).",
            },
            "suffix": {
                "type": "string",
                "maxLength": 200,
                "description": "Words just after the passage.",
            },
            "proposed_fix": {"type": "string", "description": "How the passage should read."},
            "description": {"type": "string", "description": "What is wrong, and why."},
            "evidence": {
                "type": "array",
                "items": {"type": "string", "format": "uri"},
                "description": "Links that support the correction.",
            },
            "name": {"type": "string", "maxLength": 200, "description": "Optional."},
            "email": {
                "type": "string",
                "format": "email",
                "description": "Optional: receives a confirmation and the outcome.",
            },
            "language": {
                "type": "string",
                "enum": ["", "de", "en"],
                "description": (
                    "The reader's language for e-mails; default: the Accept-Language "
                    "header's, else the outlet's."
                ),
            },
            "accept_unanchored": {
                "type": "boolean",
                "default": False,
                "description": (
                    "File the report even though the passage was not found in the "
                    "archived article (after a 422 that offered the closest passage)."
                ),
            },
        },
    },
    "Anchor": {
        "type": "object",
        "description": (
            "Where the passage stands in the archived article. `exact`, `start`, `end` "
            "and `version` are set only when `state` is `anchored`."
        ),
        "required": ["state", "exact", "start", "end", "version"],
        "properties": {
            "state": {
                "type": "string",
                "enum": ["pending", "anchored", "unanchored", "no_passage", "no_article"],
                "description": (
                    "pending: the article is being archived; anchored: found; unanchored: "
                    "not found; no_passage: none given; no_article: could not be archived."
                ),
            },
            "exact": _NULLABLE_STRING,
            "start": {**_NULLABLE_INT, "description": "Character offset in the version's text."},
            "end": _NULLABLE_INT,
            "version": {**_NULLABLE_INT, "description": "The archived version's number."},
        },
    },
    "Report": {
        "type": "object",
        "description": (
            "The submitter's own report. `token` is the reader's private key to its "
            "status: keep it secret. Other readers' reports are never shown."
        ),
        "required": [
            "token",
            "status_url",
            "status",
            "merged",
            "received",
            "decided",
            "decision_reason",
            "anchor",
        ],
        "properties": {
            "token": {"type": "string", "minLength": 20},
            "status_url": {
                "type": "string",
                "format": "uri",
                "description": "The reader's private status page.",
            },
            "status": {
                "type": "string",
                "enum": ["new", "in_review", "accepted", "rejected", "duplicate"],
                "description": (
                    "The state of the desk's item the report belongs to (merged reports "
                    "are decided together)."
                ),
            },
            "merged": {
                "type": "boolean",
                "description": "Joined an open item about the same passage.",
            },
            "received": {"type": "string", "format": "date-time"},
            "decided": {"type": ["string", "null"], "format": "date-time"},
            "decision_reason": {"type": "string", "description": "The desk's reason, if any."},
            "anchor": _ref("Anchor"),
        },
    },
    "ValidationErrors": {
        "type": "object",
        "required": ["code", "errors", "closest"],
        "properties": {
            "code": {"const": "invalid"},
            "errors": {
                "type": "object",
                "description": (
                    "Messages by request field, in the language of Accept-Language "
                    "(German or English)."
                ),
                "additionalProperties": {"type": "array", "items": {"type": "string"}},
            },
            "closest": {
                **_NULLABLE_STRING,
                "description": "The closest passage of the article, when `passage` was not found.",
            },
        },
    },
    "Error": {
        "type": "object",
        "required": ["error"],
        "properties": {
            "code": {"type": "string", "description": "Stable, for programs."},
            "error": {"type": "string", "description": "For people."},
        },
    },
    "StorySummary": {
        "type": "object",
        "required": [*_STORY_REQUIRED, "articles", "outlets"],
        "properties": {
            **_STORY,
            "articles": {"type": "integer", "description": "Number of articles."},
            "outlets": {"type": "integer", "description": "Number of outlets."},
        },
    },
    "StoryList": {
        "type": "object",
        "required": ["count", "limit", "offset", "stories"],
        "properties": {
            "count": {"type": "integer"},
            "limit": {"type": "integer"},
            "offset": {"type": "integer"},
            "stories": {"type": "array", "items": _ref("StorySummary")},
        },
    },
    "StoryArticle": {
        "type": "object",
        "required": ["id", "outlet", "title", "url", "version"],
        "properties": {
            "id": {"type": "integer"},
            "document": {"type": "string"},
            "outlet": {"type": "string"},
            "title": {"type": "string"},
            "url": {"type": "string"},
            "language": {"type": "string"},
            "published": _NULLABLE_DATE,
            "version": {"type": "integer"},
            "assigned_by": {"type": "string"},
            "pinned": {"type": "boolean"},
            "score": {"type": ["number", "null"]},
            "shared": {"type": "array", "items": {"type": "string"}},
        },
    },
    "StoryFact": {
        "type": "object",
        "description": "A fact the articles state, with whether they agree.",
        "required": ["kind", "status", "claims"],
        "properties": {
            "kind": {"type": "string"},
            "unit": {"type": "string"},
            "status": {"type": "string"},
            "subject": {"type": "array", "items": {"type": "string"}},
            "outliers": {"type": "array", "items": {"type": "string"}},
            "claims": {"type": "array", "items": {"type": "object"}},
            "agreeing": {"type": "integer", "description": "Statements in the majority."},
            "stated": {"type": "integer", "description": "Statements in all."},
        },
    },
    "Story": {
        "type": "object",
        "required": [*_STORY_REQUIRED, "articles", "facts", "timeline"],
        "properties": {
            **_STORY,
            "articles": {"type": "array", "items": _ref("StoryArticle")},
            "facts": {"type": "array", "items": _ref("StoryFact")},
            "timeline": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["date", "kind", "label"],
                    "properties": {
                        "date": {"type": "string", "description": "As precise as the text."},
                        "kind": {"type": "string", "enum": ["fact", "published"]},
                        "label": {"type": "string"},
                        "detail": {"type": "string"},
                    },
                },
            },
        },
    },
}

_DOCUMENT: dict[str, object] = {
    "openapi": "3.1.0",
    "info": {
        "title": "corrigenda API",
        "version": VERSION,
        "summary": "Readers' correction requests and the stories across outlets.",
        "description": (
            "Machines' access to corrigenda. No cookies, no CSRF tokens. Errors answer "
            "in German or English as Accept-Language asks. See docs/api.md."
        ),
        "license": {"name": "AGPL-3.0-or-later", "identifier": "AGPL-3.0-or-later"},
    },
    "servers": [{"url": "/api/v1"}],
    "paths": {
        "/reports": {
            "post": {
                "operationId": "reportCreate",
                "summary": "File a reader's correction request",
                "description": (
                    "Stored durably before the answer. Send an `Idempotency-Key` to retry "
                    "safely: the same key and body get the first answer again "
                    "(`Idempotent-Replayed: true`), the same key with another body 422, "
                    "and while the first request is still in flight 409. A request that "
                    "stored nothing (422, 429) frees its key again."
                ),
                "parameters": [
                    {
                        "name": "Idempotency-Key",
                        "in": "header",
                        "required": False,
                        "description": (
                            "A unique, unguessable value (a UUID) chosen by the client, "
                            'bare or as a structured-field string ("…").'
                        ),
                        "schema": {"type": "string", "minLength": 1, "maxLength": MAX_KEY_LENGTH},
                    },
                    {
                        "name": "Accept-Language",
                        "in": "header",
                        "required": False,
                        "schema": {"type": "string", "examples": ["de", "en"]},
                    },
                ],
                "requestBody": {
                    "required": True,
                    "description": f"At most {MAX_BODY_KIB} KiB.",
                    "content": {"application/json": {"schema": _ref("ReportRequest")}},
                },
                "responses": {
                    "201": _json(
                        _ref("Report"),
                        "Filed (or, with `Idempotent-Replayed: true`, filed before).",
                        Location={
                            "description": "The report's status in this API.",
                            "schema": {"type": "string"},
                        },
                        **{
                            "Idempotent-Replayed": {
                                "description": "Present on a replayed answer.",
                                "schema": {"const": "true"},
                            }
                        },
                    ),
                    "400": _error("Not a JSON object, or a bad Idempotency-Key."),
                    "409": _error(
                        "A request with this Idempotency-Key is still in flight.",
                        **{"Retry-After": _RETRY_AFTER},
                    ),
                    "413": _error(f"The body is larger than {MAX_BODY_KIB} KiB."),
                    "415": _error("The body is not sent as application/json."),
                    "422": {
                        "description": (
                            "Field errors (`ValidationErrors`), or the Idempotency-Key was "
                            "used for another request (`Error`, code "
                            "`idempotency_key_reused`)."
                        ),
                        "content": {
                            "application/json": {
                                "schema": {"oneOf": [_ref("ValidationErrors"), _ref("Error")]}
                            }
                        },
                    },
                    "429": _error(
                        "Too many reports from this address or for this outlet.",
                        **{"Retry-After": _RETRY_AFTER},
                    ),
                },
            }
        },
        "/reports/{token}": {
            "get": {
                "operationId": "reportStatus",
                "summary": "A report's current state, by its private token",
                "parameters": [
                    {
                        "name": "token",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                    }
                ],
                "responses": {
                    "200": _json(_ref("Report"), "The report."),
                    "404": _error("No report has this token."),
                },
            }
        },
        "/stories": {
            "get": {
                "operationId": "storyList",
                "summary": "Stories, newest first",
                "parameters": [
                    {
                        "name": "limit",
                        "in": "query",
                        "schema": {"type": "integer", "minimum": 1, "maximum": 200, "default": 50},
                    },
                    {
                        "name": "offset",
                        "in": "query",
                        "schema": {"type": "integer", "minimum": 0, "default": 0},
                    },
                ],
                "responses": {
                    "200": _json(_ref("StoryList"), "A page of stories."),
                    "400": _error("limit or offset is not an integer."),
                },
            }
        },
        "/stories/{pk}": {
            "get": {
                "operationId": "storyDetail",
                "summary": "One story: its articles, facts and timeline",
                "parameters": [
                    {
                        "name": "pk",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "integer"},
                    }
                ],
                "responses": {
                    "200": _json(_ref("Story"), "The story."),
                    "301": {"description": "The story was merged: its new address."},
                    "404": _error("No such story."),
                },
            }
        },
        "/openapi.json": {
            "get": {
                "operationId": "openapiDocument",
                "summary": "This document",
                "responses": {
                    "200": {
                        "description": "The OpenAPI 3.1 document.",
                        "content": {"application/json": {"schema": {"type": "object"}}},
                    }
                },
            }
        },
    },
    "components": {"schemas": _SCHEMAS},
}


def document() -> dict[str, object]:
    """The OpenAPI document (a copy: callers may change it)."""
    return copy.deepcopy(_DOCUMENT)
