from django.apps import AppConfig


class ReviewConfig(AppConfig):
    name = "review"
    verbose_name = "Reviews"

    def ready(self) -> None:
        from review import stamps  # noqa: F401  (connects the receivers)
        from review.notify import signals  # noqa: F401  (connects the receivers)
