"""Load figures for the production server, as `make serve` runs it.

Prepares a database (the demo data, in a scratch SQLite file, or in the PostgreSQL database
`clausewise_load`, or --pg-name, with --postgres), starts the production server (`python -m config.serve`,
waitress, DEBUG off, static files collected, the database cache), and drives it over loopback
with a bounded load generator of its own: CLIENTS threads, each with one keep-alive connection,
sending one request after another for SECONDS per page. It prints, per page, requests per
second, p50/p95/p99 latency and errors (and, for the catalogue, version and compare pages, a
visitor's reload with the page's ETag, which must be a 304), then a mixed scenario (reviewers posting replies while
visitors read) that checks every accepted write was stored exactly once.

Run: .venv/bin/python bench/load.py [--postgres [--pg-name NAME]] [--seconds 10] [--clients 8]
Targets (issue 18, this 2-core machine): >= 150 req/s on catalogue, version and compare pages,
>= 80 req/s on a review, p95 < 100 ms, 0 errors, every accepted write stored exactly once.
The server and this generator share the machine's two cores, so the figures are a floor.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PG_SERVER = "postgres://postgres@127.0.0.1:5432/"
PG_NAME = "clausewise_load"
WRITERS = 6


@dataclass
class Result:
    latencies: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)

    def add_error(self, what: str) -> None:
        self.errors[what] = self.errors.get(what, 0) + 1


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_env(database_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "bench-" + "s" * 60,
        "ALLOWED_HOSTS": "127.0.0.1",
        "ALLOW_SQLITE": "1",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "DATABASE_URL": database_url,
        "AXES_ENABLED": "0",  # the bench logs in by session, not by the login form
    }


def manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def prepare(database_url: str) -> dict:
    """Migrate, load the demo, and make the writers; returns the URLs to load and the writers' sessions."""
    env = server_env(database_url)
    if database_url.startswith("postgres"):
        name = database_url.rsplit("/", 1)[1]
        for sql in (f'DROP DATABASE IF EXISTS "{name}"', f'CREATE DATABASE "{name}"'):
            subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", sql], check=True)
    manage(env, "migrate", "--no-input", "-v0")
    manage(env, "createcachetable")
    manage(env, "collectstatic", "--no-input", "-v0")
    manage(env, "load_demo")
    script = f"""
import json
from django.contrib.auth.models import Group, User
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.auth import SESSION_KEY, BACKEND_SESSION_KEY, HASH_SESSION_KEY
from licenses.models import LicenseVersion
from review.models import Review, Thread
from django.db.models import Count
from urllib.parse import urlencode
version = LicenseVersion.objects.annotate(n=Count("clauses")).filter(n__gte=60).order_by("n").first()
pair = next(v for v in LicenseVersion.objects.filter(previous__isnull=False).select_related("previous", "license"))
review = Review.objects.annotate(n=Count("threads")).order_by("-n").first()
thread = Thread.objects.filter(review=review, status="open").first()
sessions = []
for i in range({WRITERS}):
    user, _ = User.objects.get_or_create(username=f"loadwriter{{i}}")
    user.groups.add(Group.objects.get(name="reviewer"))
    s = SessionStore()
    s[SESSION_KEY] = str(user.pk)
    s[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    s[HASH_SESSION_KEY] = user.get_session_auth_hash()
    s.create()
    sessions.append(s.session_key)
print(json.dumps({{
    "version": version.get_absolute_url(), "clauses": version.n,
    "compare": "/compare/?" + urlencode({{"a": pair.previous.ref, "b": pair.ref}}),
    "review": review.get_absolute_url(), "review_pk": review.pk, "thread": thread.pk,
    "sessions": sessions,
}}))
"""
    out = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def start_server(database_url: str, port: int) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-m", "config.serve", "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT,
        env=server_env(database_url),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start")


def drive(port: int, path: str, seconds: float, clients: int, headers: dict | None = None) -> Result:
    result = Result()
    lock = threading.Lock()
    # A revalidating visitor (If-None-Match) expects a 304; everyone else a 200.
    expected = 304 if "If-None-Match" in (headers or {}) else 200
    stop = time.monotonic() + seconds

    def client() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        mine, errors = [], []
        while time.monotonic() < stop:
            start = time.perf_counter()
            try:
                conn.request("GET", path, headers=headers or {})
                response = conn.getresponse()
                response.read()
                if response.status != expected:
                    errors.append(str(response.status))
            except (OSError, http.client.HTTPException) as exc:
                errors.append(type(exc).__name__)
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                continue
            mine.append(time.perf_counter() - start)
        with lock:
            result.latencies += mine
            for e in errors:
                result.add_error(e)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return result


