"""The bell, the notifications page, watch buttons, one-click unsubscribe and the outbox.

Writes check rights in the services and answer 404 to anyone without them.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from accounts import roles
from licenses.models import Family, License
from review import selectors as review_selectors
from review.models import Thread
from review.notify import mailer, selectors, services, tasks
from review.notify.models import OutgoingMail, Watch

PAGE = "notify/notifications.html"


@require_GET
@login_required
def notification_list(request: HttpRequest) -> HttpResponse:
    unread_only = request.GET.get("show") == "unread"
    rows = selectors.notification_rows(request.user, unread_only=unread_only)
    context = {"rows": rows, "unread_only": unread_only, "unread": selectors.unread_count(request.user)}
    return render(request, PAGE, context)


@require_GET
def bell(request: HttpRequest) -> HttpResponse:
    """The header's bell with the unread count (loaded by htmx, so pages cost no query for it)."""
    count = selectors.unread_count(request.user) if request.user.is_authenticated else 0
    response = render(request, "notify/_bell.html", {"unread": count})
    response["Cache-Control"] = "private, no-store"
    return response


def _back(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return default


@require_POST
@login_required
def mark_read(request: HttpRequest) -> HttpResponse:
    ids = request.POST.getlist("id")
    try:
        chosen = [int(i) for i in ids] if ids else None
    except ValueError:
        raise Http404("No such notification.") from None
    marked = services.mark_read(user=request.user, ids=chosen)
    if request.htmx:
        rows = selectors.notification_rows(request.user, unread_only=request.POST.get("show") == "unread")
        context = {"rows": rows, "unread": selectors.unread_count(request.user), "oob_bell": True}
        return render(request, f"{PAGE}#list", context)
    messages.success(request, f"{marked} notification{'s' if marked != 1 else ''} marked read.")
    return redirect(_back(request, "notify:notification-list"))


def _target(request: HttpRequest, kind: str, pk: int):
    """The thing to watch, if the person may read it; else 404."""
    if kind == "review":
        return review_selectors.review_for(pk, request.user)
    if kind == "thread":
        thread = get_object_or_404(Thread.objects.select_related("review"), pk=pk)
        thread.review = review_selectors.review_for(thread.review_id, request.user)
        return thread
    if kind == "license":
        return get_object_or_404(License, pk=pk)
    if kind == "family":
        return get_object_or_404(Family, pk=pk)
    raise Http404("Nothing to watch.")


@require_POST
@login_required
def watch_toggle(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    target = _target(request, kind, pk)
    if request.POST.get("action") == "unwatch":
        services.unwatch(user=request.user, target=target)
        watching = False
    else:
        try:
            services.watch(user=request.user, target=target)
        except services.NotAllowed:
            raise Http404("Nothing to watch.") from None
        watching = True
    context = {"kind": kind, "pk": pk, "watching": watching, "next": request.POST.get("next", "")}
    if request.htmx:
        return render(request, "notify/_watch_button.html", context)
    messages.success(request, f"You {'now watch' if watching else 'no longer watch'} this {kind}.")
    return redirect(_back(request, getattr(target, "get_absolute_url", lambda: "/")()))


@csrf_exempt  # RFC 8058: mail clients post the one-click unsubscribe without a session; the token is the proof
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    try:
        data = mailer.read_unwatch_token(token)
    except signing.BadSignature:
        raise Http404("This unsubscribe link is not valid.") from None
    user = get_object_or_404(get_user_model(), pk=data["u"], is_active=True)
    kind, target_id = data["k"], data["i"]
    label = mailer.UNWATCH_LABELS[kind]
    if request.method == "POST":
        if kind == "mail":
            services.set_mail_mode(user=user, mode="none")
        else:
            Watch.objects.filter(user=user, **{f"{kind}_id": target_id}).delete()
        return render(request, "notify/unsubscribed.html", {"label": label, "kind": kind})
    return render(request, "notify/unsubscribe.html", {"label": label, "kind": kind, "token": token})


@login_required
def outbox(request: HttpRequest) -> HttpResponse:
    """Moderators see mail that failed or waits for a retry, and can try it again now."""
    if not roles.is_moderator(request.user):
        raise Http404("No such page.")
    if request.method == "POST":
        mail = get_object_or_404(
            OutgoingMail.objects.select_related("comment"),
            pk=request.POST.get("id") or 0,
            status__in=[OutgoingMail.Status.RETRYING, OutgoingMail.Status.FAILED],
        )
        mail.status = OutgoingMail.Status.RETRYING
        status = tasks.deliver(mail)
        messages.info(request, f"Mail to {mail.to}: {OutgoingMail.Status(status).label.lower()}.")
        return redirect("notify:outbox")
    troubled = OutgoingMail.objects.exclude(
        status__in=[OutgoingMail.Status.SENT, OutgoingMail.Status.CANCELLED, OutgoingMail.Status.DOWNLOADED]
    ).order_by("-created_at")[:200]
    recent = OutgoingMail.objects.filter(status=OutgoingMail.Status.SENT).order_by("-sent_at")[:20]
    return render(request, "notify/outbox.html", {"troubled": troubled, "recent": recent})


@login_required
def post_to_list(request: HttpRequest, pk: int) -> HttpResponse:
    """A moderator sends the review's summary to the list, or downloads it as an .eml."""
    from django.conf import settings
    from django.core.exceptions import ValidationError

    from config.site import site_base
    from review.notify import listpost

    review = review_selectors.review_for(pk, request.user)
    if not roles.is_moderator(request.user):
        raise Http404("No such review.")
    error = ""
    if request.method == "POST":
        send = request.POST.get("action") == "send"
        try:
            mail = listpost.list_post(review=review, user=request.user, base_url=site_base(request), send=send)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            if send:
                messages.success(request, f"The summary is on its way to {mail.to} (Message-ID {mail.message_id}).")
                return redirect("notify:post-to-list", pk=review.pk)
            response = HttpResponse(listpost.as_eml(mail), content_type="message/rfc822")
            response["Content-Disposition"] = f'attachment; filename="review-{review.pk}-summary.eml"'
            return response
    context = {
        "review": review,
        "list_address": settings.LIST_ADDRESS,
        "posts": listpost.list_posts(review),
        "error": error,
        "nav": "reviews",
    }
    return render(request, "notify/post_to_list.html", context, status=422 if error else 200)
