"""``/api/``: version 1 of the JSON API, its schema and docs page, and the token forms of the
profile page. URL names are flat in the ``api`` namespace: ``api:version``, ``api:docs``; ``/api/`` itself
redirects to the docs."""

from django.urls import include, path, re_path
from django.views.generic import RedirectView

from api import docs, views
from api.main import api

app_name = "api"
urlpatterns = [
    # a reader who types /api/ lands on the docs of the current version
    path("", RedirectView.as_view(pattern_name="api:docs", http_method_names=["get", "head"]), name="root"),
    path("v1/docs", docs.docs, name="docs"),
    path("v1/", include(api.urls[0])),
    re_path(r"^v1/", views.not_found, name="not-found"),
    path("tokens/new/", views.token_create, name="token-create"),
    path("tokens/<int:pk>/revoke/", views.token_revoke, name="token-revoke"),
]
