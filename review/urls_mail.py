"""Mail import pages; included into review/urls.py (namespace "review")."""

from django.urls import path

from . import mail_import_views

urlpatterns = [
    path("reviews/<int:pk>/import/", mail_import_views.mail_import, name="mail-import"),
    path(
        "reviews/<int:pk>/import/link-author/",
        mail_import_views.mail_link_author,
        name="mail-link-author",
    ),
]
