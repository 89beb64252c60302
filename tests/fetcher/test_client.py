"""Every fetcher rule, proven against real servers on loopback.

Blocked cases assert that a listening server's request log stays empty; the first test
shows the very same setup reaching the server when the address is exempted.
"""

from __future__ import annotations

import gzip
import threading
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC
from http.server import BaseHTTPRequestHandler
from ipaddress import ip_address

import pytest

from corrigenda.fetcher import (
    BadURL,
    BlockedAddress,
    FetchError,
    HTTPStatusError,
    Limits,
    Timeout,
    TooLarge,
    TooManyRedirects,
    Unreachable,
    UnsupportedContent,
    fetch,
)
from corrigenda.fetcher.addresses import IPAddress
from tests.fetcher.conftest import LoopbackServer, Route, drip, page, redirect

MiB = 1024 * 1024


class FakeDNS:
    """A resolver with fixed answers that counts how often each name is asked for."""

    def __init__(self, table: dict[str, Sequence[str]]) -> None:
        self.table = table
        self.asked: list[str] = []

    def __call__(self, host: str, port: int, /) -> Sequence[str]:
        self.asked.append(host)
        return self.table[host]


# --- the allowed path --------------------------------------------------------------


def test_an_exempted_loopback_server_is_fetched_with_the_original_host_header(
    server: LoopbackServer,
) -> None:
    server.routes["/artikel"] = page(b"<p>Gr\xc3\xbcezi</p>", "Text/HTML; Charset=UTF-8")
    dns = FakeDNS({"news.example": ["127.0.0.1"]})

    fetched = fetch(
        server.url("/artikel", host="news.example"), resolver=dns, allow_private=server.allowed
    )

    assert fetched.status == 200
    assert fetched.text() == "<p>Grüezi</p>"
    assert (fetched.content_type, fetched.charset) == ("text/html", "utf-8")
    assert fetched.final_url == f"http://news.example:{server.port}/artikel"
    assert fetched.redirects == ()
    assert fetched.fetched_at.tzinfo is UTC
    assert ("Content-Type", "Text/HTML; Charset=UTF-8") in fetched.headers
    [seen] = server.requests
    assert seen.headers["Host"] == f"news.example:{server.port}"
    assert seen.headers["User-Agent"] == "corrigenda/0.1"
    assert "Cookie" not in seen.headers
    assert "Authorization" not in seen.headers


# --- addresses -------------------------------------------------------------------


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "localhost",
        "LOCALHOST.",
        "news.localhost",
        "[::ffff:127.0.0.1]",
        "[::ffff:7f00:1]",
        "[64:ff9b::7f00:1]",
        "[2002:7f00:1::]",
    ],
)
def test_loopback_in_any_form_is_never_contacted(server: LoopbackServer, host: str) -> None:
    with pytest.raises(BlockedAddress):
        fetch(server.url("/", host=host))
    assert server.requests == []


@pytest.mark.parametrize("host", ["2130706433", "017700000001", "0177.0.0.1", "0x7f.1", "127.1"])
def test_encoded_loopback_is_refused_even_where_127_0_0_1_itself_is_exempt(
    server: LoopbackServer, host: str
) -> None:
    with pytest.raises(BlockedAddress) as refused:
        fetch(server.url("/", host=host), allow_private=server.allowed)
    assert refused.value.reason == "encoded_address"
    assert server.requests == []
    fetch(server.url("/"), allow_private=server.allowed)
    assert len(server.requests) == 1  # the canonical spelling does reach it


def test_ipv6_loopback_is_never_contacted(ipv6_server: LoopbackServer) -> None:
    with pytest.raises(BlockedAddress):
        fetch(ipv6_server.url("/"))
    assert ipv6_server.requests == []
    fetch(ipv6_server.url("/"), allow_private=ipv6_server.allowed)
    assert len(ipv6_server.requests) == 1


@pytest.mark.parametrize(
    "answer",
    [
        ["127.0.0.1"],
        ["::ffff:127.0.0.1"],
        ["93.184.215.14", "127.0.0.1"],  # one public answer does not excuse a private one
        ["127.0.0.1", "93.184.215.14"],
        ["93.184.215.14", "10.0.0.7"],
        ["169.254.169.254"],
        ["not-an-address"],
    ],
)
def test_a_name_is_refused_when_any_answer_is_not_public(
    server: LoopbackServer, connections: list[tuple[IPAddress, int]], answer: list[str]
) -> None:
    dns = FakeDNS({"public-looking.example": answer})
    with pytest.raises(BlockedAddress):
        fetch(server.url("/", host="public-looking.example"), resolver=dns)
    assert connections == []  # not even the public address was tried
    assert server.requests == []


