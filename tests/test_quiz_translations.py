"""A quiz in several languages is one quiz: the same answers score the same in every language,
learners read it in theirs, and a translation that no longer matches its source is caught
(`manage.py check_quiz_translations`) and refused at submit (409) rather than graded."""

from __future__ import annotations

import copy
import uuid
from decimal import Decimal
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.segments.extract import extract_segments

from courses.assessment.translations import translation_problems
from courses.learning.enrolment import enrol
from courses.models import AttemptAnswer, ModulePage, QuizAttempt, QuizPage
from tests.factories import QuizPageFactory, UserFactory, answer_choice, raw_question

QUIZ_CHANGED = (
    "This quiz has changed since you opened it, so we could not save or grade these answers. "
    "Reload the page to see the quiz as it is now, then answer again."
)

# Stored as the admin stores a question without an image (wagtail-localize cannot extract
# segments from a bare None there).
NO_IMAGE = {"image": None, "alt_text": "", "decorative": False}

ARABIC = {
    "<p>Q-SINGLE: where do people gather?</p>": "<p>أين يتجمع الناس؟</p>",
    "Assembly point": "نقطة التجمع",
    "At home": "في المنزل",
    "By the river": "بجانب النهر",
    "Everyone meets there.": "يلتقي الجميع هناك.",
    "<p>Q-MULTIPLE: which warnings reach everyone?</p>": "<p>أي التحذيرات تصل إلى الجميع؟</p>",
    "Translated warnings": "تحذيرات مترجمة",
    "Pictograms": "رسوم توضيحية",
    "Local language only": "باللغة المحلية فقط",
    "<p>Q-TRUE-FALSE: warn in every language.</p>": "<p>حذّر بكل اللغات.</p>",
    "<p>Q-SHORT: name the gathering place.</p>": "<p>ما اسم مكان التجمع؟</p>",
    "assembly point": "نقطة التجمع",
    "<p>Go to the assembly point.</p>": "<p>اذهب إلى نقطة التجمع.</p>",
}


def question(block_type: str, prompt: str, **fields) -> dict:
    """A question block as the admin stores it: an empty image, list items with ids."""
    raw = raw_question(block_type, prompt, image=NO_IMAGE, **fields)
    if "accepted_answers" in raw["value"]:
        raw["value"]["accepted_answers"] = [
            {"type": "item", "value": text, "id": str(uuid.uuid4())}
            for text in raw["value"]["accepted_answers"]
        ]
    return raw


def source_questions() -> list[dict]:
    return [
        question(
            "single_choice",
            "<p>Q-SINGLE: where do people gather?</p>",
            feedback="<p>Go to the assembly point.</p>",
            choices=[
                answer_choice("Assembly point", correct=True, feedback="Everyone meets there."),
                answer_choice("At home"),
                answer_choice("By the river"),
            ],
        ),
        question(
            "multiple_choice",
            "<p>Q-MULTIPLE: which warnings reach everyone?</p>",
            scoring="partial",
            choices=[
                answer_choice("Translated warnings", correct=True),
                answer_choice("Pictograms", correct=True),
                answer_choice("Local language only"),
            ],
        ),
        question("true_false", "<p>Q-TRUE-FALSE: warn in every language.</p>", answer="true"),
        question(
            "short_answer",
            "<p>Q-SHORT: name the gathering place.</p>",
            accepted_answers=["assembly point"],
        ),
    ]


def in_arabic(value):
    """StreamField raw data with every English text swapped for its Arabic translation."""
    if isinstance(value, list):
        return [in_arabic(item) for item in value]
    if isinstance(value, dict):
        return {key: in_arabic(item) for key, item in value.items()}
    return ARABIC.get(value, value) if isinstance(value, str) else value


def stored_questions(quiz: QuizPage) -> list[dict]:
    return copy.deepcopy(list(QuizPage.objects.get(pk=quiz.pk).questions.get_prep_value()))


def republish(page: QuizPage, questions: list[dict]) -> QuizPage:
    page = QuizPage.objects.get(pk=page.pk)
    page.questions = questions
    page.save_revision().publish()
    return QuizPage.objects.get(pk=page.pk)


@pytest.fixture
def course(course_builder):
    return course_builder(modules=1, lessons_per_module=1)


@pytest.fixture
def quiz(course) -> QuizPage:
    """A published English quiz, one question of each type, one point each."""
    module = ModulePage.objects.child_of(course).get()
    created = QuizPageFactory(parent=module, title="Warnings", questions=source_questions())
    return QuizPage.objects.get(pk=created.pk)


