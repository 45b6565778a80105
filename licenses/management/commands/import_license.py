import re
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from licenses.families.models import Family
from licenses.families.services import groups_refresh
from licenses.ingest import IngestError, ingest_version, read_text
from licenses.models import License, LicenseVersion


class Command(BaseCommand):
    help = "Import one license text from a file as a version of a license (created if new)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--slug", required=True)
        parser.add_argument("--name", required=True)
        parser.add_argument("--version-label", required=True)
        parser.add_argument("--previous", help="label of the version this one follows")
        parser.add_argument("--spdx-id", help="SPDX id, when the license has one")
        parser.add_argument(
            "--family", help="slug of a family of sibling licenses to add the license to (created if new)"
        )
        parser.add_argument("--family-name", help="name of the family, when --family creates it")

    def handle(
        self, *args, file: Path, slug, name, version_label, previous, spdx_id, family, family_name, **options
    ):
        if family and not re.fullmatch(r"[-a-zA-Z0-9_]+", family):
            raise CommandError(f"--family {family!r}: use letters, digits, hyphens and underscores.")
        try:
            size = file.stat().st_size
            if size > 1024 * 1024:
                raise IngestError(f"The file is {size / 1024 / 1024:.1f} MiB; the limit is 1 MiB.")
            found = read_text(file.read_bytes())
            text = found.text
        except OSError as exc:
            raise CommandError(f"Cannot read {file}: {exc.strerror}.") from None
        except IngestError as exc:
            raise CommandError(f"{file}: {exc}") from None
        try:
            with transaction.atomic():
                license = License.objects.filter(slug=slug).first()
                if license is None:
                    # Checked as the web form checks a new license: a bad slug breaks every URL.
                    license = License(slug=slug, name=name, spdx_id=spdx_id or None)
                    license.full_clean()
                    license.save()
                prev = None
                if previous:
                    prev = license.versions.filter(label=previous).first()
                    if prev is None:
                        raise IngestError(f"{license.name} has no version labelled {previous!r}.")
                result = ingest_version(
                    license=license,
                    text=text,
                    label=version_label,
                    source=LicenseVersion.Source.IMPORT,
                    previous=prev,
                )
                joined = None
                if family:
                    joined, _ = Family.objects.get_or_create(
                        slug=family, defaults={"name": family_name or family}
                    )
                    joined.members.add(license)
                    groups_refresh(family=joined)
        except IngestError as exc:
            raise CommandError(f"{file}: {exc}") from None
        except ValidationError as exc:
            problems = "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in exc.message_dict.items())
            raise CommandError(f"Nothing imported. {problems}") from None
        version = result.version
        verb = "Imported" if result.created else "Already present:"
        if found.converted_from:
            self.stdout.write(f"{file} is {found.converted_from}: {found.how}.")
        self.stdout.write(f"{verb} {license.name} {version.label} ({version.clauses.count()} clauses).")
        if joined is not None:
            self.stdout.write(f"Member of the family {joined.name} ({joined.members.count()} members).")
