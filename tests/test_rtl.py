"""Right-to-left pages: Arabic pages say so, the style sheet mirrors by itself (logical
properties only), arrows turn round, and what people type keeps its own direction."""

import re
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from wagtail.models import Locale

from courses.learning.completion import complete_lesson
from courses.learning.enrolment import enrol
from courses.models import LessonPage, ModulePage
from home.locales import ensure_languages, translate_page
from tests.factories import UserFactory

# Declarations that fix a side instead of following the text: left/right, and the corners.
PHYSICAL = re.compile(
    r"(?<![\w-])(?:margin|padding|border|scroll-margin|scroll-padding)-(?:left|right)\b"
    r"|(?<![\w-])border-(?:top|bottom)-(?:left|right)-radius\b"
    r"|(?<![\w-])(?:left|right)\s*:"
    r"|(?<![\w-])(?:text-align|float|clear)\s*:\s*(?:left|right)\b"
)
# Shorthands whose four values are top, right, bottom, left.
BOX_SHORTHAND = re.compile(
    r"(?<![\w-])(margin|padding|inset|border-width|border-style|border-color|border-radius)"
    r"\s*:\s*([^;{}]+)"
)
ON_PURPOSE = "physical on purpose:"
COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
ARROWS = re.compile(r"→|←|›|‹|&rarr;|&larr;|&rsaquo;|&lsaquo;")


def css_values(value: str) -> list[str]:
    """The space-separated parts of a CSS value, "calc(a * b)" kept in one piece."""
    parts, current, depth = [], "", 0
    for char in value.replace("!important", "").strip():
        if char.isspace() and depth == 0:
            if current:
                parts.append(current)
            current = ""
            continue
        depth += (char == "(") - (char == ")")
        current += char
    return [*parts, current] if current else parts


def physical_declarations(css: str) -> list[str]:
    """Lines of `css` that lay out by physical side, except those commented on the same line
    "physical on purpose: <why>"."""
    kept = "\n".join("" if ON_PURPOSE in line else line for line in css.splitlines())
    code = COMMENT.sub(lambda comment: "\n" * comment.group().count("\n"), kept)
    found = []
    for number, line in enumerate(code.splitlines(), start=1):
        if PHYSICAL.search(line):
            found.append(f"{number}: {line.strip()}")
        for prop, value in BOX_SHORTHAND.findall(line):
            parts = css_values(value)
            uneven = len(parts) == 4 and parts[1] != parts[3]
            corners = prop == "border-radius" and len(parts) > 1 and "/" not in parts
            if uneven or corners:
                found.append(f"{number}: {line.strip()}")
    return found


def arabic(page):
    return page.get_translation(Locale.objects.get(language_code="ar"))


def test_arabic_home_and_course_pages_are_right_to_left(client, course_builder):
    course = course_builder()
    ensure_languages()
    arabic_course = translate_page(course, "ar", title="الاستعداد للأزمات")
    for url in ["/ar/", arabic_course.url]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert '<html lang="ar" dir="rtl">' in response.content.decode(), url


def test_the_style_sheet_lays_out_with_logical_properties_only():
    css = Path(finders.find("css/main.css")).read_text(encoding="utf-8")
    assert physical_declarations(css) == []


def test_the_physical_check_catches_sides_and_honours_a_reason_on_the_line():
    css = """
    .a { margin-left: 1rem; }
    .b { padding: 0 1rem 0 0; }
    .c { position: absolute; right: 0; }
    .d { text-align: left; float: right; }
    .e { border-radius: 4px 0 0 4px; }
    .f { right: 0; } /* physical on purpose: the scrollbar is on the right in every language */
    /* what is left: to do, right: a comment */
    .g { margin: 0 auto; padding: calc(var(--space) * 1.5) 1rem; inset-inline-start: 0; }
    """
    assert [line.split(":")[0] for line in physical_declarations(css)] == ["2", "3", "4", "5", "6"]


def test_arrows_in_templates_are_marked_to_turn_round_right_to_left():
    templates = Path(settings.BASE_DIR) / "templates"
    bare = [
        f"{path.relative_to(templates)}: {line.strip()}"
        for path in templates.rglob("*.html")
        if "certificates" not in path.relative_to(templates).parts
        for line in path.read_text(encoding="utf-8").splitlines()
        if ARROWS.search(line) and 'class="arrow"' not in line
    ]
    assert bare == []


def test_sign_up_fields_take_the_direction_of_what_is_typed(client, db):
    html = client.get("/ar/accounts/signup/").content.decode()
    name_input = re.search(r'<input [^>]*name="full_name"[^>]*>', html).group()
    email_input = re.search(r'<input [^>]*name="email"[^>]*>', html).group()
    assert 'dir="auto"' in name_input
    assert 'dir="auto"' in email_input
    assert 'autocomplete="name"' in name_input and 'maxlength="150"' in name_input


def test_a_name_sent_back_with_an_error_keeps_its_value_and_direction(client, db):
    response = client.post(
        "/accounts/signup/",
        {"email": "not-an-email", "full_name": "أمينة يوسف", "password1": "x", "password2": "x"},
    )
    html = response.content.decode()
    name_input = re.search(r'<input [^>]*name="full_name"[^>]*>', html).group()
    email_input = re.search(r'<input [^>]*name="email"[^>]*>', html).group()
    assert 'value="أمينة يوسف"' in name_input and 'dir="auto"' in name_input
    assert 'aria-invalid="true"' in email_input and 'dir="auto"' in email_input


def test_the_learners_name_on_my_learning_keeps_its_own_direction(client, course_builder):
    learner = UserFactory(full_name="Amina Yusuf")
    course = course_builder(modules=1, lessons_per_module=1)
    enrol(learner, course)
    complete_lesson(learner, LessonPage.objects.descendant_of(course).get())
    client.force_login(learner)
    html = client.get("/ar/learn/").content.decode()
    assert "<bdi>Amina Yusuf</bdi>" in html


def test_a_course_title_inside_an_arabic_sentence_is_isolated_and_escaped(client, course_builder):
    course = course_builder(title="Shelter & safety (basics)", modules=1, lessons_per_module=1)
    ensure_languages()
    module = ModulePage.objects.descendant_of(course).get()
    html = client.get(arabic(module).url).content.decode()
    assert "<bdi>Shelter &amp; safety (basics)</bdi>" in html
