"""Family pages; included in the licenses URLconf (namespace ``licenses``)."""

from django.urls import path

from licenses.families import views

urlpatterns = [
    path("families/", views.family_list, name="family-list"),
    path("families/new/", views.family_create, name="family-create"),
    path("families/<slug:slug>/", views.family_detail, name="family-detail"),
    path("families/<slug:slug>/edit/", views.family_edit, name="family-update"),
    path("families/<slug:slug>/realign/", views.family_realign, name="family-realign"),
    path("families/<slug:slug>/cells/<int:group_id>/<int:clause_id>/", views.family_cell, name="family-cell"),
    path(
        "families/<slug:slug>/cells/<int:group_id>/<int:clause_id>/move/",
        views.family_place,
        name="family-place",
    ),
]
