"""Accounts: sign-up and the profile page (log-in, log-out and passwords are Django's own views).

Included at ``/accounts/`` beside ``django.contrib.auth.urls``; the URL names are ``signup`` and
``profile`` (no namespace, like Django's ``login`` and ``logout``).
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import UserCreationForm
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from accounts import addresses, roles, services
from accounts.models import Profile, RoleRequest
from accounts.timezones import remember, zone_choices
from config.site import site_base


class SignupForm(UserCreationForm):
    email = forms.EmailField(help_text="For password resets; never shown to others.")
    display_name = forms.CharField(
        max_length=100, required=False, help_text="Shown beside your comments. Defaults to your username."
    )
    affiliation = forms.CharField(max_length=200, required=False, help_text="Optional: your organisation.")

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "email")

    # No check that the address is free: saying so would tell anyone who has an account here.
    # The address waits for its owner's confirmation (accounts.addresses), and a taken one is
    # told about the attempt by mail.
    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip()

    @transaction.atomic
    def save(self, commit: bool = True) -> User:
        user = super().save(commit=False)
        user.email = ""  # confirmed later
        user.save()
        Profile.objects.create(
            user=user,
            display_name=self.cleaned_data.get("display_name", "").strip(),
            affiliation=self.cleaned_data.get("affiliation", "").strip(),
            pending_email=self.cleaned_data["email"],
        )
        return user


class ProfileForm(forms.ModelForm):
    email = forms.EmailField()

    class Meta:
        model = Profile
        fields = ["display_name", "affiliation", "notify_mail", "time_zone"]
        help_texts = {
            "display_name": "Shown beside your comments. Leave empty to show your username.",
            "notify_mail": "What you watch and mentions of you; the bell in the header shows them all the same.",
            "time_zone": "Times on the site are shown in this zone, named. Empty: your browser's zone.",
        }
        widgets = {"notify_mail": forms.RadioSelect}

    def __init__(self, *args, user: User, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["email"].initial = self.instance.pending_email or user.email
        self.fields["email"].help_text = (
            "For notifications and password resets; never shown to others. "
            "A new address is used once you follow the link we mail to it."
        )
        # A form that leaves the mail setting out keeps it as it is.
        self.fields["notify_mail"].required = False
        self.fields["time_zone"] = forms.ChoiceField(
            label="Time zone",
            choices=zone_choices(),
            required=False,
            help_text=self.fields["time_zone"].help_text,
        )

    def clean_notify_mail(self) -> str:
        return self.cleaned_data.get("notify_mail") or self.instance.notify_mail

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip()

    def new_email(self) -> str | None:
        """The address typed, when it is neither the confirmed one nor the one already waiting."""
        email = self.cleaned_data["email"]
        if email.lower() in (self.user.email.lower(), self.instance.pending_email.lower()):
            return None
        return email


def _next_url(request: HttpRequest) -> str | None:
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return None


def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("profile")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        # Two backends are configured (axes first); name the one that authenticates.
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            request,
            "Welcome to Clausewise. You can read every public review now; "
            "a moderator gives reviewers the right to comment.",
        )
        _mail_confirmation(request, user, form.cleaned_data["email"])
        return redirect(_next_url(request) or "profile")
    return render(request, "registration/signup.html", {"form": form, "next": _next_url(request) or ""})


class RoleRequestForm(forms.ModelForm):
    class Meta:
        model = RoleRequest
        fields = ["note"]
        labels = {"note": "A word for the moderators (optional)"}
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}


def _profile_page(request: HttpRequest, form: ProfileForm, ask_form: RoleRequestForm, status: int = 200):
    is_reviewer = roles.is_reviewer(request.user)
    return render(
        request,
        "registration/profile.html",
        {
            "form": form,
            "ask_form": ask_form,
            "roles": roles.role_names(request.user),
            "is_moderator": roles.is_moderator(request.user),
            "can_ask": not is_reviewer,
            "requests": list(request.user.role_requests.all()[:5]),
            "waiting": request.user.role_requests.filter(status=RoleRequest.Status.PENDING).first(),
        },
        status=status,
    )


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    instance, _ = Profile.objects.get_or_create(user=request.user)
    form = ProfileForm(request.POST or None, instance=instance, user=request.user)
    if request.method == "POST" and form.is_valid():
        new_email = form.new_email()
        form.save()
        remember(request, form.instance.time_zone)
        messages.success(request, "Profile saved.")
        if new_email:
            _mail_confirmation(request, request.user, new_email)
        return redirect("profile")
    return _profile_page(request, form, RoleRequestForm())


def _mail_confirmation(request: HttpRequest, user: User, email: str) -> None:
    """Mail the link that makes ``email`` the account's, and say so the same way whoever owns it."""
    if addresses.ask_to_confirm(user, email, base_url=site_base(request)):
        messages.info(request, f"We sent a link to {email}. Your address is used once you follow it.")
    else:
        messages.error(
            request,
            "We could not send the confirmation mail just now. Try again from your profile in a few minutes.",
        )


@require_POST
@login_required
def resend_confirmation(request: HttpRequest) -> HttpResponse:
    profile = get_object_or_404(Profile, user=request.user)
    if not profile.pending_email:
        messages.info(request, "No address is waiting for confirmation.")
    elif wait := addresses.resend_wait(profile):
        messages.info(request, f"We sent a link a moment ago. You can ask again in {wait} s.")
    else:
        _mail_confirmation(request, request.user, profile.pending_email)
    return redirect("profile")


@login_required
def confirm_email(request: HttpRequest, token: str) -> HttpResponse:
    try:
        email = addresses.confirm(token, user=request.user)
    except addresses.ConfirmError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Thank you: {email} is now your account's address.")
    return redirect("profile")


@require_POST
@login_required
def role_request(request: HttpRequest) -> HttpResponse:
    """Ask the moderators for the reviewer role."""
    ask_form = RoleRequestForm(request.POST)
    if ask_form.is_valid():
        try:
            services.role_request(user=request.user, role=roles.REVIEWER, note=ask_form.cleaned_data["note"])
        except ValidationError as exc:
            # Asked already, or a reviewer already: say so on the profile, where its state shows.
            messages.info(request, " ".join(exc.messages))
            return redirect("profile")
        else:
            messages.success(
                request, "Your request is with the moderators. This page shows when it is answered."
            )
            return redirect("profile")
    instance, _ = Profile.objects.get_or_create(user=request.user)
    return _profile_page(request, ProfileForm(instance=instance, user=request.user), ask_form, status=422)


@require_POST
@login_required
def role_request_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    role_request = get_object_or_404(RoleRequest, pk=pk, user=request.user, status=RoleRequest.Status.PENDING)
    services.role_request_cancel(request=role_request, user=request.user)
    messages.success(request, "Request withdrawn.")
    return redirect("profile")
