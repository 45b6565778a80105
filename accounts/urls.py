from django.urls import path

from accounts import login, passwords, views

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("profile/", views.profile, name="profile"),
    path("login/", login.LoginView.as_view(), name="login"),
    path("password_reset/", passwords.PasswordResetView.as_view(), name="password_reset"),
]