def translate(quiz: QuizPage, language: str = "ar") -> QuizPage:
    """Publish a faithful translation as an editor would: Wagtail's copy for translation
    (block ids kept), every text translated, nothing else touched."""
    locale, _created = Locale.objects.get_or_create(language_code=language)
    page = QuizPage.objects.get(pk=quiz.copy_for_translation(locale, copy_parents=True).pk)
    page.title = "التحذيرات"
    page.questions = in_arabic(stored_questions(page))
    page.save_revision().publish()
    return QuizPage.objects.get(pk=page.pk)


@pytest.fixture
def arabic(quiz) -> QuizPage:
    return translate(quiz)


@pytest.fixture
def enrolled(course):
    """Call it for an enrolled learner."""

    def make():
        user = UserFactory()
        enrol(user, course)
        return user

    return make


def url(name: str, pk: int, language: str) -> str:
    with translation.override(language):
        return reverse(name, args=[pk])


def start(client, user, quiz: QuizPage, language: str) -> QuizAttempt:
    """Press "Start the quiz" on the quiz page in `language`: the attempt, in that language."""
    client.force_login(user)
    response = client.post(url("start_quiz", quiz.pk, language))
    attempt = QuizAttempt.objects.in_progress().get(user=user)
    assert response["Location"] == url("quiz_attempt", attempt.pk, language)
    return attempt


def choice_id(attempt: QuizAttempt, number: int, position: int) -> str:
    return attempt.questions[number]["choices"][position]["id"]


def mixed_answers(attempt: QuizAttempt, short_answer: str = "assembly point") -> dict:
    """Single choice right, one right and one wrong of the multiple choice (partial credit:
    0 points), true or false wrong, the short answer as given."""
    single, multiple, true_false, short = (q["id"] for q in attempt.questions)
    return {
        f"q-{single}": [choice_id(attempt, 0, 0)],
        f"q-{multiple}": [choice_id(attempt, 1, 0), choice_id(attempt, 1, 2)],
        f"q-{true_false}": ["false"],
        f"q-{short}": [short_answer],
    }


def main_text(response) -> str:
    return " ".join(BeautifulSoup(response.content, "html.parser").find("main").get_text().split())


# Grading is the same in every language


def test_the_same_answers_score_the_same_on_the_english_and_the_arabic_quiz(
    client, quiz, arabic, enrolled
):
    english = start(client, enrolled(), quiz, "en")
    client.post(url("submit_attempt", english.pk, "en"), mixed_answers(english))
    arabic_attempt = start(client, enrolled(), arabic, "ar")
    assert arabic_attempt.questions == english.questions
    response = client.post(
        url("submit_attempt", arabic_attempt.pk, "ar"), mixed_answers(arabic_attempt)
    )
    assert response["Location"] == url("quiz_review", arabic_attempt.pk, "ar")

    english.refresh_from_db()
    arabic_attempt.refresh_from_db()
    assert (english.score, english.max_score) == (Decimal(2), Decimal(4))
    graded = (english.score, english.max_score, english.percent, english.passed)
    assert (
        arabic_attempt.score,
        arabic_attempt.max_score,
        arabic_attempt.percent,
        arabic_attempt.passed,
    ) == graded


def test_a_translation_with_other_right_answers_still_grades_as_its_source(
    client, quiz, arabic, enrolled
):
    # Synchronisation stopped; someone marked another choice right and doubled the points.
    questions = stored_questions(arabic)
    for item in questions[0]["value"]["choices"]:
        item["value"]["correct"] = item["value"]["text"] == ARABIC["At home"]
    questions[0]["value"]["points"] = 2
    arabic = republish(arabic, questions)

    attempt = start(client, enrolled(), arabic, "ar")
    client.post(url("submit_attempt", attempt.pk, "ar"), mixed_answers(attempt))
    attempt.refresh_from_db()
    assert (attempt.score, attempt.max_score) == (Decimal(2), Decimal(4))


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_short_answer_in_either_language_counts_on_either_page(
    client, quiz, arabic, enrolled, language
):
    page = arabic if language == "ar" else quiz
    for typed in ("Assembly Point", "نقطة التجمع"):
        attempt = start(client, enrolled(), page, language)
        client.post(url("submit_attempt", attempt.pk, language), mixed_answers(attempt, typed))
        attempt.refresh_from_db()
        assert attempt.score == Decimal(2), typed


# Learners read the quiz in the language of the page they are on


def test_the_arabic_attempt_page_shows_the_arabic_questions(client, quiz, arabic, enrolled):
    attempt = start(client, enrolled(), arabic, "ar")
    response = client.get(url("quiz_attempt", attempt.pk, "ar"))
    assert response.status_code == 200
    text = main_text(response)
    for arabic_words in ("التحذيرات", "أين يتجمع الناس؟", "نقطة التجمع", "رسوم توضيحية"):
        assert arabic_words in text
    for english in ("Q-SINGLE", "Assembly point", "Pictograms", "Q-SHORT"):
        assert english not in text
    # The answers are still the attempt's choice ids.
    radios = BeautifulSoup(response.content, "html.parser").find_all(
        "input", attrs={"name": f"q-{attempt.questions[0]['id']}"}
    )
    assert [radio["value"] for radio in radios] == [
        choice["id"] for choice in attempt.questions[0]["choices"]
    ]


