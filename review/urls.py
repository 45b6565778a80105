from django.urls import path

from . import carryover_views, urls_mail, urls_matrix, views

app_name = "review"
urlpatterns = [
    path("reviews/", views.review_list, name="review-list"),
    path("reviews/new/", views.review_create, name="review-create"),
    path("reviews/<int:pk>/", views.review_detail, name="review-detail"),
    path("reviews/<int:pk>/decision/", views.review_decide, name="review-decide"),
    path("reviews/<int:pk>/next-round/", carryover_views.next_round, name="next-round"),
    path("reviews/<int:pk>/threads/new/", views.thread_create, name="thread-create"),
    path("reviews/<int:pk>/threads/<int:thread_id>/", views.thread_detail, name="thread-detail"),
    path("reviews/<int:pk>/threads/<int:thread_id>/reply/", views.thread_reply, name="thread-reply"),
    path("reviews/<int:pk>/threads/<int:thread_id>/resolve/", views.thread_resolve, name="thread-resolve"),
    path("reviews/<int:pk>/threads/<int:thread_id>/reopen/", views.thread_reopen, name="thread-reopen"),
    path("comments/<int:pk>/edit/", views.comment_edit, name="comment-edit"),
    path("comments/<int:pk>/delete/", views.comment_delete, name="comment-delete"),
    path("comments/<int:pk>/restore/", views.comment_restore, name="comment-restore"),
    path("comments/<int:pk>/hide/", views.comment_hide, name="comment-hide"),
    path("comments/<int:pk>/history/", views.comment_history, name="comment-history"),
    *urls_matrix.urlpatterns,
    *urls_mail.urlpatterns,
]
