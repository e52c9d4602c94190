"""The languages the platform speaks: the interface's and the content's (settings.LANGUAGES).

One list for both, so a learner who reads the interface in Arabic finds the Arabic courses,
and a certificate, an email or a page can always be given in the learner's language.
"""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import get_language_info


def language_choices() -> list[tuple[str, str]]:
    """(code, name in that language) for every language, as forms and filters offer them."""
    return list(settings.LANGUAGES)


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def supported_language(code: str | None) -> str:
    """`code` if the platform speaks it, else the default language (LANGUAGE_CODE)."""
    return code if code in language_codes() else settings.LANGUAGE_CODE


def text_direction(code: str) -> str:
    """ "rtl" for languages written right to left, "ltr" otherwise: the `dir` attribute."""
    try:
        return "rtl" if get_language_info(code)["bidi"] else "ltr"
    except KeyError:
        return "ltr"