def test_an_attempt_is_worded_in_the_language_of_the_url_it_is_opened_at(
    client, quiz, arabic, enrolled
):
    attempt = start(client, enrolled(), quiz, "en")
    assert "Assembly point" in main_text(client.get(url("quiz_attempt", attempt.pk, "en")))
    arabic_text = main_text(client.get(url("quiz_attempt", attempt.pk, "ar")))
    assert "نقطة التجمع" in arabic_text
    assert "Assembly point" not in arabic_text


def test_the_arabic_review_shows_arabic_feedback_and_right_answers(client, quiz, arabic, enrolled):
    attempt = start(client, enrolled(), arabic, "ar")
    client.post(url("submit_attempt", attempt.pk, "ar"), mixed_answers(attempt, "somewhere"))
    text = main_text(client.get(url("quiz_review", attempt.pk, "ar")))
    assert "يلتقي الجميع هناك." in text  # a choice's feedback
    assert "اذهب إلى نقطة التجمع." in text  # a question's feedback
    assert "Everyone meets there." not in text
    assert "assembly point" not in text  # the right short answer, in Arabic


def test_a_question_the_translation_lacks_is_shown_in_the_source_language(
    client, quiz, arabic, enrolled
):
    added = question("true_false", "<p>Q-ADDED: a question added later.</p>", answer="false")
    republish(quiz, [*stored_questions(quiz), added])

    attempt = start(client, enrolled(), arabic, "ar")
    assert len(attempt.questions) == 5
    soup = BeautifulSoup(client.get(url("quiz_attempt", attempt.pk, "ar")).content, "html.parser")
    fieldsets = soup.find_all("fieldset", class_="question")
    assert "Q-ADDED" in fieldsets[4].get_text()
    assert (fieldsets[4].get("lang"), fieldsets[4].get("dir")) == ("en", "ltr")
    assert fieldsets[0].get("lang") is None
    assert "أين يتجمع الناس؟" in fieldsets[0].get_text()


def test_showing_an_attempt_in_arabic_costs_at_most_one_query_more(client, quiz, arabic, enrolled):
    attempt = start(client, enrolled(), quiz, "en")
    pages = {language: url("quiz_attempt", attempt.pk, language) for language in ("en", "ar")}
    counts = {}
    for language, page in pages.items():
        client.get(page)  # warm the per-process caches (sites, locales)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page).status_code == 200
        counts[language] = len(queries)
    assert counts["ar"] <= counts["en"] + 1


# A translation that no longer matches its source


def add_choice_to_translation(arabic: QuizPage) -> tuple[QuizPage, str]:
    """What an editor can do after stopping synchronisation: add a choice (a new id)."""
    questions = stored_questions(arabic)
    new_id = str(uuid.uuid4())
    questions[0]["value"]["choices"].append(
        {"type": "item", "value": answer_choice("على السطح"), "id": new_id}
    )
    return republish(arabic, questions), new_id


def run_check() -> str:
    out = StringIO()
    call_command("check_quiz_translations", stdout=out)
    return out.getvalue()


def test_check_passes_on_a_faithful_translation(arabic):
    assert run_check().strip() == "1 quiz translations checked; no problems"


def test_check_fails_when_a_translation_has_a_choice_its_source_lacks(arabic):
    arabic, new_id = add_choice_to_translation(arabic)
    out = StringIO()
    with pytest.raises(CommandError, match="1 problems in 1 of 1 quiz translations"):
        call_command("check_quiz_translations", stdout=out)
    assert out.getvalue().splitlines() == [
        f"page {arabic.pk} 'التحذيرات' [ar]: question 1 \"Q-SINGLE: where do people gather?\" "
        f"(id {arabic.questions.raw_data[0]['id']}): "
        f'choice "على السطح" (id {new_id}) is not in the source'
    ]


def test_check_finds_a_difference_in_a_draft_not_yet_published(arabic):
    draft = QuizPage.objects.get(pk=arabic.pk)
    questions = stored_questions(draft)
    questions[2]["value"]["answer"] = "false"
    draft.questions = questions
    draft.save_revision()
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("check_quiz_translations", stdout=out)
    assert "latest draft: question 3" in out.getvalue()
    assert "answer is 'true' in the source, 'false' in the translation" in out.getvalue()


