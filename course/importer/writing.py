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
from course.quiz.models import Attempt, Choice, Question, Quiz, Response

from .setup import ensure_course_site


@dataclass
class ImportReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: int = 0
    skipped: list = field(default_factory=list)  # edited in the admin since the last import


def content_hash(data):
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


def quiz_hash(quiz_data):
    """What the quiz says, not where in its file (line numbers move when a key is added)."""
    data = asdict(quiz_data)
    for question in data["questions"]:
        question.pop("line", None)
    return content_hash(data)


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


def _sync_glossary(course, report, force=False):
    terms = {}
    for term in course.glossary:
        # By slug too: a term renamed in the admin keeps its slug, which must stay unique.
        existing = (
            GlossaryTerm.objects.filter(term__iexact=term.term).first()
            or GlossaryTerm.objects.filter(slug=term.slug).first()
        )
        label = f"glossary term '{term.term}'"
        if existing is None:
            existing = GlossaryTerm.objects.create(term=term.term, slug=term.slug, definition=term.definition)
            _record_import(existing)
            report.created.append(label)
        elif existing.definition == term.definition and existing.term == term.term and not existing.edited_since_import:
            if existing.imported_revision_id is None and existing.latest_revision_id is None:
                _record_import(existing)  # loaded before revisions existed: start tracking
            report.unchanged += 1
        elif existing.imported_revision_id is None and existing.latest_revision_id is not None and not force:
            report.skipped.append(f"{label} (made in the admin, not by an import)")
        elif existing.edited_since_import and not force:
            report.skipped.append(f"{label} (edited in the admin since the last import)")
        else:
            existing.term, existing.definition = term.term, term.definition
            existing.save()
            _record_import(existing)
            report.updated.append(label)
        terms[term.term.casefold()] = existing
    # Related terms are symmetrical: a term is related to those it names and to those naming it.
    wanted_by_term = {term.term.casefold(): {name.casefold() for name in term.related} for term in course.glossary}
    for name, related in list(wanted_by_term.items()):
        for other in related:
            wanted_by_term[other].add(name)
    for term in course.glossary:
        wanted = {terms[name].pk for name in wanted_by_term[term.term.casefold()]}
        current = terms[term.term.casefold()]
        if set(current.related.values_list("pk", flat=True)) != wanted:
            current.related.set(wanted)
    return terms


def _record_import(obj):
    """A published revision of what the import just wrote (carrying a quiz's questions and choices),
    remembered as the imported one: any later revision is an admin edit."""
    obj = type(obj).objects.get(pk=obj.pk)  # fresh, so the revision reads the rows just written
    revision = obj.save_revision()
    now = timezone.now()
    type(obj).objects.filter(pk=obj.pk).update(
        imported_revision=revision,
        live_revision=revision,
        has_unpublished_changes=False,
        live=True,
        first_published_at=obj.first_published_at or now,
        last_published_at=now,
    )
    return revision


def _loaded_before_revisions(obj):
    """Imported before revisions existed and never edited since: still the file's."""
    return obj.imported_revision_id is None and obj.latest_revision_id is None and bool(obj.content_source)


def _skip_reason(obj, digest, label, force):
    """Why an existing imported item is left alone ("" to write it, None when unchanged)."""
    if obj.content_hash == digest and not obj.edited_since_import:
        if _loaded_before_revisions(obj):
            _record_import(obj)  # start tracking: the next admin edit is then seen
        return None
    if force or _loaded_before_revisions(obj):
        return ""
    if obj.imported_revision_id is None:
        return f"{label} (made in the admin, not by an import)"
    if obj.edited_since_import:
        return f"{label} (edited in the admin since the last import)"
    return ""


def _left_alone(obj, digest, label, force, report):
    """True when an existing item is not written (unchanged, or skipped and listed)."""
    reason = _skip_reason(obj, digest, label, force)
    if reason is None:
        report.unchanged += 1
    elif reason:
        report.skipped.append(reason)
    return reason != ""


def _questions_in_use(quiz):
    """Ids of the quiz's questions that learners answered or were given in an open attempt:
    those are retired, never deleted."""
    used = set(Response.objects.filter(question__quiz=quiz).values_list("question_id", flat=True).distinct())
    for question_ids in Attempt.objects.filter(quiz=quiz, submitted_at__isnull=True).values_list(
        "question_ids", flat=True
    ):
        used.update(question_ids)
    return used


QUESTION_FIELDS = (
    "type", "prompt", "explanation", "points", "section_anchor", "correct_boolean", "correct_number",
    "tolerance", "facts_as_of", "review_by", "poll_note",
)  # fmt: skip


