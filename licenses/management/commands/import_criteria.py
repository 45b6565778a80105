import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from licenses.criteria_import import CriteriaFormatError, import_criteria


class Command(BaseCommand):
    help = "Add official wording to a criterion set, or add a whole new set, from a JSON file (see README)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except OSError as exc:
            raise CommandError(f"Cannot read {file}: {exc.strerror}.") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise CommandError(f"{file} is not valid UTF-8 JSON: {exc}.") from None
        try:
            result = import_criteria(data)
        except CriteriaFormatError as exc:
            raise CommandError(f"{file}: {exc}") from None
        self.stdout.write(
            f"{result.set.name}: {result.created} criteria created, {result.updated} updated"
            f"{' (new set)' if result.set_created else ''}."
        )