def test_translation_problems_names_each_difference(quiz, arabic):
    changed = QuizPage.objects.get(pk=arabic.pk)
    questions = stored_questions(changed)
    single, multiple, true_false, short = questions
    single["value"]["choices"][1]["value"]["correct"] = True
    del multiple["value"]["choices"][2]
    multiple["value"]["points"] = 3
    short["type"] = "true_false"
    extra = question("true_false", "<p>سؤال إضافي</p>")
    changed.questions = [single, multiple, short, extra]
    changed.pass_mark = 50
    ids = [q["id"] for q in questions]
    dropped_choice = stored_questions(quiz)[1]["value"]["choices"][2]["id"]
    problems = translation_problems(changed, quiz)
    assert problems == [
        "setting pass_mark is 70 in the source, 50 in the translation",
        f'question 1 "Q-SINGLE: where do people gather?" (id {ids[0]}): choice "At home" '
        f"(id {questions[0]['value']['choices'][1]['id']}) is wrong in the source, "
        "right in the translation",
        f'question 2 "Q-MULTIPLE: which warnings reach everyone?" (id {ids[1]}): '
        "points is 1 in the source, 3 in the translation",
        f'question 2 "Q-MULTIPLE: which warnings reach everyone?" (id {ids[1]}): '
        f'choice "Local language only" (id {dropped_choice}) '
        "is missing from the translation",
        f'question 3 "Q-TRUE-FALSE: warn in every language." (id {ids[2]}) '
        "is missing from the translation",
        f'question 4 "Q-SHORT: name the gathering place." (id {ids[3]}) '
        "is short_answer in the source, true_false in the translation",
        f'question 4 "سؤال إضافي" (id {extra["id"]}) is not in the source',
    ]


def test_an_alias_has_no_problems(quiz):
    locale, _created = Locale.objects.get_or_create(language_code="fr")
    alias = quiz.copy_for_translation(locale, copy_parents=True, alias=True)
    assert translation_problems(alias, quiz) == []


@pytest.mark.parametrize("action", ["save", "submit"])
def test_a_choice_the_attempt_does_not_know_is_refused_and_the_learner_told_to_reload(
    client, quiz, arabic, enrolled, action
):
    arabic, new_id = add_choice_to_translation(arabic)
    attempt = start(client, enrolled(), arabic, "ar")
    page = client.get(url("quiz_attempt", attempt.pk, "ar")).content.decode()
    assert new_id not in page and "على السطح" not in page  # only the attempt's choices

    data = mixed_answers(attempt)
    data[f"q-{attempt.questions[0]['id']}"] = [new_id]
    name = "quiz_attempt" if action == "save" else "submit_attempt"
    response = client.post(url(name, attempt.pk, "ar"), data)

    assert response.status_code == 409
    text = main_text(response)
    with translation.override("ar"):  # the learner reads the Arabic page
        message, link = translation.gettext(QUIZ_CHANGED), translation.gettext("Reload the quiz")
    assert message in text
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("a", string=link)["href"] == url("quiz_attempt", attempt.pk, "ar")
    assert not AttemptAnswer.objects.exists()
    attempt.refresh_from_db()
    assert attempt.is_in_progress
    assert (attempt.score, attempt.percent, attempt.submitted_at) == (None, None, None)


# What wagtail-localize does with the question blocks


def test_wagtail_localize_offers_the_words_to_translate_and_nothing_that_grades(quiz):
    fields = {
        part
        for segment in extract_segments(quiz)
        if segment.path.startswith("questions.")
        for part in segment.path.split(".")[2::2]
    }
    assert fields == {"prompt", "feedback", "choices", "text", "accepted_answers"}


def test_a_synchronised_translation_takes_right_answers_and_points_from_its_source(quiz):
    locale, _created = Locale.objects.get_or_create(language_code="ar")
    source, _created = TranslationSource.get_or_create_from_instance(quiz)
    source.create_or_update_translation(locale, copy_parent_pages=True, fallback=True)
    job = Translation.objects.create(source=source, target_locale=locale)
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            data=f"AR {segment.string.data}",
        )
    job.save_target(publish=True)

    # The source changes which choice is right and how many points it gives.
    questions = stored_questions(quiz)
    for item in questions[0]["value"]["choices"]:
        item["value"]["correct"] = item["value"]["text"] == "At home"
    questions[0]["value"]["points"] = 3
    republish(quiz, questions)
    source.update_from_db()
    job.save_target(publish=True)

    arabic = QuizPage.objects.get(translation_key=quiz.translation_key, locale=locale)
    choices = [item["value"] for item in arabic.questions.raw_data[0]["value"]["choices"]]
    assert [(choice["text"], choice["correct"]) for choice in choices] == [
        ("AR Assembly point", False),
        ("AR At home", True),
        ("AR By the river", False),
    ]
    assert arabic.questions.raw_data[0]["value"]["points"] == 3
    assert translation_problems(arabic, QuizPage.objects.get(pk=quiz.pk)) == []
