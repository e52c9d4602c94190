"""Profile editing and claiming a workshop place; everything else about accounts is
django-allauth's."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_ratelimit.core import is_ratelimited

from accounts.forms import ProfileForm
from blended.claims import ClaimRefused, claim


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile is saved."))
        return redirect("profile")
    return TemplateResponse(request, "accounts/profile.html", {"form": form})


class ClaimForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Claim code"),
        max_length=20,
        help_text=gettext_lazy("The eight letters and digits you were given at the workshop."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )


def claim_rate(group: str, request: HttpRequest) -> str:
    return settings.CLAIM_CODE_RATE


@login_required
def claim_place(request: HttpRequest) -> HttpResponse:
    """A workshop participant who had no account enters their claim code: their place,
    attendance and certificate become this account's (`blended.claims.claim`).

    Tries are limited per account and per connection, so codes cannot be guessed."""
    form = ClaimForm(request.POST or None)
    if request.method != "POST":
        return TemplateResponse(request, "accounts/claim.html", {"form": form})
    for key in ("user", "ip"):
        group = f"accounts.claim.{key}"
        if is_ratelimited(request, group=group, key=key, rate=claim_rate, increment=True):
            form.is_valid()
            form.add_error(None, _("Too many tries. Wait an hour and try again."))
            return TemplateResponse(request, "accounts/claim.html", {"form": form}, status=429)
    if form.is_valid():
        try:
            participant = claim(form.cleaned_data["code"], request.user)
        except ClaimRefused as refusal:
            form.add_error("code", str(refusal))
        else:
            messages.success(
                request,
                _("Your place in “%(cohort)s” is now part of your account.")
                % {"cohort": participant.cohort.name},
            )
            return redirect("my_learning")
    return TemplateResponse(request, "accounts/claim.html", {"form": form}, status=400)
