"""TLS over a pinned connection: the socket goes to the checked IP, while SNI and the
certificate check use the URL's hostname. Certificates come from a throwaway CA."""

from __future__ import annotations

import shutil
import socket
import ssl
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from corrigenda.fetcher import Limits, Timeout, Unreachable, fetch
from tests.conftest import service_missing
from tests.fetcher.conftest import LoopbackServer


@dataclass(frozen=True)
class Authority:
    ca: Path
    cert: Path
    key: Path


@pytest.fixture(scope="module")
def test_ca(tmp_path_factory: pytest.TempPathFactory) -> Authority:
    """A CA and a certificate for news.example that it signed (no IP address in it)."""
    openssl = shutil.which("openssl")
    if openssl is None:
        service_missing("openssl not installed (apt-get install openssl)")
    assert openssl is not None
    folder = tmp_path_factory.mktemp("tls")

    def run(*args: str) -> None:
        subprocess.run([openssl, *args], cwd=folder, check=True, capture_output=True)

    ec = ("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes")
    run("req", "-x509", *ec, "-keyout", "ca.key", "-out", "ca.pem", "-days", "2",
        "-subj", "/CN=corrigenda test CA",
        "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign")  # fmt: skip
    run("req", *ec, "-keyout", "news.key", "-out", "news.csr", "-subj", "/CN=news.example")
    (folder / "news.ext").write_text(
        "subjectAltName=DNS:news.example\n"
        "basicConstraints=critical,CA:FALSE\n"
        "keyUsage=critical,digitalSignature\n"
        "extendedKeyUsage=serverAuth\n"
        "authorityKeyIdentifier=keyid\n"
    )
    run("x509", "-req", "-in", "news.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
        "-CAcreateserial", "-out", "news.pem", "-days", "2", "-extfile", "news.ext")  # fmt: skip
    return Authority(folder / "ca.pem", folder / "news.pem", folder / "news.key")


@dataclass
class TLSServer:
    server: LoopbackServer
    names: list[str | None]  # the SNI names clients sent
    trusting: ssl.SSLContext  # a client context that trusts the test CA


@pytest.fixture
def tls_server(test_ca: Authority) -> Iterator[TLSServer]:
    names: list[str | None] = []
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(test_ca.cert, test_ca.key)
    context.sni_callback = lambda _sock, name, _context: names.append(name)
    running = LoopbackServer(tls=context).start()
    yield TLSServer(running, names, ssl.create_default_context(cafile=str(test_ca.ca)))
    running.stop()


def test_tls_checks_the_url_hostname_while_the_socket_goes_to_the_checked_ip(
    tls_server: TLSServer,
) -> None:
    server = tls_server.server
    fetched = fetch(
        server.url("/artikel", host="news.example"),
        resolver=lambda host, port: ["127.0.0.1"],
        allow_private=server.allowed,
        tls_context=tls_server.trusting,
    )
    assert fetched.status == 200
    assert fetched.final_url == f"https://news.example:{server.port}/artikel"
    assert tls_server.names == ["news.example"]
    assert server.requests[0].headers["Host"] == f"news.example:{server.port}"


def test_a_certificate_for_another_name_is_refused_before_the_request(
    tls_server: TLSServer,
) -> None:
    server = tls_server.server
    with pytest.raises(Unreachable) as failed:
        fetch(
            server.url("/", host="andere.example"),
            resolver=lambda host, port: ["127.0.0.1"],
            allow_private=server.allowed,
            tls_context=tls_server.trusting,
        )
    assert failed.value.reason == "tls_certificate"
    assert tls_server.names == ["andere.example"]
    assert server.requests == []


def test_an_ip_address_url_is_checked_against_the_certificate_too(tls_server: TLSServer) -> None:
    server = tls_server.server
    with pytest.raises(Unreachable) as failed:
        fetch(server.url("/"), allow_private=server.allowed, tls_context=tls_server.trusting)
    assert failed.value.reason == "tls_certificate"
    assert server.requests == []


def test_the_system_trust_store_is_the_default(tls_server: TLSServer) -> None:
    server = tls_server.server
    with pytest.raises(Unreachable) as failed:
        fetch(
            server.url("/", host="news.example"),
            resolver=lambda host, port: ["127.0.0.1"],
            allow_private=server.allowed,
        )
    assert failed.value.reason == "tls_certificate"
    assert server.requests == []


@pytest.fixture
def silent_listener() -> Iterator[int]:
    """A port whose kernel completes TCP connects that nobody ever answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    yield listener.getsockname()[1]
    listener.close()


@pytest.mark.parametrize("scheme", ["https", "http"])
def test_a_peer_that_never_speaks_is_given_up_on(silent_listener: int, scheme: str) -> None:
    started = time.monotonic()
    with pytest.raises(Timeout):
        fetch(
            f"{scheme}://127.0.0.1:{silent_listener}/",
            limits=Limits(timeout=2, connect_timeout=1),
            allow_private={("127.0.0.1", silent_listener)},
        )
    # A silent TLS handshake is bounded by connect_timeout, a silent HTTP answer by the
    # deadline; without either the fetch would wait forever.
    assert time.monotonic() - started < 2 + 3
