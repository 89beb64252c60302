"""Real mail servers for tests: a Dovecot IMAP server and an aiosmtpd SMTP sink.

Registered as a pytest plugin in tests/conftest.py. Both listen on a free loopback
port. A missing server skips the tests that need it, or fails them where CI sets
CORRIGENDA_REQUIRE_SERVICES=1 (`service_missing`).

- `dovecot`: one Dovecot per test session (Debian's `dovecot-imapd`, own config in a
  temporary directory, plaintext login on loopback, a passwd-file user, maildir); each
  test gets an empty INBOX. Dovecot refuses to run its login process as root, so as
  root the server runs its processes as the system user `corrigenda-dovecot`
  (created when missing); as any other user it runs as that user.
- `smtp_sink`: an aiosmtpd server collecting every message, with Django's default
  mailer (MAILERS) pointed at it through its SMTP backend.
"""

from __future__ import annotations

import contextlib
import email
import logging
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from pytest_django.fixtures import Settings

from tests.conftest import service_missing

DOVECOT = os.environ.get("DOVECOT", "/usr/sbin/dovecot")
DOVECOT_USER = "corrigenda-dovecot"
IMAP_USER = "desk"
IMAP_PASSWORD = "korrektur-test-4711"
STARTUP_SECONDS = 15.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


# --- IMAP -----------------------------------------------------------------------------


@dataclass
class Dovecot:
    """A running Dovecot: where to connect, and a way to put mail into the INBOX."""

    host: str
    port: int
    user: str
    password: str
    folder: str = "INBOX"
    log: Path | None = None

    def client(self) -> Any:
        from imapclient import IMAPClient

        client = IMAPClient(self.host, port=self.port, ssl=False, timeout=10)
        client.login(self.user, self.password)
        return client

    def append(self, raw: bytes, *, flags: tuple[bytes, ...] = ()) -> int:
        """APPEND one raw message to the folder; its UID."""
        client = self.client()
        try:
            response = client.append(self.folder, raw, flags=flags)
        finally:
            client.logout()
        # "[APPENDUID <uidvalidity> <uid>] Append completed." (RFC 4315, Dovecot has it)
        text = response.decode() if isinstance(response, bytes) else str(response)
        return int(text.split("APPENDUID", 1)[1].split("]", 1)[0].split()[1])

    def flags(self) -> dict[int, tuple[bytes, ...]]:
        """Every message's UID and flags."""
        client = self.client()
        try:
            client.select_folder(self.folder, readonly=True)
            uids = client.search("ALL")
            fetched = client.fetch(uids, ["FLAGS"]) if uids else {}
        finally:
            client.logout()
        return {int(uid): tuple(data[b"FLAGS"]) for uid, data in fetched.items()}

    def empty(self) -> None:
        client = self.client()
        try:
            client.select_folder(self.folder)
            uids = client.search("ALL")
            if uids:
                client.delete_messages(uids)
                client.expunge()
        finally:
            client.logout()

    def settings(self) -> dict[str, object]:
        """The IMAP_* settings that point corrigenda at this server."""
        return {
            "IMAP_HOST": self.host,
            "IMAP_PORT": self.port,
            "IMAP_SSL": False,
            "IMAP_USER": self.user,
            "IMAP_PASSWORD": self.password,
            "IMAP_FOLDER": self.folder,
        }


def _service_user() -> pwd.struct_passwd | None:
    """The account Dovecot's processes run as; None when it cannot be had."""
    if os.geteuid() != 0:
        return pwd.getpwuid(os.geteuid())
    with contextlib.suppress(KeyError):
        return pwd.getpwnam(DOVECOT_USER)
    useradd = shutil.which("useradd") or "/usr/sbin/useradd"
    created = subprocess.run(
        [
            *(useradd, "--system", "--user-group", "--no-create-home"),
            *("--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", DOVECOT_USER),
        ],
        capture_output=True,
        check=False,
    )
    if created.returncode not in (0, 9):  # 9: it exists (created meanwhile)
        return None
    with contextlib.suppress(KeyError):
        return pwd.getpwnam(DOVECOT_USER)
    return None


