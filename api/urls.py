"""``/api/``: version 1 of the JSON API, its schema and docs page, and the token forms of the
profile page. URL names are flat in the ``api`` namespace: ``api:version``, ``api:docs``."""

from django.urls import include, path, re_path

from api import docs, views
from api.main import api

app_name = "api"
urlpatterns = [
    path("v1/docs", docs.docs, name="docs"),
    path("v1/", include(api.urls[0])),
    re_path(r"^v1/", views.not_found, name="not-found"),
    path("tokens/new/", views.token_create, name="token-create"),
    path("tokens/<int:pk>/revoke/", views.token_revoke, name="token-revoke"),
]
