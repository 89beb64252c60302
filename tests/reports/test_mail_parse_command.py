"""`corrigenda mail parse`: what a reader's e-mail says, without a database."""

from __future__ import annotations

import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "mail"
SWISS = FIXTURES / "de_swiss_three_parts.eml"


def _run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("mail", "parse", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_json_names_location_passage_fix_and_evidence() -> None:
    out, _ = _run(str(SWISS), "--outlet-domain", "mittellaendische.ch", "--json")
    report = json.loads(out)
    assert (
        report["location"]
        == "https://www.mittellaendische.ch/wirtschaft/musk-bietet-fuer-openai-4711"
    )
    assert report["passage"] == "Das Angebot beläuft sich auf 74,9 Milliarden Dollar"
    assert report["proposed_fix"] == "Das Angebot beläuft sich auf 97,4 Milliarden Dollar"
    assert report["evidence"] == [
        "https://www.reuters.com/technology/musk-led-group-bids-openai-2025-02-10/"
    ]
    assert report["reporter"] == "Regula.Brunner@gmx.ch"
    assert report["automated"] is False
    assert report["received_at"] == "2025-02-11T09:14:03+01:00"


def test_text_output_is_readable() -> None:
    out, err = _run(str(SWISS), "--outlet-domain", "www.mittellaendische.ch")
    lines = out.splitlines()
    assert (
        lines[0]
        == "Location:      https://www.mittellaendische.ch/wirtschaft/musk-bietet-fuer-openai-4711"
    )
    assert "Automated:     no" in lines
    assert "Description:" in lines
    assert err == ""


def test_automated_mail_says_why() -> None:
    out, _ = _run(str(FIXTURES / "dsn_bounce.eml"))
    assert "Automated:     yes (multipart/report (delivery-status))" in out.splitlines()


def test_without_an_outlet_domain_there_is_no_location_and_the_user_is_told() -> None:
    out, err = _run(str(SWISS), "--json")
    assert json.loads(out)["location"] is None
    assert "--outlet-domain" in err


def test_a_quarantined_message_prints_the_reason_and_fails() -> None:
    out = StringIO()
    with pytest.raises(CommandError) as caught:
        call_command("mail", "parse", str(FIXTURES / "garbage.eml"), "--json", stdout=out)
    assert caught.value.returncode == 2
    assert json.loads(out.getvalue()) == {
        "quarantined": True,
        "reason": "not_mail",
        "message": "The data has no header fields: it is not an e-mail message.",
    }


def test_a_missing_file_is_an_error() -> None:
    with pytest.raises(CommandError, match="No such file"):
        _run(str(FIXTURES / "missing.eml"))


def test_the_console_command_exits_with_status_2_on_quarantine(tmp_path: Path) -> None:
    empty = tmp_path / "empty.eml"
    empty.write_bytes(b"From: a@example.org\nSubject: x\n\n\n")
    done = subprocess.run(
        [sys.executable, "-m", "corrigenda", "mail", "parse", str(empty), "--json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert json.loads(done.stdout)["reason"] == "no_text"
