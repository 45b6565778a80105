"""The user page in the admin, with the profile inline and the roles listed."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User

from accounts.models import Profile


class ProfileInline(admin.StackedInline):
    model = Profile
    can_delete = False
    extra = 0
    max_num = 1


admin.site.unregister(User)


@admin.register(User)
class ClausewiseUserAdmin(UserAdmin):
    inlines = [ProfileInline]
    list_display = ["username", "email", "roles", "is_staff", "is_active"]
    list_filter = ["groups", "is_staff", "is_superuser", "is_active"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    @admin.display(description="Roles")
    def roles(self, user: User) -> str:
        return ", ".join(sorted(g.name for g in user.groups.all()))