def test_an_exemption_covers_one_port_only(
    server: LoopbackServer, other_server: LoopbackServer
) -> None:
    with pytest.raises(BlockedAddress):
        fetch(other_server.url("/"), allow_private=server.allowed)
    assert other_server.requests == []


def test_allow_private_true_reaches_any_local_address(server: LoopbackServer) -> None:
    fetched = fetch(server.url("/", host="localhost"), allow_private=True)
    assert fetched.status == 200
    assert len(server.requests) == 1


# --- redirects -------------------------------------------------------------------


def test_redirects_are_followed_and_recorded(server: LoopbackServer) -> None:
    server.routes["/kurz"] = redirect("/weiter", 301)
    server.routes["/weiter"] = redirect(server.url("/artikel"), 308)

    fetched = fetch(server.url("/kurz"), allow_private=server.allowed)

    assert fetched.url == server.url("/kurz")
    assert fetched.final_url == server.url("/artikel")
    assert fetched.redirects == (server.url("/kurz"), server.url("/weiter"))
    assert [seen.path for seen in server.requests] == ["/kurz", "/weiter", "/artikel"]


@pytest.mark.parametrize(
    "location",
    [
        "http://127.0.0.1:{port}/",
        "http://localhost:{port}/",
        "http://0x7f.1:{port}/",
        "http://[::ffff:127.0.0.1]:{port}/",
        "//127.0.0.1:{port}/",
        "http://news.example:{port}/",  # the permitted name, on a port that is not
        "http://internal.example:{port}/",
    ],
)
def test_a_redirect_to_a_private_target_is_refused_before_it_is_contacted(
    server: LoopbackServer, other_server: LoopbackServer, location: str
) -> None:
    server.routes["/weiter"] = redirect(location.format(port=other_server.port))
    dns = FakeDNS({"news.example": ["127.0.0.1"], "internal.example": ["127.0.0.1"]})

    with pytest.raises(BlockedAddress) as refused:
        fetch(
            server.url("/weiter", host="news.example"), resolver=dns, allow_private=server.allowed
        )

    assert [seen.path for seen in server.requests] == ["/weiter"]  # the first hop was real
    assert other_server.requests == []
    assert refused.value.url is not None
    assert refused.value.url.endswith(f":{other_server.port}/")  # the hop that was refused


@pytest.mark.parametrize(
    "location",
    ["file:///etc/passwd", "gopher://127.0.0.1:70/_stats", "ftp://news.example/", "data:,x"],
)
def test_a_redirect_to_another_scheme_is_refused(server: LoopbackServer, location: str) -> None:
    server.routes["/weiter"] = redirect(location)
    with pytest.raises(BadURL):
        fetch(server.url("/weiter"), allow_private=server.allowed)


def test_a_redirect_to_cloud_metadata_opens_no_connection(
    server: LoopbackServer, connections: list[tuple[IPAddress, int]]
) -> None:
    server.routes["/weiter"] = redirect("http://169.254.169.254/latest/meta-data/")
    with pytest.raises(BlockedAddress):
        fetch(server.url("/weiter"), allow_private=server.allowed)
    assert connections == [(ip_address("127.0.0.1"), server.port)]


def test_redirects_stop_at_the_limit(server: LoopbackServer) -> None:
    server.routes["/kreis"] = redirect("/kreis")
    with pytest.raises(TooManyRedirects):
        fetch(server.url("/kreis"), limits=Limits(max_redirects=3), allow_private=server.allowed)
    assert len(server.requests) == 4  # the first request and three redirects, no more


def test_exactly_max_redirects_are_allowed(server: LoopbackServer) -> None:
    server.routes["/1"] = redirect("/2")
    server.routes["/2"] = redirect("/3")
    fetched = fetch(server.url("/1"), limits=Limits(max_redirects=2), allow_private=server.allowed)
    assert fetched.final_url == server.url("/3")


