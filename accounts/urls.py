from django.urls import path

from accounts import passwords, views

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("profile/", views.profile, name="profile"),
    path("password_reset/", passwords.PasswordResetView.as_view(), name="password_reset"),
]
