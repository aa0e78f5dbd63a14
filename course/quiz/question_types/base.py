"""What every question type shares: `QuestionType` (the stored value), the `QuestionKind`
base class, the input-length limits, and the helpers the type families use to read posted
values and content-file choices."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MAX_TEXT_LENGTH = 200
MAX_NUMBER_LENGTH = 32
MAX_POSITION_LENGTH = 4  # int() of a long digit string is slow, or raises past 4,300 digits


class QuestionType(models.TextChoices):
    SINGLE = "single", gettext_lazy("Single choice")
    MULTIPLE = "multiple", gettext_lazy("Multiple choice (select all that apply)")
    TRUE_FALSE = "true_false", gettext_lazy("True or false")
    SHORT = "short", gettext_lazy("Short answer")
    NUMERIC = "numeric", gettext_lazy("Numeric")
    ORDERING = "ordering", gettext_lazy("Ordering")
    MATCHING = "matching", gettext_lazy("Matching")
    POLL = "poll", gettext_lazy("Opinion poll (ungraded)")


def one_value(values, name):
    """The single value a radio, text box or select sends for `name` ("" when none)."""
    sent = values.get(name, [])
    if len(sent) > 1:
        # One input sends one value; more than one is a forged form.
        raise ValidationError(_("Give one answer only."))
    return sent[0] if sent else ""


class QuestionKind:
    """The behaviour shared by every type; each subclass fills in its own rules."""

    type = None
    has_options = False  # the paper shows the question's choices, each under an opaque token
    always_shuffled = False  # shuffled even when the quiz does not shuffle (ordering, matching)
    never_in_authored_order = False  # ordering: the authored order is the answer
    has_targets = False  # matching: the texts items pair with
    graded = True

    @property
    def template_name(self):
        return f"quiz/inputs/{self.type.value}.html"

    # The form -----------------------------------------------------------------------------
    def input_names(self, presented):
        """The names of the inputs this question's template posts."""
        return [presented.field_name]

    def clean(self, presented, values, draft=False):
        """The answer in `values` ({input name: [posted values]}), None if unanswered; raises
        ValidationError for a value the form did not offer. A `draft` may be unfinished."""
        raise NotImplementedError

    def form_values(self, presented, answer):
        """What the inputs post for `answer`: the inverse of `clean` (resume, tests)."""
        raise NotImplementedError

    # Grading and words --------------------------------------------------------------------
    def grade(self, question, answer):
        raise NotImplementedError

    def right_answer(self, question):
        raise NotImplementedError

    def wrong_answer(self, question, rng):
        raise NotImplementedError

    def correct_text(self, question):
        raise NotImplementedError

    def given_text(self, question, answer):
        return [str(answer)]

    # Content files ------------------------------------------------------------------------
    def read_yaml(self, reader, path, item, line, question):
        """Fill `question` (importer QuestionData) from its YAML mapping; report errors on `reader`."""
        raise NotImplementedError


def tokens_by_choice(presented):
    return {option.choice.pk: option.token for option in presented.options}


def choice_by_token(presented, token):
    return next((option.choice for option in presented.options if option.token == token), None)


def read_choices(reader, path, item, question, what):
    """A list of `{text, correct}` choices, at least two."""
    choices = item.get("choices")
    if not isinstance(choices, list) or len(choices) < 2:
        reader.error(path, item.line_of("choices"), f"{what} needs at least two choices")
        return None
    for index, choice in enumerate(choices):
        if not isinstance(choice, dict) or not str(choice.get("text", "")).strip():
            reader.error(path, choices.line_of(index), "each choice needs text")
            continue
        correct = choice.get("correct", False)
        if not isinstance(correct, bool):
            reader.error(path, choices.line_of(index), "correct must be true or false")
        question.choices.append((str(choice["text"]).strip(), correct is True, ""))
    return choices
