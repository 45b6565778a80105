import time

from django.core.management.base import BaseCommand

from search.indexing import rebuild


class Command(BaseCommand):
    help = "Rebuild the search index and the similarity signatures from every license, clause and comment."

    def handle(self, *args, **options):
        started = time.perf_counter()
        counts = rebuild()
        summary = ", ".join(f"{n} {kind}" for kind, n in counts.items())
        self.stdout.write(f"Indexed {summary} in {time.perf_counter() - started:.1f} s.")
