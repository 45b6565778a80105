"""Family review pages; included in the review URLconf (namespace ``review``)."""

from django.urls import path

from review.families import views

urlpatterns = [
    path("families/<slug:slug>/review/", views.family_review_create, name="family-review-create"),
    path("reviews/<int:pk>/family/", views.family_review, name="family-review"),
    path("reviews/<int:pk>/family/threads/new/", views.family_thread_create, name="family-thread-create"),
    path("reviews/<int:pk>/family/matrix/", views.family_matrix, name="family-matrix"),
    path(
        "reviews/<int:pk>/family/cells/<int:group_id>/<int:criterion_id>/",
        views.family_cell,
        name="family-cell",
    ),
]
