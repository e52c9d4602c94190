"""Lesson blocks validate what accessibility needs: alt text, transcripts, attributions."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StreamBlockValidationError
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from courses.pages.blocks import LessonStreamBlock


@pytest.fixture
def image(db):
    return Image.objects.create(title="Evacuation point", file=get_test_image_file())


def clean_stream(raw: list[dict]):
    block = LessonStreamBlock()
    return block.clean(block.to_python(raw))


def test_image_without_alt_text_is_rejected(image):
    raw = [
        {
            "type": "image",
            "value": {
                "image": {"image": image.pk, "alt_text": "", "decorative": False},
                "caption": "",
            },
        }
    ]
    with pytest.raises(StreamBlockValidationError):
        clean_stream(raw)


def test_image_with_alt_text_is_accepted(image):
    raw = [
        {
            "type": "image",
            "value": {
                "image": {
                    "image": image.pk,
                    "alt_text": "People at an assembly point",
                    "decorative": False,
                },
                "caption": "Drill",
            },
        }
    ]
    assert clean_stream(raw)


def test_quote_needs_an_attribution():
    raw = [{"type": "quote", "value": {"text": "We were not told.", "attribution": ""}}]
    with pytest.raises(StreamBlockValidationError):
        clean_stream(raw)


def test_course_hero_image_needs_alt_text(course_builder, image):
    course = course_builder()
    course.hero_image = image
    course.hero_image_alt = " "
    with pytest.raises(ValidationError) as error:
        course.full_clean()
    assert "hero_image_alt" in error.value.message_dict
