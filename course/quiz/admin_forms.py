"""The quiz editor's form: a question or choice that learners answered cannot be deleted,
only retired (kept for their history, left out of new papers)."""

from django.utils.translation import gettext as _

from wagtail.admin.forms import WagtailAdminModelForm

from .deletion import answered_choice_ids, answered_question_ids


def _deleted_pks(formset):
    return [form.instance.pk for form in formset.deleted_forms if form.instance.pk]


class QuizAdminForm(WagtailAdminModelForm):
    def is_valid(self):
        valid = super().is_valid()
        questions = self.formsets.get("questions")
        if not valid or questions is None:
            return valid
        if answered_question_ids(_deleted_pks(questions)):
            self.add_error(
                None,
                _(
                    "A question learners have answered cannot be deleted: tick “retired” instead, so their "
                    "attempts keep it and new papers leave it out."
                ),
            )
        choices = []
        for form in questions.forms:
            nested = getattr(form, "formsets", {}).get("choices")
            if nested is not None:
                choices += _deleted_pks(nested)
        if answered_choice_ids(choices):
            self.add_error(
                None,
                _(
                    "A choice of a question learners have answered cannot be deleted: tick “retired” instead, "
                    "so their answers keep it and new papers leave it out."
                ),
            )
        return not self.errors
