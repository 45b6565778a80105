from django.contrib import admin
from django.urls import include, path

from config import views

urlpatterns = [
    path("", views.home, name="home"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("admin/", admin.site.urls),
    # Ours first: the password reset view here replaces Django's (it reports failed sends).
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include("licenses.urls")),
    path("", include("review.urls")),
    path("", include("search.urls")),
    path("", include("review.notify.urls")),
    path("api/", include("api.urls")),
]

handler400 = "config.views.bad_request"
handler500 = "config.views.server_error"
