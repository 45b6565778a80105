"""The licenses app knows nothing of review; a new version reaches its watchers through this."""

from __future__ import annotations

from django.db.models.signals import post_save
from django.dispatch import receiver

from licenses.models import LicenseVersion


@receiver(post_save, sender=LicenseVersion, dispatch_uid="notify-version-added")
def _version_added(sender, instance: LicenseVersion, created: bool, raw: bool = False, **kwargs) -> None:
    if created and not raw:
        from review.notify.services import version_added

        version_added(version=instance)
