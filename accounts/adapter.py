"""allauth's account adapter, with the learner's language: applied when they log in."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest, HttpResponse
from django.urls import translate_url
from django.utils.translation import get_language

from accounts.languages import remember_language
from training.languages import language_codes


class AccountAdapter(DefaultAccountAdapter):
    def post_login(self, request: HttpRequest, user: Any, **kwargs: Any) -> HttpResponse:
        """Send the learner on in their preferred language; a learner without one keeps the
        language they logged in with, which becomes their preference."""
        response = super().post_login(request, user, **kwargs)
        language = user.preferred_language
        if language not in language_codes():
            language = get_language()
        location = response.get("Location")
        if location:
            response["Location"] = translate_url(location, language)
        remember_language(request, response, language)
        return response
