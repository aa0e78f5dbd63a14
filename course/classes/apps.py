from django.apps import AppConfig


class ClassesConfig(AppConfig):
    name = "course.classes"
    label = "classes"
    verbose_name = "Classes"

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_delete, post_save, pre_delete

        from wagtail.users.models import UserProfile

        from course.quiz.polls import respondent_scopes

        from . import receivers
        from .exports import delete_file_with_row
        from .models import CapstoneFeedback, ClassExport, CourseClass, Membership, ModuleDueDate
        from .privacy import class_poll_respondents

        respondent_scopes.append(class_poll_respondents)
        post_save.connect(use_up_invitations, sender=get_user_model(), dispatch_uid="classes-use-up-invitations")
        post_delete.connect(delete_file_with_row, sender=ClassExport, dispatch_uid="classes-export-file")
        pre_delete.connect(forget_exports_of_learner, sender=get_user_model(), dispatch_uid="classes-export-learner")
        # The learner's cached classes (learner_side.learner_classes) follow every write they show.
        bumps = [
            (Membership, receivers.bump_for_learner_row, (post_save, post_delete)),
            (CapstoneFeedback, receivers.bump_for_learner_row, (post_save, post_delete)),
            (ModuleDueDate, receivers.bump_for_due_date, (post_save, post_delete)),
            (CourseClass, receivers.bump_for_class, (post_save,)),
            (UserProfile, receivers.bump_for_profile, (post_save,)),
        ]
        for model, receiver, signals in bumps:
            for signal in signals:
                signal.connect(receiver, sender=model, dispatch_uid=f"classes-learner-version-{signal!r}-{model!r}")

    def export_learner_data(self, learner):
        from .models import CapstoneFeedback, Membership

        return {
            "class_memberships": [
                {"class": membership.course_class.name, "joined_at": membership.joined_at.isoformat()}
                for membership in Membership.objects.filter(learner=learner)
                .select_related("course_class")
                .order_by("joined_at", "pk")
            ],
            "capstone_feedback": [
                {
                    "capstone": feedback.response.capstone.title,
                    "prompt_id": feedback.prompt_id,
                    "comment": feedback.comment,
                    "verdict": feedback.verdict,
                    "updated_at": feedback.updated_at.isoformat(),
                }
                for feedback in CapstoneFeedback.objects.filter(learner=learner)
                .select_related("response__capstone")
                .order_by("updated_at", "pk")
            ],
        }


def use_up_invitations(sender, instance, **kwargs):
    """An address is recorded only once its owner confirms it (accounts.email_confirmation),
    which may come after they joined by the invitation's link: their invitations to the
    classes they are in are then used up."""
    if instance.email:
        from .models import Invitation

        Invitation.objects.filter(email__iexact=instance.email, course_class__memberships__learner=instance).delete()


def forget_exports_of_learner(sender, instance, **kwargs):
    """A deleted account leaves no copy in the exports of its classes: those exports (and their
    files, once the deletion commits) go with it; the instructors can export again. Before the
    deletion, while the memberships that find them still exist."""
    from .models import ClassExport

    ClassExport.objects.filter(course_class__memberships__learner=instance).delete()
