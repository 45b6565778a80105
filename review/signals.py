"""Signals other features listen to (search keeps its index current with them)."""

from django.dispatch import Signal

# Sent after comments are created in bulk (bulk_create sends no post_save): mail import and the
# copies a next round makes. Arguments: ``comments``, the saved Comment objects.
comments_created = Signal()
