from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "review"
    verbose_name = "Reviews"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from review import stamps  # (connects the receivers)

        post_migrate.connect(stamps.migrated, sender=self, dispatch_uid="review-stamp-migrated")
        from review.notify import signals  # noqa: F401  (connects the receivers)
