from django.apps import AppConfig


class LicensesConfig(AppConfig):
    name = "licenses"
    verbose_name = "Licenses and criteria"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from licenses import stamps  # (connects the receivers)

        post_migrate.connect(stamps.migrated, sender=self, dispatch_uid="catalogue-stamp-migrated")
