"""The settings a newcomer and an operator meet: deploy checks and the embedded database."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def clean_env(extra: dict[str, str]) -> dict[str, str]:
    """This process's environment for a child, less what the browser fixture sets."""
    env = {**os.environ, **extra}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return env


def corrigenda(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "corrigenda", *args],
        cwd=REPO,
        env=clean_env(env),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_settings_pass_the_deploy_check_without_warnings(tmp_path: Path) -> None:
    result = corrigenda(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={
            "CORRIGENDA_DEBUG": "0",
            "SECRET_KEY": "k7#Qv!n2Zr9@pL4xW8mT1sY6uB3eH5cJ0aF-gD_oR+iN=wK&zX",
            "ALLOWED_HOSTS": "corrections.example.org",
            "CORRIGENDA_SQLITE_PATH": str(tmp_path / "db.sqlite3"),
        },
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path: Path) -> None:
    env = {"CORRIGENDA_DEBUG": "0", "CORRIGENDA_SQLITE_PATH": str(tmp_path / "db.sqlite3")}
    result = corrigenda("check", env={**env, "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_embedded_database_runs_in_wal_mode_with_normal_sync(tmp_path: Path) -> None:
    db = tmp_path / "embedded.sqlite3"
    env = {"CORRIGENDA_SQLITE_PATH": str(db), "DATABASE_URL": ""}
    env_without_url = {k: v for k, v in clean_env(env).items() if k != "DATABASE_URL"}
    migrate = subprocess.run(
        [sys.executable, "-m", "corrigenda", "migrate", "--no-input"],
        cwd=REPO,
        env=env_without_url,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert migrate.returncode == 0, migrate.stderr
    probe = subprocess.run(
        [
            sys.executable,
            "-m",
            "corrigenda",
            "shell",
            "-c",
            "from django.db import connection\n"
            "c = connection.cursor()\n"
            "c.execute('PRAGMA synchronous'); print('sync', c.fetchone()[0])\n"
            "c.execute('PRAGMA foreign_keys'); print('fk', c.fetchone()[0])",
        ],
        cwd=REPO,
        env=env_without_url,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert probe.returncode == 0, probe.stderr
    assert "sync 1" in probe.stdout  # 1 = NORMAL
    assert "fk 1" in probe.stdout
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
