from django.urls import path

from licenses import views
from licenses.compare import views as compare_views
from licenses.corrections import views as correction_views

app_name = "licenses"
urlpatterns = [
    path("compare/", compare_views.compare, name="compare"),
    path("compare/versions/", compare_views.compare_versions, name="compare-versions"),
    path("compare/links/", compare_views.compare_links, name="compare-links"),
    path("licenses/", views.license_list, name="license-list"),
    path("licenses/<str:slug>/", views.license_detail, name="license-detail"),
    path("licenses/<str:slug>/versions/new/", views.version_create, name="version-create"),
    path("licenses/<str:slug>/<str:label>/", views.version_detail, name="version-detail"),
    path("licenses/<str:slug>/<str:label>/raw/", views.version_text, name="version-text"),
    path(
        "licenses/<str:slug>/<str:label>/corrections/",
        correction_views.correction_history,
        name="corrections",
    ),
    path(
        "licenses/<str:slug>/<str:label>/corrections/undo/",
        correction_views.correction_undo,
        name="correction-undo",
    ),
    path(
        "licenses/<str:slug>/<str:label>/clauses/<int:clause_id>/split/",
        correction_views.clause_split,
        name="clause-split",
    ),
    path(
        "licenses/<str:slug>/<str:label>/clauses/<int:clause_id>/merge/",
        correction_views.clause_merge,
        name="clause-merge",
    ),
    path(
        "licenses/<str:slug>/<str:label>/clauses/<int:clause_id>/edit/",
        correction_views.clause_edit,
        name="clause-edit",
    ),
]

# Families of sibling licenses (licenses/families/).
from licenses.families.urls import urlpatterns as family_urlpatterns  # noqa: E402

urlpatterns += family_urlpatterns
