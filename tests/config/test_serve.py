"""The production server keeps answering while slow clients trickle their headers.

Starts the real server (``python -m config.serve``) on a free port, opens sockets that send
one header line at a time and never finish, then checks that ordinary requests still answer
at once. With gunicorn's sync workers (before), three such sockets stalled the whole site.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SLOW_CLIENTS = 60


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("serve")
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
        "DEBUG": "0",
        "SECRET_KEY": "s" * 60,
        "ALLOWED_HOSTS": "127.0.0.1",
        "ALLOW_SQLITE": "1",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'serve.sqlite3'}",
        "WEB_THREADS": "2",
    }
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
    yield port, url
    proc.terminate()
    proc.wait(timeout=10)


def test_slow_clients_do_not_stall_other_requests(server):
    port, url = server
    slow = []
    for _ in range(SLOW_CLIENTS):
        s = socket.create_connection(("127.0.0.1", port), timeout=5)
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # headers never finished
        slow.append(s)
    try:
        for line in range(3):
            for s in slow:
                s.sendall(f"X-Trickle-{line}: still here\r\n".encode())
            started = time.monotonic()
            body = urllib.request.urlopen(url + "/healthz", timeout=5).read()
            assert b'"ok"' in body
            assert time.monotonic() - started < 2.0
    finally:
        for s in slow:
            s.close()


def test_the_server_does_not_name_its_software(server):
    _, url = server
    response = urllib.request.urlopen(url + "/healthz", timeout=5)
    assert response.headers["Server"] == "clausewise"
