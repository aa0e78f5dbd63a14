from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "course.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import post_delete

        user_logged_in.connect(remember_admin_access, dispatch_uid="remember_admin_access")
        post_delete.connect(forget_deleted_users_logins, sender=self.get_model("User"), dispatch_uid="forget_logins")


def remember_admin_access(sender, request, user, **kwargs):
    # The header's "Admin" link: decided once at login instead of two permission queries per page.
    if request is not None and hasattr(request, "session"):
        request.session["can_access_admin"] = user.has_perm("wagtailadmin.access_admin")


def forget_deleted_users_logins(sender, instance, **kwargs):
    # However the account goes (its owner, the admin), its login log goes with it.
    from .login_log import forget_logins

    forget_logins(instance.username)
