"""Writes parsed content (see parsing.py) to pages, quizzes and glossary terms.

Called only with error-free data, inside one transaction. Unchanged items are
left alone (a content hash decides), so a second run writes nothing. Items an
instructor edited in the admin since the last import are skipped unless forced.
"""

import hashlib
import json
from dataclasses import asdict, dataclass, field

from django.db import transaction
from django.utils import timezone

from course.capstone.models import Capstone, CapstonePrompt
from course.lessons.models import CourseHomePage, GlossaryTerm, LessonPage, ModulePage
from course.quiz.models import Choice, Question, Quiz

from .setup import ensure_course_site


@dataclass
class ImportReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: int = 0
    skipped: list = field(default_factory=list)  # edited in the admin since the last import


def content_hash(data):
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


def _save_page(page, report, label, is_new):
    revision = page.save_revision()
    revision.publish()
    page.refresh_from_db()
    type(page).objects.filter(pk=page.pk).update(imported_revision_id=page.latest_revision_id)
    (report.created if is_new else report.updated).append(label)


def _sync_page(parent, model, slug, fields, source, report, force, label, relations=None):
    """Create or update one imported page under `parent`. Returns the page.

    `relations` maps a ParentalManyToManyField name to the objects it should hold."""
    relations = relations or {}
    digest = content_hash(fields)
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, content_source=source, content_hash=digest, **_page_fields(fields))
        for name, objects in relations.items():
            getattr(page, name).set(objects)
        parent.add_child(instance=page)
        _save_page(page, report, label, is_new=True)
        return page
    if page.content_hash == digest and not page.edited_since_import:
        report.unchanged += 1
        return page
    if page.imported_revision_id is None and not force:
        report.skipped.append(f"{label} (made in the admin, not by an import)")
        return page
    if page.edited_since_import and not force:
        report.skipped.append(f"{label} (edited in the admin since the last import)")
        return page
    page = page.get_latest_revision_as_object()
    for name, value in _page_fields(fields).items():
        setattr(page, name, value)
    for name, objects in relations.items():
        getattr(page, name).set(objects)
    page.content_source, page.content_hash = source, digest
    _save_page(page, report, label, is_new=False)
    return page


def _page_fields(fields):
    # key_terms is set separately (a many-to-many through the page's cluster).
    return {name: value for name, value in fields.items() if name != "key_terms"}


def _sync_glossary(course, report):
    terms = {}
    for term in course.glossary:
        # By slug too: a term renamed in the admin keeps its slug, which must stay unique.
        existing = (
            GlossaryTerm.objects.filter(term__iexact=term.term).first()
            or GlossaryTerm.objects.filter(slug=term.slug).first()
        )
        if existing is None:
            existing = GlossaryTerm.objects.create(term=term.term, slug=term.slug, definition=term.definition)
            report.created.append(f"glossary term '{term.term}'")
        elif existing.definition != term.definition or existing.term != term.term:
            existing.term, existing.definition = term.term, term.definition
            existing.save()
            report.updated.append(f"glossary term '{term.term}'")
        else:
            report.unchanged += 1
        terms[term.term.casefold()] = existing
    for term in course.glossary:
        wanted = {terms[name.casefold()].pk for name in term.related}
        current = terms[term.term.casefold()]
        if set(current.related.values_list("pk", flat=True)) != wanted:
            current.related.set(wanted)
    return terms


def _sync_quiz(quiz_data, page, lessons_by_slug, report, force):
    if quiz_data is None:
        return
    digest = content_hash(asdict(quiz_data))
    quiz = Quiz.objects.filter(page=page, kind=quiz_data.kind).first()
    label = f"quiz '{quiz_data.title}'"
    if quiz is not None:
        if quiz.content_hash == digest and not quiz.edited_since_import:
            report.unchanged += 1
            return
        if quiz.edited_since_import and not force:
            report.skipped.append(f"{label} (edited in the admin since the last import)")
            return
        if quiz.imported_at is None and not force:
            report.skipped.append(f"{label} (made in the admin, not by an import)")
            return
    is_new = quiz is None
    quiz = quiz or Quiz(page=page, kind=quiz_data.kind)
    quiz.title = quiz_data.title
    quiz.pass_mark = quiz_data.pass_mark
    quiz.shuffle = quiz_data.shuffle
    quiz.draw_count = quiz_data.draw_count
    quiz.time_limit_minutes = quiz_data.time_limit_minutes
    quiz.answers_shown = quiz_data.answers_shown
    quiz.answers_after_attempts = quiz_data.answers_after_attempts
    quiz.retake_after_minutes = quiz_data.retake_after_minutes
    quiz.content_source = quiz_data.source
    quiz.content_hash = digest
    quiz.save()
    # Update questions in place by position so learners' responses keep their question.
    existing = list(Question.objects.filter(quiz=quiz).order_by("sort_order", "pk"))
    for position, data in enumerate(quiz_data.questions):
        question = existing[position] if position < len(existing) else Question(quiz=quiz)
        question.sort_order = position
        question.type = data.type
        question.prompt = data.prompt
        question.explanation = data.explanation
        question.points = data.points
        question.section_page = lessons_by_slug.get(data.section_lesson)
        question.section_anchor = data.section_anchor
        question.correct_boolean = data.correct_boolean
        question.accepted_answers = "\n".join(data.accepted_answers)
        question.correct_number = data.correct_number
        question.tolerance = data.tolerance
        question.facts_as_of = data.facts_as_of
        question.review_by = data.review_by
        question.poll_note = data.poll_note
        question.save()
        Choice.objects.filter(question=question).delete()
        Choice.objects.bulk_create(
            Choice(question=question, sort_order=index, text=text, is_correct=correct, match_text=match)
            for index, (text, correct, match) in enumerate(data.choices)
        )
    for question in existing[len(quiz_data.questions) :]:
        question.delete()
    # Stamp after the saves above so auto_now does not read as an admin edit.
    now = timezone.now()
    Quiz.objects.filter(pk=quiz.pk).update(imported_at=now, updated_at=now)
    (report.created if is_new else report.updated).append(label)


