from django.apps import AppConfig


class LicensesConfig(AppConfig):
    name = "licenses"
    verbose_name = "Licenses and criteria"

    def ready(self) -> None:
        from licenses import stamps  # noqa: F401  (connects the receivers)
