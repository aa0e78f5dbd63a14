"""The instructors' side, in the Wagtail admin: a ModelViewSet for classes (list,
create, edit, delete), restricted to the classes the user teaches, plus the views of
one class (admin_views.py, export_views.py) under the same URL prefix.

Instructors of another class get 404 on every view of this one."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from . import admin_views, export_views
from .models import CourseClass
from .privacy import class_for_instructor


def possible_instructors():
    """Users who may teach a class: superusers and those allowed to create classes."""
    can_add = Q(permissions__codename="add_courseclass", permissions__content_type__app_label="classes")
    return (
        get_user_model()
        .objects.filter(
            Q(is_superuser=True) | Q(groups__in=_groups_with(can_add)) | Q(user_permissions__codename="add_courseclass")
        )
        .filter(is_active=True)
        .distinct()
        .order_by("username")
    )


def _groups_with(condition):
    from django.contrib.auth.models import Group

    return Group.objects.filter(condition)


class OwnClassMixin:
    """Loads the class only from those the user teaches: 404 for any other."""

    def get_object(self, queryset=None):
        return class_for_instructor(self.request.user, self.kwargs[self.pk_url_kwarg])


class KeepsItsAuthorMixin:
    """Whoever creates or edits a class (superusers aside) stays one of its instructors:
    unticking oneself would lock one out of one's own class."""

    def save_instance(self):
        instance = super().save_instance()
        if not self.request.user.is_superuser:
            instance.instructors.add(self.request.user)
        return instance


class ClassIndexView(generic.IndexView):
    def get_base_queryset(self):
        return CourseClass.objects.taught_by(self.request.user).annotate(learner_count=Count("memberships"))

    def get_edit_url(self, instance):
        # The name leads to the class itself; editing is a button there.
        return self.get_class_url(instance)

    @staticmethod
    def get_class_url(instance):
        from django.urls import reverse

        return reverse("classes_admin:class", args=[instance.pk])


class ClassCreateView(KeepsItsAuthorMixin, generic.CreateView):
    def get_success_url(self):
        return ClassIndexView.get_class_url(self.object)


class ClassEditView(OwnClassMixin, KeepsItsAuthorMixin, generic.EditView):
    def get_success_url(self):
        return ClassIndexView.get_class_url(self.object)


class ClassDeleteView(OwnClassMixin, generic.DeleteView):
    pass


class ClassHistoryView(OwnClassMixin, generic.history.HistoryView):
    pass


class ClassUsageView(OwnClassMixin, generic.usage.UsageView):
    pass


class CourseClassViewSet(ModelViewSet):
    model = CourseClass
    icon = "group"
    menu_label = _("Classes")
    menu_order = 250
    add_to_admin_menu = True
    name = "classes_admin"
    url_prefix = "classes"
    copy_view_enabled = False
    index_view_class = ClassIndexView
    add_view_class = ClassCreateView
    edit_view_class = ClassEditView
    delete_view_class = ClassDeleteView
    history_view_class = ClassHistoryView
    usage_view_class = ClassUsageView
    list_display = [
        "name",
        Column("learner_count", label=_("Learners"), sort_key="learner_count"),
        "starts_on",
        "ends_on",
        "join_code",
    ]
    list_filter = []
    search_fields = ["name"]
    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
        FieldPanel("instructors", widget=forms.CheckboxSelectMultiple),
        FieldPanel("polls_within_class"),
    ]

    def formfield_for_dbfield(self, db_field, **kwargs):
        if db_field.name == "instructors":
            kwargs["queryset"] = possible_instructors()
        return super().formfield_for_dbfield(db_field, **kwargs)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:class_id>/", admin_views.ClassOverviewView.as_view(), name="class"),
            path("<int:class_id>/learners/add/", admin_views.add_learners, name="add_learners"),
            path("<int:class_id>/learners/<int:learner_id>/remove/", admin_views.remove_learner, name="remove_learner"),
            path("<int:class_id>/due-dates/", admin_views.DueDatesView.as_view(), name="due_dates"),
            path("<int:class_id>/grid/", admin_views.ClassGridView.as_view(), name="grid"),
            path("<int:class_id>/exports/", export_views.ClassExportsView.as_view(), name="exports"),
            path("<int:class_id>/exports/<int:export_id>/retry/", export_views.retry_class_export, name="export_retry"),
            path(
                "<int:class_id>/exports/<int:export_id>/download/",
                export_views.download_class_export,
                name="export_download",
            ),
            path("<int:class_id>/learners/<int:learner_id>/", admin_views.LearnerView.as_view(), name="learner"),
            path(
                "<int:class_id>/learners/<int:learner_id>/attempts/<int:attempt_id>/",
                admin_views.AttemptReviewView.as_view(),
                name="attempt",
            ),
            path(
                "<int:class_id>/learners/<int:learner_id>/feedback/<int:response_id>/<int:prompt_id>/",
                admin_views.give_feedback,
                name="feedback",
            ),
        ]


classes_viewset = CourseClassViewSet()
