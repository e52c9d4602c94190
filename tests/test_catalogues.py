"""The interface's translations are complete: every string the code marks is in each
catalogue, translated, not fuzzy, with the placeholders the code fills."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

ROOT = Path(settings.BASE_DIR)
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
#: What `make messages` reads: the code and templates of the platform, not tests or demo data.
SOURCES = ["accounts", "certificates", "courses", "home", "templates", "training", "worker"]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{(\w+)\}")


def catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))


def placeholders(text: str) -> set[str]:
    return {named or braced for named, braced in PLACEHOLDER.findall(text)}


@pytest.fixture(scope="module")
def marked_strings(tmp_path_factory) -> set[str]:
    """Every msgid the code and templates mark today, extracted as `make messages` does,
    from a copy of the sources (so the repository's catalogues are left untouched)."""
    workdir = tmp_path_factory.mktemp("messages")
    for name in SOURCES:
        shutil.copytree(ROOT / name, workdir / name, ignore=shutil.ignore_patterns("static"))
    (workdir / "locale").mkdir()
    previous = Path.cwd()
    os.chdir(workdir)
    try:
        with override_settings(LOCALE_PATHS=[str(workdir / "locale")]):
            call_command("makemessages", locale=["fr"], keep_pot=True, verbosity=0)
    finally:
        os.chdir(previous)
    return {entry.msgid for entry in polib.pofile(str(workdir / "locale" / "django.pot"))}


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_has_every_string_the_code_marks(language, marked_strings):
    missing = marked_strings - {entry.msgid for entry in catalogue(language)}
    assert not missing, f"Run `make messages` and translate: {sorted(missing)[:10]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_is_fully_translated_and_nothing_is_fuzzy(language):
    po = catalogue(language)
    assert not po.metadata_is_fuzzy, "the catalogue's header is marked fuzzy"
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert not untranslated, f"{len(untranslated)} untranslated, e.g. {untranslated[:5]}"
    assert not fuzzy, f"{len(fuzzy)} fuzzy, e.g. {fuzzy[:5]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_use_only_the_placeholders_the_code_fills(language):
    """A translation that names a placeholder the code does not give fails at run time; one
    that drops a placeholder loses a name or a number. Plural forms other than the last may
    leave the number out ("une leçon", "درسان"): the last form must have every placeholder."""
    wrong = []
    for entry in catalogue(language).translated_entries():
        expected = placeholders(entry.msgid) | placeholders(entry.msgid_plural or "")
        if entry.msgid_plural:
            forms = [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
        else:
            forms = [entry.msgstr]
        for position, form in enumerate(forms, start=1):
            found = placeholders(form)
            may_drop = position < len(forms)
            if found - expected or (expected - found and not may_drop):
                wrong.append((entry.msgid, form))
    assert not wrong, wrong[:5]


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_is_in_step_with_its_source(language):
    """`make install` compiles the catalogues; a stale .mo would show old translations."""
    folder = ROOT / "locale" / language / "LC_MESSAGES"
    compiled = polib.mofile(str(folder / "django.mo"))
    source = catalogue(language)
    assert {entry.msgid for entry in compiled} >= {
        entry.msgid for entry in source.translated_entries()
    }, "run `make install` (it compiles the catalogues)"


def test_extraction_finds_the_strings_of_code_and_templates(marked_strings):
    """The check above is only as good as the extraction: it must see Python and templates."""
    assert "Mark complete" in marked_strings  # a template
    assert "This course is full." in marked_strings  # Python
    assert len(marked_strings) > 400
