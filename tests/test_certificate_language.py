"""Certificates in the learner's language: the language a course was completed in is stored
on the certificate, which states the course's title, phase and wording in that language; its
PDF is right to left in Arabic, set in Noto Naskh Arabic, with the code and the QR code in
Latin characters; its email goes out in that language from the worker, which has no request.

Expected translations are computed with gettext under `translation.override`, never written
out here, so these tests follow the catalogues in locale/.
"""

from __future__ import annotations

import io
import re
import subprocess

import pytest
from django.core import mail
from django.core.files.storage import default_storage
from django.utils import timezone, translation
from django.utils.dates import MONTHS
from django.utils.translation import gettext
from pypdf import PdfReader

from certificates.issuing import certificate_language
from certificates.models import DEFAULT_WORDING, Certificate
from courses.learning.completion import complete_lesson
from courses.learning.enrolment import enrol
from courses.models import CoursePage, CrisisPhase
from home.locales import ensure_languages, translate_page
from tests.factories import UserFactory
from tests.test_certificate_issuing import (
    assert_verifiable_pdf,
    certificate_of,
    lessons_of,
    wait_for_certificate,
)
from worker import certificates
from worker.certificates import verification_url
from worker.pdf import render_certificate_html, render_certificate_pdf

ENGLISH_TITLE = "Early warning for everyone"
ARABIC_TITLE = "الإنذار المبكر للجميع"
LATIN_NAME = "Amina Yusuf"
# The email's source texts (worker/certificates.py), to look up in the catalogues.
EMAIL_SUBJECT = "Your certificate: %(course)s"
EMAIL_BODY = (
    "Hello %(name)s,\n\nWell done: you completed “%(course)s”.\n"
    "Download your certificate here (log in first):\n%(download)s\n\n"
    "Anyone can check it is genuine at:\n%(verify)s\n"
)


# Helpers.


def arabic_course(course_builder, **arabic_fields) -> tuple[CoursePage, CoursePage]:
    """A one-lesson course and its published Arabic translation, in a site whose locales
    hold every page (the lesson is an alias in Arabic, as it is until translated)."""
    course = course_builder(
        title=ENGLISH_TITLE, modules=1, lessons_per_module=1, awards_certificate=True
    )
    ensure_languages()
    return course, translate_page(course, "ar", title=ARABIC_TITLE, **arabic_fields)


def complete_in(language: str | None, learner, course: CoursePage) -> Certificate:
    """Enrol and complete the course's lessons with `language` active (None: no language
    active, as outside a request), then return the learner's certificate."""
    enrol(learner, course)
    with translation.override(language):
        for lesson in lessons_of(course):
            complete_lesson(learner, lesson)
    return certificate_of(learner)


def in_language(language: str, text: str) -> str:
    with translation.override(language):
        return gettext(text)


#: Bidi embedding marks pdftotext puts around right-to-left runs: not part of the text.
BIDI_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e"))


def pdf_text(content: bytes, tmp_path) -> str:
    """The PDF's text as `pdftotext` (poppler) extracts it, in reading (logical) order,
    without the bidi marks it adds."""
    path = tmp_path / "certificate.pdf"
    path.write_bytes(content)
    extracted = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"],  # poppler-utils, from prerequisites
        capture_output=True,
        check=True,
        text=True,
    )
    return extracted.stdout.translate(BIDI_MARKS)


def font_names(content: bytes) -> set[str]:
    """The base names of the fonts the PDF's pages use, without their subset prefix and
    hyphens ("ABCDEF+Noto-Naskh-Arabic-Bold" is "NotoNaskhArabicBold")."""
    names = set()
    for page in PdfReader(io.BytesIO(content)).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for font in fonts.get_object().values():
            name = str(font.get_object()["/BaseFont"]).lstrip("/")
            names.add(name.split("+", 1)[-1].replace("-", ""))
    return names


# Fixtures.


@pytest.fixture
def arabic_certificate(course_builder) -> Certificate:
    """A pending certificate of a course completed with Arabic active, by a learner whose
    name is in Latin characters."""
    course, _arabic = arabic_course(course_builder)
    return complete_in("ar", UserFactory(full_name=LATIN_NAME), course)


# The language and what the certificate states.


