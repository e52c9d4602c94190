"""Production settings fail fast without their secrets and pass Django's deployment checks."""

import os
import subprocess
import sys

from tests.conftest import ROOT

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "training.settings.production",
    "SECRET_KEY": "a-long-random-test-value-" + "x9Qz" * 12,
    "ALLOWED_HOSTS": "training.example.org",
    "DATABASE_URL": "sqlite:///:memory:",
    # The suite's own key folder, made by the session fixture in conftest.
    "OPEN_BADGES_KEY_DIR": str(ROOT / "var" / "test-keys"),
}


def manage(*args: str, **env_changes: str | None) -> subprocess.CompletedProcess:
    env = {**os.environ, **PRODUCTION_ENV}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests only
    for name, value in env_changes.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", SECRET_KEY=None)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_a_database_url():
    result = manage("check", DATABASE_URL=None)
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr


def test_production_settings_pass_the_deployment_checks_with_no_warning():
    result = manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_an_open_badges_key(tmp_path):
    result = manage("check", OPEN_BADGES_KEY_DIR=None)
    assert result.returncode != 0
    assert "OPEN_BADGES_KEY_DIR" in result.stderr
    result = manage("check", OPEN_BADGES_KEY_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "holds no Open Badges signing key" in result.stderr
