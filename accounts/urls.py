from django.urls import path

from accounts import login, members, passwords, views

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("profile/", views.profile, name="profile"),
    path("profile/confirm-email/<str:token>/", views.confirm_email, name="confirm-email"),
    path("profile/resend-confirmation/", views.resend_confirmation, name="resend-confirmation"),
    path("login/", login.LoginView.as_view(), name="login"),
    path("password_reset/", passwords.PasswordResetView.as_view(), name="password_reset"),
    path("profile/ask-for-reviewer/", views.role_request, name="role-request"),
    path("profile/requests/<int:pk>/withdraw/", views.role_request_cancel, name="role-request-cancel"),
    path("members/", members.member_list, name="member-list"),
    path("members/<int:pk>/", members.member_detail, name="member-detail"),
    path("members/<int:pk>/roles/", members.member_role, name="member-role"),
    path("members/<int:pk>/stewardships/", members.member_stewardship, name="member-stewardship"),
    path("requests/<int:pk>/decline/", members.request_decline, name="role-request-decline"),
]
