"""The reader's address behind trusted reverse proxies."""

from __future__ import annotations

from django.http import HttpRequest
from django.test import RequestFactory
from pytest_django.fixtures import Settings

from corrigenda.reports.client import client_address


def request(remote: str, forwarded: str = "") -> HttpRequest:
    made = RequestFactory().get("/")
    made.META["REMOTE_ADDR"] = remote
    if forwarded:
        made.META["HTTP_X_FORWARDED_FOR"] = forwarded
    return made


def test_without_trusted_proxies_the_connecting_address_counts(settings: Settings) -> None:
    settings.TRUSTED_PROXIES = []
    assert client_address(request("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


def test_behind_a_trusted_proxy_the_forwarded_reader_counts(settings: Settings) -> None:
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    # The left-most entry is the client's claim; the right-most untrusted hop is believed.
    got = client_address(request("10.0.0.5", "1.2.3.4, 198.51.100.7, 10.0.0.9"))
    assert got == "198.51.100.7"


def test_an_untrusted_sender_cannot_forge_its_address(settings: Settings) -> None:
    settings.TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert client_address(request("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


def test_garbage_in_the_header_falls_back_to_the_proxy(settings: Settings) -> None:
    settings.TRUSTED_PROXIES = ["10.0.0.5"]
    assert client_address(request("10.0.0.5", "not-an-ip")) == "10.0.0.5"
