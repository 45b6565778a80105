import sys
import time

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from licenses import sources
from licenses.spdx_import import ImportCounts, import_many, select_ids


class Command(BaseCommand):
    help = "Import SPDX licenses with their canonical text as a first version, split into clauses."

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", help="SPDX ids, such as Apache-2.0 MIT")
        parser.add_argument("--osi", action="store_true", help="every OSI-approved license")
        parser.add_argument("--all", action="store_true", help="every license in the SPDX list")

    def handle(self, *args, ids, osi, all, **options):
        try:
            chosen = select_ids(ids, osi=osi, all_=all)
        except sources.UnknownLicense as exc:
            raise CommandError(f"Unknown SPDX id: {exc.args[0]}") from None
        if not chosen:
            raise CommandError("Name SPDX ids, or pass --osi or --all.")
        counts = ImportCounts()
        started = time.perf_counter()
        progress = tqdm(
            import_many(chosen, counts),
            total=len(chosen),
            unit="license",
            file=sys.stderr,
            disable=not sys.stderr.isatty(),
        )
        for _ in progress:
            pass
        elapsed = time.perf_counter() - started
        self.stdout.write(
            f"{len(chosen)} SPDX ids: {counts.licenses_created} licenses and {counts.versions_created} versions "
            f"created, {counts.skipped_no_text} without text, in {elapsed:.1f} s."
        )
