from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from search import signals
        from search.backends import ensure_fulltext

        signals.connect()
        post_migrate.connect(ensure_fulltext, sender=self, dispatch_uid="search-fulltext")
        post_migrate.connect(fill_if_empty, sender=self, dispatch_uid="search-fill")


def fill_if_empty(sender=None, using="default", **kwargs) -> None:
    """A database that had licenses before search existed gets its index on the next migrate."""
    from licenses.models import License
    from search.indexing import rebuild
    from search.models import Document

    if not Document.objects.using(using).exists() and License.objects.using(using).exists():
        rebuild()