def test_cookies_set_by_a_server_are_not_sent_back(server: LoopbackServer) -> None:
    def set_cookie(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(302)
        handler.send_header("Set-Cookie", "session=abc; Path=/")
        handler.send_header("Location", "/artikel")
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    server.routes["/login"] = set_cookie
    fetch(server.url("/login"), allow_private=server.allowed)
    assert all("Cookie" not in seen.headers for seen in server.requests)
    assert len(server.requests) == 2


# --- the connection is pinned to the checked address ------------------------------


@pytest.fixture
def trap(server: LoopbackServer) -> Iterator[LoopbackServer]:
    """A server on 127.0.0.2, same port: where a rebinding DNS answer would lead."""
    try:
        running = LoopbackServer(host="127.0.0.2", port=server.port).start()
    except OSError as error:
        pytest.skip(f"cannot listen on 127.0.0.2:{server.port}: {error}")
    yield running
    running.stop()


class RebindingDNS(FakeDNS):
    """Answers the checked address first and a different one on every later question."""

    def __call__(self, host: str, port: int, /) -> Sequence[str]:
        self.asked.append(host)
        return ["127.0.0.1"] if len(self.asked) == 1 else ["127.0.0.2"]


def test_the_connection_goes_to_the_address_that_was_checked(
    server: LoopbackServer, trap: LoopbackServer, connections: list[tuple[IPAddress, int]]
) -> None:
    dns = RebindingDNS({})

    fetched = fetch(
        server.url("/", host="news.example"), resolver=dns, allow_private=server.allowed
    )

    assert fetched.status == 200
    assert dns.asked == ["news.example"]  # one question, so no second answer to trust
    assert connections == [(ip_address("127.0.0.1"), server.port)]
    assert [seen.headers["Host"] for seen in server.requests] == [f"news.example:{server.port}"]
    assert trap.requests == []


def test_a_refusing_address_falls_back_to_the_next_checked_one(
    server: LoopbackServer, connections: list[tuple[IPAddress, int]]
) -> None:
    dns = FakeDNS({"news.example": ["127.0.0.2", "127.0.0.1"]})  # nothing on 127.0.0.2
    allowed = server.allowed | {("127.0.0.2", server.port)}

    fetched = fetch(server.url("/", host="news.example"), resolver=dns, allow_private=allowed)

    assert fetched.status == 200
    assert connections == [(ip_address("127.0.0.2"), server.port), (server.address, server.port)]


def test_each_redirect_hop_asks_and_checks_afresh(
    server: LoopbackServer, trap: LoopbackServer
) -> None:
    server.routes["/weiter"] = redirect("/artikel")
    dns = RebindingDNS({})

    with pytest.raises(BlockedAddress):
        fetch(
            server.url("/weiter", host="news.example"), resolver=dns, allow_private=server.allowed
        )

    assert dns.asked == ["news.example", "news.example"]
    assert [seen.path for seen in server.requests] == ["/weiter"]
    assert trap.requests == []


def test_the_environments_proxy_settings_are_ignored(
    server: LoopbackServer, other_server: LoopbackServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.setenv(name, other_server.url("/"))
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.delenv("NO_PROXY", raising=False)

    fetch(server.url("/"), allow_private=server.allowed | other_server.allowed)

    assert len(server.requests) == 1
    assert other_server.requests == []


# --- URLs ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://reader:secret@127.0.0.1:{port}/",
        "http://reader@127.0.0.1:{port}/",
        "file:///etc/passwd",
        "ftp://127.0.0.1:{port}/",
        "gopher://127.0.0.1:{port}/_GET%20/",
        "data:text/html,<p>x</p>",
    ],
)
def test_urls_against_the_rules_never_open_a_connection(
    server: LoopbackServer, connections: list[tuple[IPAddress, int]], url: str
) -> None:
    with pytest.raises(BadURL):
        fetch(url.format(port=server.port), allow_private=server.allowed)
    assert connections == []
    assert server.requests == []


# --- size ------------------------------------------------------------------------


