"""A process killed between storing a report and answering loses nothing and, on a
retry with the same Idempotency-Key, files nothing twice.

The real app runs as a separate server process (`corrigenda serve`) on its own
database, because the point is a process that dies: the test database of this
pytest process is never what the server sees. The embedded SQLite runs in every
mode; PostgreSQL too when DATABASE_URL points at one (CI), in a database of its own
that the test creates and drops.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.reports._api_setup import report_body

REPO = Path(__file__).resolve().parents[2]
CRASHED = 70  # the exit status of the fault injection (services._crash_if_injected)


@dataclass
class Database:
    """A database for the server process: its environment and a way to look inside."""

    env: dict[str, str]
    sqlite_path: Path | None = None
    url: str = ""

    def rows(self, sql: str) -> list[tuple[object, ...]]:
        if self.sqlite_path is not None:
            with closing(sqlite3.connect(self.sqlite_path)) as connection:
                return connection.execute(sql).fetchall()
        import psycopg

        with psycopg.connect(self.url) as connection:
            return connection.execute(sql).fetchall()


def _postgres_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else ""


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param("postgresql", marks=pytest.mark.postgres),
    ]
)
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    if request.param == "sqlite":
        path = tmp_path / "crash.sqlite3"
        yield Database(
            env={"CORRIGENDA_SQLITE_PATH": str(path), "DATABASE_URL": ""}, sqlite_path=path
        )
        return
    admin_url = _postgres_url()
    if not admin_url:
        pytest.skip("DATABASE_URL does not point at PostgreSQL")
    import psycopg

    name = f"test_crash_{os.getpid()}"
    url = urlsplit(admin_url)._replace(path=f"/{name}").geturl()
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield Database(env={"DATABASE_URL": url}, url=url)
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def child_env(database: Database, **extra: str) -> dict[str, str]:
    env = {**os.environ, **database.env, **extra}
    for name in ("DJANGO_ALLOW_ASYNC_UNSAFE", "CORRIGENDA_FAULT_INJECTION"):
        if name not in extra:
            env.pop(name, None)
    return env


def corrigenda(database: Database, *args: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "corrigenda", *args],
        cwd=REPO,
        env=child_env(database),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr


@dataclass
class Server:
    """`corrigenda serve` in a process of its own, on a free loopback port."""

    database: Database
    log: Path
    fault: str = ""
    port: int = 0
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    def start(self) -> Server:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        extra = {"CORRIGENDA_FAULT_INJECTION": self.fault} if self.fault else {}
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "corrigenda",
                    "serve",
                    "--no-worker",
                    f"127.0.0.1:{self.port}",
                ],
                cwd=REPO,
                env=child_env(self.database, **extra),
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log.read_text(errors="replace")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return self
            except OSError:
                time.sleep(0.2)
        self.stop()
        pytest.fail(f"the server did not start:\n{self.log.read_text(errors='replace')}")

    def post(self, body: dict[str, object], key: str | None = None) -> http.client.HTTPResponse:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        headers = {"Content-Type": "application/json", "Accept-Language": "en"}
        if key is not None:
            headers["Idempotency-Key"] = key
        connection.request("POST", "/api/v1/reports", body=json.dumps(body), headers=headers)
        return connection.getresponse()

    def wait(self) -> int:
        assert self.process is not None
        return self.process.wait(timeout=60)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@pytest.fixture
def servers(tmp_path: Path) -> Iterator[list[Server]]:
    started: list[Server] = []
    yield started
    for server in started:
        server.stop()


def test_a_crash_after_the_commit_loses_nothing_and_the_retry_files_nothing_twice(
    database: Database, servers: list[Server], tmp_path: Path
) -> None:
    corrigenda(database, "migrate", "--no-input")
    corrigenda(
        database,
        "shell",
        "-c",
        "from tests.reports._api_setup import outlet_with_article; outlet_with_article()",
    )
    body = report_body()
    key = "3f0c8a6e-5b8d-4c1e-9a51-crash-test"

    # 1. The server stores the report, then dies before it answers.
    dying = Server(database, tmp_path / "server-1.log", fault="after_report_commit").start()
    servers.append(dying)
    with pytest.raises((http.client.HTTPException, ConnectionError)):
        dying.post(body, key=key)
    assert dying.wait() == CRASHED
    # Durable before the acknowledgement: the report is there, with its answer.
    stored = database.rows("SELECT token FROM reports_report")
    assert len(stored) == 1
    token = stored[0][0]
    assert database.rows("SELECT state FROM reports_idempotencykey") == [("done",)]

    # 2. The client retries against the restarted server: the stored answer, once.
    server = Server(database, tmp_path / "server-2.log").start()
    servers.append(server)
    retry = server.post(body, key=key)
    answer = json.loads(retry.read())
    assert retry.status == 201, answer
    assert retry.getheader("Idempotent-Replayed") == "true"
    assert answer["token"] == token
    assert database.rows("SELECT count(*) FROM reports_report") == [(1,)]

    # 3. Without a key the same retry would have filed a second report (the desk then
    # sees it merged into the first, but the reader's request exists twice).
    again = server.post(body)
    second = json.loads(again.read())
    assert again.status == 201
    assert again.getheader("Idempotent-Replayed") is None
    assert second["token"] != token
    assert second["merged"] is True
    assert database.rows("SELECT count(*) FROM reports_report") == [(2,)]
