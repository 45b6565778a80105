"""Settings that only matter in production, checked in a fresh interpreter with its own environment."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import mail
from django.urls import reverse

from accounts.passwords import SEND_FAILED
from tests.factories import make_user

ROOT = Path(__file__).resolve().parents[2]


def run_django(code: str, **env: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "EMAIL_HOST", "ALLOW_SQLITE")}
    environ |= {"DJANGO_SETTINGS_MODULE": "config.settings", **env}
    script = "import django; django.setup()\n" + code
    return subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=environ, capture_output=True, text=True
    )


PROD = {"DEBUG": "0", "SECRET_KEY": "x" * 60, "ALLOWED_HOSTS": "example.org"}


def test_production_refuses_to_start_on_sqlite_by_accident():
    result = run_django("print('started')", **PROD)
    assert result.returncode != 0
    assert "Set DATABASE_URL when DEBUG is off" in result.stderr


def test_production_runs_on_sqlite_when_asked_explicitly():
    result = run_django("print('started')", **PROD, ALLOW_SQLITE="1")
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


def test_sqlite_takes_the_write_lock_at_begin_and_waits_for_it():
    code = "from django.conf import settings; import json; print(json.dumps(settings.DATABASES['default']['OPTIONS']))"
    result = run_django(code)
    assert result.returncode == 0, result.stderr
    options = json.loads(result.stdout)
    assert options["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in options["init_command"] and "busy_timeout" in options["init_command"]


def test_deploy_check_fails_without_a_mail_server():
    code = (
        "from django.core.management import call_command\n"
        "call_command('check', '--deploy', '--fail-level', 'ERROR')\n"
    )
    result = run_django(code, **PROD, ALLOW_SQLITE="1")
    assert result.returncode != 0
    assert "accounts.E001" in result.stderr


def test_deploy_check_is_quiet_about_mail_once_a_server_is_named():
    code = (
        "from django.core.management import call_command\n"
        "call_command('check', '--deploy', '--tag', 'security')\n"
    )
    result = run_django(code, **PROD, ALLOW_SQLITE="1", EMAIL_HOST="smtp.example.org")
    assert "accounts.E001" not in result.stderr + result.stdout


@pytest.mark.django_db
def test_password_reset_says_so_when_the_mail_cannot_be_sent(client, settings, monkeypatch):
    make_user("ada")

    def refuse(self, *args, **kwargs):
        raise ConnectionRefusedError("no mail server on localhost:25")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    response = client.post(reverse("password_reset"), {"email": "ada@example.org"})
    assert response.status_code == 200
    assert SEND_FAILED in response.content.decode()


@pytest.mark.django_db
def test_password_reset_sends_the_link_when_it_can(client):
    make_user("bea")
    response = client.post(reverse("password_reset"), {"email": "bea@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and "bea" in mail.outbox[0].body


def test_production_caches_where_every_worker_sees_it():
    code = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    assert run_django(code, **PROD, ALLOW_SQLITE="1").stdout.strip().endswith("DatabaseCache")
    redis = run_django(code, **PROD, ALLOW_SQLITE="1", CACHE_URL="redis://127.0.0.1:6379/1")
    assert redis.stdout.strip().endswith("RedisCache")