def validator(port: int, path: str) -> str:
    """The ETag a visitor gets for ``path`` ("" when the page has none)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        return response.getheader("ETag") or ""
    finally:
        conn.close()


def figures(result: Result, seconds: float) -> dict:
    lat = sorted(result.latencies)
    if not lat:
        return {"rps": 0, "errors": result.errors}

    def pct(p: float) -> float:
        return round(lat[min(len(lat) - 1, int(p * len(lat)))] * 1000, 1)

    return {
        "rps": round(len(lat) / seconds, 1),
        "p50_ms": round(statistics.median(lat) * 1000, 1),
        "p95_ms": pct(0.95),
        "p99_ms": pct(0.99),
        "errors": sum(result.errors.values()),
        **({"error_kinds": result.errors} if result.errors else {}),
    }


def mixed(port: int, info: dict, seconds: float, clients: int) -> dict:
    """Reviewers post replies while visitors read the review; count what was accepted."""
    accepted, refused = [], []
    lock = threading.Lock()
    stop = time.monotonic() + seconds
    reply = f"/reviews/{info['review_pk']}/threads/{info['thread']}/reply/"

    def writer(session: str, n: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        cookie = f"sessionid={session}"
        conn.request("GET", info["review"], headers={"Cookie": cookie})
        response = conn.getresponse()
        page = response.read().decode()
        token = re.search(r'"X-CSRFToken": "([^"]+)"', page).group(1)
        csrf_cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie") or "")
        cookie += f"; csrftoken={csrf_cookie.group(1)}" if csrf_cookie else ""
        k = 0
        while time.monotonic() < stop:
            body = f"load test reply {n}-{k}"
            form = urllib.parse.urlencode({"body": body, "stance": "note"})
            headers = {
                "Cookie": cookie,
                "X-CSRFToken": token,
                "HX-Request": "true",
                "Content-Type": "application/x-www-form-urlencoded",
                "Referer": f"http://127.0.0.1:{port}{info['review']}",
            }
            try:
                conn.request("POST", reply, body=form, headers=headers)
                response = conn.getresponse()
                response.read()
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                continue
            with lock:
                (accepted if response.status == 200 else refused).append((body, response.status))
            k += 1
            time.sleep(1.0)  # a person writes, at most a reply a second

    writers = [threading.Thread(target=writer, args=(s, i)) for i, s in enumerate(info["sessions"])]
    for t in writers:
        t.start()
    readers = drive(port, info["review"], seconds, clients)
    for t in writers:
        t.join()
    return {"readers": figures(readers, seconds), "accepted": accepted, "refused": refused}


def stored_replies(database_url: str) -> list[str]:
    script = (
        "from review.models import Comment; import json; "
        "print(json.dumps(list(Comment.objects.filter(body__startswith='load test reply ').values_list('body', flat=True))))"
    )
    out = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=server_env(database_url),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--postgres", action="store_true", help="use PostgreSQL on 127.0.0.1 (the database is recreated)"
    )
    parser.add_argument(
        "--pg-name", default=PG_NAME, help=f"the PostgreSQL database to recreate (default {PG_NAME})"
    )
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()
    scratch = tempfile.mkdtemp(prefix="cw_load_")
    if not args.pg_name.replace("_", "").isalnum():
        parser.error("--pg-name: letters, digits and _ only")
    database_url = PG_SERVER + args.pg_name if args.postgres else f"sqlite:///{scratch}/load.sqlite3"
    info = prepare(database_url)
    port = free_port()
    server = start_server(database_url, port)
    pages = {
        "home": "/",
        "catalogue": "/licenses/",
        f"version ({info['clauses']} clauses)": info["version"],
        "compare": info["compare"],
        "review": info["review"],
        "matrix": info["review"] + "matrix/",
        "export (md)": info["review"] + "export.md",
    }
    results = {}
    try:
        for name, path in pages.items():
            drive(port, path, 1, 2)  # warm up
            results[name] = figures(drive(port, path, args.seconds, args.clients), args.seconds)
            print(f"{name:28} {json.dumps(results[name])}", flush=True)
        # A visitor's reload of a page kept with its ETag (Cache-Control: no-cache): a 304.
        for name in ("catalogue", f"version ({info['clauses']} clauses)", "compare"):
            etag = validator(port, pages[name])
            if etag:
                row = f"{name.split(' ')[0]}, reload (304)"
                headers = {"If-None-Match": etag}
                drive(port, pages[name], 1, 2, headers)  # warm up
                results[row] = figures(
                    drive(port, pages[name], args.seconds, args.clients, headers), args.seconds
                )
                print(f"{row:28} {json.dumps(results[row])}", flush=True)
        load = os.getloadavg()[0]
        outcome = mixed(port, info, args.seconds, args.clients)
    finally:
        server.terminate()
        server.wait(timeout=10)
    stored = stored_replies(database_url)
    accepted = [body for body, _ in outcome["accepted"]]
    exactly_once = sorted(stored) == sorted(accepted) and len(set(stored)) == len(stored)
    mixed_figures = {
        **outcome["readers"],
        "writes_accepted": len(accepted),
        "writes_refused": len(outcome["refused"]),
        "stored_exactly_once": exactly_once,
    }
    print(f"{'mixed: review + replies':28} {json.dumps(mixed_figures)}")
    database = "PostgreSQL" if args.postgres else "SQLite"
    print(f"{database}; {args.clients} clients x {args.seconds:.0f} s per page; load average {load:.1f}")
    print(json.dumps({"database": database, "pages": results, "mixed": mixed_figures}))


if __name__ == "__main__":
    main()