def _sync_quiz(quiz_data, page, lessons_by_slug, report, force):
    if quiz_data is None:
        return
    digest = quiz_hash(quiz_data)
    quiz = Quiz.objects.filter(page=page, kind=quiz_data.kind).first()
    label = f"quiz '{quiz_data.title}'"
    if quiz is not None and _left_alone(quiz, digest, label, force, report):
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
    quiz.imported_at = timezone.now()
    quiz.save()
    in_use = set() if is_new else _questions_in_use(quiz)
    existing = list(Question.objects.filter(quiz=quiz).order_by("sort_order", "pk"))
    by_key = {question.key: question for question in existing if question.key}
    # Questions loaded before keys existed are matched once by position (and type), then keyed.
    unkeyed = [question for question in existing if not question.key]
    kept = set()
    for position, data in enumerate(quiz_data.questions):
        question = by_key.get(data.key) if data.key else None
        if question is None and position < len(unkeyed) and unkeyed[position].type == data.type:
            question = unkeyed[position]
        if question is not None and question.type != data.type and question.pk in in_use:
            # A new type is a new question: the answers given to the old one stay with it.
            question.key = ""
            question.retired = True
            question.save(update_fields=["key", "retired"])
            question = None
        question = question or Question(quiz=quiz)
        question.key = data.key
        question.retired = False
        question.sort_order = position
        for name in QUESTION_FIELDS:
            setattr(question, name, getattr(data, name))
        question.section_page = lessons_by_slug.get(data.section_lesson)
        question.accepted_answers = "\n".join(data.accepted_answers)
        question.save()
        kept.add(question.pk)
        _sync_choices(question, data, question.pk in in_use)
    for question in existing:
        if question.pk in kept:
            continue
        if question.pk in in_use:
            if not question.retired:
                question.retired = True
                question.save(update_fields=["retired"])
        else:
            question.delete()
    _record_import(quiz)
    (report.created if is_new else report.updated).append(label)


def _sync_choices(question, data, answered):
    """Choices updated in place by key (by position for choices loaded before keys); a choice
    dropped from the file is retired when the question was answered, deleted otherwise."""
    existing = list(Choice.objects.filter(question=question).order_by("sort_order", "pk"))
    by_key = {choice.key: choice for choice in existing if choice.key}
    unkeyed = [choice for choice in existing if not choice.key]
    kept = set()
    for position, ((text, correct, match), key) in enumerate(zip(data.choices, data.choice_keys, strict=True)):
        choice = by_key.get(key) if key else None
        if choice is None and unkeyed and (not key or key not in by_key):
            choice = unkeyed.pop(0)
        choice = choice or Choice(question=question)
        choice.key, choice.retired, choice.sort_order = key, False, position
        choice.text, choice.is_correct, choice.match_text = text, correct, match
        choice.save()
        kept.add(choice.pk)
    for choice in existing:
        if choice.pk in kept:
            continue
        if answered:
            if not choice.retired:
                choice.retired = True
                choice.save(update_fields=["retired"])
        else:
            choice.delete()


def _sync_capstone(capstone_data, lesson, report, force):
    """Prompts are updated in place by position: learners' answers are stored per prompt id."""
    if capstone_data is None:
        return
    capstone = Capstone.objects.filter(page=lesson).first()
    digest = content_hash(asdict(capstone_data))
    label = f"capstone '{capstone_data.title}'"
    if capstone is not None and _left_alone(capstone, digest, label, force, report):
        return
    is_new = capstone is None
    capstone = capstone or Capstone(page=lesson)
    capstone.title, capstone.scenario = capstone_data.title, capstone_data.scenario
    capstone.content_source, capstone.content_hash = capstone_data.source, digest
    capstone.save()
    existing = list(CapstonePrompt.objects.filter(capstone=capstone).order_by("sort_order", "pk"))
    for position, (prompt, model_answer) in enumerate(capstone_data.prompts):
        item = existing[position] if position < len(existing) else CapstonePrompt(capstone=capstone)
        item.sort_order, item.prompt, item.model_answer = position, prompt, model_answer
        item.save()
    for item in existing[len(capstone_data.prompts) :]:
        item.delete()
    _record_import(capstone)
    (report.created if is_new else report.updated).append(label)


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

    terms = _sync_glossary(course, report, force)
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
            _sync_capstone(lesson_data.capstone, lessons_by_slug[lesson_data.slug], report, force)
        _sync_quiz(module_data.quiz, module, lessons_by_slug, report, force)
    return report
