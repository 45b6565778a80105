from django.urls import path
from django.views.decorators.http import require_GET

from review.notify import feeds, views

app_name = "notify"
urlpatterns = [
    path("notifications/", views.notification_list, name="notification-list"),
    path("notifications/bell/", views.bell, name="bell"),
    path("notifications/read/", views.mark_read, name="mark-read"),
    path("notifications/outbox/", views.outbox, name="outbox"),
    path("notifications/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("reviews/<int:pk>/post-to-list/", views.post_to_list, name="post-to-list"),
    path("watch/<str:kind>/<int:pk>/", views.watch_toggle, name="watch"),
    path("feeds/activity.atom", require_GET(feeds.ActivityFeed()), name="feed-activity"),
    path("feeds/reviews/<int:pk>.atom", require_GET(feeds.ReviewFeed()), name="feed-review"),
    path("feeds/licenses/<slug:slug>.atom", require_GET(feeds.LicenseFeed()), name="feed-license"),
    path("feeds/families/<slug:slug>.atom", require_GET(feeds.FamilyFeed()), name="feed-family"),
]
