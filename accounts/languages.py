"""Remembering the language a learner chose: on their account, and in the language cookie."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from accounts.models import User


def remember_language(request: HttpRequest, response: HttpResponse, language: str) -> None:
    """Save `language` as the learner's preference (one update, only when it changes) and
    set Django's language cookie, which the pages without a language in their URL use."""
    user = request.user
    if user.is_authenticated and user.preferred_language != language:
        User.objects.filter(pk=user.pk).update(preferred_language=language)
        user.preferred_language = language
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
