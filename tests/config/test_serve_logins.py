"""Log-in abuse against the real production server, behind one trusted proxy.

Starts ``python -m config.serve`` as ``make serve`` does (``DEBUG=0``, the database cache),
with ``TRUSTED_PROXY`` set as in ``compose.yaml``, so the client address comes from the
proxy's ``X-Forwarded-For``. Checks that a stranger's bad passwords do not lock a real user
out, and that a flood of fresh usernames from one address is refused while the site answers.
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from tests.config.test_serve import ROOT, free_port

PASSWORD = "a sturdy clause 42"
PER_ADDRESS = 8


def _env(db_path) -> dict[str, str]:
    return {
        **{k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
        "DEBUG": "0",
        "SECRET_KEY": "s" * 60,
        "ALLOWED_HOSTS": "127.0.0.1",
        "ALLOW_SQLITE": "1",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "DATABASE_URL": f"sqlite:///{db_path}",
        "TRUSTED_PROXY": "127.0.0.1",
        "TRUSTED_PROXY_COUNT": "1",
        "LOGIN_FAILURES_PER_ADDRESS": str(PER_ADDRESS),
        "WEB_THREADS": "4",
    }


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("serve-logins")
    env = _env(tmp / "db.sqlite3") | {"STATIC_ROOT": str(tmp / "static")}
    manage = [sys.executable, "manage.py"]
    for command in (
        ["migrate", "--no-input", "-v0"],
        ["createcachetable"],
        ["collectstatic", "--no-input", "-v0"],
    ):
        subprocess.run(manage + command, cwd=ROOT, env=env, check=True, capture_output=True)
    create = (
        "from django.contrib.auth.models import User;"
        f"User.objects.create_user('victim', 'victim@example.org', {PASSWORD!r})"
    )
    subprocess.run(manage + ["shell", "-c", create], cwd=ROOT, env=env, check=True, capture_output=True)
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "config.serve", "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "/healthz", timeout=1).read()
            break
        except OSError:
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail("the server did not start")
    yield url
    proc.terminate()
    proc.wait(timeout=10)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def log_in(url: str, username: str, password: str, client: str) -> int:
    """One log-in through the proxy for ``client``; the status of the POST (302: logged in)."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    headers = {"X-Forwarded-For": client}
    page = opener.open(urllib.request.Request(url + "/accounts/login/", headers=headers), timeout=10)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page.read()).group(1).decode()
    body = urllib.parse.urlencode(
        {"username": username, "password": password, "csrfmiddlewaretoken": token}
    ).encode()
    request = urllib.request.Request(
        url + "/accounts/login/",
        data=body,
        headers={**headers, "Referer": url + "/accounts/login/"},
    )
    try:
        return opener.open(request, timeout=10).status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_a_strangers_bad_passwords_do_not_lock_out_the_real_user(server):
    stranger, owner = "203.0.113.5", "198.51.100.7"
    statuses = [log_in(server, "victim", "guess", stranger) for _ in range(6)]
    assert statuses[:4] == [200] * 4  # the form again, with its error
    assert statuses[-1] in (403, 429)  # the pair (victim, stranger) is locked
    assert log_in(server, "victim", PASSWORD, stranger) in (403, 429)  # even with the password
    # The same proxy, another client: the owner logs in.
    assert log_in(server, "victim", PASSWORD, owner) == 302


def test_a_flood_of_fresh_usernames_is_refused_and_the_site_keeps_answering(server):
    flooder = "192.0.2.50"
    statuses = [log_in(server, f"nobody{n}", "guess", flooder) for n in range(PER_ADDRESS + 2)]
    assert statuses[:PER_ADDRESS] == [200] * PER_ADDRESS
    assert statuses[-1] == 429
    started = time.monotonic()
    refused = log_in(server, "nobody-more", "guess", flooder)
    assert refused == 429 and time.monotonic() - started < 2.0  # refused before any hash
    page = urllib.request.urlopen(
        urllib.request.Request(server + "/licenses/", headers={"X-Forwarded-For": "198.51.100.8"}), timeout=5
    )
    assert page.status == 200
    assert log_in(server, "victim", PASSWORD, "198.51.100.9") == 302