def _sync_capstone(capstone_data, lesson, report):
    """Capstones have no admin-edit tracking: the file wins only when the file changed."""
    if capstone_data is None:
        return
    capstone = Capstone.objects.filter(page=lesson).first()
    digest = content_hash(asdict(capstone_data))
    if capstone is not None and capstone.content_source == f"{capstone_data.source}#{digest}":
        report.unchanged += 1
        return
    is_new = capstone is None
    capstone = capstone or Capstone(page=lesson)
    capstone.title, capstone.scenario = capstone_data.title, capstone_data.scenario
    capstone.content_source = f"{capstone_data.source}#{digest}"
    capstone.save()
    existing = list(CapstonePrompt.objects.filter(capstone=capstone).order_by("sort_order", "pk"))
    for position, (prompt, model_answer) in enumerate(capstone_data.prompts):
        item = existing[position] if position < len(existing) else CapstonePrompt(capstone=capstone)
        item.sort_order, item.prompt, item.model_answer = position, prompt, model_answer
        item.save()
    for item in existing[len(capstone_data.prompts) :]:
        item.delete()
    (report.created if is_new else report.updated).append(f"capstone '{capstone_data.title}'")


@transaction.atomic
def write_course(course, force=False):
    report = ImportReport()
    home = ensure_course_site(course.title)
    home = CourseHomePage.objects.get(pk=home.pk)
    home_fields = {"title": course.title, "tagline": course.tagline, "introduction": course.introduction}
    if content_hash(home_fields) != home.content_hash:
        if home.edited_since_import and not force:
            report.skipped.append("course home page (edited in the admin since the last import)")
        else:
            home = home.get_latest_revision_as_object()
            for name, value in home_fields.items():
                setattr(home, name, value)
            home.content_hash = content_hash(home_fields)
            home.content_source = "content/course.yaml"
            _save_page(home, report, "course home page", is_new=False)
    else:
        report.unchanged += 1

    terms = _sync_glossary(course, report)
    for module_data in course.modules:
        module = _sync_page(
            home,
            ModulePage,
            module_data.slug,
            {
                "title": module_data.title,
                "number": module_data.number,
                "summary": module_data.summary,
                "objectives": "\n".join(module_data.objectives),
            },
            module_data.source,
            report,
            force,
            f"module '{module_data.title}'",
        )
        lessons_by_slug = {}
        for lesson_data in module_data.lessons:
            fields = {
                "title": lesson_data.title,
                "summary": lesson_data.summary,
                "objectives": "\n".join(lesson_data.objectives),
                "sources": "\n".join(f"- {source}" for source in lesson_data.sources),
                "body": lesson_data.body,
                "facts_as_of": lesson_data.facts_as_of,
                "review_by": lesson_data.review_by,
                "key_terms": sorted(lesson_data.key_terms),
            }
            lesson = _sync_page(
                module, LessonPage, lesson_data.slug, fields, lesson_data.source, report, force,
                f"lesson '{lesson_data.title}'",
                relations={"key_terms": [terms[name.casefold()] for name in lesson_data.key_terms]},
            )  # fmt: skip
            lessons_by_slug[lesson_data.slug] = lesson
        for lesson_data in module_data.lessons:
            _sync_quiz(lesson_data.check, lessons_by_slug[lesson_data.slug], lessons_by_slug, report, force)
            _sync_capstone(lesson_data.capstone, lessons_by_slug[lesson_data.slug], report)
        _sync_quiz(module_data.quiz, module, lessons_by_slug, report, force)
    return report
