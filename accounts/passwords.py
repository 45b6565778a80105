"""Password reset that never claims a mail went out when it did not.

Django's ``PasswordResetForm.send_mail`` logs a failed send and carries on, so the page says
"we've emailed you" while nothing left. Here the send raises, and the view says so instead.
"""

from __future__ import annotations

import logging

from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.core.mail import EmailMultiAlternatives
from django.template import loader

log = logging.getLogger(__name__)

SEND_FAILED = (
    "We could not send the mail just now, so no link is on its way. Please try again in a few minutes."
)


class HonestPasswordResetForm(PasswordResetForm):
    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ) -> None:
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        message = EmailMultiAlternatives(subject=subject, body=body, from_email=from_email, to=[to_email])
        if html_email_template_name is not None:
            message.attach_alternative(
                loader.render_to_string(html_email_template_name, context), "text/html"
            )
        message.send()  # raises on failure: the view tells the person


class PasswordResetView(auth_views.PasswordResetView):
    form_class = HonestPasswordResetForm

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except Exception:
            log.exception("Password reset mail could not be sent")
            form.add_error(None, SEND_FAILED)
            return self.form_invalid(form)
