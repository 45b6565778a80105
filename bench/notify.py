"""Cost of notifying: a reply in a thread watched by N people, and one reply by mail.

Run from the repo root:  .venv/bin/python bench/notify.py [--watchers 10,100,1000]

Throw-away SQLite database, mail to Django's in-memory backend, tasks in the database queue
(the production setting). For each N: the posting request's wall time and queries (fan-out and
notification rows, one task queued), then the worker's time to compose and send every mail
(``db_worker --batch``), then the notifications page with 50 rows. Last, ``receive_mail``'s
core on one reply.
The last line is JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scratch import setup_scratch_django  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--watchers", default="10,100,1000")
    args = parser.parse_args()
    os.environ["AXES_ENABLED"] = "0"
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
    os.environ["TASKS_BACKEND"] = "database"  # as in production: the request queues, the worker sends
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    setup_scratch_django("cw-bench-notify")
    import logging

    from django.contrib.auth.models import Group, User
    from django.core import mail
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from licenses.ingest import ingest_version
    from licenses.models import CriterionSet, License, LicenseVersion
    from review import services
    from review.models import Review
    from review.notify.inbound import receive
    from review.notify.models import Watch
    logging.getLogger("django.tasks").setLevel(logging.WARNING)  # one line per task otherwise
    call_command("migrate", verbosity=0)
    mail.outbox = []
    reviewers = Group.objects.get_or_create(name="reviewer")[0]
    text = "Sample.\n\n1. Grant.\n\nYou may use it.\n\n2. Conditions.\n\nKeep this notice.\n"
    results = {}
    for n in [int(x) for x in args.watchers.split(",")]:
        license = License.objects.create(slug=f"bench-{n}", name=f"Bench {n}")
        version = ingest_version(license=license, text=text, label="1.0", source=LicenseVersion.Source.PASTE).version
        review = Review.objects.create(version=version, criterion_set=CriterionSet.objects.get(slug="osd-1.9"))
        author = User.objects.create_user(f"author{n}", f"author{n}@example.org")
        author.groups.add(reviewers)
        clause = version.clauses.exclude(path="").first()
        thread = services.thread_start(review=review, clause=clause, author=author, body="Opening.")
        people = User.objects.bulk_create(
            [User(username=f"w{n}-{i}", email=f"w{n}-{i}@example.org") for i in range(n)]
        )
        Watch.objects.bulk_create([Watch(user=p, thread=thread) for p in people])
        mail.outbox = []
        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)  # the thread's own tasks
        mail.outbox = []
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            services.comment_add(thread=thread, author=author, body="A reply to **everyone**.")
            elapsed = time.perf_counter() - start
        queries = len(ctx.captured_queries)
        start = time.perf_counter()
        call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
        worker = time.perf_counter() - start
        sent = len(mail.outbox)
        client = Client()
        client.force_login(people[0])
        for _ in range(60):
            services.comment_add(thread=thread, author=author, body="More.")
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as page:
            start = time.perf_counter()
            client.get("/notifications/")
            page_ms = (time.perf_counter() - start) * 1000
        results[n] = {
            "request_ms": round(elapsed * 1000, 1),
            "request_queries": queries,
            "worker_ms": round(worker * 1000, 1),
            "worker_ms_per_mail": round(worker * 1000 / max(sent, 1), 2),
            "mails": sent,
            "page_ms": round(page_ms, 1),
            "page_queries": len(page.captured_queries),
        }
        print(f"{n:>5} watchers: request {elapsed * 1000:7.1f} ms, {queries} queries; worker {worker * 1000:8.1f} ms "
              f"for {sent} mails ({worker * 1000 / max(sent, 1):.2f} ms each); notifications page (50 of 61 rows) "
              f"{page_ms:.1f} ms, {len(page.captured_queries)} queries")  # fmt: skip
    # One reply by mail, parsed and posted.
    note = mail.outbox[0]
    raw = (
        f"From: {note.to[0]}\nTo: {note.reply_to[0]}\nSubject: Re: {note.subject}\nMessage-ID: <bench@x>\n\n"
        "Agreed.\n\nOn Wed, someone wrote:\n" + "\n".join(f"> {line}" for line in note.body.splitlines())
        + "\n-- \nMe\n"
    ).encode()
    person = User.objects.get(email=note.to[0])
    person.groups.add(reviewers)
    start = time.perf_counter()
    outcome = receive(raw=raw)  # posts the comment; its notifications wait in the queue
    receive_ms = (time.perf_counter() - start) * 1000
    print(f"receive_mail core: {receive_ms:.1f} ms ({outcome.status})")
    print(json.dumps({"fanout": results, "receive_ms": round(receive_ms, 1)}))


if __name__ == "__main__":
    main()