def announced(size: int) -> Route:
    def respond(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", str(size))
        handler.end_headers()
        handler.wfile.write(b"x" * size)

    return respond


def streamed(total: int, sent: list[int], *, chunked: bool) -> Route:
    """A body of `total` bytes without Content-Length; `sent` counts what went out."""

    def respond(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/plain")
        if chunked:
            handler.send_header("Transfer-Encoding", "chunked")
        handler.end_headers()
        block = b"x" * 65536
        while sent[0] < total:
            if chunked:
                handler.wfile.write(b"%x\r\n%s\r\n" % (len(block), block))
            else:
                handler.wfile.write(block)
            sent[0] += len(block)
        if chunked:
            handler.wfile.write(b"0\r\n\r\n")

    return respond


def test_an_announced_length_over_the_cap_is_refused_unread(server: LoopbackServer) -> None:
    server.routes["/gross"] = announced(2 * MiB)
    with pytest.raises(TooLarge) as refused:
        fetch(server.url("/gross"), limits=Limits(max_bytes=MiB), allow_private=server.allowed)
    assert refused.value.reason == "content_length"


def test_a_body_exactly_at_the_cap_is_accepted(server: LoopbackServer) -> None:
    server.routes["/genau"] = announced(MiB)
    fetched = fetch(
        server.url("/genau"), limits=Limits(max_bytes=MiB), allow_private=server.allowed
    )
    assert len(fetched.body) == MiB


@pytest.mark.parametrize("chunked", [True, False], ids=["chunked", "until-close"])
def test_a_streamed_body_over_the_cap_is_cut_off(server: LoopbackServer, chunked: bool) -> None:
    sent = [0]
    server.routes["/endlos"] = streamed(256 * MiB, sent, chunked=chunked)
    with pytest.raises(TooLarge) as refused:
        fetch(server.url("/endlos"), limits=Limits(max_bytes=MiB), allow_private=server.allowed)
    assert refused.value.reason == "body_too_large"
    assert sent[0] < 256 * MiB  # the fetcher hung up instead of reading on


@pytest.fixture(scope="module")
def gzip_bomb() -> bytes:
    """One GiB of zeros in a single gzip member (about 4.5 MiB on the wire)."""
    packer = zlib.compressobj(1, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = bytes(MiB)
    return b"".join([*(packer.compress(zeros) for _ in range(1024)), packer.flush()])


def encoded(body: bytes, encoding: str, *, announce: bool = True) -> Route:
    """A compressed body; unannounced (no Content-Length) it runs until the server closes."""

    def respond(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Encoding", encoding)
        if announce:
            handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    return respond


def test_a_gzip_bomb_fails_without_inflating_it(server: LoopbackServer, gzip_bomb: bytes) -> None:
    # Unannounced, so the Content-Length check cannot stop it before the inflating does.
    server.routes["/bombe"] = encoded(gzip_bomb, "gzip", announce=False)
    tracemalloc.start()
    try:
        with pytest.raises(TooLarge) as refused:
            fetch(server.url("/bombe"), limits=Limits(max_bytes=MiB), allow_private=server.allowed)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert refused.value.reason == "decoded_too_large"
    assert peak < 8 * MiB  # the 1 MiB cap and read buffers, not the 1 GiB it inflates to


def test_a_bomb_of_many_small_gzip_members_is_capped_too(server: LoopbackServer) -> None:
    member = gzip.compress(bytes(MiB))
    server.routes["/bombe"] = encoded(member * 64, "gzip", announce=False)
    with pytest.raises(TooLarge) as refused:
        fetch(server.url("/bombe"), limits=Limits(max_bytes=8 * MiB), allow_private=server.allowed)
    assert refused.value.reason == "decoded_too_large"


def test_a_deflate_bomb_is_capped_too(server: LoopbackServer) -> None:
    server.routes["/bombe"] = encoded(zlib.compress(bytes(64 * MiB)), "deflate", announce=False)
    with pytest.raises(TooLarge) as refused:
        fetch(server.url("/bombe"), limits=Limits(max_bytes=8 * MiB), allow_private=server.allowed)
    assert refused.value.reason == "decoded_too_large"


def test_an_endless_stream_that_inflates_to_nothing_is_cut_off_on_the_wire(
    server: LoopbackServer,
) -> None:
    empty_member = gzip.compress(b"")
    server.routes["/leer"] = encoded(empty_member * 100_000, "gzip", announce=False)
    with pytest.raises(TooLarge) as refused:
        fetch(server.url("/leer"), limits=Limits(max_bytes=MiB), allow_private=server.allowed)
    assert refused.value.reason == "body_too_large"


@pytest.mark.parametrize(
    ("encoding", "pack"),
    [
        ("gzip", gzip.compress),
        ("x-gzip", gzip.compress),
        ("deflate", zlib.compress),
        ("deflate", lambda data: zlib.compress(data, wbits=-zlib.MAX_WBITS)),  # raw deflate
    ],
)
def test_compressed_bodies_are_decoded(
    server: LoopbackServer, encoding: str, pack: Callable[[bytes], bytes]
) -> None:
    body = "<p>Die Stadt zählt 97,4 Millionen Franken.</p>".encode() * 50
    server.routes["/gepackt"] = encoded(pack(body), encoding)
    fetched = fetch(server.url("/gepackt"), allow_private=server.allowed)
    assert fetched.body == body
    assert server.requests[0].headers["Accept-Encoding"] == "gzip, deflate"


def test_an_encoding_that_was_not_asked_for_is_refused(server: LoopbackServer) -> None:
    server.routes["/br"] = encoded(b"\x0b\x02\x80hallo\x03", "br")
    with pytest.raises(UnsupportedContent):
        fetch(server.url("/br"), allow_private=server.allowed)


def test_a_corrupt_gzip_body_is_reported(server: LoopbackServer) -> None:
    server.routes["/kaputt"] = encoded(b"\x1f\x8b\x08\x00garbage-not-deflate", "gzip")
    with pytest.raises(UnsupportedContent) as refused:
        fetch(server.url("/kaputt"), allow_private=server.allowed)
    assert refused.value.reason == "corrupt_encoding"


# --- time ------------------------------------------------------------------------


@pytest.mark.parametrize("head", [False, True], ids=["body", "headers"])
def test_a_server_dripping_bytes_is_cut_off_at_the_deadline(
    server: LoopbackServer, head: bool
) -> None:
    server.routes["/tropf"] = drip(server.stopping, head=head)
    started = time.monotonic()
    with pytest.raises(Timeout):
        fetch(server.url("/tropf"), limits=Limits(timeout=1.5), allow_private=server.allowed)
    # Every read alone would succeed within a second; only the overall deadline stops
    # the fetch, long before the server's 60 seconds of drip are through.
    assert time.monotonic() - started < 1.5 + 3


def test_the_deadline_covers_a_slow_name_lookup(server: LoopbackServer) -> None:
    release = threading.Event()

    def slow_dns(host: str, port: int, /) -> Sequence[str]:
        release.wait(60)
        return ["127.0.0.1"]

    started = time.monotonic()
    try:
        with pytest.raises(Timeout):
            fetch(
                server.url("/", host="news.example"),
                resolver=slow_dns,
                limits=Limits(timeout=1),
                allow_private=True,
            )
    finally:
        release.set()
    assert time.monotonic() - started < 1 + 3  # the lookup would have taken 60 s
    assert server.requests == []


def test_the_deadline_spans_the_whole_redirect_chain(server: LoopbackServer) -> None:
    def slow_redirect(handler: BaseHTTPRequestHandler) -> None:
        server.stopping.wait(0.4)
        redirect("/langsam")(handler)

    server.routes["/langsam"] = slow_redirect
    with pytest.raises(Timeout):
        fetch(
            server.url("/langsam"),
            limits=Limits(timeout=1.5, max_redirects=50),
            allow_private=server.allowed,
        )
    # Each hop is well within 1.5 s; the chain as a whole is not.
    assert 2 <= len(server.requests) <= 5


# --- answers the caller does not want ---------------------------------------------


@pytest.mark.parametrize("status", [404, 410, 500, 503])
def test_error_statuses_raise_with_the_status(server: LoopbackServer, status: int) -> None:
    def respond(handler: BaseHTTPRequestHandler) -> None:
        handler.send_error(status)

    server.routes["/fehlt"] = respond
    with pytest.raises(HTTPStatusError) as refused:
        fetch(server.url("/fehlt"), allow_private=server.allowed)
    assert refused.value.status == status
    assert str(status) in str(refused.value)


def test_content_types_outside_the_allowed_list_are_refused(server: LoopbackServer) -> None:
    server.routes["/bericht.pdf"] = page(b"%PDF-1.7", "application/pdf")
    limits = Limits(allowed_content_types=("text/html", "application/rss+xml"))
    with pytest.raises(UnsupportedContent) as refused:
        fetch(server.url("/bericht.pdf"), limits=limits, allow_private=server.allowed)
    assert refused.value.reason == "content_type"
    assert server.requests[0].headers["Accept"] == "text/html, application/rss+xml"
    assert fetch(server.url("/"), limits=limits, allow_private=server.allowed).status == 200


def test_a_closed_port_is_unreachable(server: LoopbackServer) -> None:
    port = server.port
    server.stop()
    with pytest.raises(Unreachable) as failed:
        fetch(f"http://127.0.0.1:{port}/", allow_private={("127.0.0.1", port)})
    assert failed.value.reason == "connection_refused"


def test_garbage_instead_of_http_is_unreachable(server: LoopbackServer) -> None:
    def garbage(handler: BaseHTTPRequestHandler) -> None:
        handler.wfile.write(b"SSH-2.0-OpenSSH_9.6\r\n")

    server.routes["/ssh"] = garbage
    with pytest.raises(Unreachable) as failed:
        fetch(server.url("/ssh"), allow_private=server.allowed)
    assert failed.value.reason == "bad_response"


def test_every_failure_names_its_url_and_reads_as_one_line(server: LoopbackServer) -> None:
    server.routes["/weiter"] = redirect("http://10.0.0.1/intern")
    with pytest.raises(FetchError) as failed:
        fetch(server.url("/weiter"), allow_private=server.allowed)
    assert failed.value.url == "http://10.0.0.1/intern"
    assert failed.value.reason == "non_public_address"
    assert "\n" not in str(failed.value)
    assert "10.0.0.1" in str(failed.value)