@pytest.mark.django_db
def test_a_course_completed_on_the_arabic_pages_gives_a_certificate_in_arabic(
    client, course_builder
):
    course, arabic = arabic_course(course_builder)
    learner = UserFactory(full_name=LATIN_NAME, preferred_language="fr")
    enrol(learner, course)
    client.force_login(learner)
    arabic_lessons = lessons_of(arabic)
    assert arabic_lessons and all(lesson.alias_of_id for lesson in arabic_lessons)

    for lesson in arabic_lessons:
        response = client.post(f"/ar/learn/lessons/{lesson.pk}/complete/")
        assert response.status_code == 302

    certificate = certificate_of(learner)
    assert certificate.language == "ar"
    assert certificate.text_direction == "rtl"
    assert certificate.course_title == ARABIC_TITLE
    assert certificate.course_phase == in_language("ar", CrisisPhase.PREPAREDNESS.label)
    assert certificate.wording == in_language("ar", DEFAULT_WORDING)


@pytest.mark.django_db
def test_a_course_completed_on_its_english_page_with_arabic_active_states_the_arabic_title(
    course_builder,
):
    course, _arabic = arabic_course(course_builder)
    certificate = complete_in("ar", UserFactory(), course)
    assert (certificate.language, certificate.course_title) == ("ar", ARABIC_TITLE)


@pytest.mark.django_db
def test_a_language_the_course_is_not_translated_into_states_the_source_title(course_builder):
    course, _arabic = arabic_course(course_builder)  # Spanish holds only an alias of it
    certificate = complete_in("es", UserFactory(), course)
    assert certificate.language == "es"
    assert certificate.course_title == ENGLISH_TITLE
    assert certificate.course_phase == in_language("es", CrisisPhase.PREPAREDNESS.label)


@pytest.mark.django_db
def test_the_preferred_language_is_used_when_the_active_language_is_not_ours(course_builder):
    course, _arabic = arabic_course(course_builder)
    learner = UserFactory(preferred_language="ar")
    certificate = complete_in("de", learner, course)
    assert (certificate.language, certificate.course_title) == ("ar", ARABIC_TITLE)


@pytest.mark.parametrize(
    ("active", "preferred", "expected"),
    [
        ("ar", "fr", "ar"),  # the language of the page the course was completed on
        ("de", "fr", "fr"),  # not ours: the learner's preference
        (None, "es", "es"),  # no language active, as outside a request
        ("de", "", "en"),  # no preference: the site's default
        (None, "xx", "en"),  # a preference we no longer speak
    ],
)
def test_certificate_language_prefers_the_active_language_then_the_learners(
    active, preferred, expected
):
    learner = UserFactory.build(preferred_language=preferred)
    with translation.override(active):
        assert certificate_language(learner) == expected


@pytest.mark.django_db
def test_a_translations_own_wording_is_stated_as_its_author_wrote_it(course_builder):
    arabic_wording = "أتمّ بنجاح الدورة التدريبية"
    course, _arabic = arabic_course(course_builder, certificate_wording=arabic_wording)
    certificate = complete_in("ar", UserFactory(), course)
    assert certificate.wording == arabic_wording


# The PDF.


@pytest.mark.django_db
def test_the_arabic_pdf_states_the_title_in_logical_order_with_the_latin_code_intact(
    arabic_certificate, tmp_path
):
    content = render_certificate_pdf(arabic_certificate, verification_url(arabic_certificate))

    text = pdf_text(content, tmp_path)
    words = re.sub(r"\s+", " ", text)
    assert ARABIC_TITLE in words
    assert LATIN_NAME in words
    assert arabic_certificate.display_code in text.replace("-\n", "-")
    assert verification_url(arabic_certificate) in text.replace("\n", "")
    assert_verifiable_pdf(content, arabic_certificate)  # and its QR code opens the check page


@pytest.mark.django_db
def test_the_arabic_pdf_is_set_in_noto_naskh_arabic_and_the_english_one_is_not(
    arabic_certificate, course_builder
):
    english = complete_in("en", UserFactory(), course_builder(modules=1, lessons_per_module=1))

    # One stylesheet, parsed once per process, serves both directions.
    english_fonts = font_names(render_certificate_pdf(english, verification_url(english)))
    arabic_fonts = font_names(
        render_certificate_pdf(arabic_certificate, verification_url(arabic_certificate))
    )

    assert any(name.startswith("NotoNaskhArabic") for name in arabic_fonts), arabic_fonts
    assert not any(name.startswith("NotoNaskhArabic") for name in english_fonts), english_fonts


