"""The matrix, positions and exports; included into review/urls.py (namespace "review")."""

from django.urls import path

from . import matrix_views

urlpatterns = [
    path("reviews/<int:pk>/matrix/", matrix_views.matrix_page, name="matrix"),
    path("reviews/<int:pk>/criteria/<str:key>/", matrix_views.criterion_detail, name="criterion-detail"),
    path(
        "reviews/<int:pk>/cells/<int:clause_id>/<int:criterion_id>/",
        matrix_views.cell,
        name="cell",
    ),
    path("threads/<int:thread_id>/position/", matrix_views.thread_position, name="position-from-thread"),
    path("reviews/<int:pk>/export.<str:fmt>", matrix_views.export, name="export"),
]
