"""The quiz form: one Django form per paper (an attempt's, or a review card's).

Each question is one form field whose widget reads all of that question's
inputs at once ({input name: [posted values]}) and whose cleaning is its type's
`clean` (question_types/): a value the paper did not offer is a field error,
so nothing is graded or stored. The same form checks a submission and a draft
(autosave, "Save and leave"), re-displays what was posted, and shows a saved
draft again on resume.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _

from .models import Confidence
from .question_types import is_unanswered

# Names a quiz form may post besides its questions' inputs.
FORM_CONTROL_NAMES = {"csrfmiddlewaretoken", "action"}


class _ListsWidget(forms.Widget):
    """Reads every value posted under each of `names` (so a forged repeat is seen, not dropped)."""

    def __init__(self, names):
        super().__init__()
        self.names = names

    def value_from_datadict(self, data, files, name):
        return {input_name: data.getlist(input_name) for input_name in self.names}

    def value_omitted_from_data(self, data, files, name):
        return False


class QuestionField(forms.Field):
    def __init__(self, presented, draft, **kwargs):
        self.presented, self.draft = presented, draft
        super().__init__(required=False, widget=_ListsWidget(presented.kind.input_names(presented)), **kwargs)

    def clean(self, value):
        return self.presented.kind.clean(self.presented, value or {}, draft=self.draft)


class ConfidenceField(forms.Field):
    """Sure or guessing, optional: "" when not given."""

    def __init__(self, name, **kwargs):
        super().__init__(required=False, widget=_ListsWidget([name]), **kwargs)
        self.name = name

    def clean(self, value):
        sent = (value or {}).get(self.name, [])
        if len(sent) > 1:
            raise ValidationError(_("Choose either sure or guessing, not both."))
        chosen = sent[0] if sent else ""
        if chosen and chosen not in Confidence.values:
            raise ValidationError(_("Choose sure or guessing, or leave both empty."))
        return chosen


def confidence_field_name(presented):
    return f"{presented.field_name}-confidence"


def asks_confidence(presented):
    """Polls have no right answer, so there is nothing to be sure of."""
    return presented.kind.graded


class QuestionRow:
    """What the template needs to draw one question: its inputs' values and its errors."""

    def __init__(self, form, presented):
        self.presented = presented
        self.field = form[presented.field_name]
        self.values = self.field.value() or {}
        self.confidence_name = ""
        errors = list(self.field.errors)
        name = confidence_field_name(presented)
        if name in form.fields:
            self.confidence_name = name
            confidence = form[name]
            self.confidence_value = next(iter((confidence.value() or {}).get(name, [])), "")
            errors += confidence.errors
        self.error = " ".join(errors)


class PaperForm(forms.Form):
    """`saved`: the posted values of a draft ({input name: [values]}), shown when the form is
    not bound. `draft`: check values but accept unfinished answers (autosave)."""

    def __init__(self, paper, data=None, *, with_confidence=False, draft=False, saved=None):
        super().__init__(data)
        self.paper = paper
        saved = saved or {}
        for presented in paper:
            field = QuestionField(presented, draft)
            field.initial = {name: saved.get(name, []) for name in field.widget.names}
            self.fields[presented.field_name] = field
            if with_confidence and asks_confidence(presented):
                name = confidence_field_name(presented)
                self.fields[name] = ConfidenceField(name, initial={name: saved.get(name, [])})

    @classmethod
    def from_saved(cls, paper, saved, **kwargs):
        """The form bound to a stored draft, to read its answers."""
        return cls(paper, MultiValueDict(saved or {}), draft=True, **kwargs)

    def expected_names(self):
        names = set(FORM_CONTROL_NAMES)
        for field in self.fields.values():
            names.update(field.widget.names)
        return names

    def unexpected_fields(self):
        """Posted names this form never offered: a forged or stale form."""
        expected = self.expected_names()
        return sorted(key for key in self.data if key not in expected)

    @property
    def questions(self):
        return [QuestionRow(self, presented) for presented in self.paper]

    def answers(self):
        """{question id: answer, None if unanswered} of the questions whose inputs are valid
        (all of them, once `is_valid()`)."""
        cleaned = getattr(self, "cleaned_data", {})
        answers = {}
        for presented in self.paper:
            if presented.field_name in cleaned:
                answer = cleaned[presented.field_name]
                answers[presented.question.pk] = None if is_unanswered(answer) else answer
        return answers

    def confidence(self):
        cleaned = getattr(self, "cleaned_data", {})
        return {
            presented.question.pk: cleaned[confidence_field_name(presented)]
            for presented in self.paper
            if cleaned.get(confidence_field_name(presented))
        }

    def posted_values(self):
        """The valid inputs as posted, JSON-ready: what a draft stores."""
        cleaned = getattr(self, "cleaned_data", {})
        values = {}
        for name, field in self.fields.items():
            if name in cleaned:
                for input_name in field.widget.names:
                    sent = [value for value in self.data.getlist(input_name) if value != ""]
                    if sent:
                        values[input_name] = sent
        return values
