from django.urls import path

from . import compare_views, views

app_name = "licenses"
urlpatterns = [
    path("compare/", compare_views.compare, name="compare"),
    path("compare/versions/", compare_views.compare_versions, name="compare-versions"),
    path("licenses/", views.license_list, name="license-list"),
    path("licenses/<str:slug>/", views.license_detail, name="license-detail"),
    path("licenses/<str:slug>/versions/new/", views.version_create, name="version-create"),
    path("licenses/<str:slug>/<str:label>/", views.version_detail, name="version-detail"),
    path("licenses/<str:slug>/<str:label>/raw/", views.version_text, name="version-text"),
]
