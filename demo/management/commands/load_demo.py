import logging
from contextlib import contextmanager

from django.core.management.base import BaseCommand
from django.test.utils import override_settings

from demo.licenses import load_demo_licenses


@contextmanager
def quietly():
    """The demo's people are made up: the notifications its threads raise stay in the app (the
    bell shows them) and send no mail, and the tasks that would send it say nothing."""
    tasks = logging.getLogger("django.tasks")
    level = tasks.level
    tasks.setLevel(logging.WARNING)
    try:
        with override_settings(
            MAILERS={"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
        ):
            yield
    finally:
        tasks.setLevel(level)


class Command(BaseCommand):
    help = "Load the demo catalogue (and sample review). Safe to run again: it adds nothing twice."

    def handle(self, *args, **options):
        with quietly():
            self._load()

    def _load(self) -> None:
        counts = load_demo_licenses()
        self.stdout.write(
            f"Demo catalogue: {counts.licenses_created} licenses and {counts.versions_created} versions added."
        )
        from demo.families import load_demo_family, load_demo_family_review

        self.stdout.write(load_demo_family())
        try:
            from demo.reviews import load_demo_review
        except ImportError:
            return
        message = load_demo_review()
        if message:
            self.stdout.write(message)
        self.stdout.write(load_demo_family_review())
