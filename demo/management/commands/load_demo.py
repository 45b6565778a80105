from django.core.management.base import BaseCommand

from demo.licenses import load_demo_licenses


class Command(BaseCommand):
    help = "Load the demo catalogue (and sample review). Safe to run again: it adds nothing twice."

    def handle(self, *args, **options):
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
