from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from accounts import checks, throttle, timezones  # noqa: F401  (deploy checks, login counter, zone at log-in)
