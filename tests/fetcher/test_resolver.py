import threading
from collections.abc import Sequence

import pytest

from corrigenda.fetcher import Timeout, Unreachable
from corrigenda.fetcher.resolver import resolve_within, system_resolver


def test_the_system_resolver_returns_each_address_once() -> None:
    # A numeric host is answered by getaddrinfo itself, without any DNS traffic.
    assert system_resolver("127.0.0.1", 80) == ["127.0.0.1"]


def test_a_resolver_answer_is_passed_on() -> None:
    assert resolve_within(lambda host, port: ("192.0.2.1", "2001:db8::1"), "a.example", 80, 1) == [
        "192.0.2.1",
        "2001:db8::1",
    ]


def test_a_failing_lookup_is_unreachable() -> None:
    def broken(host: str, port: int, /) -> Sequence[str]:
        raise OSError("no route to the name server")

    with pytest.raises(Unreachable) as failed:
        resolve_within(broken, "a.example", 80, 1)
    assert failed.value.reason == "dns"


def test_a_hanging_lookup_is_abandoned_at_the_deadline() -> None:
    release = threading.Event()

    def hanging(host: str, port: int, /) -> Sequence[str]:
        release.wait(60)
        return ["192.0.2.1"]

    try:
        with pytest.raises(Timeout):
            resolve_within(hanging, "a.example", 80, 0.2)
    finally:
        release.set()