def _dovecot_config(root: Path, port: int, account: pwd.struct_passwd) -> str:
    name, uid, gid = account.pw_name, account.pw_uid, account.pw_gid
    return f"""\
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
info_log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
# A refused login in one test must not slow down the next ones.
auth_failure_delay = 0
login_trusted_networks = 127.0.0.0/8
default_login_user = {name}
default_internal_user = {name}
first_valid_uid = {min(uid, 500)}
first_valid_gid = {min(gid, 500)}
mail_uid = {uid}
mail_gid = {gid}
mail_location = maildir:{root}/mail/%u
mail_privileged_group =
protocol imap {{
  mail_max_userip_connections = 50
}}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/mail/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
  chroot =
}}
service anvil {{
  chroot =
}}
"""


def _wait_for(port: int, process: subprocess.Popen[bytes]) -> bool:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1) as s:
            if s.recv(100).startswith(b"* OK"):
                return True
        time.sleep(0.1)
    return False


@pytest.fixture(scope="session")
def _dovecot_server() -> Iterator[Dovecot]:
    if not os.access(DOVECOT, os.X_OK):
        service_missing(f"Dovecot not installed at {DOVECOT} (apt-get install dovecot-imapd)")
    account = _service_user()
    if account is None:
        service_missing(f"cannot create the system user {DOVECOT_USER} for Dovecot")
        return
    # Not under pytest's 0700 temp directory: Dovecot's unprivileged processes must
    # reach the maildir and the sockets.
    root = Path(tempfile.mkdtemp(prefix="corrigenda-dovecot-"))
    root.chmod(0o755)
    for sub in ("run", "state", "mail"):
        (root / sub).mkdir()
    if os.geteuid() == 0:
        os.chown(root / "mail", account.pw_uid, account.pw_gid)
    (root / "passwd").write_text(f"{IMAP_USER}:{{PLAIN}}{IMAP_PASSWORD}::::::\n")
    port = free_port()
    config = root / "dovecot.conf"
    config.write_text(_dovecot_config(root, port, account))
    with (root / "stderr.log").open("wb") as stderr:
        process = subprocess.Popen(
            [DOVECOT, "-F", "-c", str(config)], stdout=subprocess.DEVNULL, stderr=stderr
        )
    try:
        if not _wait_for(port, process):
            logs = "".join(
                path.read_text(errors="replace")[-2000:]
                for path in (root / "stderr.log", root / "dovecot.log")
                if path.exists()
            )
            service_missing(f"Dovecot did not start on port {port}: {logs}")
        yield Dovecot(
            host="127.0.0.1",
            port=port,
            user=IMAP_USER,
            password=IMAP_PASSWORD,
            log=root / "dovecot.log",
        )
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def dovecot(_dovecot_server: Dovecot) -> Dovecot:
    """The session's Dovecot with an empty INBOX."""
    _dovecot_server.empty()
    return _dovecot_server


# --- SMTP -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Received:
    mail_from: str
    rcpt_tos: tuple[str, ...]
    message: EmailMessage
    raw: bytes


@dataclass
class SmtpSink:
    """What the sink received; `refuse` makes it answer 451 to every recipient."""

    host: str
    port: int
    received: list[Received] = field(default_factory=list)
    refuse: bool = False

    async def handle_RCPT(  # aiosmtpd's hook name
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: list[str]
    ) -> str:
        if self.refuse:
            return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(  # aiosmtpd's hook name
        self, server: Any, session: Any, envelope: Any
    ) -> str:
        raw = bytes(envelope.original_content or envelope.content)
        message = email.message_from_bytes(raw, policy=policy.default)
        assert isinstance(message, EmailMessage)
        self.received.append(
            Received(
                mail_from=envelope.mail_from,
                rcpt_tos=tuple(envelope.rcpt_tos),
                message=message,
                raw=raw,
            )
        )
        return "250 Message accepted"


@pytest.fixture
def smtp_sink(settings: Settings) -> Iterator[SmtpSink]:
    """An SMTP server on loopback that keeps what it receives; Django sends to it."""
    try:
        from aiosmtpd.controller import Controller
    except ImportError:
        service_missing("aiosmtpd is not installed")
        return
    sink = SmtpSink(host="127.0.0.1", port=free_port())
    # The sink stands for the recipient's server; its protocol log (addresses and all)
    # is not corrigenda's and would only blur tests that check corrigenda's logs.
    sink_log = logging.getLogger("mail.log")
    level = sink_log.level
    sink_log.setLevel(logging.WARNING)
    controller = Controller(sink, hostname=sink.host, port=sink.port)
    controller.start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": sink.host, "port": sink.port, "timeout": 10},
        }
    }
    try:
        yield sink
    finally:
        controller.stop()
        sink_log.setLevel(level)
