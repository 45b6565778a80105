"""Deployment checks for what accounts need from the outside world."""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, Tags, register

SMTP = "django.core.mail.backends.smtp.EmailBackend"


@register(Tags.security, deploy=True)
def mail_server_configured(app_configs, **kwargs) -> list[Error]:
    """Password resets need a mail server: with DEBUG off and SMTP, one must be named.

    Without it every reset fails at send time, long after deployment, and the person asking
    is left waiting for a mail that never comes.
    """
    if settings.DEBUG:
        return []
    mailer = settings.MAILERS.get("default", {})
    if mailer.get("BACKEND") == SMTP and not mailer.get("OPTIONS", {}).get("host"):
        return [
            Error(
                "No mail server is configured, so password-reset mail cannot be sent.",
                hint="Set EMAIL_HOST (and EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD), "
                "or EMAIL_BACKEND to another backend on purpose.",
                id="accounts.E001",
            )
        ]
    return []
