"""Readers' private status links never reach the logs in full."""

from __future__ import annotations

import pytest
from django.test import Client

from corrigenda.reports.log_privacy import PrivateLinks

TOKEN = "XAU_xLktEtyMSSwqDCz7mv1eHLym-BKUCeq8WjdJCL4"


def test_a_status_token_is_shortened_in_every_log_line() -> None:
    import logging

    record = logging.LogRecord(
        "django.server",
        logging.INFO,
        __file__,
        1,
        '"GET %s HTTP/1.1" 200',
        (f"/report/status/{TOKEN}/",),
        None,
    )
    assert PrivateLinks().filter(record)
    assert TOKEN not in record.getMessage()
    assert "/report/status/XAU_…/" in record.getMessage()


@pytest.mark.django_db
def test_a_mistyped_status_link_is_logged_without_its_token(client: Client) -> None:
    import io
    import logging

    # The configured console handler (settings.LOGGING), with its output captured.
    [console] = [
        h
        for h in logging.getLogger().handlers
        if isinstance(h, logging.StreamHandler)
        and any(isinstance(f, PrivateLinks) for f in h.filters)
    ]
    captured = io.StringIO()
    previous = console.setStream(captured)
    try:
        assert client.get(f"/report/status/{TOKEN}/").status_code == 404
        assert client.get(f"/api/v1/reports/{TOKEN}").status_code == 404
    finally:
        console.setStream(previous)
    logged = captured.getvalue()
    assert "Not Found: /report/status/XAU_…/" in logged
    assert "Not Found: /api/v1/reports/XAU_…" in logged
    assert TOKEN not in logged