@pytest.mark.django_db
def test_the_arabic_certificate_page_is_right_to_left_with_its_dates_in_arabic(
    arabic_certificate,
):
    with translation.override("en"):  # the worker's language is not the certificate's
        html = render_certificate_html(arabic_certificate, verification_url(arabic_certificate))

    assert '<html lang="ar" dir="rtl">' in html
    assert f"<bdi>{LATIN_NAME}</bdi>" in html
    assert f"<bdi>{ARABIC_TITLE}</bdi>" in html
    assert f'<p class="code" dir="ltr">{arabic_certificate.display_code}</p>' in html
    month = MONTHS[timezone.localtime(arabic_certificate.completed_at).month]
    arabic_month = in_language("ar", month)
    assert arabic_month != in_language("en", month) and arabic_month in html


# The public check page.


@pytest.mark.django_db
def test_the_check_page_shows_what_an_arabic_certificate_states_in_arabic(
    client, arabic_certificate, settings, tmp_path
):
    settings.MEDIA_ROOT = str(tmp_path)
    assert certificates.issue(arabic_certificate.pk) == "issued"

    html = client.get(f"/certificates/verify/{arabic_certificate.code}/").content.decode()

    assert '<html lang="en" dir="ltr">' in html  # the visitor's language
    assert f'<dd lang="ar" dir="rtl">{ARABIC_TITLE}</dd>' in html
    assert f"<dd><bdi>{LATIN_NAME}</bdi></dd>" in html
    statement = re.search(r'<p class="certificate-statement" lang="ar" dir="rtl">(.*?)</p>', html)
    assert statement is not None
    assert f"<bdi>{ARABIC_TITLE}</bdi>" in statement.group(1)
    assert arabic_certificate.wording in statement.group(1)


# The email.


@pytest.mark.django_db
def test_the_certificate_email_is_in_the_certificates_language(
    arabic_certificate, settings, tmp_path
):
    settings.MEDIA_ROOT = str(tmp_path)
    assert certificates.issue(arabic_certificate.pk) == "issued"
    mail.outbox.clear()

    with translation.override("en"):  # the worker's language is not the certificate's
        assert certificates.send_certificate_email(arabic_certificate.pk) == "sent"

    [message] = mail.outbox
    values = {"course": ARABIC_TITLE, "name": LATIN_NAME}
    with translation.override("ar"):
        subject = gettext(EMAIL_SUBJECT) % values
        body = gettext(EMAIL_BODY) % {
            **values,
            "download": certificates.download_url(arabic_certificate, "ar"),
            "verify": certificates.verification_url(arabic_certificate, "ar"),
        }
    assert (message.subject, message.body) == (subject, body)
    assert f"/ar/certificates/verify/{arabic_certificate.code}/" in message.body
    # Passes once the Arabic catalogue (locale/ar) translates the email.
    assert message.subject != in_language("en", EMAIL_SUBJECT) % values


# Through a real worker.


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_worker_issues_and_emails_an_arabic_certificate(
    client, course_builder, issuing_worker, media_root, worker_log, tmp_path
):
    course, arabic = arabic_course(course_builder)
    learner = UserFactory(full_name=LATIN_NAME)
    enrol(learner, course)
    client.force_login(learner)

    for lesson in lessons_of(arabic):
        assert client.post(f"/ar/learn/lessons/{lesson.pk}/complete/").status_code == 302

    pending = certificate_of(learner)
    assert pending.language == "ar"
    certificate = wait_for_certificate(pending.pk, worker_log, status=Certificate.Status.ISSUED)
    content = default_storage.open(certificate.pdf.name).read()
    assert ARABIC_TITLE in re.sub(r"\s+", " ", pdf_text(content, tmp_path))
    assert any(name.startswith("NotoNaskhArabic") for name in font_names(content))
    # The email task runs in the worker, whose outbox we cannot see: the row says it was sent.
    wait_for_certificate(certificate.pk, worker_log, emailed_at__isnull=False)
