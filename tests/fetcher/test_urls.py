from ipaddress import IPv4Address, ip_address

import pytest

from corrigenda.fetcher.errors import BadURL, BlockedAddress
from corrigenda.fetcher.urls import ipv4_from_host, parse_target


@pytest.mark.parametrize(
    ("host", "address"),
    [
        ("127.0.0.1", "127.0.0.1"),
        ("2130706433", "127.0.0.1"),  # one decimal number
        ("017700000001", "127.0.0.1"),  # one octal number
        ("0x7f000001", "127.0.0.1"),  # one hex number
        ("0177.0.0.1", "127.0.0.1"),
        ("0x7f.1", "127.0.0.1"),
        ("127.1", "127.0.0.1"),
        ("127.0.1", "127.0.0.1"),
        ("0x7F.0.0.0x1", "127.0.0.1"),
        ("169.254.43518", "169.254.169.254"),
        ("0xa9fea9fe", "169.254.169.254"),
        ("0", "0.0.0.0"),  # noqa: S104 - a value under test, not a bind
        ("0x", "0.0.0.0"),  # noqa: S104
        ("127.0.0.1.", "127.0.0.1"),
        ("8.8.8.8", "8.8.8.8"),
    ],
)
def test_numeric_hosts_are_read_as_the_c_library_and_browsers_read_them(
    host: str, address: str
) -> None:
    assert ipv4_from_host(host) == IPv4Address(address)


@pytest.mark.parametrize(
    "host", ["256.0.0.1", "1.2.3.4.5", "08.0.0.1", "0x1g.0.0.1", "+1.0.0.1", "1_0.0.0.1", "1..1"]
)
def test_malformed_numeric_hosts_are_not_addresses(host: str) -> None:
    assert ipv4_from_host(host) is None


@pytest.mark.parametrize(
    "url",
    [
        "http://2130706433/",
        "http://017700000001/",
        "http://0x7f000001/",
        "http://0177.0.0.1/",
        "http://0x7f.1/",
        "http://127.1/",
        "http://127.000.000.001/",
        "http://169.254.43518/latest/meta-data/",
        "http://0/",
        "http://１２７.０.０.１/",  # fullwidth digits, mapped to ASCII by IDNA
        "http://127。0。0。1/",  # ideographic full stops
        "http://[fe80::1%25eth0]/",
        "http://[::1%251]/",
    ],
)
def test_encoded_and_zoned_private_addresses_are_blocked_before_any_lookup(url: str) -> None:
    with pytest.raises(BlockedAddress):
        parse_target(url)


def test_an_unusual_spelling_of_a_public_address_is_refused_too() -> None:
    with pytest.raises(BadURL) as refused:
        parse_target("http://134744072/")  # 8.8.8.8
    assert refused.value.reason == "encoded_address"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("file:///etc/passwd", "scheme"),
        ("ftp://example.org/file", "scheme"),
        ("gopher://example.org:70/_GET", "scheme"),
        ("data:text/html,<p>hi</p>", "scheme"),
        ("javascript:alert(1)", "scheme"),
        ("//example.org/", "scheme"),
        ("example.org/article", "scheme"),
        ("http://user:secret@example.org/", "credentials"),
        ("http://user@example.org/", "credentials"),
        ("http://@example.org/", "credentials"),
        ("http://example.org\\@127.0.0.1/", "credentials"),
        ("http://example.org:99999/", "port"),
        ("http://example.org:25/", "port"),
        ("http://example.org:6667/", "port"),
        ("http://example.org:0/", "port"),
        ("http:///path", "host"),
        ("http://exa mple.org/", "control_character"),
        ("http://example.org/\r\nX-Injected: 1", "control_character"),
        ("http://ex\tample.org/", "control_character"),
        ("http://%31%32%37.0.0.1/", "host"),
        ("http://example..org/", "host"),
        ("http://[::1/", "unparseable"),
        ("http://" + "a" * 9000 + ".org/", "url_too_long"),
    ],
)
def test_urls_outside_the_rules_are_refused_with_a_reason(url: str, reason: str) -> None:
    with pytest.raises(BadURL) as refused:
        parse_target(url)
    assert refused.value.reason == reason
    assert str(refused.value)  # a message a person can read


def test_a_target_keeps_the_hostname_for_the_host_header_and_encodes_the_path() -> None:
    target = parse_target("HTTPS://News.Example.:8443/Artikel/Zürich?q=Bär#kommentare")
    assert target.host == "news.example"
    assert target.port == 8443
    assert target.host_header == "news.example:8443"
    assert target.request_target == "/Artikel/Z%C3%BCrich?q=B%C3%A4r"
    assert target.url == "https://news.example:8443/Artikel/Z%C3%BCrich?q=B%C3%A4r"
    assert target.address is None
    assert target.tls


def test_default_ports_stay_out_of_the_host_header() -> None:
    assert parse_target("http://news.example:80").host_header == "news.example"
    assert parse_target("https://news.example").request_target == "/"


def test_international_hostnames_are_sent_in_punycode() -> None:
    assert parse_target("http://zürich.example/").host == "xn--zrich-kva.example"


def test_ip_literals_are_kept_for_the_caller_to_check() -> None:
    assert parse_target("http://203.0.113.5/").address == ip_address("203.0.113.5")
    literal = parse_target("http://[::ffff:127.0.0.1]:8080/")
    assert literal.address == ip_address("::ffff:127.0.0.1")
    assert literal.host_header == "[::ffff:7f00:1]:8080"
