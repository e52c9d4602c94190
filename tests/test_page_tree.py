"""The course tree is declared: which page can live where."""

import pytest
from wagtail.models import Page

from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage, QuizPage
from home.models import HomePage

TREE = [
    (HomePage, {CourseIndexPage}),
    (CourseIndexPage, {CoursePage}),
    (CoursePage, {ModulePage}),
    (ModulePage, {LessonPage, QuizPage}),
    (LessonPage, set()),
    (QuizPage, set()),
]


@pytest.mark.parametrize(("parent", "children"), TREE)
def test_each_page_type_allows_only_its_children(parent, children):
    assert set(parent.allowed_subpage_models()) == children


def test_there_is_one_catalogue_under_the_home_page(home, catalogue):
    assert catalogue.get_parent().specific == home
    assert CourseIndexPage.max_count_per_parent == 1  # one per language's home page
    assert not CourseIndexPage.can_create_at(home)


def test_a_course_cannot_be_created_outside_the_catalogue(home):
    assert not CoursePage.can_create_at(home)
    assert not LessonPage.can_create_at(Page.get_first_root_node())
