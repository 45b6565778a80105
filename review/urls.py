from django.urls import path

from review import views
from review.exports import views as export_views
from review.mail import views as mail_views
from review.matrix import views as matrix_views
from review.rounds import views as round_views

app_name = "review"
urlpatterns = [
    path("reviews/", views.review_list, name="review-list"),
    path("reviews/new/", views.review_create, name="review-create"),
    path("reviews/<int:pk>/", views.review_detail, name="review-detail"),
    path("reviews/<int:pk>/decision/", views.review_decide, name="review-decide"),
    path("reviews/<int:pk>/next-round/", round_views.next_round, name="next-round"),
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
    path("comments/<int:pk>/correct/", mail_views.comment_correct, name="comment-correct"),
    path("reviews/<int:pk>/matrix/", matrix_views.matrix_page, name="matrix"),
    path("reviews/<int:pk>/criteria/<str:key>/", matrix_views.criterion_detail, name="criterion-detail"),
    path(
        "reviews/<int:pk>/cells/<int:clause_id>/<int:criterion_id>/",
        matrix_views.cell,
        name="cell",
    ),
    path("threads/<int:thread_id>/position/", matrix_views.thread_position, name="position-from-thread"),
    path("reviews/<int:pk>/export.<str:fmt>", export_views.export, name="export"),
    path("reviews/<int:pk>/import/", mail_views.mail_import, name="mail-import"),
    path(
        "reviews/<int:pk>/import/link-author/",
        mail_views.mail_link_author,
        name="mail-link-author",
    ),
]

# Family reviews (review/families/).
from review.families.urls import urlpatterns as family_urlpatterns  # noqa: E402

urlpatterns += family_urlpatterns
