from ipaddress import ip_address

import pytest

from corrigenda.fetcher.addresses import blocked_reason, embedded_ipv4, is_public

BLOCKED = [
    ("0.0.0.0", "unspecified"),  # noqa: S104 - a value under test, not a bind
    ("0.1.2.3", "unspecified"),
    ("10.1.2.3", "private"),
    ("100.64.0.1", "carrier-grade NAT"),
    ("100.127.255.254", "carrier-grade NAT"),
    ("127.0.0.1", "loopback"),
    ("127.255.255.254", "loopback"),
    ("169.254.169.254", "link-local"),  # cloud metadata service
    ("172.16.0.1", "private"),
    ("172.31.255.255", "private"),
    ("192.0.0.8", "IETF protocol assignment"),
    ("192.0.2.10", "documentation"),
    ("192.88.99.1", "6to4 relay anycast"),
    ("192.168.1.1", "private"),
    ("198.18.0.1", "benchmarking"),
    ("198.19.255.255", "benchmarking"),
    ("198.51.100.7", "documentation"),
    ("203.0.113.99", "documentation"),
    ("224.0.0.251", "multicast"),
    ("239.255.255.250", "multicast"),
    ("240.0.0.1", "reserved"),
    ("255.255.255.255", "reserved"),
    ("::", "unspecified"),
    ("::1", "loopback"),
    ("::127.0.0.1", "IPv4-compatible (deprecated)"),
    ("::8.8.8.8", "IPv4-compatible (deprecated)"),
    ("::ffff:127.0.0.1", "loopback (embedded in IPv6)"),
    ("::ffff:7f00:1", "loopback (embedded in IPv6)"),
    ("::ffff:169.254.169.254", "link-local (embedded in IPv6)"),
    ("::ffff:10.0.0.1", "private (embedded in IPv6)"),
    ("::ffff:0:127.0.0.1", "IPv4-translated"),
    ("64:ff9b::127.0.0.1", "loopback (embedded in IPv6)"),  # NAT64
    ("64:ff9b::a9fe:a9fe", "link-local (embedded in IPv6)"),
    ("64:ff9b:1::1", "local NAT64"),
    ("2002:7f00:1::1", "loopback (embedded in IPv6)"),  # 6to4
    ("2002:c0a8:101::1", "private (embedded in IPv6)"),
    ("2001:0:4136:e378:8000:63bf:3fff:fdd2", "IETF protocol assignment"),  # Teredo
    ("2001:db8::1", "documentation"),
    ("3fff::1", "documentation"),
    ("100::1", "discard-only"),
    ("5f00::1", "segment routing"),
    ("fc00::1", "unique local (private)"),
    ("fd12:3456:789a::1", "unique local (private)"),
    ("fe80::1", "link-local"),
    ("fe80::1%eth0", "IPv6 zone id"),
    ("fec0::1", "site-local (deprecated)"),
    ("ff02::1", "multicast"),
]

PUBLIC = [
    "1.1.1.1",
    "8.8.8.8",
    "93.184.215.14",
    "100.63.255.255",  # just below carrier-grade NAT
    "100.128.0.0",  # just above it
    "172.15.255.255",
    "172.32.0.0",
    "198.17.255.255",
    "198.20.0.0",
    "223.255.255.255",
    "::ffff:8.8.8.8",
    "64:ff9b::808:808",  # NAT64 to a public address
    "2002:808:808::1",  # 6to4 from a public address
    "2606:4700:4700::1111",
    "2a00:1450:4001:80b::200e",
]


@pytest.mark.parametrize(("text", "reason"), BLOCKED)
def test_non_public_addresses_are_blocked_with_their_reason(text: str, reason: str) -> None:
    address = ip_address(text)
    assert blocked_reason(address) == reason
    assert not is_public(address)


@pytest.mark.parametrize("text", PUBLIC)
def test_public_unicast_addresses_pass(text: str) -> None:
    assert blocked_reason(ip_address(text)) is None


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        ("::ffff:127.0.0.1", "127.0.0.1"),
        ("64:ff9b::c000:201", "192.0.2.1"),
        ("2002:c000:201::", "192.0.2.1"),
        ("2606:4700:4700::1111", None),
    ],
)
def test_the_ipv4_address_behind_an_ipv6_one_is_found(text: str, inner: str | None) -> None:
    address = ip_address(text)
    assert address.version == 6
    found = embedded_ipv4(address)
    assert (str(found) if found else None) == inner
